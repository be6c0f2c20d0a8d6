import { column, h, type ExportDefinition } from '../definition.ts';
import { headers } from './common.ts';

export const publicationsExport: ExportDefinition = {
  name: 'publications',
  field: 'publications',
  title: h('Жарыялоолор', 'Публикации', 'Publications'),
  columns: [
    column('publicationId', 'text', headers.id),
    column('title', 'text', headers.title),
    column('kindLabel', 'text', h('Түрү', 'Вид', 'Kind')),
    column('topicLabel', 'text', h('Темасы', 'Тема', 'Topic')),
    column('statusLabel', 'text', headers.status),
    column('draftedOn', 'date', h('Даярдалган күнү', 'Дата подготовки', 'Drafted on')),
    column('approvedOn', 'date', h('Бекитилген күнү', 'Дата утверждения', 'Approved on')),
    column('publishedOn', 'date', h('Жарыяланган күнү', 'Дата публикации', 'Published on')),
    column('channel', 'text', h('Канал', 'Канал', 'Channel')),
    column('link', 'text', h('Шилтеме', 'Ссылка', 'Link')),
  ],
};
