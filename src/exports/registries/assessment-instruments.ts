import { column, h, type ExportDefinition } from '../definition.ts';
import { headers } from './common.ts';

export const assessmentInstrumentsExport: ExportDefinition = {
  name: 'assessment-instruments',
  field: 'assessmentInstruments',
  title: h('Баалоо инструменттери', 'Инструменты оценивания', 'Assessment instruments'),
  columns: [
    column('instrumentId', 'text', headers.id),
    column('code', 'text', headers.code),
    column('title.text', 'text', headers.title),
    column('purpose', 'text', h('Максаты', 'Назначение', 'Purpose')),
    column('latestVersion', 'number', h('Акыркы версия', 'Последняя версия', 'Latest version')),
    column('publishedVersion', 'number', h('Жарыяланган версия', 'Опубликованная версия', 'Published version')),
  ],
};
