import { column, h, type ExportDefinition } from '../definition.ts';
import { headers } from './common.ts';

export const educationStandardsExport: ExportDefinition = {
  name: 'education-standards',
  field: 'educationStandards',
  title: h('Билим берүү стандарттары', 'Образовательные стандарты', 'Education standards'),
  columns: [
    column('code', 'text', headers.code),
    column('title.text', 'text', headers.title),
    column('levelLabel', 'text', headers.level),
    column('edition', 'number', h('Басылышы', 'Редакция', 'Edition')),
    column('developer', 'text', h('Иштеп чыгуучу', 'Разработчик', 'Developer')),
    column('stageLabel', 'text', h('Баскычы', 'Этап', 'Stage')),
    column('registeredOn', 'date', h('Катталган күнү', 'Дата регистрации', 'Registered on')),
    column('approvedOn', 'date', h('Бекитилген күнү', 'Дата утверждения', 'Approved on')),
  ],
};
