import { column, h, type ExportDefinition } from '../definition.ts';
import { headers } from './common.ts';

export const monitoringsExport: ExportDefinition = {
  name: 'monitorings',
  field: 'monitorings',
  title: h('Мониторингдер', 'Мониторинги', 'Monitorings'),
  columns: [
    column('monitoringId', 'text', headers.id),
    column('title', 'text', headers.title),
    column('objectKindLabel', 'text', h('Объектинин түрү', 'Вид объекта', 'Object kind')),
    column('objectName', 'text', h('Объект', 'Объект', 'Object')),
    column('startsOn', 'date', h('Башталышы', 'Начало', 'Starts on')),
    column('endsOn', 'date', h('Аякташы', 'Окончание', 'Ends on')),
    column('statusLabel', 'text', headers.status),
    column('openRecommendations', 'number', h('Ачык сунуштар', 'Открытые рекомендации', 'Open recommendations')),
  ],
};
