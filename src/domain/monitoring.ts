// Quality monitoring (DOMAIN.md 2.1 items 5, 16, 18 and 2.3): the department plans a monitoring of
// a faculty, college, chair, structural unit or programme for a period with a procedure or
// instrument, forms a focus group that includes the student self-government and the ombudsman
// office, records findings, issues recommendations with due dates, follows them up, and closes the
// monitoring once every recommendation has a final follow-up.
import { z } from 'zod';
import type { DueDateSource } from '../automation/contracts.ts';
import type { CommandContext, Decider, Role } from './decider.ts';
import { DomainRuleError } from './errors.ts';
import { planCode, strategyDecisions, strategyStaff } from './strategic-plan.ts';
import { entityId, isoDate, text, type IsoDate, type Labels } from './values.ts';

export const monitoringCategory = 'monitoring';

const objectKinds = ['faculty', 'college', 'chair', 'structural_unit', 'programme'] as const;
const statuses = ['planned', 'in_progress', 'closed'] as const;
const affiliations = ['student_self_government', 'ombudsman_office', 'teaching_staff', 'department', 'employer', 'other'] as const;
const findingKinds = ['strength', 'weakness', 'nonconformity', 'observation'] as const;
const followUps = ['in_progress', 'implemented', 'not_implemented'] as const;

export const monitoringObjectKindLabels: Labels<(typeof objectKinds)[number]> = {
  faculty: { ky: 'Факультет', ru: 'Факультет', en: 'Faculty' },
  college: { ky: 'Колледж', ru: 'Колледж', en: 'College' },
  chair: { ky: 'Кафедра', ru: 'Кафедра', en: 'Chair' },
  structural_unit: { ky: 'Түзүмдүк бөлүм', ru: 'Структурное подразделение', en: 'Structural unit' },
  programme: { ky: 'Билим берүү программасы', ru: 'Образовательная программа', en: 'Educational programme' },
};
export const monitoringStatusLabels: Labels<(typeof statuses)[number]> = {
  planned: { ky: 'Пландалды', ru: 'Запланирован', en: 'Planned' },
  in_progress: { ky: 'Жүрүп жатат', ru: 'Проводится', en: 'In progress' },
  closed: { ky: 'Жабылды', ru: 'Закрыт', en: 'Closed' },
};
export const focusGroupAffiliationLabels: Labels<(typeof affiliations)[number]> = {
  student_self_government: { ky: 'Студенттик өз алдынча башкаруу', ru: 'Студенческое самоуправление', en: 'Student self-government' },
  ombudsman_office: { ky: 'Омбудсмен кеңсеси', ru: 'Офис омбудсмена', en: 'Ombudsman office' },
  teaching_staff: { ky: 'Профессордук-окутуучулук курам', ru: 'Профессорско-преподавательский состав', en: 'Teaching staff' },
  department: { ky: 'Бөлүм', ru: 'Отдел', en: 'Department' },
  employer: { ky: 'Иш берүүчү', ru: 'Работодатель', en: 'Employer' },
  other: { ky: 'Башка', ru: 'Другое', en: 'Other' },
};
export const findingKindLabels: Labels<(typeof findingKinds)[number]> = {
  strength: { ky: 'Күчтүү жагы', ru: 'Сильная сторона', en: 'Strength' },
  weakness: { ky: 'Алсыз жагы', ru: 'Слабая сторона', en: 'Weakness' },
  nonconformity: { ky: 'Талапка шайкеш келбөө', ru: 'Несоответствие', en: 'Nonconformity' },
  observation: { ky: 'Байкоо', ru: 'Наблюдение', en: 'Observation' },
};
export const followUpLabels: Labels<(typeof followUps)[number]> = {
  in_progress: { ky: 'Аткарылууда', ru: 'Выполняется', en: 'In progress' },
  implemented: { ky: 'Аткарылды', ru: 'Выполнена', en: 'Implemented' },
  not_implemented: { ky: 'Аткарылган жок', ru: 'Не выполнена', en: 'Not implemented' },
};

export const monitoringObjectKind = z
  .enum(objectKinds)
  .meta({ id: 'MonitoringObjectKind', description: 'What kind of unit or programme is monitored.', labels: monitoringObjectKindLabels });
export const monitoringStatus = z.enum(statuses).meta({ id: 'MonitoringStatus', description: 'Where a monitoring stands.', labels: monitoringStatusLabels });
export type MonitoringStatus = z.infer<typeof monitoringStatus>;
export const focusGroupAffiliation = z
  .enum(affiliations)
  .meta({ id: 'FocusGroupAffiliation', description: 'Whom a focus-group member represents.', labels: focusGroupAffiliationLabels });
export const findingKind = z.enum(findingKinds).meta({ id: 'MonitoringFindingKind', description: 'What a finding is.', labels: findingKindLabels });
export const recommendationFollowUp = z
  .enum(followUps)
  .meta({ id: 'RecommendationFollowUp', description: 'How a recommendation has been followed up.', labels: followUpLabels });
export type RecommendationFollowUp = z.infer<typeof recommendationFollowUp>;

const monitoringRef = { monitoringId: entityId('monitoring').describe('The monitoring acted on.') };

const focusGroupMember = z
  .object({
    name: text(200).describe('Full name.'),
    affiliation: focusGroupAffiliation,
    role: text(200).optional().describe('Position or role, e.g. chair of the student council.'),
  })
  .meta({ id: 'FocusGroupMember', description: 'A member of a monitoring focus group.' });

const planFields = z.object({
  objectKind: monitoringObjectKind,
  objectName: text(300).describe('The faculty, college, chair, unit or programme monitored.'),
  title: text(300).describe('What the monitoring is about, e.g. "Student satisfaction with teaching".'),
  procedure: text(1000).describe('The procedure or instrument used, e.g. questionnaire v2, classroom observation.'),
  startsOn: isoDate.describe('First day of the monitoring period.'),
  endsOn: isoDate.describe('Last day of the monitoring period.'),
});

export const monitoringCommands = {
  planMonitoring: planFields.refine((c) => c.endsOn >= c.startsOn, { path: ['endsOn'], message: 'must not be before startsOn' }),
  formMonitoringFocusGroup: z
    .object({
      ...monitoringRef,
      members: z
        .array(focusGroupMember)
        .min(2, 'must name at least two members')
        .max(30, 'must have at most 30 members')
        .describe('Members, at least one from the student self-government and one from the ombudsman office.'),
      formedOn: isoDate.describe('Date the focus group was formed.'),
    })
    .refine((c) => ['student_self_government', 'ombudsman_office'].every((a) => c.members.some((m) => m.affiliation === a)), {
      path: ['members'],
      message: 'must include a member of the student self-government and one of the ombudsman office',
    }),
  recordMonitoringFinding: z.object({
    ...monitoringRef,
    code: planCode.describe('Code of the finding within the monitoring, e.g. F1.'),
    kind: findingKind,
    description: text(4000).describe('What was found, with its evidence.'),
    recordedOn: isoDate.describe('Date the finding was recorded.'),
  }),
  issueMonitoringRecommendation: z.object({
    ...monitoringRef,
    findingCode: planCode.describe('The finding the recommendation answers.'),
    code: planCode.describe('Code of the recommendation within the monitoring, e.g. R1.'),
    text: text(4000).describe('What is recommended.'),
    responsibleUnit: text(200).describe('The unit that is to act on it.'),
    dueOn: isoDate.describe('Date by which it is to be acted on.'),
    issuedOn: isoDate.describe('Date it was issued.'),
  }),
  recordRecommendationFollowUp: z.object({
    ...monitoringRef,
    recommendationCode: planCode.describe('The recommendation followed up.'),
    followUp: recommendationFollowUp,
    note: text(2000).describe('What was done, or why not.'),
    recordedOn: isoDate.describe('Date of the follow-up.'),
  }),
  closeMonitoring: z.object({
    ...monitoringRef,
    conclusion: text(4000).describe('The overall conclusion of the monitoring.'),
    closedOn: isoDate.describe('Date it was closed.'),
  }),
} as const;

export type MonitoringCommandName = keyof typeof monitoringCommands;
export type MonitoringCommand = {
  [Name in MonitoringCommandName]: { type: Name; monitoringId: string } & z.infer<(typeof monitoringCommands)[Name]>;
}[MonitoringCommandName];

export const monitoringEventSchemas = {
  MonitoringPlanned: planFields.extend({ monitoringId: z.string() }),
  MonitoringFocusGroupFormed: z.object({ monitoringId: z.string(), members: z.array(focusGroupMember), formedOn: isoDate }),
  MonitoringFindingRecorded: z.object({ monitoringId: z.string(), code: z.string(), kind: findingKind, description: z.string(), recordedOn: isoDate }),
  MonitoringRecommendationIssued: z.object({
    monitoringId: z.string(),
    findingCode: z.string(),
    code: z.string(),
    text: z.string(),
    responsibleUnit: z.string(),
    dueOn: isoDate,
    issuedOn: isoDate,
  }),
  RecommendationFollowedUp: z.object({
    monitoringId: z.string(),
    recommendationCode: z.string(),
    followUp: recommendationFollowUp,
    note: z.string(),
    recordedOn: isoDate,
  }),
  MonitoringClosed: z.object({ monitoringId: z.string(), conclusion: z.string(), closedOn: isoDate }),
} as const;

export type MonitoringEventType = keyof typeof monitoringEventSchemas;
export type MonitoringEvent = {
  [Type in MonitoringEventType]: { type: Type; data: z.infer<(typeof monitoringEventSchemas)[Type]> };
}[MonitoringEventType];
export const monitoringEventTypes = Object.keys(monitoringEventSchemas) as MonitoringEventType[];

export type MonitoringState =
  | { exists: false }
  | {
      exists: true;
      status: MonitoringStatus;
      startsOn: IsoDate;
      findings: string[];
      /** Recommendation code → its latest follow-up, or null before any. */
      recommendations: Record<string, RecommendationFollowUp | null>;
    };

function evolve(state: MonitoringState, event: MonitoringEvent): MonitoringState {
  if (event.type === 'MonitoringPlanned') return { exists: true, status: 'planned', startsOn: event.data.startsOn, findings: [], recommendations: {} };
  if (!state.exists) return state;
  switch (event.type) {
    case 'MonitoringFocusGroupFormed':
      return { ...state, status: 'in_progress' };
    case 'MonitoringFindingRecorded':
      return { ...state, status: 'in_progress', findings: [...state.findings, event.data.code] };
    case 'MonitoringRecommendationIssued':
      return { ...state, recommendations: { ...state.recommendations, [event.data.code]: null } };
    case 'RecommendationFollowedUp':
      return { ...state, recommendations: { ...state.recommendations, [event.data.recommendationCode]: event.data.followUp } };
    case 'MonitoringClosed':
      return { ...state, status: 'closed' };
  }
}

const rule = (code: string, message: string) => new DomainRuleError(code, message);
const isFinal = (f: RecommendationFollowUp | null) => f === 'implemented' || f === 'not_implemented';

function decide(command: MonitoringCommand, state: MonitoringState, _context: CommandContext): MonitoringEvent[] {
  if (command.type === 'planMonitoring') {
    if (state.exists) throw rule('MONITORING_ALREADY_PLANNED', 'this monitoring already exists');
    const { type: _type, ...data } = command;
    return [{ type: 'MonitoringPlanned', data }];
  }
  if (!state.exists) throw rule('MONITORING_NOT_FOUND', 'no monitoring with this id exists');
  if (state.status === 'closed') throw rule('MONITORING_CLOSED', 'the monitoring is closed');
  switch (command.type) {
    case 'formMonitoringFocusGroup': {
      const { type: _type, ...data } = command;
      return [{ type: 'MonitoringFocusGroupFormed', data }];
    }
    case 'recordMonitoringFinding': {
      if (state.findings.includes(command.code)) throw rule('FINDING_CODE_TAKEN', `code: the monitoring already has a finding ${command.code}`);
      if (command.recordedOn < state.startsOn)
        throw rule('DATE_BEFORE_MONITORING', `recordedOn: a finding cannot be recorded before the monitoring starts (${state.startsOn})`);
      const { type: _type, ...data } = command;
      return [{ type: 'MonitoringFindingRecorded', data }];
    }
    case 'issueMonitoringRecommendation': {
      if (!state.findings.includes(command.findingCode)) throw rule('FINDING_NOT_FOUND', `findingCode: the monitoring has no finding ${command.findingCode}`);
      if (command.code in state.recommendations) throw rule('RECOMMENDATION_CODE_TAKEN', `code: the monitoring already has a recommendation ${command.code}`);
      if (command.dueOn < command.issuedOn) throw rule('DUE_BEFORE_ISSUE', `dueOn (${command.dueOn}) cannot be before issuedOn (${command.issuedOn})`);
      const { type: _type, ...data } = command;
      return [{ type: 'MonitoringRecommendationIssued', data }];
    }
    case 'recordRecommendationFollowUp': {
      if (!(command.recommendationCode in state.recommendations)) {
        throw rule('RECOMMENDATION_NOT_FOUND', `recommendationCode: the monitoring has no recommendation ${command.recommendationCode}`);
      }
      if (isFinal(state.recommendations[command.recommendationCode]!)) {
        throw rule('RECOMMENDATION_SETTLED', `recommendation ${command.recommendationCode} has a final follow-up already`);
      }
      const { type: _type, ...data } = command;
      return [{ type: 'RecommendationFollowedUp', data }];
    }
    case 'closeMonitoring': {
      const open = Object.entries(state.recommendations)
        .filter(([, f]) => !isFinal(f))
        .map(([code]) => code);
      if (open.length > 0) throw rule('RECOMMENDATIONS_OPEN', `recommendations ${open.join(', ')} have no final follow-up yet`);
      if (state.findings.length === 0) throw rule('NO_FINDINGS', 'a monitoring is closed with at least one finding');
      const { type: _type, ...data } = command;
      return [{ type: 'MonitoringClosed', data }];
    }
  }
}

export const monitoringDecider: Decider<MonitoringCommand, MonitoringEvent, MonitoringState> = { initialState: { exists: false }, evolve, decide };

export const monitoringPermissions: Record<MonitoringCommandName, Role[]> = {
  planMonitoring: strategyStaff,
  formMonitoringFocusGroup: strategyStaff,
  recordMonitoringFinding: strategyStaff,
  issueMonitoringRecommendation: strategyStaff,
  recordRecommendationFollowUp: strategyStaff,
  closeMonitoring: strategyDecisions,
};

/** The id a corrective action names a monitoring finding by. */
export const findingId = (monitoringId: string, code: string): string => `${monitoringId}:${code}`;

const recommendationKey = (monitoringId: string, code: string) => `monitoring:${monitoringId}:recommendation:${code}`;

/** A recommendation's due date is on the deadlines list until its final follow-up. */
export const monitoringDueDates: DueDateSource = {
  module: 'monitoring',
  eventTypes: ['MonitoringRecommendationIssued', 'RecommendationFollowedUp'],
  changes(event) {
    if (event.type === 'MonitoringRecommendationIssued') {
      const d = monitoringEventSchemas.MonitoringRecommendationIssued.parse(event.data);
      return [
        {
          action: 'due',
          key: recommendationKey(d.monitoringId, d.code),
          kind: 'monitoring_recommendation',
          title: d.text,
          dueOn: d.dueOn,
          entityType: 'Monitoring',
          entityId: d.monitoringId,
          unit: d.responsibleUnit,
        },
      ];
    }
    const d = monitoringEventSchemas.RecommendationFollowedUp.parse(event.data);
    const key = recommendationKey(d.monitoringId, d.recommendationCode);
    if (d.followUp === 'implemented') return [{ action: 'done', key, on: d.recordedOn }];
    return d.followUp === 'not_implemented' ? [{ action: 'dropped', key }] : [];
  },
};
