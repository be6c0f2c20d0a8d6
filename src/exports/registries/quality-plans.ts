import { column, h, type ExportDefinition } from '../definition.ts';
import { headers } from './common.ts';

export const qualityPlansExport: ExportDefinition = {
  name: 'quality-plans',
  field: 'qualityPlans',
  title: h('Сапатты өнүктүрүү пландары', 'Планы развития качества', 'Quality plans'),
  columns: [
    column('qualityPlanId', 'text', headers.id),
    column('title', 'text', headers.title),
    column('startYear', 'number', h('Башталгыч жыл', 'Начальный год', 'Start year')),
    column('endYear', 'number', h('Акыркы жыл', 'Конечный год', 'End year')),
    column('statusLabel', 'text', headers.status),
    column('adoptedOn', 'date', h('Кабыл алынган күнү', 'Дата принятия', 'Adopted on')),
    column('completedActions', 'number', h('Аткарылган аракеттер', 'Выполнено действий', 'Completed actions')),
    column('completion', 'number', h('Аткарылышы', 'Выполнение', 'Completion')),
  ],
};
