import { column, h, type ExportDefinition } from '../definition.ts';
import { headers } from './common.ts';

export const accreditationsExport: ExportDefinition = {
  name: 'accreditations',
  field: 'accreditations',
  title: h('Аккредитациялар', 'Аккредитации', 'Accreditation cases'),
  columns: [
    column('accreditationId', 'text', headers.id),
    column('kindLabel', 'text', h('Түрү', 'Вид', 'Kind')),
    column('agencyName', 'text', h('Агенттик', 'Агентство', 'Agency')),
    column('programmeCodes', 'text', h('Программалар', 'Программы', 'Programmes')),
    column('faculty', 'text', headers.faculty),
    column('stageLabel', 'text', h('Баскычы', 'Этап', 'Stage')),
    column('outcomeLabel', 'text', h('Жыйынтыгы', 'Решение', 'Outcome')),
    column('appliedOn', 'date', h('Арыз берилген күнү', 'Дата заявки', 'Applied on')),
    column('validFrom', 'date', h('Күчүнө кирген күнү', 'Действует с', 'Valid from')),
    column('validUntil', 'date', headers.validUntil),
  ],
};
