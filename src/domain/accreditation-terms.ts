// The words of accreditation (DOMAIN.md §3.1; research §3.3, §7): kinds of case, stages,
// decisions, the statuses of self-assessment sections and of recommendations, and roles in a
// group or panel, each with its labels in Kyrgyz, Russian and English.
import { z } from 'zod';
import type { Labels } from './values.ts';

const kinds = ['institutional', 'programme'] as const;
const stages = [
  'application',
  'self_assessment',
  'report_submitted',
  'expert_panel',
  'visit_held',
  'expert_report',
  'decided',
  'closed',
  'expired',
  'withdrawn',
] as const;
const outcomes = ['accredited', 'conditionally_accredited', 'denied'] as const;
const sectionStatuses = ['not_started', 'draft', 'for_review', 'returned', 'approved'] as const;
const recommendationStatuses = ['open', 'action_planned', 'overdue', 'action_completed', 'escalated', 'closed'] as const;
const panelRoles = ['chair', 'member', 'secretary'] as const;

export const accreditationKindLabels: Labels<(typeof kinds)[number]> = {
  institutional: { ky: 'Институционалдык', ru: 'Институциональная', en: 'Institutional' },
  programme: { ky: 'Программалык', ru: 'Программная', en: 'Programme' },
};
export const accreditationStageLabels: Labels<(typeof stages)[number]> = {
  application: { ky: 'Арыз', ru: 'Заявка', en: 'Application' },
  self_assessment: { ky: 'Өзүн-өзү баалоо', ru: 'Самооценка', en: 'Self-assessment' },
  report_submitted: { ky: 'Өзүн-өзү баалоо отчету тапшырылды', ru: 'Отчёт по самооценке представлен', en: 'Self-assessment report submitted' },
  expert_panel: { ky: 'Эксперттик комиссия дайындалды', ru: 'Экспертная комиссия назначена', en: 'Expert panel appointed' },
  visit_held: { ky: 'Визит өттү', ru: 'Визит проведён', en: 'Visit held' },
  expert_report: { ky: 'Эксперттик отчет алынды', ru: 'Отчёт экспертов получен', en: 'Expert report received' },
  decided: { ky: 'Чечим кабыл алынды', ru: 'Решение принято', en: 'Decided' },
  closed: { ky: 'Иш жабылды', ru: 'Дело закрыто', en: 'Closed' },
  expired: { ky: 'Мөөнөтү бүттү', ru: 'Срок истёк', en: 'Expired' },
  withdrawn: { ky: 'Кайтарылып алынды', ru: 'Отозвана', en: 'Withdrawn' },
};
export const accreditationOutcomeLabels: Labels<(typeof outcomes)[number]> = {
  accredited: { ky: 'Аккредиттелди', ru: 'Аккредитована', en: 'Accredited' },
  conditionally_accredited: { ky: 'Шарттуу аккредиттелди', ru: 'Аккредитована условно', en: 'Conditionally accredited' },
  denied: { ky: 'Баш тартылды', ru: 'Отказано', en: 'Denied' },
};
export const sectionStatusLabels: Labels<(typeof sectionStatuses)[number]> = {
  not_started: { ky: 'Башталган жок', ru: 'Не начат', en: 'Not started' },
  draft: { ky: 'Долбоор', ru: 'Черновик', en: 'Draft' },
  for_review: { ky: 'Кароодо', ru: 'На рассмотрении', en: 'For review' },
  returned: { ky: 'Эскертүүлөр менен кайтарылды', ru: 'Возвращён с замечаниями', en: 'Returned with comments' },
  approved: { ky: 'Бекитилди', ru: 'Утверждён', en: 'Approved' },
};
export const recommendationStatusLabels: Labels<(typeof recommendationStatuses)[number]> = {
  open: { ky: 'Ачык', ru: 'Открыта', en: 'Open' },
  action_planned: { ky: 'Чара пландалды', ru: 'Мера запланирована', en: 'Action planned' },
  overdue: { ky: 'Мөөнөтү өттү', ru: 'Просрочена', en: 'Overdue' },
  action_completed: { ky: 'Чара аткарылды', ru: 'Мера выполнена', en: 'Action completed' },
  escalated: { ky: 'Жогору жакка берилди', ru: 'Передана на уровень выше', en: 'Escalated' },
  closed: { ky: 'Жабылды', ru: 'Закрыта', en: 'Closed' },
};
export const panelRoleLabels: Labels<(typeof panelRoles)[number]> = {
  chair: { ky: 'Төрага', ru: 'Председатель', en: 'Chair' },
  member: { ky: 'Мүчө', ru: 'Член', en: 'Member' },
  secretary: { ky: 'Катчы', ru: 'Секретарь', en: 'Secretary' },
};

export const accreditationKind = z.enum(kinds).meta({
  id: 'AccreditationKind',
  description: 'Institutional accreditation of the university, or accreditation of one or several programmes.',
  labels: accreditationKindLabels,
});
export const accreditationStage = z
  .enum(stages)
  .meta({ id: 'AccreditationStage', description: 'Where an accreditation case stands.', labels: accreditationStageLabels });
export const accreditationOutcome = z
  .enum(outcomes)
  .meta({ id: 'AccreditationOutcome', description: 'The agency’s decision.', labels: accreditationOutcomeLabels });
export const sectionStatus = z
  .enum(sectionStatuses)
  .meta({ id: 'SelfAssessmentSectionStatus', description: 'Where a section of the self-assessment report stands.', labels: sectionStatusLabels });
export const recommendationStatus = z
  .enum(recommendationStatuses)
  .meta({ id: 'RecommendationStatus', description: 'Where the follow-up of a recommendation stands.', labels: recommendationStatusLabels });
export const panelRole = z
  .enum(panelRoles)
  .meta({ id: 'PanelRole', description: 'A member’s role in a working group or expert panel.', labels: panelRoleLabels });
export type AccreditationStage = z.infer<typeof accreditationStage>;
export type AccreditationOutcome = z.infer<typeof accreditationOutcome>;
export type SectionStatus = z.infer<typeof sectionStatus>;
export type RecommendationStatus = z.infer<typeof recommendationStatus>;

export const programmeCode = z
  .string()
  .trim()
  .regex(/^\d{6}$/, 'must be the six-digit code of the direction or specialty (e.g. 580100)');
