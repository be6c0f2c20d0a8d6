import { column, h, type ExportDefinition } from '../definition.ts';
import { headers } from './common.ts';

export const programmesExport: ExportDefinition = {
  name: 'programmes',
  field: 'programmes',
  title: h('Билим берүү программалары', 'Образовательные программы', 'Programmes'),
  columns: [
    column('code', 'text', headers.programmeCode),
    column('name.text', 'text', headers.programmeName),
    column('faculty', 'text', headers.faculty),
    column('licensed', 'boolean', h('Лицензияланган', 'Лицензирована', 'Licensed')),
    column('accredited', 'boolean', h('Аккредиттелген', 'Аккредитована', 'Accredited')),
    column('mayRun', 'boolean', h('Жүргүзүүгө укуктуу', 'Может реализовываться', 'May run')),
  ],
};
