// The university's own quality standards and criteria (regulation §2.1 items 4 and 19): each standard
// lists criteria with the indicators of evidence that show a criterion is met, and names where it is
// drawn from (state policy, the university's policy, ranking criteria, accreditation agencies'
// frameworks). A standard is drafted, approved with a date by which it must be revised, and revised
// as a new edition; a revision date that passes is recorded by the clock.
import { z } from 'zod';
import type { CommandContext, Decider, Role } from './decider.ts';
import { DomainRuleError } from './errors.ts';
import { departmentStaff, institutionalApprovers } from './staff.ts';
import { localDateOf } from './values.ts';
import { entityId, isoDate, multilingualName, text, type IsoDate, type Labels } from './values.ts';

export const qualityStandardCategory = 'qualityStandard';

const sourceKinds = ['state_policy', 'university_policy', 'ranking_criteria', 'agency_framework'] as const;
const stages = ['draft', 'approved'] as const;

export const sourceKindLabels: Labels<(typeof sourceKinds)[number]> = {
  state_policy: { ky: 'Мамлекеттик саясат', ru: 'Государственная политика', en: 'State policy' },
  university_policy: { ky: 'Университеттин саясаты', ru: 'Политика университета', en: 'University policy' },
  ranking_criteria: { ky: 'Рейтингдердин критерийлери', ru: 'Критерии рейтингов', en: 'Ranking criteria' },
  agency_framework: { ky: 'Аккредитациялык агенттиктин стандарттары', ru: 'Стандарты аккредитационного агентства', en: 'Accreditation agency framework' },
};
export const qualityStandardStageLabels: Labels<(typeof stages)[number]> = {
  draft: { ky: 'Долбоор', ru: 'Проект', en: 'Draft' },
  approved: { ky: 'Бекитилген', ru: 'Утверждён', en: 'Approved' },
};

export const sourceKind = z
  .enum(sourceKinds)
  .meta({ id: 'QualityStandardSourceKind', description: 'Where a quality standard is drawn from.', labels: sourceKindLabels });
export const qualityStandardStage = z
  .enum(stages)
  .meta({ id: 'QualityStandardStage', description: 'Where the current edition of a quality standard stands.', labels: qualityStandardStageLabels });

const criterionCode = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9._-]{1,20}$/, 'must be 1-20 letters, digits, dots, dashes or underscores (e.g. 2.3)');

export const qualityCriterion = z
  .object({
    code: criterionCode.describe('Code of the criterion within the standard, e.g. 2.3.'),
    statement: multilingualName.describe('What the criterion requires, in the three languages.'),
    evidence: z
      .array(text(500))
      .min(1, 'must name at least one indicator of evidence')
      .max(30)
      .describe('Indicators of evidence that show the criterion is met.'),
  })
  .meta({ id: 'QualityCriterion', description: 'A criterion of a quality standard with its indicators of evidence.' });

export const qualitySource = z
  .object({
    kind: sourceKind,
    reference: text(500).describe('The act, policy, ranking or framework it is drawn from.'),
    frameworkId: z.string().trim().min(1).max(100).optional().describe('Id of the accreditation agency’s framework, where the accreditation module holds it.'),
  })
  .meta({ id: 'QualitySource', description: 'A source a quality standard is drawn from.' });

const criteria = z
  .array(qualityCriterion)
  .min(1, 'must list at least one criterion')
  .max(100)
  .refine((list) => new Set(list.map((c) => c.code)).size === list.length, 'must not repeat a criterion code')
  .describe('The criteria of the standard.');
const sources = z.array(qualitySource).min(1, 'must name at least one source').max(30).describe('Where the standard is drawn from.');

const standardRef = { standardId: entityId('quality standard').describe('The quality standard acted on.') };

export const qualityStandardCommands = {
  draftQualityStandard: z.object({
    code: text(50).describe('Code of the standard, e.g. QS-02.'),
    title: multilingualName.describe('Title in the three languages.'),
    criteria,
    sources,
    draftedOn: isoDate.describe('Date the draft was prepared.'),
  }),
  reviseQualityStandardDraft: z.object({
    ...standardRef,
    criteria,
    sources,
    note: text(2000).describe('What changed in the draft.'),
    revisedOn: isoDate.describe('Date of the change.'),
  }),
  approveQualityStandard: z
    .object({
      ...standardRef,
      approvedOn: isoDate.describe('Date of approval.'),
      approvingBody: text(300).describe('The body that approved it.'),
      revisionDue: isoDate.describe('When the standard must be revised at the latest.'),
    })
    .refine((c) => c.revisionDue > c.approvedOn, { path: ['revisionDue'], message: 'must be after approvedOn' }),
  openQualityStandardRevision: z.object({
    ...standardRef,
    reason: text(2000).describe('Why the standard is revised.'),
    openedOn: isoDate.describe('Date the revision began.'),
  }),
  markQualityStandardRevisionOverdue: z.object({
    ...standardRef,
    dueOn: isoDate.describe('The revision date that has passed without a revision.'),
  }),
} as const;

export type QualityStandardCommandName = keyof typeof qualityStandardCommands;

const department = departmentStaff;
const approvers = institutionalApprovers;
export const qualityStandardPermissions: Record<QualityStandardCommandName, Role[]> = {
  draftQualityStandard: department,
  reviseQualityStandardDraft: department,
  approveQualityStandard: approvers,
  openQualityStandardRevision: department,
  markQualityStandardRevisionOverdue: department,
};

export type QualityStandardCommand = {
  [Name in QualityStandardCommandName]: { type: Name; standardId: string } & z.infer<(typeof qualityStandardCommands)[Name]>;
}[QualityStandardCommandName];

const storedCriterion = z.object({ code: z.string(), statement: multilingualName, evidence: z.array(z.string()) });
const storedSource = z.object({ kind: sourceKind, reference: z.string(), frameworkId: z.string().optional() });

export const qualityStandardEventSchemas = {
  QualityStandardDrafted: z.object({
    standardId: z.string(),
    code: z.string(),
    title: multilingualName,
    criteria: z.array(storedCriterion),
    sources: z.array(storedSource),
    draftedOn: isoDate,
  }),
  QualityStandardDraftRevised: z.object({
    standardId: z.string(),
    edition: z.number(),
    criteria: z.array(storedCriterion),
    sources: z.array(storedSource),
    note: z.string(),
    revisedOn: isoDate,
  }),
  QualityStandardApproved: z.object({ standardId: z.string(), edition: z.number(), approvedOn: isoDate, approvingBody: z.string(), revisionDue: isoDate }),
  QualityStandardRevisionOpened: z.object({
    standardId: z.string(),
    edition: z.number(),
    reason: z.string(),
    openedOn: isoDate,
    revisionDue: isoDate.nullable(),
  }),
  QualityStandardRevisionOverdue: z.object({ standardId: z.string(), dueOn: isoDate }),
} as const;

export type QualityStandardEventType = keyof typeof qualityStandardEventSchemas;
export type QualityStandardEvent = {
  [Type in QualityStandardEventType]: { type: Type; data: z.infer<(typeof qualityStandardEventSchemas)[Type]> };
}[QualityStandardEventType];
export const qualityStandardEventTypes = Object.keys(qualityStandardEventSchemas) as QualityStandardEventType[];

export type QualityStandardState =
  | { exists: false }
  | {
      exists: true;
      stage: z.infer<typeof qualityStandardStage>;
      edition: number;
      lastDate: IsoDate;
      revisionDue: IsoDate | undefined;
      overdueMarkedFor: IsoDate | undefined;
    };

const initialState: QualityStandardState = { exists: false };

function evolve(state: QualityStandardState, event: QualityStandardEvent): QualityStandardState {
  if (event.type === 'QualityStandardDrafted')
    return { exists: true, stage: 'draft', edition: 1, lastDate: event.data.draftedOn, revisionDue: undefined, overdueMarkedFor: undefined };
  if (!state.exists) return state;
  switch (event.type) {
    case 'QualityStandardDraftRevised':
      return { ...state, lastDate: event.data.revisedOn };
    case 'QualityStandardApproved':
      return { ...state, stage: 'approved', lastDate: event.data.approvedOn, revisionDue: event.data.revisionDue, overdueMarkedFor: undefined };
    case 'QualityStandardRevisionOpened':
      // The revision date is met once the new edition is opened.
      return { ...state, stage: 'draft', edition: event.data.edition, lastDate: event.data.openedOn, revisionDue: undefined };
    case 'QualityStandardRevisionOverdue':
      return { ...state, overdueMarkedFor: event.data.dueOn };
  }
}

const rule = (code: string, message: string) => new DomainRuleError(code, message);

function requireDated(state: Extract<QualityStandardState, { exists: true }>, date: IsoDate, field: string, context: CommandContext): void {
  if (date < state.lastDate) throw rule('DATE_BEFORE_PREVIOUS_STEP', `${field} (${date}) cannot be before the standard's previous step (${state.lastDate})`);
  const today = localDateOf(context.now);
  if (date > today) throw rule('DATE_IN_FUTURE', `${field} (${date}) is after today (${today}); record it once it has happened`);
}

function decide(command: QualityStandardCommand, state: QualityStandardState, context: CommandContext): QualityStandardEvent[] {
  if (command.type === 'draftQualityStandard') {
    if (state.exists) throw rule('QUALITY_STANDARD_EXISTS', 'this quality standard already exists');
    const { type: _type, ...data } = command;
    return [{ type: 'QualityStandardDrafted', data }];
  }
  if (!state.exists) throw rule('QUALITY_STANDARD_NOT_FOUND', 'no quality standard with this id exists');
  const { standardId } = command;
  switch (command.type) {
    case 'reviseQualityStandardDraft':
      if (state.stage !== 'draft') throw rule('NOT_A_DRAFT', 'the standard is approved; open a revision to change it');
      requireDated(state, command.revisedOn, 'revisedOn', context);
      return [
        {
          type: 'QualityStandardDraftRevised',
          data: { standardId, edition: state.edition, criteria: command.criteria, sources: command.sources, note: command.note, revisedOn: command.revisedOn },
        },
      ];
    case 'approveQualityStandard':
      if (state.stage !== 'draft') throw rule('NOT_A_DRAFT', 'this edition is already approved');
      requireDated(state, command.approvedOn, 'approvedOn', context);
      return [
        {
          type: 'QualityStandardApproved',
          data: { standardId, edition: state.edition, approvedOn: command.approvedOn, approvingBody: command.approvingBody, revisionDue: command.revisionDue },
        },
      ];
    case 'openQualityStandardRevision':
      if (state.stage !== 'approved') throw rule('NOT_APPROVED', 'only an approved standard is revised; finish the draft first');
      requireDated(state, command.openedOn, 'openedOn', context);
      return [
        {
          type: 'QualityStandardRevisionOpened',
          data: { standardId, edition: state.edition + 1, reason: command.reason, openedOn: command.openedOn, revisionDue: state.revisionDue ?? null },
        },
      ];
    case 'markQualityStandardRevisionOverdue':
      if (state.revisionDue !== command.dueOn)
        throw rule('REVISION_NOT_DUE_THEN', `the standard's revision is due on ${state.revisionDue ?? 'no date'}, not ${command.dueOn}`);
      if (state.overdueMarkedFor === command.dueOn)
        throw rule('REVISION_ALREADY_OVERDUE', `the revision due on ${command.dueOn} is already recorded as overdue`);
      if (localDateOf(context.now) <= command.dueOn) throw rule('REVISION_NOT_YET_OVERDUE', `the revision is due on ${command.dueOn}, which has not passed`);
      return [{ type: 'QualityStandardRevisionOverdue', data: { standardId, dueOn: command.dueOn } }];
  }
}

export const qualityStandardDecider: Decider<QualityStandardCommand, QualityStandardEvent, QualityStandardState> = { initialState, evolve, decide };
