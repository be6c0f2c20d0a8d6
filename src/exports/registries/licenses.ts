import { column, h, type ExportDefinition } from '../definition.ts';
import { headers } from './common.ts';

export const licensesExport: ExportDefinition = {
  name: 'licenses',
  field: 'licenses',
  title: h('Лицензиялар', 'Лицензии', 'Licences'),
  columns: [
    column('licenseId', 'text', headers.id),
    column('licenseNumber', 'text', h('Лицензиянын номери', 'Номер лицензии', 'Licence number')),
    column('programmeCode', 'text', headers.programmeCode),
    column('programmeName.text', 'text', headers.programmeName),
    column('levelLabel', 'text', headers.level),
    column('faculty', 'text', headers.faculty),
    column('capacity', 'number', h('Контингент', 'Контингент', 'Capacity')),
    column('statusLabel', 'text', headers.status),
    column('submittedOn', 'date', h('Берилген күнү', 'Дата подачи', 'Submitted on')),
    column('grantedOn', 'date', h('Берилген (лицензия)', 'Дата выдачи', 'Granted on')),
    column('validUntil', 'date', headers.validUntil),
    column('withoutTimeLimit', 'boolean', h('Мөөнөтсүз', 'Бессрочная', 'Without time limit')),
  ],
};
