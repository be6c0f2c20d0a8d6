// Assessment instruments (DOMAIN.md 2.1 items 5 and 16: the questionnaires quality monitoring and
// surveys use). An instrument is versioned: a version is drafted with its questions, published, and
// superseded when the next version is published. Only the published version is used by a survey
// round (src/domain/surveys.ts), so results always name the exact questions that were asked.
import { z } from 'zod';
import type { CommandContext, Decider, Role } from './decider.ts';
import { DomainRuleError } from './errors.ts';
import { departmentStaff } from './staff.ts';
import { planCode } from './strategic-plan.ts';
import { entityId, isoDate, multilingualName, text, type IsoDate, type Labels } from './values.ts';

export const assessmentInstrumentCategory = 'assessmentInstrument';

const questionKinds = ['scale_1_5', 'yes_no', 'choice', 'open'] as const;
const versionStatuses = ['draft', 'published', 'superseded'] as const;

export const questionKindLabels: Labels<(typeof questionKinds)[number]> = {
  scale_1_5: { ky: '1ден 5ке чейинки шкала', ru: 'Шкала от 1 до 5', en: 'Scale 1–5' },
  yes_no: { ky: 'Ооба / жок', ru: 'Да / нет', en: 'Yes / no' },
  choice: { ky: 'Варианттардан тандоо', ru: 'Выбор из вариантов', en: 'Choice' },
  open: { ky: 'Ачык суроо', ru: 'Открытый вопрос', en: 'Open question' },
};
export const instrumentVersionStatusLabels: Labels<(typeof versionStatuses)[number]> = {
  draft: { ky: 'Долбоор', ru: 'Проект', en: 'Draft' },
  published: { ky: 'Жарыяланды', ru: 'Опубликована', en: 'Published' },
  superseded: { ky: 'Алмаштырылды', ru: 'Заменена', en: 'Superseded' },
};

export const questionKind = z.enum(questionKinds).meta({
  id: 'AssessmentQuestionKind',
  description: 'How a question is answered: on a 1–5 scale, yes or no, by a choice, or in free text.',
  labels: questionKindLabels,
});
export type QuestionKind = z.infer<typeof questionKind>;
export const instrumentVersionStatus = z.enum(versionStatuses).meta({
  id: 'AssessmentInstrumentVersionStatus',
  description: 'Whether a version of an instrument is a draft, the published one in use, or superseded by a later one.',
  labels: instrumentVersionStatusLabels,
});
export type InstrumentVersionStatus = z.infer<typeof instrumentVersionStatus>;

const choiceOption = z
  .object({ code: planCode.describe('Code of the option, e.g. A.'), text: multilingualName.describe('The option as respondents read it.') })
  .meta({ id: 'AssessmentChoiceOption', description: 'An option of a choice question.' });

export const question = z
  .object({
    code: planCode.describe('Code of the question within the instrument, e.g. Q1.'),
    text: multilingualName.describe('The question as respondents read it, in Kyrgyz, Russian and English.'),
    kind: questionKind,
    options: z.array(choiceOption).max(20, 'must have at most 20 options').optional().describe('The options of a choice question (2 or more).'),
  })
  .superRefine((q, ctx) => {
    if (q.kind === 'choice') {
      if ((q.options?.length ?? 0) < 2) ctx.addIssue({ code: 'custom', path: ['options'], message: 'a choice question needs at least two options' });
      const codes = (q.options ?? []).map((o) => o.code);
      const repeated = codes.findIndex((c, i) => codes.indexOf(c) !== i);
      if (repeated >= 0) ctx.addIssue({ code: 'custom', path: ['options', repeated, 'code'], message: 'is used twice in this question' });
    } else if (q.options?.length) {
      ctx.addIssue({ code: 'custom', path: ['options'], message: `only a choice question has options, not a ${q.kind} one` });
    }
  })
  .meta({ id: 'AssessmentQuestion', description: 'A question of an instrument version.' });
export type Question = z.infer<typeof question>;

const questions = z
  .array(question)
  .min(1, 'must have at least one question')
  .max(200, 'must have at most 200 questions')
  .superRefine((list, ctx) => {
    const codes = list.map((q) => q.code);
    const repeated = codes.findIndex((c, i) => codes.indexOf(c) !== i);
    if (repeated >= 0) ctx.addIssue({ code: 'custom', path: [repeated, 'code'], message: 'is used by another question of this version' });
  })
  .describe('The questions, in the order asked.');

const instrumentRef = { instrumentId: entityId('assessment instrument').describe('The instrument acted on.') };

export const assessmentInstrumentCommands = {
  draftAssessmentInstrument: z.object({
    code: planCode.describe('Code of the instrument, e.g. SSQ (student satisfaction questionnaire).'),
    title: multilingualName.describe('Title of the instrument.'),
    purpose: text(2000).describe('What the instrument measures and for whom.'),
    questions,
    draftedOn: isoDate.describe('Date version 1 was drafted.'),
  }),
  draftAssessmentInstrumentVersion: z.object({
    ...instrumentRef,
    questions,
    changeNote: text(2000).describe('What changed from the published version, and why.'),
    draftedOn: isoDate.describe('Date the new version was drafted.'),
  }),
  publishAssessmentInstrumentVersion: z.object({
    ...instrumentRef,
    version: z.int('must be a whole number').min(1, 'must be 1 or more').describe('The draft version to publish; it supersedes the one in use.'),
    publishedOn: isoDate.describe('Date of publication (the approving decision).'),
  }),
} as const;

export type AssessmentInstrumentCommandName = keyof typeof assessmentInstrumentCommands;
export type AssessmentInstrumentCommand = {
  [Name in AssessmentInstrumentCommandName]: { type: Name; instrumentId: string } & z.infer<(typeof assessmentInstrumentCommands)[Name]>;
}[AssessmentInstrumentCommandName];

const questionData = z.object({
  code: z.string(),
  text: z.object({ ky: z.string(), ru: z.string(), en: z.string() }),
  kind: questionKind,
  options: z.array(z.object({ code: z.string(), text: z.object({ ky: z.string(), ru: z.string(), en: z.string() }) })).optional(),
});

export const assessmentInstrumentEventSchemas = {
  AssessmentInstrumentDrafted: z.object({
    instrumentId: z.string(),
    code: z.string(),
    title: z.object({ ky: z.string(), ru: z.string(), en: z.string() }),
    purpose: z.string(),
    version: z.literal(1),
    questions: z.array(questionData),
    draftedOn: isoDate,
  }),
  AssessmentInstrumentVersionDrafted: z.object({
    instrumentId: z.string(),
    version: z.number(),
    questions: z.array(questionData),
    changeNote: z.string(),
    draftedOn: isoDate,
  }),
  AssessmentInstrumentVersionPublished: z.object({
    instrumentId: z.string(),
    version: z.number(),
    /** The version in use until now, superseded by this one; null for the first publication. */
    supersedes: z.number().nullable(),
    publishedOn: isoDate,
  }),
} as const;

export type AssessmentInstrumentEventType = keyof typeof assessmentInstrumentEventSchemas;
export type AssessmentInstrumentEvent = {
  [Type in AssessmentInstrumentEventType]: { type: Type; data: z.infer<(typeof assessmentInstrumentEventSchemas)[Type]> };
}[AssessmentInstrumentEventType];
export const assessmentInstrumentEventTypes = Object.keys(assessmentInstrumentEventSchemas) as AssessmentInstrumentEventType[];

export type AssessmentInstrumentState =
  | { exists: false }
  | {
      exists: true;
      /** Number of the latest version, draft or not. */
      latest: number;
      /** The version in use, or null before the first publication. */
      published: number | null;
      latestDraftedOn: IsoDate;
      publishedOn: IsoDate | null;
    };

function evolve(state: AssessmentInstrumentState, event: AssessmentInstrumentEvent): AssessmentInstrumentState {
  if (event.type === 'AssessmentInstrumentDrafted')
    return { exists: true, latest: 1, published: null, latestDraftedOn: event.data.draftedOn, publishedOn: null };
  if (!state.exists) return state;
  switch (event.type) {
    case 'AssessmentInstrumentVersionDrafted':
      return { ...state, latest: event.data.version, latestDraftedOn: event.data.draftedOn };
    case 'AssessmentInstrumentVersionPublished':
      return { ...state, published: event.data.version, publishedOn: event.data.publishedOn };
  }
}

const rule = (code: string, message: string) => new DomainRuleError(code, message);

function decide(command: AssessmentInstrumentCommand, state: AssessmentInstrumentState, _context: CommandContext): AssessmentInstrumentEvent[] {
  if (command.type === 'draftAssessmentInstrument') {
    if (state.exists) throw rule('INSTRUMENT_ALREADY_DRAFTED', 'this assessment instrument already exists');
    const { type: _type, ...data } = command;
    return [{ type: 'AssessmentInstrumentDrafted', data: { ...data, version: 1 } }];
  }
  if (!state.exists) throw rule('INSTRUMENT_NOT_FOUND', 'no assessment instrument with this id exists');
  const hasDraft = state.published !== state.latest;
  switch (command.type) {
    case 'draftAssessmentInstrumentVersion': {
      // One draft at a time: a second would leave two candidates to supersede the version in use.
      if (hasDraft) throw rule('INSTRUMENT_DRAFT_OPEN', `version ${state.latest} is still a draft: publish it before drafting another`);
      if (command.draftedOn < (state.publishedOn ?? state.latestDraftedOn)) {
        throw rule(
          'DATE_BEFORE_PUBLICATION',
          `draftedOn: a new version cannot be drafted before version ${state.published} was published (${state.publishedOn})`,
        );
      }
      const { type: _type, ...data } = command;
      return [{ type: 'AssessmentInstrumentVersionDrafted', data: { ...data, version: state.latest + 1 } }];
    }
    case 'publishAssessmentInstrumentVersion': {
      if (command.version > state.latest) throw rule('INSTRUMENT_VERSION_NOT_FOUND', `version: the instrument has no version ${command.version}`);
      if (!hasDraft || command.version !== state.latest) {
        throw rule('INSTRUMENT_VERSION_NOT_DRAFT', `version: version ${command.version} is not a draft; only the latest draft (if any) is published`);
      }
      if (command.publishedOn < state.latestDraftedOn) {
        throw rule('DATE_BEFORE_DRAFT', `publishedOn: version ${command.version} cannot be published before it was drafted (${state.latestDraftedOn})`);
      }
      return [
        {
          type: 'AssessmentInstrumentVersionPublished',
          data: { instrumentId: command.instrumentId, version: command.version, supersedes: state.published, publishedOn: command.publishedOn },
        },
      ];
    }
  }
}

export const assessmentInstrumentDecider: Decider<AssessmentInstrumentCommand, AssessmentInstrumentEvent, AssessmentInstrumentState> = {
  initialState: { exists: false },
  evolve,
  decide,
};

export const assessmentInstrumentPermissions: Record<AssessmentInstrumentCommandName, Role[]> = {
  draftAssessmentInstrument: departmentStaff,
  draftAssessmentInstrumentVersion: departmentStaff,
  publishAssessmentInstrumentVersion: departmentStaff,
};
