import { column, h, type ExportDefinition } from '../definition.ts';
import { headers } from './common.ts';

export const umoSessionsExport: ExportDefinition = {
  name: 'umo-sessions',
  field: 'umoSessions',
  title: h('ОМБнын отурумдары', 'Заседания УМО', 'UMO sessions'),
  columns: [
    column('umoSessionId', 'text', headers.id),
    column('title', 'text', headers.title),
    column('scheduledOn', 'date', h('Белгиленген күнү', 'Дата заседания', 'Scheduled on')),
    column('place', 'text', h('Орду', 'Место', 'Place')),
    column('members', 'text', h('Мүчөлөр', 'Члены', 'Members')),
    column('present', 'text', h('Катышкандар', 'Присутствовали', 'Present')),
    column('quorum', 'boolean', h('Кворум', 'Кворум', 'Quorum')),
    column('statusLabel', 'text', headers.status),
  ],
};
