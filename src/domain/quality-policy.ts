// The university's quality policy (regulation §2.1 item 17): the department develops it, consults
// students, staff and employers on it, has it approved, updates it, and follows the measures that put
// it into practice. Each update is a new edition that goes through consultation and approval again.
import { z } from 'zod';
import type { CommandContext, Decider, Role } from './decider.ts';
import { DomainRuleError } from './errors.ts';
import { departmentStaff, institutionalApprovers } from './staff.ts';
import { localDateOf } from './values.ts';
import { entityId, isoDate, text, type IsoDate, type Labels } from './values.ts';

export const qualityPolicyCategory = 'qualityPolicy';

const stages = ['draft', 'consulted', 'approved'] as const;
const measureStates = ['planned', 'in_progress', 'done', 'dropped'] as const;

export const policyStageLabels: Labels<(typeof stages)[number]> = {
  draft: { ky: 'Долбоор', ru: 'Проект', en: 'Draft' },
  consulted: { ky: 'Талкууланды', ru: 'Обсуждена', en: 'Consulted' },
  approved: { ky: 'Бекитилген', ru: 'Утверждена', en: 'Approved' },
};
export const measureStateLabels: Labels<(typeof measureStates)[number]> = {
  planned: { ky: 'Пландалган', ru: 'Запланировано', en: 'Planned' },
  in_progress: { ky: 'Аткарылууда', ru: 'Выполняется', en: 'In progress' },
  done: { ky: 'Аткарылды', ru: 'Выполнено', en: 'Done' },
  dropped: { ky: 'Алынып салынды', ru: 'Отменено', en: 'Dropped' },
};

export const policyStage = z
  .enum(stages)
  .meta({ id: 'QualityPolicyStage', description: 'Where the current edition of the quality policy stands.', labels: policyStageLabels });
export const measureState = z
  .enum(measureStates)
  .meta({ id: 'PolicyMeasureState', description: 'How far a measure implementing the quality policy has come.', labels: measureStateLabels });
export type PolicyStage = z.infer<typeof policyStage>;
export type MeasureState = z.infer<typeof measureState>;

const policyRef = { policyId: entityId('quality policy').describe('The quality policy acted on.') };
const measureCode = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9._-]{1,30}$/, 'must be 1-30 letters, digits, dots, dashes or underscores (e.g. M-03)')
  .describe('Code of the measure within the policy, e.g. M-03.');

export const qualityPolicyCommands = {
  draftQualityPolicy: z.object({
    title: text(300).describe('Title of the policy.'),
    statement: text(8000).describe('The policy itself: the university’s commitments on quality.'),
    draftedOn: isoDate.describe('Date the draft was prepared.'),
  }),
  recordQualityPolicyConsultation: z.object({
    ...policyRef,
    consultedWith: z
      .array(text(200))
      .min(1, 'must name at least one party consulted')
      .max(30)
      .describe('Who was consulted: students’ self-government, staff, employers ...'),
    summary: text(4000).describe('What the consultation brought up.'),
    consultedOn: isoDate.describe('Date of the consultation.'),
  }),
  approveQualityPolicy: z.object({
    ...policyRef,
    approvedOn: isoDate.describe('Date of approval.'),
    approvingBody: text(300).describe('The body that approved it, e.g. the Academic Council.'),
    documentId: entityId('normative document').optional().describe('The normative document that records the approved policy, if registered.'),
  }),
  openQualityPolicyUpdate: z.object({
    ...policyRef,
    reason: text(2000).describe('Why the policy is updated.'),
    statement: text(8000).describe('The updated text.'),
    openedOn: isoDate.describe('Date the update began.'),
  }),
  planQualityPolicyMeasure: z.object({
    ...policyRef,
    code: measureCode,
    title: text(500).describe('What is to be done.'),
    ownerUnit: text(200).describe('The unit responsible.'),
    dueOn: isoDate.describe('When it is due.'),
  }),
  reportQualityPolicyMeasure: z.object({
    ...policyRef,
    code: measureCode,
    state: measureState,
    note: text(2000).optional().describe('What was done, or why it was dropped.'),
    reportedOn: isoDate.describe('Date of the report.'),
  }),
} as const;

export type QualityPolicyCommandName = keyof typeof qualityPolicyCommands;

// The department drafts, consults on and follows the policy; approval is the director's or the rector's record.
const department = departmentStaff;
const approvers = institutionalApprovers;
export const qualityPolicyPermissions: Record<QualityPolicyCommandName, Role[]> = {
  draftQualityPolicy: department,
  recordQualityPolicyConsultation: department,
  approveQualityPolicy: approvers,
  openQualityPolicyUpdate: department,
  planQualityPolicyMeasure: department,
  reportQualityPolicyMeasure: department,
};

export type QualityPolicyCommand = {
  [Name in QualityPolicyCommandName]: { type: Name; policyId: string } & z.infer<(typeof qualityPolicyCommands)[Name]>;
}[QualityPolicyCommandName];

export const qualityPolicyEventSchemas = {
  QualityPolicyDrafted: z.object({ policyId: z.string(), title: z.string(), statement: z.string(), draftedOn: isoDate }),
  QualityPolicyConsulted: z.object({
    policyId: z.string(),
    edition: z.number(),
    consultedWith: z.array(z.string()),
    summary: z.string(),
    consultedOn: isoDate,
  }),
  QualityPolicyApproved: z.object({
    policyId: z.string(),
    edition: z.number(),
    approvedOn: isoDate,
    approvingBody: z.string(),
    documentId: z.string().nullable(),
  }),
  QualityPolicyUpdateOpened: z.object({ policyId: z.string(), edition: z.number(), reason: z.string(), statement: z.string(), openedOn: isoDate }),
  QualityPolicyMeasurePlanned: z.object({ policyId: z.string(), code: z.string(), title: z.string(), ownerUnit: z.string(), dueOn: isoDate }),
  QualityPolicyMeasureReported: z.object({ policyId: z.string(), code: z.string(), state: measureState, note: z.string().nullable(), reportedOn: isoDate }),
} as const;

export type QualityPolicyEventType = keyof typeof qualityPolicyEventSchemas;
export type QualityPolicyEvent = {
  [Type in QualityPolicyEventType]: { type: Type; data: z.infer<(typeof qualityPolicyEventSchemas)[Type]> };
}[QualityPolicyEventType];
export const qualityPolicyEventTypes = Object.keys(qualityPolicyEventSchemas) as QualityPolicyEventType[];

export type QualityPolicyState =
  | { exists: false }
  | { exists: true; stage: PolicyStage; edition: number; everApproved: boolean; lastDate: IsoDate; measures: Record<string, MeasureState> };

const initialState: QualityPolicyState = { exists: false };

function evolve(state: QualityPolicyState, event: QualityPolicyEvent): QualityPolicyState {
  if (event.type === 'QualityPolicyDrafted')
    return { exists: true, stage: 'draft', edition: 1, everApproved: false, lastDate: event.data.draftedOn, measures: {} };
  if (!state.exists) return state;
  switch (event.type) {
    case 'QualityPolicyConsulted':
      return { ...state, stage: 'consulted', lastDate: event.data.consultedOn };
    case 'QualityPolicyApproved':
      return { ...state, stage: 'approved', everApproved: true, lastDate: event.data.approvedOn };
    case 'QualityPolicyUpdateOpened':
      return { ...state, stage: 'draft', edition: event.data.edition, lastDate: event.data.openedOn };
    case 'QualityPolicyMeasurePlanned':
      return { ...state, measures: { ...state.measures, [event.data.code]: 'planned' } };
    case 'QualityPolicyMeasureReported':
      return { ...state, measures: { ...state.measures, [event.data.code]: event.data.state } };
  }
}

const rule = (code: string, message: string) => new DomainRuleError(code, message);

function requireDated(state: Extract<QualityPolicyState, { exists: true }>, date: IsoDate, field: string, context: CommandContext): void {
  if (date < state.lastDate) throw rule('DATE_BEFORE_PREVIOUS_STEP', `${field} (${date}) cannot be before the policy's previous step (${state.lastDate})`);
  const today = localDateOf(context.now);
  if (date > today) throw rule('DATE_IN_FUTURE', `${field} (${date}) is after today (${today}); record it once it has happened`);
}

function decide(command: QualityPolicyCommand, state: QualityPolicyState, context: CommandContext): QualityPolicyEvent[] {
  if (command.type === 'draftQualityPolicy') {
    if (state.exists) throw rule('POLICY_ALREADY_DRAFTED', 'this quality policy already exists');
    const { type: _type, ...data } = command;
    return [{ type: 'QualityPolicyDrafted', data }];
  }
  if (!state.exists) throw rule('POLICY_NOT_FOUND', 'no quality policy with this id exists');
  const { policyId } = command;
  switch (command.type) {
    case 'recordQualityPolicyConsultation':
      if (state.stage === 'approved') throw rule('POLICY_ALREADY_APPROVED', 'this edition is approved; open an update to consult on a new one');
      requireDated(state, command.consultedOn, 'consultedOn', context);
      return [
        {
          type: 'QualityPolicyConsulted',
          data: { policyId, edition: state.edition, consultedWith: command.consultedWith, summary: command.summary, consultedOn: command.consultedOn },
        },
      ];
    case 'approveQualityPolicy':
      if (state.stage === 'approved') throw rule('POLICY_ALREADY_APPROVED', 'this edition is already approved');
      if (state.stage !== 'consulted')
        throw rule('CONSULTATION_REQUIRED', 'the policy must be consulted on with students, staff and employers before it is approved');
      requireDated(state, command.approvedOn, 'approvedOn', context);
      return [
        {
          type: 'QualityPolicyApproved',
          data: {
            policyId,
            edition: state.edition,
            approvedOn: command.approvedOn,
            approvingBody: command.approvingBody,
            documentId: command.documentId ?? null,
          },
        },
      ];
    case 'openQualityPolicyUpdate':
      if (state.stage !== 'approved') throw rule('POLICY_NOT_APPROVED', 'only an approved policy is updated; finish the current edition first');
      requireDated(state, command.openedOn, 'openedOn', context);
      return [
        {
          type: 'QualityPolicyUpdateOpened',
          data: { policyId, edition: state.edition + 1, reason: command.reason, statement: command.statement, openedOn: command.openedOn },
        },
      ];
    case 'planQualityPolicyMeasure':
      if (!state.everApproved) throw rule('POLICY_NOT_APPROVED', 'measures implement an approved policy; approve it first');
      if (state.measures[command.code] !== undefined) throw rule('MEASURE_ALREADY_PLANNED', `a measure ${command.code} is already planned`);
      return [
        {
          type: 'QualityPolicyMeasurePlanned',
          data: { policyId, code: command.code, title: command.title, ownerUnit: command.ownerUnit, dueOn: command.dueOn },
        },
      ];
    case 'reportQualityPolicyMeasure': {
      const current = state.measures[command.code];
      if (current === undefined) throw rule('MEASURE_NOT_FOUND', `no measure ${command.code} is planned under this policy`);
      if (current === 'done' || current === 'dropped') throw rule('MEASURE_CLOSED', `measure ${command.code} is already ${current}`);
      if (command.state === 'planned') throw rule('MEASURE_CANNOT_GO_BACK', 'a measure cannot be reported back to planned');
      const today = localDateOf(context.now);
      if (command.reportedOn > today) throw rule('DATE_IN_FUTURE', `reportedOn (${command.reportedOn}) is after today (${today})`);
      return [
        {
          type: 'QualityPolicyMeasureReported',
          data: { policyId, code: command.code, state: command.state, note: command.note ?? null, reportedOn: command.reportedOn },
        },
      ];
    }
  }
}

export const qualityPolicyDecider: Decider<QualityPolicyCommand, QualityPolicyEvent, QualityPolicyState> = { initialState, evolve, decide };
