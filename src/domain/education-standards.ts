// The department as secretariat for education standards (regulation §2.1 items 11 and 12): standards
// of primary, secondary, higher and postgraduate professional education, and of general secondary
// education and its subjects (the university runs schools and lyceums). A draft is registered, sent
// to reviewers, revised on their verdicts until every reviewer of a round approves, approved, put
// into force from a date, and opened for revision again later.
import { z } from 'zod';
import type { CommandContext, Decider, Role } from './decider.ts';
import { DomainRuleError } from './errors.ts';
import { departmentStaff, institutionalApprovers } from './staff.ts';
import { localDateOf } from './values.ts';
import { entityId, isoDate, multilingualName, text, type IsoDate, type Labels } from './values.ts';

export const educationStandardCategory = 'educationStandard';

const levels = ['primary_vocational', 'secondary_vocational', 'higher', 'postgraduate', 'general_secondary', 'general_secondary_subject'] as const;
const stages = ['draft', 'under_review', 'revision', 'approved', 'in_force'] as const;
const verdicts = ['approve', 'revise', 'reject'] as const;

export const standardLevelLabels: Labels<(typeof levels)[number]> = {
  primary_vocational: { ky: 'Баштапкы кесиптик билим', ru: 'Начальное профессиональное образование', en: 'Primary vocational education' },
  secondary_vocational: { ky: 'Орто кесиптик билим', ru: 'Среднее профессиональное образование', en: 'Secondary vocational education' },
  higher: { ky: 'Жогорку кесиптик билим', ru: 'Высшее профессиональное образование', en: 'Higher professional education' },
  postgraduate: { ky: 'Жогорку окуу жайдан кийинки билим', ru: 'Послевузовское профессиональное образование', en: 'Postgraduate professional education' },
  general_secondary: { ky: 'Жалпы орто билим', ru: 'Общее среднее образование', en: 'General secondary education' },
  general_secondary_subject: { ky: 'Жалпы орто билимдин предмети', ru: 'Предмет общего среднего образования', en: 'Subject of general secondary education' },
};

export const standardStageLabels: Labels<(typeof stages)[number]> = {
  draft: { ky: 'Долбоор', ru: 'Проект', en: 'Draft' },
  under_review: { ky: 'Сын-пикирде', ru: 'На рецензии', en: 'Under review' },
  revision: { ky: 'Иштеп чыгууда', ru: 'На доработке', en: 'Being revised' },
  approved: { ky: 'Бекитилген', ru: 'Утверждён', en: 'Approved' },
  in_force: { ky: 'Күчүндө', ru: 'Действует', en: 'In force' },
};

export const reviewVerdictLabels: Labels<(typeof verdicts)[number]> = {
  approve: { ky: 'Бекитүүгө сунушталат', ru: 'Рекомендован к утверждению', en: 'Recommended for approval' },
  revise: { ky: 'Иштеп чыгуу керек', ru: 'Требует доработки', en: 'Needs revision' },
  reject: { ky: 'Четке кагылат', ru: 'Отклонён', en: 'Rejected' },
};

export const standardLevel = z
  .enum(levels)
  .meta({ id: 'EducationStandardLevel', description: 'Level of education a standard governs.', labels: standardLevelLabels });
export const standardStage = z
  .enum(stages)
  .meta({ id: 'EducationStandardStage', description: 'Where an education standard stands in its development.', labels: standardStageLabels });
export const reviewVerdict = z
  .enum(verdicts)
  .meta({ id: 'ReviewVerdict', description: "A reviewer's verdict on a draft standard.", labels: reviewVerdictLabels });
export type EducationStandardStage = z.infer<typeof standardStage>;

const reviewer = z
  .object({
    name: text(200).describe('Full name of the reviewer.'),
    organisation: text(300).describe('Organisation the reviewer works for.'),
  })
  .meta({ id: 'StandardReviewer', description: 'A reviewer a draft standard is sent to.' });

const standardRef = { standardId: entityId('education standard').describe('The education standard acted on.') };

export const educationStandardCommands = {
  registerEducationStandard: z
    .object({
      title: multilingualName.describe('Title in Kyrgyz, Russian and English.'),
      level: standardLevel,
      subject: text(200).optional().describe('The school subject, for a standard of a subject of general secondary education.'),
      code: text(50).describe('Code of the standard, e.g. the direction code for higher education.'),
      developer: text(300).describe('The unit or working group that develops the draft.'),
      registeredOn: isoDate.describe('Date the draft was registered with the secretariat.'),
    })
    .refine((c) => (c.level === 'general_secondary_subject') === (c.subject !== undefined), {
      path: ['subject'],
      message: 'is required for a standard of a school subject, and only for one',
    }),
  sendEducationStandardForReview: z
    .object({
      ...standardRef,
      reviewers: z.array(reviewer).min(1, 'must name at least one reviewer').max(20, 'must name at most 20 reviewers').describe('Reviewers of this round.'),
      sentOn: isoDate.describe('Date the draft was sent to the reviewers.'),
    })
    .refine((c) => new Set(c.reviewers.map((r) => r.name)).size === c.reviewers.length, { path: ['reviewers'], message: 'must not name a reviewer twice' }),
  recordEducationStandardReview: z.object({
    ...standardRef,
    reviewer: text(200).describe('Name of the reviewer, as sent.'),
    verdict: reviewVerdict,
    summary: text(4000).describe('What the review says.'),
    receivedOn: isoDate.describe('Date the review was received.'),
  }),
  reviseEducationStandard: z.object({
    ...standardRef,
    summary: text(4000).describe('What the developers change in answer to the reviews.'),
    revisedOn: isoDate.describe('Date the revision began.'),
  }),
  approveEducationStandard: z.object({
    ...standardRef,
    approvedOn: isoDate.describe('Date of approval.'),
    approvingBody: text(300).describe('The body that approved it, e.g. the Ministry of Education and Science.'),
    orderNumber: text(100).optional().describe('Number of the approving order.'),
  }),
  putEducationStandardInForce: z.object({
    ...standardRef,
    inForceFrom: isoDate.describe('Date from which the standard is in force.'),
  }),
  openEducationStandardRevision: z.object({
    ...standardRef,
    reason: text(2000).describe('Why the standard in force is revised.'),
    openedOn: isoDate.describe('Date the revision was opened.'),
  }),
} as const;

export type EducationStandardCommandName = keyof typeof educationStandardCommands;

// The department is the secretariat: its staff register drafts, send them out and record reviews;
// approval and entry into force are recorded by the director or the rector.
const secretariat = departmentStaff;
const approvers = institutionalApprovers;
export const educationStandardPermissions: Record<EducationStandardCommandName, Role[]> = {
  registerEducationStandard: secretariat,
  sendEducationStandardForReview: secretariat,
  recordEducationStandardReview: secretariat,
  reviseEducationStandard: secretariat,
  approveEducationStandard: approvers,
  putEducationStandardInForce: approvers,
  openEducationStandardRevision: secretariat,
};

export type EducationStandardCommand = {
  [Name in EducationStandardCommandName]: { type: Name; standardId: string } & z.infer<(typeof educationStandardCommands)[Name]>;
}[EducationStandardCommandName];

export const educationStandardEventSchemas = {
  EducationStandardRegistered: z.object({
    standardId: z.string(),
    title: multilingualName,
    level: standardLevel,
    subject: z.string().nullable(),
    code: z.string(),
    developer: z.string(),
    registeredOn: isoDate,
  }),
  EducationStandardSentForReview: z.object({ standardId: z.string(), round: z.number(), reviewers: z.array(reviewer), sentOn: isoDate }),
  EducationStandardReviewReceived: z.object({
    standardId: z.string(),
    round: z.number(),
    reviewer: z.string(),
    verdict: reviewVerdict,
    summary: z.string(),
    receivedOn: isoDate,
  }),
  EducationStandardRevised: z.object({ standardId: z.string(), edition: z.number(), summary: z.string(), revisedOn: isoDate }),
  EducationStandardApproved: z.object({
    standardId: z.string(),
    edition: z.number(),
    approvedOn: isoDate,
    approvingBody: z.string(),
    orderNumber: z.string().nullable(),
  }),
  EducationStandardPutInForce: z.object({ standardId: z.string(), edition: z.number(), inForceFrom: isoDate }),
  EducationStandardRevisionOpened: z.object({ standardId: z.string(), edition: z.number(), reason: z.string(), openedOn: isoDate }),
} as const;

export type EducationStandardEventType = keyof typeof educationStandardEventSchemas;
export type EducationStandardEvent = {
  [Type in EducationStandardEventType]: { type: Type; data: z.infer<(typeof educationStandardEventSchemas)[Type]> };
}[EducationStandardEventType];
export const educationStandardEventTypes = Object.keys(educationStandardEventSchemas) as EducationStandardEventType[];

export type EducationStandardState =
  | { exists: false }
  | {
      exists: true;
      stage: EducationStandardStage;
      /** Edition being developed or in force: 1 for the first draft, one more for each revision. */
      edition: number;
      round: number;
      /** Reviewers of the current round, and the verdicts received from them. */
      reviewers: string[];
      verdicts: Record<string, z.infer<typeof reviewVerdict>>;
      lastDate: IsoDate;
    };

const initialState: EducationStandardState = { exists: false };

function evolve(state: EducationStandardState, event: EducationStandardEvent): EducationStandardState {
  if (event.type === 'EducationStandardRegistered') {
    return { exists: true, stage: 'draft', edition: 1, round: 0, reviewers: [], verdicts: {}, lastDate: event.data.registeredOn };
  }
  if (!state.exists) return state;
  switch (event.type) {
    case 'EducationStandardSentForReview':
      return {
        ...state,
        stage: 'under_review',
        round: event.data.round,
        reviewers: event.data.reviewers.map((r) => r.name),
        verdicts: {},
        lastDate: event.data.sentOn,
      };
    case 'EducationStandardReviewReceived':
      return { ...state, verdicts: { ...state.verdicts, [event.data.reviewer]: event.data.verdict }, lastDate: event.data.receivedOn };
    case 'EducationStandardRevised':
      return { ...state, stage: 'revision', edition: event.data.edition, lastDate: event.data.revisedOn };
    case 'EducationStandardApproved':
      return { ...state, stage: 'approved', lastDate: event.data.approvedOn };
    case 'EducationStandardPutInForce':
      return { ...state, stage: 'in_force', lastDate: event.data.inForceFrom };
    case 'EducationStandardRevisionOpened':
      return { ...state, stage: 'revision', edition: event.data.edition, reviewers: [], verdicts: {}, lastDate: event.data.openedOn };
  }
}

type Existing = Extract<EducationStandardState, { exists: true }>;
const rule = (code: string, message: string) => new DomainRuleError(code, message);

function requireInOrder(state: Existing, date: IsoDate, field: string): void {
  if (date < state.lastDate) throw rule('DATE_BEFORE_PREVIOUS_STEP', `${field} (${date}) cannot be before the standard's previous step (${state.lastDate})`);
}

function requireNotFuture(date: IsoDate, field: string, context: CommandContext): void {
  const today = localDateOf(context.now);
  if (date > today) throw rule('DATE_IN_FUTURE', `${field} (${date}) is after today (${today}); record it once it has happened`);
}

function requireStage(state: Existing, allowed: EducationStandardStage[], what: string, first: string): void {
  if (!allowed.includes(state.stage)) throw rule('WRONG_STAGE', `the standard is ${state.stage.replace('_', ' ')}, so ${what}; ${first}`);
}

const pending = (state: Existing): string[] => state.reviewers.filter((name) => state.verdicts[name] === undefined);

function decide(command: EducationStandardCommand, state: EducationStandardState, context: CommandContext): EducationStandardEvent[] {
  if (command.type === 'registerEducationStandard') {
    if (state.exists) throw rule('STANDARD_ALREADY_REGISTERED', 'this education standard is already registered');
    requireNotFuture(command.registeredOn, 'registeredOn', context);
    const { type: _type, subject, ...data } = command;
    return [{ type: 'EducationStandardRegistered', data: { ...data, subject: subject ?? null } }];
  }
  if (!state.exists) throw rule('STANDARD_NOT_FOUND', 'no education standard with this id exists');
  const { standardId } = command;
  switch (command.type) {
    case 'sendEducationStandardForReview':
      requireStage(state, ['draft', 'revision'], 'it cannot be sent for review', 'only a draft or a revised draft is sent to reviewers');
      requireInOrder(state, command.sentOn, 'sentOn');
      requireNotFuture(command.sentOn, 'sentOn', context);
      return [{ type: 'EducationStandardSentForReview', data: { standardId, round: state.round + 1, reviewers: command.reviewers, sentOn: command.sentOn } }];
    case 'recordEducationStandardReview': {
      requireStage(state, ['under_review'], 'no review is awaited', 'send the draft for review first');
      if (!state.reviewers.includes(command.reviewer)) {
        throw rule('NOT_A_REVIEWER', `${command.reviewer} is not a reviewer of this round; the reviewers are ${state.reviewers.join(', ')}`);
      }
      if (state.verdicts[command.reviewer] !== undefined)
        throw rule('REVIEW_ALREADY_RECEIVED', `the review of ${command.reviewer} for this round is already recorded`);
      requireInOrder(state, command.receivedOn, 'receivedOn');
      requireNotFuture(command.receivedOn, 'receivedOn', context);
      const { type: _type, ...data } = command;
      return [{ type: 'EducationStandardReviewReceived', data: { ...data, round: state.round } }];
    }
    case 'reviseEducationStandard': {
      requireStage(state, ['under_review'], 'there are no reviews to answer', 'send the draft for review first');
      const waiting = pending(state);
      if (waiting.length > 0) throw rule('REVIEWS_OUTSTANDING', `the reviews of ${waiting.join(', ')} have not been received yet`);
      if (Object.values(state.verdicts).every((v) => v === 'approve')) {
        throw rule('NOTHING_TO_REVISE', 'every reviewer recommends approval; approve the standard instead');
      }
      requireInOrder(state, command.revisedOn, 'revisedOn');
      return [{ type: 'EducationStandardRevised', data: { standardId, edition: state.edition, summary: command.summary, revisedOn: command.revisedOn } }];
    }
    case 'approveEducationStandard': {
      requireStage(state, ['under_review'], 'it cannot be approved', 'it must be reviewed first');
      const waiting = pending(state);
      if (waiting.length > 0) throw rule('REVIEWS_OUTSTANDING', `the reviews of ${waiting.join(', ')} have not been received yet`);
      const against = state.reviewers.filter((name) => state.verdicts[name] !== 'approve');
      if (against.length > 0)
        throw rule('REVIEWS_NOT_FAVOURABLE', `${against.join(', ')} did not recommend approval; revise the draft and send it for review again`);
      requireInOrder(state, command.approvedOn, 'approvedOn');
      requireNotFuture(command.approvedOn, 'approvedOn', context);
      return [
        {
          type: 'EducationStandardApproved',
          data: {
            standardId,
            edition: state.edition,
            approvedOn: command.approvedOn,
            approvingBody: command.approvingBody,
            orderNumber: command.orderNumber ?? null,
          },
        },
      ];
    }
    case 'putEducationStandardInForce':
      requireStage(state, ['approved'], 'it cannot come into force', 'it must be approved first');
      requireInOrder(state, command.inForceFrom, 'inForceFrom');
      return [{ type: 'EducationStandardPutInForce', data: { standardId, edition: state.edition, inForceFrom: command.inForceFrom } }];
    case 'openEducationStandardRevision':
      requireStage(state, ['in_force'], 'there is nothing in force to revise', 'put the standard in force first');
      requireInOrder(state, command.openedOn, 'openedOn');
      requireNotFuture(command.openedOn, 'openedOn', context);
      return [
        { type: 'EducationStandardRevisionOpened', data: { standardId, edition: state.edition + 1, reason: command.reason, openedOn: command.openedOn } },
      ];
  }
}

export const educationStandardDecider: Decider<EducationStandardCommand, EducationStandardEvent, EducationStandardState> = { initialState, evolve, decide };
