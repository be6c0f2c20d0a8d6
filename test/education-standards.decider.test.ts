// Given/when/then specification of the education-standards secretariat: a draft goes out to
// reviewers, is revised until every reviewer of a round recommends it, is approved, comes into force
// and is opened for revision again; every step out of order is refused with a stable code.
import { describe, expect, it } from 'vitest';
import type { CommandContext } from '../src/domain/decider.ts';
import {
  educationStandardCommands,
  educationStandardDecider,
  type EducationStandardCommand,
  type EducationStandardEvent,
} from '../src/domain/education-standards.ts';
import { deciderSpec } from './support/decider-spec.ts';

const context: CommandContext = {
  actor: { id: 'staff-0011', name: 'Aibek Mamytov', roles: ['methodist'] },
  now: '2026-06-01T09:30:00.000Z',
  commandId: '0e1d2c3b-4a59-4867-8756-a4b3c2d1e0f9',
};
const spec = deciderSpec(educationStandardDecider, context);
const standardId = 'c5e7a9b1-4d6f-4a8c-8e0a-3b5d7f9a1c2e';

type Event<Type extends EducationStandardEvent['type']> = Extract<EducationStandardEvent, { type: Type }>;
type Command<Name extends EducationStandardCommand['type']> = Extract<EducationStandardCommand, { type: Name }>;

const title = { ky: 'Математика предмети боюнча стандарт', ru: 'Стандарт по предмету «Математика»', en: 'Standard for the subject Mathematics' };
const reviewers = [
  { name: 'Asel Omurova', organisation: 'Kyrgyz Academy of Education' },
  { name: 'Timur Bekov', organisation: 'Osh Lyceum No. 1' },
];

const registered: Event<'EducationStandardRegistered'> = {
  type: 'EducationStandardRegistered',
  data: {
    standardId,
    title,
    level: 'general_secondary_subject',
    subject: 'Mathematics',
    code: 'GSE-MATH',
    developer: 'Chair of Mathematics',
    registeredOn: '2026-01-10',
  },
};
const sent = (round = 1, sentOn = '2026-01-20'): Event<'EducationStandardSentForReview'> => ({
  type: 'EducationStandardSentForReview',
  data: { standardId, round, reviewers, sentOn },
});
const received = (
  reviewer: string,
  verdict: 'approve' | 'revise' | 'reject',
  round = 1,
  receivedOn = '2026-02-01',
): Event<'EducationStandardReviewReceived'> => ({
  type: 'EducationStandardReviewReceived',
  data: { standardId, round, reviewer, verdict, summary: `${verdict} from ${reviewer}`, receivedOn },
});
const revised: Event<'EducationStandardRevised'> = {
  type: 'EducationStandardRevised',
  data: { standardId, edition: 1, summary: 'Exercises rewritten', revisedOn: '2026-02-10' },
};
const approved: Event<'EducationStandardApproved'> = {
  type: 'EducationStandardApproved',
  data: { standardId, edition: 1, approvedOn: '2026-03-15', approvingBody: 'Ministry of Education and Science', orderNumber: '112/1' },
};
const inForce: Event<'EducationStandardPutInForce'> = { type: 'EducationStandardPutInForce', data: { standardId, edition: 1, inForceFrom: '2026-09-01' } };

const firstRoundMixed = [registered, sent(), received('Asel Omurova', 'approve'), received('Timur Bekov', 'revise')];
const favourable = [registered, sent(), received('Asel Omurova', 'approve'), received('Timur Bekov', 'approve')];

const review = (data: Partial<Command<'recordEducationStandardReview'>> = {}): Command<'recordEducationStandardReview'> => ({
  type: 'recordEducationStandardReview',
  standardId,
  reviewer: 'Asel Omurova',
  verdict: 'approve',
  summary: 'approve from Asel Omurova',
  receivedOn: '2026-02-01',
  ...data,
});
const approve: Command<'approveEducationStandard'> = {
  type: 'approveEducationStandard',
  standardId,
  approvedOn: '2026-03-15',
  approvingBody: 'Ministry of Education and Science',
  orderNumber: '112/1',
};

describe('registering and sending for review', () => {
  it('registers a subject standard', () => {
    const { standardId: _id, ...data } = registered.data;
    spec
      .given([])
      .when({ type: 'registerEducationStandard', standardId, ...data, subject: 'Mathematics' })
      .then([registered]);
  });
  it('sends a draft to its reviewers as round 1', () => {
    spec.given([registered]).when({ type: 'sendEducationStandardForReview', standardId, reviewers, sentOn: '2026-01-20' }).then([sent()]);
  });
  it('refuses to send a standard already out for review', () => {
    spec.given([registered, sent()]).when({ type: 'sendEducationStandardForReview', standardId, reviewers, sentOn: '2026-01-21' }).thenThrows('WRONG_STAGE');
  });
  it('refuses a sending date before the registration', () => {
    spec
      .given([registered])
      .when({ type: 'sendEducationStandardForReview', standardId, reviewers, sentOn: '2026-01-09' })
      .thenThrows('DATE_BEFORE_PREVIOUS_STEP');
  });
});

describe('reviews', () => {
  it('records a reviewer’s verdict', () => {
    spec
      .given([registered, sent()])
      .when(review())
      .then([received('Asel Omurova', 'approve')]);
  });
  it('refuses a review from someone who is not a reviewer of the round', () => {
    spec
      .given([registered, sent()])
      .when(review({ reviewer: 'Someone Else' }))
      .thenThrows('NOT_A_REVIEWER');
  });
  it('refuses a second review from the same reviewer in a round', () => {
    spec
      .given([registered, sent(), received('Asel Omurova', 'approve')])
      .when(review({ receivedOn: '2026-02-02' }))
      .thenThrows('REVIEW_ALREADY_RECEIVED');
  });
  it('refuses a review when none is awaited', () => {
    spec.given([registered]).when(review()).thenThrows('WRONG_STAGE');
  });
  it('refuses a review received after today', () => {
    spec
      .given([registered, sent()])
      .when(review({ receivedOn: '2026-06-02' }))
      .thenThrows('DATE_IN_FUTURE');
  });
});

describe('revision and approval', () => {
  it('revises after a round in which a reviewer asked for changes', () => {
    spec.given(firstRoundMixed).when({ type: 'reviseEducationStandard', standardId, summary: 'Exercises rewritten', revisedOn: '2026-02-10' }).then([revised]);
  });
  it('refuses to revise before every review of the round is in', () => {
    spec
      .given([registered, sent(), received('Timur Bekov', 'revise')])
      .when({ type: 'reviseEducationStandard', standardId, summary: 'x', revisedOn: '2026-02-10' })
      .thenThrows('REVIEWS_OUTSTANDING');
  });
  it('refuses to revise a draft every reviewer recommends', () => {
    spec.given(favourable).when({ type: 'reviseEducationStandard', standardId, summary: 'x', revisedOn: '2026-02-10' }).thenThrows('NOTHING_TO_REVISE');
  });
  it('sends the revised draft out again as round 2', () => {
    spec
      .given([...firstRoundMixed, revised])
      .when({ type: 'sendEducationStandardForReview', standardId, reviewers, sentOn: '2026-02-20' })
      .then([sent(2, '2026-02-20')]);
  });
  it('approves once every reviewer of the latest round recommends it', () => {
    spec
      .given([
        ...firstRoundMixed,
        revised,
        sent(2, '2026-02-20'),
        received('Asel Omurova', 'approve', 2, '2026-03-01'),
        received('Timur Bekov', 'approve', 2, '2026-03-02'),
      ])
      .when(approve)
      .then([approved]);
  });
  it('refuses approval while a reviewer of the round has not recommended it', () => {
    spec.given(firstRoundMixed).when(approve).thenThrows('REVIEWS_NOT_FAVOURABLE');
  });
  it('refuses approval before every review is in', () => {
    spec
      .given([registered, sent(), received('Asel Omurova', 'approve')])
      .when(approve)
      .thenThrows('REVIEWS_OUTSTANDING');
  });
  it('refuses approval of a draft never reviewed', () => {
    spec.given([registered]).when(approve).thenThrows('WRONG_STAGE');
  });
});

describe('force and later revision', () => {
  it('puts an approved standard in force', () => {
    spec
      .given([...favourable, approved])
      .when({ type: 'putEducationStandardInForce', standardId, inForceFrom: '2026-09-01' })
      .then([inForce]);
  });
  it('refuses to put an unapproved standard in force', () => {
    spec.given(favourable).when({ type: 'putEducationStandardInForce', standardId, inForceFrom: '2026-09-01' }).thenThrows('WRONG_STAGE');
  });
  it('opens a revision of a standard in force as the next edition', () => {
    const atSeptember: CommandContext = { ...context, now: '2026-10-01T09:00:00.000Z' };
    deciderSpec(educationStandardDecider, atSeptember)
      .given([...favourable, approved, inForce])
      .when({ type: 'openEducationStandardRevision', standardId, reason: 'New curriculum', openedOn: '2026-09-15' })
      .then([{ type: 'EducationStandardRevisionOpened', data: { standardId, edition: 2, reason: 'New curriculum', openedOn: '2026-09-15' } }]);
  });
  it('refuses to open a revision of a standard not in force', () => {
    spec.given([registered]).when({ type: 'openEducationStandardRevision', standardId, reason: 'x', openedOn: '2026-02-01' }).thenThrows('WRONG_STAGE');
  });
});

describe('command schemas', () => {
  const issuesOf = (name: keyof typeof educationStandardCommands, input: Record<string, unknown>) =>
    educationStandardCommands[name].safeParse(input).error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`) ?? [];
  const base = { title, code: 'X', developer: 'Chair', registeredOn: '2026-01-10' };
  it('requires a subject for a subject standard, and only for one', () => {
    expect(issuesOf('registerEducationStandard', { ...base, level: 'general_secondary_subject' })).toEqual([
      'subject: is required for a standard of a school subject, and only for one',
    ]);
    expect(issuesOf('registerEducationStandard', { ...base, level: 'higher', subject: 'Maths' })).toEqual([
      'subject: is required for a standard of a school subject, and only for one',
    ]);
  });
  it('refuses a reviewer named twice in a round', () => {
    expect(issuesOf('sendEducationStandardForReview', { standardId, reviewers: [reviewers[0], reviewers[0]], sentOn: '2026-01-20' })).toEqual([
      'reviewers: must not name a reviewer twice',
    ]);
  });
});
