import { column, h, type ExportDefinition } from '../definition.ts';

/** The department's staffing table, a plain list: every rate of every position, filled or vacant. */
export const staffingTableExport: ExportDefinition = {
  name: 'staffing-table',
  field: 'staffingTable',
  title: h('Штаттык ырааттама', 'Штатное расписание', 'Staffing table'),
  columns: [
    column('unitLabel', 'text', h('Бөлүм', 'Подразделение', 'Unit')),
    column('positionLabel', 'text', h('Кызматы', 'Должность', 'Position')),
    column('rate', 'number', h('Ставка', 'Ставка', 'Rate')),
    column('filled', 'boolean', h('Ээленген', 'Занята', 'Filled')),
    column('personName', 'text', h('Кызматкер', 'Сотрудник', 'Employee')),
    column('since', 'date', h('Качантан бери', 'С какого числа', 'Since')),
    column('orderNumber', 'text', h('Буйруктун номери', 'Номер приказа', 'Order number')),
  ],
};
