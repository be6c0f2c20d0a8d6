import { column, h, type ExportDefinition } from '../definition.ts';
import { headers } from './common.ts';

export const meetingsExport: ExportDefinition = {
  name: 'meetings',
  field: 'meetings',
  title: h('Жыйындар жана семинарлар', 'Совещания и семинары', 'Meetings and seminars'),
  columns: [
    column('meetingId', 'text', headers.id),
    column('topic', 'text', h('Темасы', 'Тема', 'Topic')),
    column('kindLabel', 'text', h('Түрү', 'Вид', 'Kind')),
    column('date', 'date', h('Күнү', 'Дата', 'Date')),
    column('place', 'text', h('Орду', 'Место', 'Place')),
    column('organiser', 'text', h('Уюштуруучу', 'Организатор', 'Organiser')),
    column('participants', 'text', h('Катышуучулар', 'Участники', 'Participants')),
    column('statusLabel', 'text', headers.status),
    column('heldOn', 'date', h('Өткөрүлгөн күнү', 'Дата проведения', 'Held on')),
    column('outcome', 'text', h('Жыйынтыгы', 'Итог', 'Outcome')),
  ],
};
