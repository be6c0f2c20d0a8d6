import { column, h, type ExportDefinition } from '../definition.ts';
import { headers } from './common.ts';

export const documentsExport: ExportDefinition = {
  name: 'documents',
  field: 'documents',
  title: h('Ченемдик документтер', 'Нормативные документы', 'Normative documents'),
  columns: [
    column('code', 'text', headers.code),
    column('title.text', 'text', headers.title),
    column('documentTypeLabel', 'text', h('Документтин түрү', 'Вид документа', 'Document type')),
    column('statusLabel', 'text', headers.status),
    column('approvedOn', 'date', h('Бекитилген күнү', 'Дата утверждения', 'Approved on')),
    column('versionInForce', 'number', h('Күчүндөгү версия', 'Действующая версия', 'Version in force')),
    column('nextReviewDue', 'date', h('Кийинки кайра кароо', 'Следующий пересмотр', 'Next review due')),
    column('reviewOverdue', 'boolean', h('Кайра кароо мөөнөтү өткөн', 'Пересмотр просрочен', 'Review overdue')),
  ],
};
