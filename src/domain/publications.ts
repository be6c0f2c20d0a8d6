// Press releases and publications on accreditation, licensing and rankings (DOMAIN.md 3.1): drafted
// by the department, approved by the director, published (where and when), and withdrawn if need be.
import { z } from 'zod';
import { departmentApprovers } from './analytical-reports.ts';
import type { CommandContext, Decider, Role } from './decider.ts';
import { DomainRuleError } from './errors.ts';
import { departmentStaff } from './staff.ts';
import { entityId, isoDate, text, type IsoDate, type Labels } from './values.ts';

export const publicationCategory = 'publication';

const kinds = ['press_release', 'news', 'article'] as const;
const topics = ['accreditation', 'licensing', 'rankings', 'quality'] as const;
const statuses = ['draft', 'approved', 'published', 'withdrawn'] as const;

export const publicationKind = z.enum(kinds).meta({
  id: 'PublicationKind',
  description: 'What kind of publication it is.',
  labels: {
    press_release: { ky: 'Пресс-релиз', ru: 'Пресс-релиз', en: 'Press release' },
    news: { ky: 'Жаңылык', ru: 'Новость', en: 'News item' },
    article: { ky: 'Макала', ru: 'Статья', en: 'Article' },
  } satisfies Labels<(typeof kinds)[number]>,
});
export const publicationTopic = z.enum(topics).meta({
  id: 'PublicationTopic',
  description: 'What a publication is about.',
  labels: {
    accreditation: { ky: 'Аккредитация', ru: 'Аккредитация', en: 'Accreditation' },
    licensing: { ky: 'Лицензиялоо', ru: 'Лицензирование', en: 'Licensing' },
    rankings: { ky: 'Рейтингдер', ru: 'Рейтинги', en: 'Rankings' },
    quality: { ky: 'Билим берүүнүн сапаты', ru: 'Качество образования', en: 'Quality of education' },
  } satisfies Labels<(typeof topics)[number]>,
});
export const publicationStatus = z.enum(statuses).meta({
  id: 'PublicationStatus',
  description: 'Where a publication stands.',
  labels: {
    draft: { ky: 'Долбоор', ru: 'Черновик', en: 'Draft' },
    approved: { ky: 'Бекитилди', ru: 'Утверждено', en: 'Approved' },
    published: { ky: 'Жарыяланды', ru: 'Опубликовано', en: 'Published' },
    withdrawn: { ky: 'Кайтарылып алынды', ru: 'Отозвано', en: 'Withdrawn' },
  } satisfies Labels<(typeof statuses)[number]>,
});

const ref = { publicationId: entityId('publication').describe('The publication acted on.') };

const draftFields = z.object({
  title: text(500).describe('Title.'),
  kind: publicationKind,
  topic: publicationTopic,
  body: text(20000).describe('The text.'),
  draftedOn: isoDate.describe('Date it was drafted.'),
});

export const publicationCommands = {
  draftPublication: draftFields,
  approvePublication: z.object({ ...ref, approvedOn: isoDate.describe('Date the director approved it.') }),
  publishPublication: z.object({
    ...ref,
    publishedOn: isoDate.describe('Date it was published.'),
    channel: text(300).describe('Where it was published: the website, a newspaper, an agency’s portal.'),
    link: text(500).optional().describe('Link to it, when it has one.'),
  }),
  withdrawPublication: z.object({ ...ref, withdrawnOn: isoDate.describe('Date of withdrawal.'), reason: text(2000).describe('Why it is withdrawn.') }),
} as const;

export type PublicationCommandName = keyof typeof publicationCommands;
export type PublicationCommand = {
  [N in PublicationCommandName]: { type: N; publicationId: string } & z.infer<(typeof publicationCommands)[N]>;
}[PublicationCommandName];

export const publicationEventSchemas = {
  PublicationDrafted: draftFields.extend({ publicationId: z.string() }),
  PublicationApproved: z.object({ publicationId: z.string(), approvedOn: isoDate, approvedBy: z.string() }),
  PublicationPublished: z.object({ publicationId: z.string(), publishedOn: isoDate, channel: z.string(), link: z.string().optional() }),
  PublicationWithdrawn: z.object({ publicationId: z.string(), withdrawnOn: isoDate, reason: z.string() }),
} as const;
export type PublicationEvent = {
  [T in keyof typeof publicationEventSchemas]: { type: T; data: z.infer<(typeof publicationEventSchemas)[T]> };
}[keyof typeof publicationEventSchemas];
export const publicationEventTypes = Object.keys(publicationEventSchemas) as PublicationEvent['type'][];

export type PublicationState =
  | { exists: false }
  | (z.infer<typeof draftFields> & {
      exists: true;
      status: z.infer<typeof publicationStatus>;
      approval: { approvedOn: IsoDate; approvedBy: string } | null;
      publication: { publishedOn: IsoDate; channel: string; link?: string | undefined } | null;
      withdrawal: { withdrawnOn: IsoDate; reason: string } | null;
      lastOn: IsoDate;
    });

function evolve(state: PublicationState, event: PublicationEvent): PublicationState {
  if (event.type === 'PublicationDrafted') {
    const { publicationId: _id, ...d } = event.data;
    return { exists: true, ...d, status: 'draft', approval: null, publication: null, withdrawal: null, lastOn: d.draftedOn };
  }
  if (!state.exists) return state;
  switch (event.type) {
    case 'PublicationApproved':
      return {
        ...state,
        status: 'approved',
        approval: { approvedOn: event.data.approvedOn, approvedBy: event.data.approvedBy },
        lastOn: event.data.approvedOn,
      };
    case 'PublicationPublished': {
      const { publicationId: _id, ...d } = event.data;
      return { ...state, status: 'published', publication: d, lastOn: d.publishedOn };
    }
    case 'PublicationWithdrawn':
      return { ...state, status: 'withdrawn', withdrawal: { withdrawnOn: event.data.withdrawnOn, reason: event.data.reason }, lastOn: event.data.withdrawnOn };
  }
}

const rule = (code: string, message: string) => new DomainRuleError(code, message);

function decide(command: PublicationCommand, state: PublicationState, context: CommandContext): PublicationEvent[] {
  if (command.type === 'draftPublication') {
    if (state.exists) throw rule('PUBLICATION_ALREADY_DRAFTED', 'this publication already exists');
    const { type: _type, ...data } = command;
    return [{ type: 'PublicationDrafted', data }];
  }
  if (!state.exists) throw rule('PUBLICATION_NOT_FOUND', 'no publication with this id exists');
  const { publicationId } = command;
  const notBefore = (date: IsoDate, field: string) => {
    if (date < state.lastOn) throw rule('DATE_BEFORE_PREVIOUS_STEP', `${field} (${date}) cannot be before the publication's previous step (${state.lastOn})`);
  };
  switch (command.type) {
    case 'approvePublication':
      if (state.status !== 'draft') throw rule('PUBLICATION_NOT_DRAFT', `only a draft is approved; this one is ${state.status}`);
      notBefore(command.approvedOn, 'approvedOn');
      return [{ type: 'PublicationApproved', data: { publicationId, approvedOn: command.approvedOn, approvedBy: context.actor.name } }];
    case 'publishPublication': {
      if (state.status !== 'approved')
        throw rule('PUBLICATION_NOT_APPROVED', `a publication goes out once the director approved it; this one is ${state.status}`);
      notBefore(command.publishedOn, 'publishedOn');
      const { type: _type, ...data } = command;
      return [{ type: 'PublicationPublished', data }];
    }
    case 'withdrawPublication': {
      if (state.status === 'withdrawn') throw rule('PUBLICATION_ALREADY_WITHDRAWN', 'the publication is already withdrawn');
      notBefore(command.withdrawnOn, 'withdrawnOn');
      const { type: _type, ...data } = command;
      return [{ type: 'PublicationWithdrawn', data }];
    }
  }
}

export const publicationDecider: Decider<PublicationCommand, PublicationEvent, PublicationState> = { initialState: { exists: false }, evolve, decide };

export const publicationPermissions: Record<PublicationCommandName, Role[]> = {
  draftPublication: departmentStaff,
  approvePublication: departmentApprovers,
  publishPublication: departmentStaff,
  withdrawPublication: [...departmentApprovers],
};
