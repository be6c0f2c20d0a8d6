import { column, h, type ExportDefinition } from '../definition.ts';
import { headers } from './common.ts';

export const proposalsExport: ExportDefinition = {
  name: 'proposals',
  field: 'proposals',
  title: h('Жетекчиликке сунуштар', 'Предложения руководству', 'Proposals'),
  columns: [
    column('proposalId', 'text', headers.id),
    column('title', 'text', headers.title),
    column('addressedTo', 'text', h('Кимге', 'Адресат', 'Addressed to')),
    column('basisLabels', 'text', h('Негиздер', 'Основания', 'Bases')),
    column('submittedOn', 'date', h('Берилген күнү', 'Дата подачи', 'Submitted on')),
    column('statusLabel', 'text', headers.status),
    column('decidedOn', 'date', h('Чечим күнү', 'Дата решения', 'Decided on')),
  ],
};
