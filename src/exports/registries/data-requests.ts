import { column, h, type ExportDefinition } from '../definition.ts';
import { headers } from './common.ts';

/** The register of data requests: a unit head's export holds only their unit's, as their query does. */
export const dataRequestsExport: ExportDefinition = {
  name: 'data-requests',
  field: 'dataRequests',
  title: h('Маалымат суроо-талаптары', 'Запросы данных', 'Data requests'),
  columns: [
    column('dataRequestId', 'text', headers.id),
    column('subject', 'text', h('Темасы', 'Тема', 'Subject')),
    column('unitKindLabel', 'text', h('Бөлүмдүн түрү', 'Вид подразделения', 'Unit kind')),
    column('unit', 'text', h('Бөлүм', 'Подразделение', 'Unit')),
    column('requester', 'text', h('Суроочу', 'Запросил', 'Requester')),
    column('sentOn', 'date', h('Жөнөтүлгөн күнү', 'Дата отправки', 'Sent on')),
    column('dueOn', 'date', h('Мөөнөтү', 'Срок', 'Due on')),
    column('statusLabel', 'text', headers.status),
    column('overdue', 'boolean', h('Мөөнөтү өткөн', 'Просрочено', 'Overdue')),
    column('remindedOn', 'date', h('Эскертилген күнү', 'Дата напоминания', 'Reminded on')),
  ],
};
