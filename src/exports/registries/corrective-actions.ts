import { column, h, type ExportDefinition } from '../definition.ts';
import { headers } from './common.ts';

export const correctiveActionsExport: ExportDefinition = {
  name: 'corrective-actions',
  field: 'correctiveActions',
  title: h('Оңдоо аракеттери', 'Корректирующие действия', 'Corrective actions'),
  columns: [
    column('correctiveActionId', 'text', headers.id),
    column('sourceLabel', 'text', h('Булагы', 'Источник', 'Source')),
    column('problem', 'text', h('Көйгөй', 'Проблема', 'Problem')),
    column('action', 'text', h('Аракет', 'Действие', 'Action')),
    column('owner', 'text', h('Аткаруучу', 'Исполнитель', 'Owner')),
    column('ownerUnit', 'text', headers.ownerUnit),
    column('dueOn', 'date', h('Мөөнөтү', 'Срок', 'Due on')),
    column('statusLabel', 'text', headers.status),
    column('overdue', 'boolean', h('Мөөнөтү өткөн', 'Просрочено', 'Overdue')),
    column('completedOn', 'date', h('Аткарылган күнү', 'Дата выполнения', 'Completed on')),
  ],
};
