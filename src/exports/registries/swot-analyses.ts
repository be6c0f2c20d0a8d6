import { column, h, type ExportDefinition } from '../definition.ts';
import { headers } from './common.ts';

export const swotAnalysesExport: ExportDefinition = {
  name: 'swot-analyses',
  field: 'swotAnalyses',
  title: h('SWOT-талдоолор', 'SWOT-анализы', 'SWOT analyses'),
  columns: [
    column('swotAnalysisId', 'text', headers.id),
    column('title', 'text', headers.title),
    column('scope', 'text', h('Чөйрөсү', 'Охват', 'Scope')),
    column('analysedOn', 'date', h('Талдоо күнү', 'Дата анализа', 'Analysed on')),
    column('statusLabel', 'text', headers.status),
    column('strengths', 'text', h('Күчтүү жактары', 'Сильные стороны', 'Strengths')),
    column('weaknesses', 'text', h('Алсыз жактары', 'Слабые стороны', 'Weaknesses')),
    column('opportunities', 'text', h('Мүмкүнчүлүктөр', 'Возможности', 'Opportunities')),
    column('threats', 'text', h('Коркунучтар', 'Угрозы', 'Threats')),
  ],
};
