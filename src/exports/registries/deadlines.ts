import { column, h, type ExportDefinition } from '../definition.ts';

export const deadlinesExport: ExportDefinition = {
  name: 'deadlines',
  field: 'deadlines',
  title: h('Мөөнөттөр', 'Сроки', 'Deadlines'),
  columns: [
    column('dueOn', 'date', h('Мөөнөтү', 'Срок', 'Due on')),
    column('kindLabel', 'text', h('Түрү', 'Вид', 'Kind')),
    column('title', 'text', h('Эмне', 'Что', 'What')),
    column('unit', 'text', h('Бөлүм', 'Подразделение', 'Unit')),
    column('assignee', 'text', h('Жооптуу', 'Ответственный', 'Assignee')),
    column('daysLeft', 'number', h('Калган күндөр', 'Осталось дней', 'Days left')),
    column('overdue', 'boolean', h('Мөөнөтү өткөн', 'Просрочено', 'Overdue')),
    column('done', 'boolean', h('Аткарылды', 'Выполнено', 'Done')),
  ],
};
