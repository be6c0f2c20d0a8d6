import { column, h, type ExportDefinition } from '../definition.ts';
import { headers } from './common.ts';

// Named analytical-reports in the URL so it is not mistaken for the annual PDF under /report/.
export const analyticalReportsExport: ExportDefinition = {
  name: 'analytical-reports',
  field: 'reports',
  title: h('Аналитикалык отчеттор', 'Аналитические отчёты', 'Analytical reports'),
  columns: [
    column('analyticalReportId', 'text', headers.id),
    column('title', 'text', headers.title),
    column('subject', 'text', h('Темасы', 'Тема', 'Subject')),
    column('periodFrom', 'date', h('Мезгилдин башы', 'Начало периода', 'Period from')),
    column('periodTo', 'date', h('Мезгилдин аягы', 'Конец периода', 'Period to')),
    column('preparedOn', 'date', h('Даярдалган күнү', 'Дата подготовки', 'Prepared on')),
    column('statusLabel', 'text', headers.status),
    column('submittedOn', 'date', h('Берилген күнү', 'Дата подачи', 'Submitted on')),
    column('approvedOn', 'date', h('Бекитилген күнү', 'Дата утверждения', 'Approved on')),
    column('approvedBy', 'text', h('Бекиткен', 'Утвердил', 'Approved by')),
  ],
};
