import { column, h, type ExportDefinition } from '../definition.ts';
import { headers } from './common.ts';

export const organisationTasksExport: ExportDefinition = {
  name: 'organisation-tasks',
  field: 'organisationTasks',
  title: h('Тапшырмалар', 'Поручения', 'Tasks'),
  columns: [
    column('taskId', 'text', headers.id),
    column('title', 'text', headers.title),
    column('assignedBy', 'text', h('Ким берген', 'Кем дано', 'Assigned by')),
    column('assignedOn', 'date', h('Берилген күнү', 'Дата поручения', 'Assigned on')),
    column('assigneeUnit', 'text', h('Бөлүм', 'Подразделение', 'Unit')),
    column('assigneePersonName', 'text', h('Аткаруучу', 'Исполнитель', 'Assignee')),
    column('dueOn', 'date', h('Мөөнөтү', 'Срок', 'Due on')),
    column('statusLabel', 'text', headers.status),
    column('overdue', 'boolean', h('Мөөнөтү өткөн', 'Просрочено', 'Overdue')),
    column('completedOn', 'date', h('Аткарылган күнү', 'Дата выполнения', 'Completed on')),
  ],
};
