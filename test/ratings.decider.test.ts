// Given/when/then specification of the teaching-staff rating (regulation 2.1.15): the campaign
// decider, the entry decider with its scope rules (own entry, own unit), and the zod schemas the
// commands are validated with. The clock is the command context's, fixed, so deadlines are exact.
import { describe, expect, it } from 'vitest';
import { fold, type Actor, type CommandContext } from '../src/domain/decider.ts';
import { DomainRuleError, ForbiddenError } from '../src/domain/errors.ts';
import {
  campaignFactsOf,
  ratingCampaignCommands,
  ratingCampaignDecider,
  type RatingCampaignCommand,
  type RatingCampaignEvent,
  type RatingCampaignFacts,
  type RatingCriterion,
  type RatingGroupCap,
} from '../src/domain/rating-campaigns.ts';
import {
  ratingEntryCommands,
  ratingEntryDecider,
  type RatingScopeError,
  scoresAfter,
  totalUnitsOf,
  type RatingEntryCommand,
  type RatingEntryEvent,
  type RatingProfile,
} from '../src/domain/rating-entries.ts';
import { ratingsCommands, ratingsPermissions } from '../src/domain/ratings.ts';
import { localDateOf } from '../src/domain/values.ts';
import { deciderSpec } from './support/decider-spec.ts';

// 2026-03-10 in Osh (UTC+6): the day every deadline below is compared with.
const NOW = '2026-03-10T04:00:00.000Z';
const TODAY = '2026-03-10';
const commandId = '5b0a7c8e-1d2f-4a3b-9c4d-6e7f8a9b0c1d';
const campaignId = '6f1e2d3c-4b5a-4968-8776-a5b4c3d2e1f0';
const entryId = '0a1b2c3d-4e5f-4a6b-8c7d-8e9f0a1b2c3d';

// People: two teachers of economics, the heads of economics and law, the Rating division.
const aida: Actor = { id: 't-aida', name: 'Aida Mamytova', roles: ['teacher'], unit: 'faculty-economics' };
const bakyt: Actor = { id: 't-bakyt', name: 'Bakyt Osmonov', roles: ['teacher'], unit: 'faculty-economics' };
const econHead: Actor = { id: 'h-econ', name: 'Cholpon Eshieva', roles: ['unit_head', 'teacher'], unit: 'faculty-economics' };
const lawHead: Actor = { id: 'h-law', name: 'Daniyar Kurmanov', roles: ['unit_head'], unit: 'faculty-law' };
const divisionHead: Actor = { id: 'd-head', name: 'Elmira Tashieva', roles: ['head_of_rating_division'] };
const methodist: Actor = { id: 'd-methodist', name: 'Farida Zhumabaeva', roles: ['methodist'] };
const unitless: Actor = { id: 't-nounit', name: 'Gulzat Abdieva', roles: ['teacher'] };

const contextOf = (actor: Actor, now = NOW): CommandContext => ({ actor, now, commandId });
const campaignSpec = (actor: Actor = divisionHead, now = NOW) => deciderSpec(ratingCampaignDecider, contextOf(actor, now));
const entrySpec = (actor: Actor, now = NOW) => deciderSpec(ratingEntryDecider, contextOf(actor, now));

const title = { ky: '2025-жылдын рейтинги', ru: 'Рейтинг ППС 2025', en: 'Teaching staff rating 2025' };
const criteria: RatingCriterion[] = [
  {
    code: 'TEACH',
    name: { ky: 'Окутуу', ru: 'Учебная работа', en: 'Teaching' },
    maxPoints: 40,
    weight: 1,
    pointsPerUnit: 1,
    sharedAuthorship: false,
    evidenceRequired: false,
  },
  {
    code: 'PUB',
    name: { ky: 'Басылмалар', ru: 'Публикации', en: 'Publications' },
    maxPoints: 30,
    weight: 1.5,
    pointsPerUnit: 1,
    sharedAuthorship: false,
    evidenceRequired: false,
  },
  {
    code: 'METH',
    name: { ky: 'Усулдук иш', ru: 'Методическая работа', en: 'Methodical work' },
    maxPoints: 20,
    weight: 0.5,
    pointsPerUnit: 1,
    sharedAuthorship: false,
    evidenceRequired: false,
  },
];
const ENTRIES_DUE = '2026-04-30';

// ---------------------------------------------------------------------------------------------
// The campaign
// ---------------------------------------------------------------------------------------------
type CEvent<Type extends RatingCampaignEvent['type']> = Extract<RatingCampaignEvent, { type: Type }>;
type CCommand<Name extends RatingCampaignCommand['type']> = Extract<RatingCampaignCommand, { type: Name }>;

const created = (data: Partial<CEvent<'RatingCampaignCreated'>['data']> = {}): CEvent<'RatingCampaignCreated'> => ({
  type: 'RatingCampaignCreated',
  data: { campaignId, year: 2025, title, criteria, groupCaps: [], entriesDue: ENTRIES_DUE, ...data },
});
const opened: CEvent<'RatingCampaignOpened'> = { type: 'RatingCampaignOpened', data: { campaignId, openedOn: '2026-02-01' } };
const closed: CEvent<'RatingEntriesClosed'> = { type: 'RatingEntriesClosed', data: { campaignId, closedOn: '2026-05-01' } };
const verificationStarted: CEvent<'RatingVerificationStarted'> = { type: 'RatingVerificationStarted', data: { campaignId, startedOn: '2026-05-05' } };
const published: CEvent<'RatingResultsPublished'> = {
  type: 'RatingResultsPublished',
  data: { campaignId, publishedOn: '2026-06-01', appealsUntil: '2026-06-15', rankedEntries: 120 },
};

const c = {
  draft: [created()],
  open: [created(), opened],
  closed: [created(), opened, closed],
  verification: [created(), opened, closed, verificationStarted],
  published: [created(), opened, closed, verificationStarted, published],
} satisfies Record<string, RatingCampaignEvent[]>;

const create = (input: Partial<CCommand<'createRatingCampaign'>> = {}): CCommand<'createRatingCampaign'> => ({
  type: 'createRatingCampaign',
  campaignId,
  year: 2025,
  title,
  criteria,
  groupCaps: [],
  entriesDue: ENTRIES_DUE,
  ...input,
});
const revise = (list: RatingCriterion[], groupCaps: RatingGroupCap[] = []): CCommand<'reviseRatingCriteria'> => ({
  type: 'reviseRatingCriteria',
  campaignId,
  criteria: list,
  groupCaps,
});
const open = (basis?: string): CCommand<'openRatingCampaign'> => ({ type: 'openRatingCampaign', campaignId, ...(basis ? { basis } : {}) });
const extend = (entriesDue: string, reason?: string): CCommand<'extendRatingEntryDeadline'> => ({
  type: 'extendRatingEntryDeadline',
  campaignId,
  entriesDue,
  ...(reason ? { reason } : {}),
});
const close: CCommand<'closeRatingEntries'> = { type: 'closeRatingEntries', campaignId };
const startVerification: CCommand<'startRatingVerification'> = { type: 'startRatingVerification', campaignId };
const publish = (input: Partial<CCommand<'publishRatingResults'>> = {}): CCommand<'publishRatingResults'> => ({
  type: 'publishRatingResults',
  campaignId,
  appealsUntil: '2026-03-25',
  tally: { awaitingVerification: 0, verified: 87 },
  ...input,
});

const closeAppeals = (closedOn = '2026-06-16'): CCommand<'closeRatingAppeals'> => ({ type: 'closeRatingAppeals', campaignId, closedOn });
const appealsClosed: CEvent<'RatingAppealsClosed'> = {
  type: 'RatingAppealsClosed',
  data: { campaignId, closedOn: '2026-06-16', appealsUntil: '2026-06-15' },
};
// `published` takes appeals until 2026-06-15 inclusive: that day ends at 18:00 UTC.
const LAST_APPEAL_MOMENT = '2026-06-15T17:59:59.999Z';
const DAY_AFTER_APPEALS = '2026-06-15T18:00:00.000Z';

describe('rating campaign decider', () => {
  it('counts days in Kyrgyzstan time (UTC+6): 18:00 UTC is already the next day in Osh', () => {
    expect(localDateOf('2026-03-09T17:59:59.999Z')).toBe('2026-03-09');
    expect(localDateOf('2026-03-09T18:00:00.000Z')).toBe('2026-03-10');
    expect(localDateOf(NOW)).toBe(TODAY);
  });

  it.each([
    ['reviseRatingCriteria', revise(criteria)],
    ['openRatingCampaign', open()],
    ['extendRatingEntryDeadline', extend('2026-05-31')],
    ['closeRatingEntries', close],
    ['startRatingVerification', startVerification],
    ['publishRatingResults', publish()],
    ['closeRatingAppeals', closeAppeals()],
  ] as const)('%s on a campaign that does not exist → CAMPAIGN_NOT_FOUND', (_name, command) => {
    campaignSpec().given([]).when(command).thenThrows('CAMPAIGN_NOT_FOUND');
  });

  describe('createRatingCampaign', () => {
    it('creates the campaign in draft with its year, title, criteria and entry deadline', () => {
      campaignSpec().given([]).when(create()).then([created()]);
    });

    it('accepts an entry deadline of today', () => {
      campaignSpec()
        .given([])
        .when(create({ entriesDue: TODAY }))
        .then([created({ entriesDue: TODAY })]);
    });

    it('refuses an entry deadline before today → ENTRY_DEADLINE_IN_PAST', () => {
      campaignSpec()
        .given([])
        .when(create({ entriesDue: '2026-03-09' }))
        .thenThrows('ENTRY_DEADLINE_IN_PAST');
    });

    it.each(Object.entries(c))('refuses a second campaign for the year (the stream is %s) → CAMPAIGN_ALREADY_EXISTS', (_status, history) => {
      campaignSpec()
        .given(history)
        .when(create({ title: { ...title, en: 'Another' } }))
        .thenThrows('CAMPAIGN_ALREADY_EXISTS');
    });
  });

  describe('reviseRatingCriteria', () => {
    const revised = [...criteria.slice(0, 2), { ...criteria[2]!, weight: 0.75 }];

    it('replaces the criteria of a draft campaign', () => {
      campaignSpec(methodist)
        .given(c.draft)
        .when(revise(revised))
        .then([{ type: 'RatingCriteriaRevised', data: { campaignId, criteria: revised, groupCaps: [] } }]);
    });

    it.each([
      ['open', c.open],
      ['closed', c.closed],
      ['verification', c.verification],
      ['published', c.published],
    ] as const)('is refused once the campaign is %s → CRITERIA_FIXED', (_status, history) => {
      campaignSpec().given(history).when(revise(revised)).thenThrows('CRITERIA_FIXED');
    });

    it('is refused when it changes nothing → CRITERIA_UNCHANGED', () => {
      campaignSpec().given(c.draft).when(revise(criteria)).thenThrows('CRITERIA_UNCHANGED');
    });
  });

  describe('openRatingCampaign', () => {
    it('opens a draft campaign today, with the order it rests on', () => {
      campaignSpec()
        .given(c.draft)
        .when(open('Order No. 45/1 of 2026-03-09'))
        .then([{ type: 'RatingCampaignOpened', data: { campaignId, openedOn: TODAY, basis: 'Order No. 45/1 of 2026-03-09' } }]);
    });

    it('leaves the basis out when none is given', () => {
      campaignSpec()
        .given(c.draft)
        .when(open())
        .then([{ type: 'RatingCampaignOpened', data: { campaignId, openedOn: TODAY } }]);
    });

    it.each([
      ['open', c.open],
      ['closed', c.closed],
      ['published', c.published],
    ] as const)('is refused when already %s → CAMPAIGN_ALREADY_OPENED', (_s, history) => {
      campaignSpec().given(history).when(open()).thenThrows('CAMPAIGN_ALREADY_OPENED');
    });

    it('is refused after the entry deadline → ENTRY_DEADLINE_PASSED', () => {
      campaignSpec(divisionHead, '2026-05-01T04:00:00.000Z').given(c.draft).when(open()).thenThrows('ENTRY_DEADLINE_PASSED');
    });
  });

  describe('extendRatingEntryDeadline', () => {
    it('moves the deadline of an open campaign later, recording the previous one', () => {
      campaignSpec()
        .given(c.open)
        .when(extend('2026-05-15', 'Late Scopus indexing'))
        .then([
          { type: 'RatingEntryDeadlineExtended', data: { campaignId, entriesDue: '2026-05-15', previousDue: ENTRIES_DUE, reason: 'Late Scopus indexing' } },
        ]);
    });

    it('moves the deadline of a draft campaign', () => {
      campaignSpec()
        .given(c.draft)
        .when(extend('2026-05-15'))
        .then([{ type: 'RatingEntryDeadlineExtended', data: { campaignId, entriesDue: '2026-05-15', previousDue: ENTRIES_DUE } }]);
    });

    it.each([ENTRIES_DUE, '2026-04-01'])('refuses %s, not after the current deadline → DEADLINE_NOT_LATER', (date) => {
      campaignSpec().given(c.open).when(extend(date)).thenThrows('DEADLINE_NOT_LATER');
    });

    it('refuses a later deadline that is still in the past → ENTRY_DEADLINE_IN_PAST', () => {
      campaignSpec()
        .given([created({ entriesDue: '2026-03-01' }), opened])
        .when(extend('2026-03-05'))
        .thenThrows('ENTRY_DEADLINE_IN_PAST');
    });

    it.each([
      ['closed', c.closed],
      ['verification', c.verification],
      ['published', c.published],
    ] as const)('is refused when the campaign is %s → CAMPAIGN_CLOSED_FOR_ENTRIES', (_s, history) => {
      campaignSpec().given(history).when(extend('2026-12-31')).thenThrows('CAMPAIGN_CLOSED_FOR_ENTRIES');
    });
  });

  describe('closeRatingEntries', () => {
    it('closes an open campaign for entries today, even before the deadline', () => {
      campaignSpec()
        .given(c.open)
        .when(close)
        .then([{ type: 'RatingEntriesClosed', data: { campaignId, closedOn: TODAY } }]);
    });

    it('is refused for a draft → CAMPAIGN_NOT_OPEN', () => {
      campaignSpec().given(c.draft).when(close).thenThrows('CAMPAIGN_NOT_OPEN');
    });

    it.each([
      ['closed', c.closed],
      ['verification', c.verification],
      ['published', c.published],
    ] as const)('is refused when %s → CAMPAIGN_ALREADY_CLOSED', (_s, history) => {
      campaignSpec().given(history).when(close).thenThrows('CAMPAIGN_ALREADY_CLOSED');
    });
  });

  describe('startRatingVerification', () => {
    it('starts the final verification of a campaign closed for entries', () => {
      campaignSpec()
        .given(c.closed)
        .when(startVerification)
        .then([{ type: 'RatingVerificationStarted', data: { campaignId, startedOn: TODAY } }]);
    });

    it.each([
      ['draft', c.draft],
      ['open', c.open],
    ] as const)('is refused while %s → ENTRIES_NOT_CLOSED', (_s, history) => {
      campaignSpec().given(history).when(startVerification).thenThrows('ENTRIES_NOT_CLOSED');
    });

    it.each([
      ['verification', c.verification],
      ['published', c.published],
    ] as const)('is refused when already in %s → VERIFICATION_ALREADY_STARTED', (_s, history) => {
      campaignSpec().given(history).when(startVerification).thenThrows('VERIFICATION_ALREADY_STARTED');
    });
  });

  describe('publishRatingResults', () => {
    it('publishes when every submitted entry is verified or returned, opening appeals until the given day', () => {
      campaignSpec()
        .given(c.verification)
        .when(publish({ basis: 'Academic Council protocol No. 9' }))
        .then([
          {
            type: 'RatingResultsPublished',
            data: { campaignId, publishedOn: TODAY, appealsUntil: '2026-03-25', basis: 'Academic Council protocol No. 9', rankedEntries: 87 },
          },
        ]);
    });

    it('accepts an appeal deadline of today', () => {
      campaignSpec()
        .given(c.verification)
        .when(publish({ appealsUntil: TODAY }))
        .then([{ type: 'RatingResultsPublished', data: { campaignId, publishedOn: TODAY, appealsUntil: TODAY, rankedEntries: 87 } }]);
    });

    it('is refused while an entry awaits verification → ENTRIES_AWAITING_VERIFICATION', () => {
      campaignSpec()
        .given(c.verification)
        .when(publish({ tally: { awaitingVerification: 1, verified: 86 } }))
        .thenThrows('ENTRIES_AWAITING_VERIFICATION');
    });

    it('is refused with no verified entry → NO_VERIFIED_ENTRIES', () => {
      campaignSpec()
        .given(c.verification)
        .when(publish({ tally: { awaitingVerification: 0, verified: 0 } }))
        .thenThrows('NO_VERIFIED_ENTRIES');
    });

    it('is refused with an appeal deadline before today → APPEAL_DEADLINE_IN_PAST', () => {
      campaignSpec()
        .given(c.verification)
        .when(publish({ appealsUntil: '2026-03-09' }))
        .thenThrows('APPEAL_DEADLINE_IN_PAST');
    });

    it.each([
      ['draft', c.draft],
      ['open', c.open],
      ['closed', c.closed],
    ] as const)('is refused while %s → VERIFICATION_NOT_STARTED', (_s, history) => {
      campaignSpec().given(history).when(publish()).thenThrows('VERIFICATION_NOT_STARTED');
    });

    it('is refused a second time → RESULTS_ALREADY_PUBLISHED', () => {
      campaignSpec().given(c.published).when(publish()).thenThrows('RESULTS_ALREADY_PUBLISHED');
    });
  });

  describe('closeRatingAppeals', () => {
    it('records the window closed once the last day for appeals is over in Kyrgyzstan', () => {
      campaignSpec(divisionHead, DAY_AFTER_APPEALS).given(c.published).when(closeAppeals()).then([appealsClosed]);
    });

    it('records a later closing day when the hub was down on the day after the deadline', () => {
      campaignSpec(divisionHead, '2026-06-20T04:00:00.000Z')
        .given(c.published)
        .when(closeAppeals('2026-06-20'))
        .then([{ ...appealsClosed, data: { ...appealsClosed.data, closedOn: '2026-06-20' } }]);
    });

    it('is refused on the last day for appeals, even at 23:59 in Osh → APPEAL_WINDOW_STILL_OPEN', () => {
      campaignSpec(divisionHead, LAST_APPEAL_MOMENT).given(c.published).when(closeAppeals()).thenThrows('APPEAL_WINDOW_STILL_OPEN');
    });

    it('is refused with a closing day not after the deadline → APPEAL_WINDOW_STILL_OPEN', () => {
      campaignSpec(divisionHead, DAY_AFTER_APPEALS).given(c.published).when(closeAppeals('2026-06-15')).thenThrows('APPEAL_WINDOW_STILL_OPEN');
    });

    it('is refused with a closing day after today → CLOSING_DATE_IN_FUTURE', () => {
      campaignSpec(divisionHead, DAY_AFTER_APPEALS).given(c.published).when(closeAppeals('2026-06-17')).thenThrows('CLOSING_DATE_IN_FUTURE');
    });

    it.each([
      ['draft', c.draft],
      ['open', c.open],
      ['closed', c.closed],
      ['in verification', c.verification],
    ] as const)('is refused while %s → RESULTS_NOT_PUBLISHED', (_s, history) => {
      campaignSpec(divisionHead, DAY_AFTER_APPEALS).given(history).when(closeAppeals()).thenThrows('RESULTS_NOT_PUBLISHED');
    });

    it('is refused a second time → APPEALS_ALREADY_CLOSED', () => {
      campaignSpec(divisionHead, '2026-06-20T04:00:00.000Z')
        .given([...c.published, appealsClosed])
        .when(closeAppeals('2026-06-20'))
        .thenThrows('APPEALS_ALREADY_CLOSED');
    });
  });

  it('folds a whole cycle into the facts its entries are decided with', () => {
    const extended: RatingCampaignEvent = { type: 'RatingEntryDeadlineExtended', data: { campaignId, entriesDue: '2026-05-10', previousDue: ENTRIES_DUE } };
    const revised: RatingCampaignEvent = { type: 'RatingCriteriaRevised', data: { campaignId, criteria: criteria.slice(0, 2), groupCaps: [] } };
    const state = fold(ratingCampaignDecider, [created(), revised, opened, extended, closed, verificationStarted, published]);
    expect(campaignFactsOf(state)).toStrictEqual({
      campaignId,
      year: 2025,
      title,
      status: 'published',
      criteria: criteria.slice(0, 2),
      groupCaps: [],
      entriesDue: '2026-05-10',
      appealsUntil: '2026-06-15',
      appealsClosedOn: null,
    });
    expect(campaignFactsOf(fold(ratingCampaignDecider, [...c.published, appealsClosed]))?.appealsClosedOn).toBe('2026-06-16');
    expect(campaignFactsOf(fold(ratingCampaignDecider, []))).toBeUndefined();
    expect(fold(ratingCampaignDecider, [opened])).toStrictEqual({ exists: false });
  });
});

// ---------------------------------------------------------------------------------------------
// A teacher's entry
// ---------------------------------------------------------------------------------------------
type EEvent<Type extends RatingEntryEvent['type']> = Extract<RatingEntryEvent, { type: Type }>;
type ECommand<Name extends RatingEntryCommand['type']> = Extract<RatingEntryCommand, { type: Name }>;

const facts = (status: RatingCampaignFacts['status'], overrides: Partial<RatingCampaignFacts> = {}): RatingCampaignFacts => ({
  campaignId,
  year: 2025,
  title,
  status,
  criteria,
  groupCaps: [],
  entriesDue: ENTRIES_DUE,
  appealsUntil: status === 'published' ? '2026-03-20' : null,
  appealsClosedOn: null,
  ...overrides,
});
const f = {
  draft: facts('draft'),
  open: facts('open'),
  closed: facts('closed_for_entries'),
  verification: facts('verification'),
  published: facts('published'),
};

const fullScores = [
  { criterionCode: 'TEACH', quantity: 36, evidence: 'Load fulfilled: 912 hours' },
  { criterionCode: 'PUB', quantity: 24.5, evidence: 'Two Scopus Q3 articles (DOI 10.1000/x1, 10.1000/x2)' },
  { criterionCode: 'METH', quantity: 12 },
];

const started = (teacher = { id: aida.id, name: aida.name }, unit = 'faculty-economics'): EEvent<'RatingEntryStarted'> => ({
  type: 'RatingEntryStarted',
  data: { entryId, campaignId, teacher, unit },
});
const scored = (scores = fullScores, by: Actor = aida): EEvent<'RatingScoresRecorded'> => ({
  type: 'RatingScoresRecorded',
  data: { entryId, campaignId, scores, recordedBy: { id: by.id, name: by.name } },
});
const profile = { faculty: 'Faculty of Economics', chair: 'Chair of Finance', position: 'senior_lecturer' as const, degree: 'candidate' as const, rate: 1 };
const profiled: EEvent<'RatingEntryProfileRecorded'> = { type: 'RatingEntryProfileRecorded', data: { entryId, campaignId, profile } };
const submitted = (submittedAs: 'teacher' | 'unit_head' = 'teacher'): EEvent<'RatingEntrySubmitted'> => ({
  type: 'RatingEntrySubmitted',
  data: { entryId, campaignId, submittedAs },
});
const verified: EEvent<'RatingEntryVerified'> = { type: 'RatingEntryVerified', data: { entryId, campaignId, level: 'unit' } };
const returned: EEvent<'RatingEntryReturned'> = {
  type: 'RatingEntryReturned',
  data: { entryId, campaignId, level: 'unit', reason: 'Attach the Scopus records' },
};
const appealFiled: EEvent<'RatingAppealFiled'> = {
  type: 'RatingAppealFiled',
  data: { entryId, campaignId, criteria: ['PUB'], reason: 'A third article was left out', filedOn: '2026-03-05' },
};
const appealRejected: EEvent<'RatingAppealRejected'> = {
  type: 'RatingAppealRejected',
  data: { entryId, campaignId, response: 'Not indexed in 2025', decidedOn: '2026-03-08' },
};

const e = {
  draft: [started(), scored(), profiled],
  unprofiled: [started(), scored()],
  partial: [started(), scored(fullScores.slice(0, 2)), profiled],
  submitted: [started(), scored(), profiled, submitted()],
  verified: [started(), scored(), profiled, submitted(), verified],
  returned: [started(), scored(), profiled, submitted(), returned],
  appealed: [started(), scored(), profiled, submitted(), verified, appealFiled],
  appealRejected: [started(), scored(), profiled, submitted(), verified, appealFiled, appealRejected],
} satisfies Record<string, RatingEntryEvent[]>;

const record = (scores = fullScores, campaign = f.open, teacher?: { id: string; name: string }): ECommand<'recordRatingScores'> => ({
  type: 'recordRatingScores',
  entryId,
  campaign,
  campaignId,
  scores,
  ...(teacher ? { teacher } : {}),
});
const submit = (campaign = f.open): ECommand<'submitRatingEntry'> => ({ type: 'submitRatingEntry', entryId, campaign });
const verify = (campaign = f.open, note?: string): ECommand<'verifyRatingEntry'> => ({
  type: 'verifyRatingEntry',
  entryId,
  campaign,
  ...(note ? { note } : {}),
});
const giveBack = (campaign = f.open): ECommand<'returnRatingEntry'> => ({ type: 'returnRatingEntry', entryId, campaign, reason: 'Attach the Scopus records' });
const appeal = (input: Partial<ECommand<'fileRatingAppeal'>> = {}): ECommand<'fileRatingAppeal'> => ({
  type: 'fileRatingAppeal',
  entryId,
  campaign: f.published,
  criteria: ['PUB'],
  reason: 'A third article was left out',
  ...input,
});
const resolve = (input: Partial<ECommand<'resolveRatingAppeal'>> = {}): ECommand<'resolveRatingAppeal'> => ({
  type: 'resolveRatingAppeal',
  entryId,
  campaign: f.published,
  decision: 'upheld',
  response: 'The article counts',
  corrections: [{ criterionCode: 'PUB', quantity: 28.5 }],
  ...input,
});

/** A scope refusal: ForbiddenError (so GraphQL answers ForbiddenError) with a stable code. */
function expectForbidden(actor: Actor, history: RatingEntryEvent[], command: RatingEntryCommand, code: 'NOT_OWN_ENTRY' | 'NOT_OWN_UNIT', now = NOW) {
  const state = fold(ratingEntryDecider, history);
  let thrown: unknown;
  try {
    ratingEntryDecider.decide(command, state, contextOf(actor, now));
  } catch (error) {
    thrown = error;
  }
  expect(thrown).toBeInstanceOf(ForbiddenError);
  expect(thrown).not.toBeInstanceOf(DomainRuleError);
  expect((thrown as RatingScopeError).code).toBe(code);
}

/** A refusal whose message names the offending field. */
function expectRuleNaming(actor: Actor, history: RatingEntryEvent[], command: RatingEntryCommand, code: string, message: string) {
  const state = fold(ratingEntryDecider, history);
  expect(() => ratingEntryDecider.decide(command, state, contextOf(actor))).toThrow(expect.objectContaining({ code, message }));
}

describe('rating entry decider', () => {
  describe('recordRatingScores starting an entry', () => {
    it("starts the teacher's own entry in their token's unit and records the scores", () => {
      entrySpec(aida).given([]).when(record()).then([started(), scored()]);
    });

    it('takes the name the teacher gives for themself', () => {
      entrySpec(aida)
        .given([])
        .when(record(fullScores, f.open, { id: aida.id, name: 'Aida K. Mamytova' }))
        .then([started({ id: aida.id, name: 'Aida K. Mamytova' }), scored()]);
    });

    it("refuses a unit head starting a teacher's entry: the unit must come from the teacher's own token → TEACHER_UNIT_UNKNOWN", () => {
      entrySpec(econHead)
        .given([])
        .when(record(fullScores, f.open, { id: bakyt.id, name: bakyt.name }))
        .thenThrows('TEACHER_UNIT_UNKNOWN');
    });

    it('lets a unit head start their own entry, in their own unit', () => {
      const own = { id: econHead.id, name: econHead.name };
      entrySpec(econHead)
        .given([])
        .when(record())
        .then([started(own), scored(fullScores, econHead)]);
    });

    it("refuses a teacher recording another teacher's scores → ForbiddenError NOT_OWN_ENTRY", () => {
      expectForbidden(aida, [], record(fullScores, f.open, { id: bakyt.id, name: bakyt.name }), 'NOT_OWN_ENTRY');
    });

    it('refuses a caller whose token carries no unit → UNIT_UNKNOWN', () => {
      entrySpec(unitless).given([]).when(record()).thenThrows('UNIT_UNKNOWN');
    });

    it('refuses before the campaign opens → CAMPAIGN_NOT_OPEN', () => {
      entrySpec(aida).given([]).when(record(fullScores, f.draft)).thenThrows('CAMPAIGN_NOT_OPEN');
    });

    it.each([
      ['closed for entries', f.closed],
      ['in verification', f.verification],
      ['published', f.published],
    ] as const)('a campaign %s takes no scores → CAMPAIGN_CLOSED_FOR_ENTRIES', (_s, campaign) => {
      entrySpec(aida).given([]).when(record(fullScores, campaign)).thenThrows('CAMPAIGN_CLOSED_FOR_ENTRIES');
    });

    it('accepts scores on the deadline day until midnight in Osh, and refuses them after → ENTRY_DEADLINE_PASSED', () => {
      entrySpec(aida, '2026-04-30T17:59:00.000Z').given([]).when(record()).then([started(), scored()]);
      entrySpec(aida, '2026-04-30T18:00:00.000Z').given([]).when(record()).thenThrows('ENTRY_DEADLINE_PASSED');
    });

    it('refuses a criterion the campaign does not have, naming the field → UNKNOWN_CRITERION', () => {
      const scores = [fullScores[0]!, { criterionCode: 'SPORT', quantity: 3 }];
      expectRuleNaming(aida, [], record(scores), 'UNKNOWN_CRITERION', 'scores.1.criterionCode: the campaign has no criterion SPORT');
    });

    it("records a quantity worth more than the criterion's cap: the points are capped, not refused", () => {
      const scores = [fullScores[0]!, { criterionCode: 'PUB', quantity: 30.01 }];
      entrySpec(aida)
        .given([])
        .when(record(scores))
        .then([started(), scored(scores)]);
    });

    it('accepts the maximum itself and zero', () => {
      const scores = [
        { criterionCode: 'PUB', quantity: 30 },
        { criterionCode: 'METH', quantity: 0 },
      ];
      entrySpec(aida)
        .given([])
        .when(record(scores))
        .then([started(), scored(scores)]);
    });
  });

  describe('recordRatingScores on an existing entry', () => {
    const change = [{ criterionCode: 'METH', quantity: 14, evidence: 'Syllabus for Microeconomics' }];

    it('records the changed scores only', () => {
      entrySpec(aida)
        .given(e.draft)
        .when(record(change))
        .then([scored(change)]);
    });

    it('lets the head of the entry’s unit record scores', () => {
      entrySpec(econHead)
        .given(e.draft)
        .when(record(change))
        .then([scored(change, econHead)]);
    });

    it('stores nothing when nothing changes', () => {
      entrySpec(aida)
        .given(e.draft)
        .when(record([fullScores[1]!]))
        .then([]);
    });

    it('a new evidence note is a change', () => {
      const noted = [{ ...fullScores[2]!, evidence: 'Methodical guide, 48 pages' }];
      entrySpec(aida)
        .given(e.draft)
        .when(record(noted))
        .then([scored(noted)]);
    });

    it("refuses another teacher → ForbiddenError NOT_OWN_ENTRY, and another unit's head → NOT_OWN_UNIT", () => {
      expectForbidden(bakyt, e.draft, record(change), 'NOT_OWN_ENTRY');
      expectForbidden(lawHead, e.draft, record(change), 'NOT_OWN_UNIT');
    });

    it.each([
      ['submitted', e.submitted],
      ['verified', e.verified],
    ] as const)('refuses changes to a %s entry → ENTRY_LOCKED', (_s, history) => {
      entrySpec(aida).given(history).when(record(change)).thenThrows('ENTRY_LOCKED');
    });

    it('refuses a draft entry after the deadline → ENTRY_DEADLINE_PASSED', () => {
      entrySpec(aida, '2026-05-02T04:00:00.000Z').given(e.draft).when(record(change)).thenThrows('ENTRY_DEADLINE_PASSED');
    });

    it('a closed campaign takes no scores for a draft entry → CAMPAIGN_CLOSED_FOR_ENTRIES', () => {
      entrySpec(aida).given(e.draft).when(record(change, f.closed)).thenThrows('CAMPAIGN_CLOSED_FOR_ENTRIES');
    });

    it('a returned entry may be corrected after the deadline and after the close', () => {
      entrySpec(aida, '2026-05-02T04:00:00.000Z')
        .given(e.returned)
        .when(record(change))
        .then([scored(change)]);
      entrySpec(aida)
        .given(e.returned)
        .when(record(change, f.closed))
        .then([scored(change)]);
    });

    it('but not once the final verification has started → CAMPAIGN_CLOSED_FOR_ENTRIES', () => {
      entrySpec(aida).given(e.returned).when(record(change, f.verification)).thenThrows('CAMPAIGN_CLOSED_FOR_ENTRIES');
    });

    it('refuses a campaign other than the entry’s → ENTRY_CAMPAIGN_MISMATCH', () => {
      entrySpec(aida)
        .given(e.draft)
        .when(record(change, facts('open', { campaignId: '11111111-2222-4333-8444-555555555555' })))
        .thenThrows('ENTRY_CAMPAIGN_MISMATCH');
    });
  });

  describe('submitRatingEntry', () => {
    it('is submitted by the teacher', () => {
      entrySpec(aida)
        .given(e.draft)
        .when(submit())
        .then([submitted('teacher')]);
    });

    it('or by the head of their unit', () => {
      entrySpec(econHead)
        .given(e.draft)
        .when(submit())
        .then([submitted('unit_head')]);
    });

    it('needs a score for every criterion, naming the missing ones → SCORES_INCOMPLETE', () => {
      expectRuleNaming(aida, e.partial, submit(), 'SCORES_INCOMPLETE', 'every criterion needs a score (zero is a score); missing: METH');
    });

    it('refuses an entry that does not exist → ENTRY_NOT_FOUND', () => {
      entrySpec(aida).given([]).when(submit()).thenThrows('ENTRY_NOT_FOUND');
    });

    it('refuses a second submission → ENTRY_ALREADY_SUBMITTED, and a verified entry → ENTRY_ALREADY_VERIFIED', () => {
      entrySpec(aida).given(e.submitted).when(submit()).thenThrows('ENTRY_ALREADY_SUBMITTED');
      entrySpec(aida).given(e.verified).when(submit()).thenThrows('ENTRY_ALREADY_VERIFIED');
    });

    it('refuses a first submission after the deadline → ENTRY_DEADLINE_PASSED, but resubmits a corrected entry', () => {
      const late = '2026-05-02T04:00:00.000Z';
      entrySpec(aida, late).given(e.draft).when(submit()).thenThrows('ENTRY_DEADLINE_PASSED');
      entrySpec(aida, late).given(e.returned).when(submit()).then([submitted()]);
    });

    it('after the close, takes back corrected entries only → CAMPAIGN_CLOSED_FOR_ENTRIES', () => {
      entrySpec(aida).given(e.draft).when(submit(f.closed)).thenThrows('CAMPAIGN_CLOSED_FOR_ENTRIES');
      entrySpec(aida).given(e.returned).when(submit(f.closed)).then([submitted()]);
      entrySpec(aida).given(e.returned).when(submit(f.verification)).thenThrows('CAMPAIGN_CLOSED_FOR_ENTRIES');
    });

    it('refuses another teacher and another unit’s head', () => {
      expectForbidden(bakyt, e.draft, submit(), 'NOT_OWN_ENTRY');
      expectForbidden(lawHead, e.draft, submit(), 'NOT_OWN_UNIT');
    });
  });

  describe('verifyRatingEntry', () => {
    it('is verified by the head of the entry’s unit, with a note', () => {
      entrySpec(econHead)
        .given(e.submitted)
        .when(verify(f.open, 'Checked against the Scopus records'))
        .then([{ type: 'RatingEntryVerified', data: { entryId, campaignId, level: 'unit', note: 'Checked against the Scopus records' } }]);
    });

    it('or by the department, in any phase before publication', () => {
      for (const campaign of [f.open, f.closed, f.verification]) {
        entrySpec(methodist)
          .given(e.submitted)
          .when(verify(campaign))
          .then([{ type: 'RatingEntryVerified', data: { entryId, campaignId, level: 'department' } }]);
      }
    });

    it('refuses the head of another unit → ForbiddenError NOT_OWN_UNIT', () => {
      expectForbidden(lawHead, e.submitted, verify(), 'NOT_OWN_UNIT');
    });

    it('refuses a unit head verifying their own entry → SELF_REVIEW', () => {
      const own = [started({ id: econHead.id, name: econHead.name }), scored(fullScores, econHead), submitted()];
      entrySpec(econHead).given(own).when(verify()).thenThrows('SELF_REVIEW');
    });

    it('refuses the unit head who recorded scores in it (four eyes) → SCORES_ENTERED_BY_REVIEWER; the department verifies it', () => {
      const headScored = [started(), scored(), scored([{ criterionCode: 'METH', quantity: 14 }], econHead), submitted('unit_head')];
      entrySpec(econHead).given(headScored).when(verify()).thenThrows('SCORES_ENTERED_BY_REVIEWER');
      entrySpec(methodist)
        .given(headScored)
        .when(verify())
        .then([{ type: 'RatingEntryVerified', data: { entryId, campaignId, level: 'department' } }]);
    });

    it('still lets the unit head who recorded scores return the entry for correction', () => {
      const headScored = [started(), scored([{ criterionCode: 'METH', quantity: 14 }], econHead), scored(), submitted('unit_head')];
      entrySpec(econHead).given(headScored).when(giveBack()).then([returned]);
    });

    it.each([
      ['being filled in', e.draft],
      ['returned', e.returned],
    ] as const)('refuses an entry %s → ENTRY_NOT_SUBMITTED', (_s, history) => {
      entrySpec(econHead).given(history).when(verify()).thenThrows('ENTRY_NOT_SUBMITTED');
    });

    it('refuses a verified entry → ENTRY_ALREADY_VERIFIED, and any after publication → RESULTS_PUBLISHED', () => {
      entrySpec(econHead).given(e.verified).when(verify()).thenThrows('ENTRY_ALREADY_VERIFIED');
      entrySpec(divisionHead).given(e.submitted).when(verify(f.published)).thenThrows('RESULTS_PUBLISHED');
    });
  });

  describe('returnRatingEntry', () => {
    it('returns a submitted entry for correction (head of the unit)', () => {
      entrySpec(econHead).given(e.submitted).when(giveBack()).then([returned]);
    });

    it('returns a verified entry (department), also during the final verification', () => {
      entrySpec(divisionHead)
        .given(e.verified)
        .when(giveBack(f.verification))
        .then([{ ...returned, data: { ...returned.data, level: 'department' } }]);
    });

    it.each([
      ['being filled in', e.draft],
      ['already returned', e.returned],
    ] as const)('refuses an entry %s → ENTRY_NOT_SUBMITTED', (_s, history) => {
      entrySpec(econHead).given(history).when(giveBack()).thenThrows('ENTRY_NOT_SUBMITTED');
    });

    it('refuses after publication → RESULTS_PUBLISHED, another unit → NOT_OWN_UNIT, one’s own entry → SELF_REVIEW', () => {
      entrySpec(divisionHead).given(e.verified).when(giveBack(f.published)).thenThrows('RESULTS_PUBLISHED');
      expectForbidden(lawHead, e.submitted, giveBack(), 'NOT_OWN_UNIT');
      const own = [started({ id: methodist.id, name: methodist.name }), scored(), submitted()];
      entrySpec(methodist).given(own).when(giveBack()).thenThrows('SELF_REVIEW');
    });
  });

  describe('fileRatingAppeal', () => {
    it('is filed by the teacher after publication, dated today', () => {
      entrySpec(aida)
        .given(e.verified)
        .when(appeal())
        .then([{ ...appealFiled, data: { ...appealFiled.data, filedOn: TODAY } }]);
    });

    it('is accepted on the last day of the appeal window, and refused the day after → APPEAL_WINDOW_CLOSED', () => {
      entrySpec(aida, '2026-03-20T17:30:00.000Z')
        .given(e.verified)
        .when(appeal())
        .then([{ ...appealFiled, data: { ...appealFiled.data, filedOn: '2026-03-20' } }]);
      entrySpec(aida, '2026-03-20T18:00:00.000Z').given(e.verified).when(appeal()).thenThrows('APPEAL_WINDOW_CLOSED');
    });

    it('is refused once the window is recorded closed → APPEAL_WINDOW_CLOSED', () => {
      const closedCampaign = facts('published', { appealsClosedOn: '2026-03-09' });
      entrySpec(aida)
        .given(e.verified)
        .when(appeal({ campaign: closedCampaign }))
        .thenThrows('APPEAL_WINDOW_CLOSED');
    });

    it.each([
      ['open', f.open],
      ['in verification', f.verification],
    ] as const)('is refused while the campaign is %s → APPEAL_BEFORE_PUBLICATION', (_s, campaign) => {
      entrySpec(aida).given(e.verified).when(appeal({ campaign })).thenThrows('APPEAL_BEFORE_PUBLICATION');
    });

    it('is refused for an entry that is not among the results → ENTRY_NOT_IN_RESULTS', () => {
      entrySpec(aida).given(e.returned).when(appeal()).thenThrows('ENTRY_NOT_IN_RESULTS');
    });

    it.each([
      ['under review', e.appealed],
      ['decided', e.appealRejected],
    ] as const)('is refused when an appeal was already filed (%s) → APPEAL_ALREADY_FILED', (_s, history) => {
      entrySpec(aida).given(history).when(appeal()).thenThrows('APPEAL_ALREADY_FILED');
    });

    it('refuses an unknown criterion, naming it → UNKNOWN_CRITERION', () => {
      expectRuleNaming(aida, e.verified, appeal({ criteria: ['PUB', 'SPORT'] }), 'UNKNOWN_CRITERION', 'criteria.1: the campaign has no criterion SPORT');
    });

    it("refuses anyone but the entry's teacher, the unit head included → ForbiddenError NOT_OWN_ENTRY", () => {
      expectForbidden(bakyt, e.verified, appeal(), 'NOT_OWN_ENTRY');
      expectForbidden(econHead, e.verified, appeal(), 'NOT_OWN_ENTRY');
    });
  });

  describe('resolveRatingAppeal', () => {
    it('upholds an appeal, correcting a contested score and recording the previous points', () => {
      entrySpec(divisionHead)
        .given(e.appealed)
        .when(resolve())
        .then([
          {
            type: 'RatingAppealUpheld',
            data: {
              entryId,
              campaignId,
              response: 'The article counts',
              decidedOn: TODAY,
              corrections: [{ criterionCode: 'PUB', quantity: 28.5, previousQuantity: 24.5 }],
            },
          },
        ]);
    });

    it('rejects an appeal, also after the appeal deadline', () => {
      entrySpec(divisionHead, '2026-04-01T04:00:00.000Z')
        .given(e.appealed)
        .when(resolve({ decision: 'rejected', response: 'Not indexed in 2025' }))
        .then([{ type: 'RatingAppealRejected', data: { entryId, campaignId, response: 'Not indexed in 2025', decidedOn: '2026-04-01' } }]);
    });

    it.each([
      ['no appeal', e.verified],
      ['an appeal already decided', e.appealRejected],
    ] as const)('is refused with %s → NO_APPEAL_UNDER_REVIEW', (_s, history) => {
      entrySpec(divisionHead).given(history).when(resolve()).thenThrows('NO_APPEAL_UNDER_REVIEW');
    });

    it('corrects only contested criteria → CRITERION_NOT_APPEALED', () => {
      expectRuleNaming(
        divisionHead,
        e.appealed,
        resolve({ corrections: [{ criterionCode: 'TEACH', quantity: 40 }] }),
        'CRITERION_NOT_APPEALED',
        'corrections.0.criterionCode: criterion TEACH was not contested in the appeal (PUB)',
      );
    });

    it('refuses an unknown criterion, naming the field; a quantity above the cap is capped, not refused', () => {
      expectRuleNaming(
        divisionHead,
        e.appealed,
        resolve({ corrections: [{ criterionCode: 'SPORT', quantity: 1 }] }),
        'UNKNOWN_CRITERION',
        'corrections.0.criterionCode: the campaign has no criterion SPORT',
      );
      expectRuleNaming(
        divisionHead,
        e.appealed,
        resolve({ corrections: [{ criterionCode: 'SPORT', quantity: 1 }] }),
        'UNKNOWN_CRITERION',
        'corrections.0.criterionCode: the campaign has no criterion SPORT',
      );
      const upheld = ratingEntryDecider.decide(
        resolve({ corrections: [{ criterionCode: 'PUB', quantity: 31 }] }),
        fold(ratingEntryDecider, e.appealed),
        contextOf(divisionHead),
      );
      expect(upheld.map((event) => event.type)).toStrictEqual(['RatingAppealUpheld']);
    });

    it('refuses an upheld appeal that changes no points → CORRECTION_CHANGES_NOTHING', () => {
      entrySpec(divisionHead)
        .given(e.appealed)
        .when(resolve({ corrections: [{ criterionCode: 'PUB', quantity: 24.5, evidence: 'Rechecked' }] }))
        .thenThrows('CORRECTION_CHANGES_NOTHING');
    });

    it('refuses a decision on one’s own appeal → SELF_REVIEW', () => {
      const own = [started({ id: divisionHead.id, name: divisionHead.name }), scored(), submitted(), verified, appealFiled];
      entrySpec(divisionHead).given(own).when(resolve()).thenThrows('SELF_REVIEW');
    });
  });

  it('decides the same events whatever the command id', () => {
    const other = deciderSpec(ratingEntryDecider, { actor: aida, now: NOW, commandId: 'another-command' });
    other.given([]).when(record()).then([started(), scored()]);
  });

  it('folds an entry through correction, verification and an upheld appeal', () => {
    const upheld: RatingEntryEvent = {
      type: 'RatingAppealUpheld',
      data: { entryId, campaignId, response: 'ok', decidedOn: TODAY, corrections: [{ criterionCode: 'PUB', quantity: 28.5, previousQuantity: 24.5 }] },
    };
    const state = fold(ratingEntryDecider, [
      ...e.returned,
      scored([{ criterionCode: 'METH', quantity: 15 }], econHead),
      submitted(),
      verified,
      appealFiled,
      upheld,
    ]);
    expect(state).toStrictEqual({
      exists: true,
      entryId,
      campaignId,
      teacher: { id: aida.id, name: aida.name },
      unit: 'faculty-economics',
      status: 'verified',
      scores: {
        TEACH: { quantity: 36, evidence: 'Load fulfilled: 912 hours' },
        PUB: { quantity: 28.5, evidence: 'Two Scopus Q3 articles (DOI 10.1000/x1, 10.1000/x2)' },
        METH: { quantity: 15 },
      },
      profile,
      scoredBy: [aida.id, econHead.id],
      appeal: { status: 'upheld', criteria: ['PUB'] },
    });
  });
});

describe('rating scores and totals', () => {
  it('a recorded score replaces points and evidence; a correction keeps the evidence unless it brings new', () => {
    const current = { PUB: { quantity: 10, evidence: 'DOI 10.1000/x1' } };
    expect(scoresAfter(current, [{ criterionCode: 'PUB', quantity: 12 }], 'record')).toStrictEqual({ PUB: { quantity: 12 } });
    expect(scoresAfter(current, [{ criterionCode: 'PUB', quantity: 12 }], 'correct')).toStrictEqual({ PUB: { quantity: 12, evidence: 'DOI 10.1000/x1' } });
    expect(scoresAfter(current, [{ criterionCode: 'PUB', quantity: 12, evidence: 'new' }], 'correct')).toStrictEqual({
      PUB: { quantity: 12, evidence: 'new' },
    });
  });

  it('weights totals exactly, in units of 1/10 000 of a point', () => {
    // 36 × 1 + 24.5 × 1.5 + 12 × 0.5 = 78.75
    expect(totalUnitsOf(scoresAfter({}, fullScores, 'record'), criteria, [])).toBe(787500);
    // 0.1 × 0.7 + 0.2 × 0.7 is 0.21 exactly, not 0.21000000000000002
    const rule = { name: title, maxPoints: 1, weight: 0.7, pointsPerUnit: 1, sharedAuthorship: false, evidenceRequired: false };
    const tiny = [
      { code: 'A', ...rule },
      { code: 'B', ...rule },
    ];
    expect(totalUnitsOf({ A: { quantity: 0.1 }, B: { quantity: 0.2 } }, tiny, [])).toBe(2100);
  });
});

// ---------------------------------------------------------------------------------------------
// Who may send what
// ---------------------------------------------------------------------------------------------
describe('rating permissions', () => {
  it('name every rating command exactly once', () => {
    expect(Object.keys(ratingsPermissions).sort()).toStrictEqual(Object.keys(ratingsCommands).sort());
  });

  it('give the rating commission’s decisions to the head of the division and the director', () => {
    const decisions = ['director', 'acting_director', 'head_of_rating_division'];
    for (const name of [
      'openRatingCampaign',
      'extendRatingEntryDeadline',
      'closeRatingEntries',
      'startRatingVerification',
      'publishRatingResults',
      'closeRatingAppeals',
      'resolveRatingAppeal',
    ] as const) {
      expect(ratingsPermissions[name]).toStrictEqual(decisions);
    }
    const staff = [...decisions, 'methodist', 'rating_inspector'];
    expect(ratingsPermissions.createRatingCampaign).toStrictEqual(staff);
    expect(ratingsPermissions.reviseRatingCriteria).toStrictEqual(staff);
  });

  it('let teachers and unit heads write entries, unit heads and the department review them, and only teachers appeal', () => {
    expect(ratingsPermissions.recordRatingScores).toStrictEqual(['teacher', 'unit_head']);
    expect(ratingsPermissions.submitRatingEntry).toStrictEqual(['teacher', 'unit_head']);
    expect(ratingsPermissions.verifyRatingEntry).toStrictEqual([
      'unit_head',
      'director',
      'acting_director',
      'head_of_rating_division',
      'methodist',
      'rating_inspector',
    ]);
    expect(ratingsPermissions.returnRatingEntry).toStrictEqual(ratingsPermissions.verifyRatingEntry);
    expect(ratingsPermissions.fileRatingAppeal).toStrictEqual(['teacher']);
    const everything = new Set(Object.values(ratingsPermissions).flat());
    expect(everything.has('auditor')).toBe(false);
    expect(everything.has('integration')).toBe(false);
  });
});

// ---------------------------------------------------------------------------------------------
// Command schemas: each rule of the input, with the path it reports
// ---------------------------------------------------------------------------------------------
type Schema = { safeParse(input: unknown): { success: boolean; data?: unknown; error?: { issues: { path: PropertyKey[]; message: string }[] } } };
const cc = ratingCampaignCommands as unknown as Record<string, Schema>;
const ec = ratingEntryCommands as unknown as Record<string, Schema>;
const issues = (schema: Schema, input: unknown) =>
  (schema.safeParse(input).error?.issues ?? []).map((i) => ({ path: i.path.map(String).join('.'), message: i.message }));

const validCreate = { year: 2025, title, criteria, groupCaps: [], entriesDue: ENTRIES_DUE };

describe('rating command schemas', () => {
  it.each([
    ['createRatingCampaign', cc.createRatingCampaign!, validCreate],
    ['reviseRatingCriteria', cc.reviseRatingCriteria!, { campaignId, criteria, groupCaps: [{ group: 'research', maxPoints: 50 }] }],
    ['openRatingCampaign', cc.openRatingCampaign!, { campaignId, basis: 'Order 45/1' }],
    ['extendRatingEntryDeadline', cc.extendRatingEntryDeadline!, { campaignId, entriesDue: '2026-05-15' }],
    ['closeRatingEntries', cc.closeRatingEntries!, { campaignId }],
    ['startRatingVerification', cc.startRatingVerification!, { campaignId }],
    ['publishRatingResults', cc.publishRatingResults!, { campaignId, appealsUntil: '2026-06-15' }],
    ['closeRatingAppeals', cc.closeRatingAppeals!, { campaignId, closedOn: '2026-06-16' }],
    ['recordRatingScores', ec.recordRatingScores!, { campaignId, teacher: { id: 't-1', name: 'A' }, scores: fullScores }],
    ['submitRatingEntry', ec.submitRatingEntry!, { entryId }],
    ['verifyRatingEntry', ec.verifyRatingEntry!, { entryId, note: 'ok' }],
    ['returnRatingEntry', ec.returnRatingEntry!, { entryId, reason: 'fix' }],
    ['fileRatingAppeal', ec.fileRatingAppeal!, { entryId, criteria: ['PUB'], reason: 'why' }],
    ['resolveRatingAppeal', ec.resolveRatingAppeal!, { entryId, decision: 'upheld', response: 'ok', corrections: [{ criterionCode: 'PUB', quantity: 3 }] }],
  ] as const)('%s accepts a valid input unchanged', (_name, schema, input) => {
    expect(schema.safeParse(input)).toStrictEqual({ success: true, data: input });
  });

  it('names the closing day when it is not a date', () => {
    expect(issues(cc.closeRatingAppeals!, { campaignId, closedOn: '16.06.2026' }).map((i) => i.path)).toStrictEqual(['closedOn']);
  });

  it('names each repeated criterion code at its own item', () => {
    const repeated = [...criteria, { ...criteria[0]! }];
    expect(issues(cc.createRatingCampaign!, { ...validCreate, criteria: repeated })).toStrictEqual([
      { path: 'criteria.3.code', message: 'repeats the code TEACH of item 0' },
    ]);
    const scores = [fullScores[0]!, fullScores[1]!, { criterionCode: 'TEACH', quantity: 1 }];
    expect(issues(ec.recordRatingScores!, { campaignId, scores })).toStrictEqual([
      { path: 'scores.2.criterionCode', message: 'repeats the criterion TEACH of item 0' },
    ]);
    expect(issues(ec.fileRatingAppeal!, { entryId, criteria: ['PUB', 'PUB'], reason: 'x' })).toStrictEqual([
      { path: 'criteria.1', message: 'repeats the criterion PUB of item 0' },
    ]);
  });

  it.each(['pub', '1PUB', 'PUB SCOPUS', '', 'A23456789012345678901'])('refuses criterion code %j (path criteria.0.code)', (code) => {
    expect(issues(cc.createRatingCampaign!, { ...validCreate, criteria: [{ ...criteria[0]!, code }] }).map((i) => i.path)).toStrictEqual(['criteria.0.code']);
  });

  it('refuses points and weights with more than two decimals, negative points, and zero maximum or weight', () => {
    expect(issues(ec.recordRatingScores!, { campaignId, scores: [{ criterionCode: 'PUB', quantity: 1.005 }] })).toStrictEqual([
      { path: 'scores.0.quantity', message: 'must have at most two decimal places' },
    ]);
    expect(issues(ec.recordRatingScores!, { campaignId, scores: [{ criterionCode: 'PUB', quantity: -1 }] })).toStrictEqual([
      { path: 'scores.0.quantity', message: 'must be zero or more' },
    ]);
    expect(issues(cc.createRatingCampaign!, { ...validCreate, criteria: [{ ...criteria[0]!, maxPoints: 0, weight: 0 }] })).toStrictEqual([
      { path: 'criteria.0.maxPoints', message: 'must be more than zero' },
      { path: 'criteria.0.weight', message: 'must be more than zero' },
    ]);
    expect(issues(cc.createRatingCampaign!, { ...validCreate, criteria: [{ ...criteria[0]!, weight: 0.125 }] })).toStrictEqual([
      { path: 'criteria.0.weight', message: 'must have at most two decimal places' },
    ]);
  });

  it('needs at least one criterion, one score and one contested criterion', () => {
    expect(issues(cc.createRatingCampaign!, { ...validCreate, criteria: [] })).toStrictEqual([
      { path: 'criteria', message: 'must list at least one criterion' },
    ]);
    expect(issues(ec.recordRatingScores!, { campaignId, scores: [] })).toStrictEqual([{ path: 'scores', message: 'must give at least one score' }]);
    expect(issues(ec.fileRatingAppeal!, { entryId, criteria: [], reason: 'x' })).toStrictEqual([
      { path: 'criteria', message: 'must name at least one contested criterion' },
    ]);
  });

  it('wants corrections exactly when an appeal is upheld (path corrections)', () => {
    const message = 'must give corrected scores when the appeal is upheld, and none when it is rejected';
    expect(issues(ec.resolveRatingAppeal!, { entryId, decision: 'upheld', response: 'ok' })).toStrictEqual([{ path: 'corrections', message }]);
    expect(
      issues(ec.resolveRatingAppeal!, { entryId, decision: 'rejected', response: 'no', corrections: [{ criterionCode: 'PUB', quantity: 1 }] }),
    ).toStrictEqual([{ path: 'corrections', message }]);
  });

  it('keeps the year between 2000 and 2100, dates on the calendar, ids as UUIDs, and text not blank', () => {
    expect(issues(cc.createRatingCampaign!, { ...validCreate, year: 1999 })).toStrictEqual([{ path: 'year', message: 'must be 2000 or later' }]);
    expect(issues(cc.createRatingCampaign!, { ...validCreate, entriesDue: '2026-02-30' }).map((i) => i.path)).toStrictEqual(['entriesDue']);
    expect(issues(ec.submitRatingEntry!, { entryId: 'entry-1' }).map((i) => i.path)).toStrictEqual(['entryId']);
    expect(issues(ec.returnRatingEntry!, { entryId, reason: '   ' })).toStrictEqual([{ path: 'reason', message: 'must not be empty' }]);
  });
});

// ---------------------------------------------------------------------------------------------
// The criteria catalogue (groups, points rules) and the teacher's profile
// ---------------------------------------------------------------------------------------------
const catalogue: RatingCriterion[] = [
  { ...criteria[0]!, group: 'teaching' },
  {
    code: 'SCOPUS',
    name: { ky: 'Scopus макалалары', ru: 'Статьи Scopus', en: 'Scopus articles' },
    group: 'research',
    pointsPerUnit: 10,
    maxPoints: 50,
    weight: 1,
    sharedAuthorship: true,
    evidenceRequired: true,
  },
  { ...criteria[2]!, group: 'methodical' },
];
const researchCap = [{ group: 'research' as const, maxPoints: 40 }];
const fc = facts('open', { criteria: catalogue, groupCaps: researchCap });
const catalogueScores = [
  { criterionCode: 'TEACH', quantity: 36 },
  { criterionCode: 'SCOPUS', quantity: 3, authorCount: 2, evidence: 'DOI 10.1000/x1, x2, x3' },
  { criterionCode: 'METH', quantity: 12 },
];

describe('the criteria catalogue', () => {
  it('creates a campaign with groups, points rules and group caps', () => {
    campaignSpec()
      .given([])
      .when(create({ criteria: catalogue, groupCaps: researchCap }))
      .then([created({ criteria: catalogue, groupCaps: researchCap })]);
  });

  it('revises the group caps of a draft campaign alone, and refuses a revision that changes nothing', () => {
    const given = [created({ criteria: catalogue, groupCaps: researchCap })];
    const caps = [{ group: 'research' as const, maxPoints: 45 }];
    campaignSpec(methodist)
      .given(given)
      .when(revise(catalogue, caps))
      .then([{ type: 'RatingCriteriaRevised', data: { campaignId, criteria: catalogue, groupCaps: caps } }]);
    campaignSpec(methodist).given(given).when(revise(catalogue, researchCap)).thenThrows('CRITERIA_UNCHANGED');
  });

  it('refuses a cap on a group no criterion belongs to → GROUP_CAP_WITHOUT_CRITERIA, naming the field', () => {
    const caps = [...researchCap, { group: 'social' as const, maxPoints: 10 }];
    expect(() =>
      ratingCampaignDecider.decide(create({ criteria: catalogue, groupCaps: caps }), fold(ratingCampaignDecider, []), contextOf(divisionHead)),
    ).toThrow(
      expect.objectContaining({
        code: 'GROUP_CAP_WITHOUT_CRITERIA',
        message: 'groupCaps.1.group: no criterion belongs to the group social, so its cap caps nothing',
      }),
    );
    campaignSpec().given(c.draft).when(revise(criteria, researchCap)).thenThrows('GROUP_CAP_WITHOUT_CRITERIA');
  });

  it('defaults a criterion given as before (maximum and weight) to one point per unit, unshared, no evidence required, no group', () => {
    const parsed = ratingCampaignCommands.createRatingCampaign.parse({
      year: 2025,
      title,
      criteria: [{ code: 'TEACH', name: title, maxPoints: 40 }],
      entriesDue: ENTRIES_DUE,
    });
    expect(parsed.criteria).toStrictEqual([
      { code: 'TEACH', name: title, pointsPerUnit: 1, maxPoints: 40, weight: 1, sharedAuthorship: false, evidenceRequired: false },
    ]);
    expect(parsed.groupCaps).toStrictEqual([]);
  });

  it('refuses a second cap on one group and a cap that is not positive', () => {
    const cc = ratingCampaignCommands;
    const base = { year: 2025, title, criteria: catalogue, entriesDue: ENTRIES_DUE };
    const caps = [researchCap[0]!, { group: 'teaching', maxPoints: 0 }];
    expect(cc.createRatingCampaign.safeParse({ ...base, groupCaps: caps }).error?.issues.map((i) => [i.path.join('.'), i.message])).toStrictEqual([
      ['groupCaps.1.maxPoints', 'must be more than zero'],
    ]);
    const twice = [researchCap[0]!, { group: 'research', maxPoints: 10 }];
    expect(cc.createRatingCampaign.safeParse({ ...base, groupCaps: twice }).error?.issues.map((i) => [i.path.join('.'), i.message])).toStrictEqual([
      ['groupCaps.1.group', 'repeats the group research of item 0'],
    ]);
  });
});

describe('scores by the points rule', () => {
  const recordIn = (scores: ECommand<'recordRatingScores'>['scores'], campaign = fc) => record(scores, campaign);

  it('records quantities with the number of authors and evidence', () => {
    entrySpec(aida)
      .given([])
      .when(recordIn(catalogueScores))
      .then([started(), scored(catalogueScores)]);
  });

  it('wants the number of authors on a shared criterion → AUTHOR_COUNT_REQUIRED, naming the field', () => {
    const scores = [{ criterionCode: 'SCOPUS', quantity: 1, evidence: 'DOI' }];
    expectRuleNaming(
      aida,
      [],
      recordIn(scores),
      'AUTHOR_COUNT_REQUIRED',
      'scores.0.authorCount: criterion SCOPUS is shared among co-authors; say how many authors there are (1 for a sole author)',
    );
  });

  it('refuses a number of authors on a criterion that is not shared → AUTHOR_COUNT_NOT_SHARED', () => {
    expectRuleNaming(
      aida,
      [],
      recordIn([{ criterionCode: 'TEACH', quantity: 30, authorCount: 2 }]),
      'AUTHOR_COUNT_NOT_SHARED',
      'scores.0.authorCount: criterion TEACH is not shared among co-authors; leave authorCount out',
    );
  });

  it('wants evidence where the criterion requires it and the quantity is above zero → EVIDENCE_REQUIRED', () => {
    expectRuleNaming(
      aida,
      [],
      recordIn([{ criterionCode: 'SCOPUS', quantity: 2, authorCount: 1 }]),
      'EVIDENCE_REQUIRED',
      'scores.0.evidence: criterion SCOPUS requires evidence for a quantity above zero',
    );
    const none = [{ criterionCode: 'SCOPUS', quantity: 0, authorCount: 1 }];
    entrySpec(aida)
      .given([])
      .when(recordIn(none))
      .then([started(), scored(none)]);
  });

  it('upholds an appeal correcting the number of authors, keeping the evidence already given', () => {
    const given = [
      started(),
      scored(catalogueScores),
      profiled,
      submitted(),
      verified,
      { ...appealFiled, data: { ...appealFiled.data, criteria: ['SCOPUS'] } },
    ];
    const campaign = facts('published', { criteria: catalogue, groupCaps: researchCap });
    const corrections = [{ criterionCode: 'SCOPUS', quantity: 3, authorCount: 1 }];
    entrySpec(divisionHead)
      .given(given)
      .when(resolve({ campaign, corrections }))
      .then([
        {
          type: 'RatingAppealUpheld',
          data: {
            entryId,
            campaignId,
            response: 'The article counts',
            decidedOn: TODAY,
            corrections: [{ criterionCode: 'SCOPUS', quantity: 3, authorCount: 1, previousQuantity: 3, previousAuthorCount: 2 }],
          },
        },
      ]);
    entrySpec(divisionHead)
      .given(given)
      .when(resolve({ campaign, corrections: [{ criterionCode: 'SCOPUS', quantity: 3, authorCount: 2 }] }))
      .thenThrows('CORRECTION_CHANGES_NOTHING');
  });
});

describe('recordRatingEntryProfile', () => {
  const setProfile = (p: Partial<RatingProfile> = {}, campaign = f.open): ECommand<'recordRatingEntryProfile'> => ({
    type: 'recordRatingEntryProfile',
    entryId,
    campaign,
    profile: { ...profile, ...p },
  });
  const changed: RatingProfile = { ...profile, rate: 0.5, position: 'lecturer' };

  it('records the teacher’s profile (the teacher, or the head of their unit)', () => {
    entrySpec(aida).given(e.unprofiled).when(setProfile()).then([profiled]);
    entrySpec(econHead)
      .given(e.draft)
      .when(setProfile(changed))
      .then([{ type: 'RatingEntryProfileRecorded', data: { entryId, campaignId, profile: changed } }]);
  });

  it('records nothing when the profile is the same', () => {
    entrySpec(aida).given(e.draft).when(setProfile()).then([]);
  });

  it('keeps others out (NOT_OWN_ENTRY, NOT_OWN_UNIT)', () => {
    expectForbidden(bakyt, e.draft, setProfile(), 'NOT_OWN_ENTRY');
    expectForbidden(lawHead, e.draft, setProfile(), 'NOT_OWN_UNIT');
  });

  it('refuses a locked entry and a closed campaign, but takes a returned entry’s correction', () => {
    entrySpec(aida).given(e.submitted).when(setProfile(changed)).thenThrows('ENTRY_LOCKED');
    entrySpec(aida).given(e.verified).when(setProfile(changed)).thenThrows('ENTRY_LOCKED');
    entrySpec(aida).given(e.draft).when(setProfile(changed, f.closed)).thenThrows('CAMPAIGN_CLOSED_FOR_ENTRIES');
    entrySpec(aida)
      .given(e.returned)
      .when(setProfile(changed, f.closed))
      .then([{ type: 'RatingEntryProfileRecorded', data: { entryId, campaignId, profile: changed } }]);
    entrySpec(aida).given([]).when(setProfile()).thenThrows('ENTRY_NOT_FOUND');
  });

  it('is needed before submission → PROFILE_MISSING', () => {
    entrySpec(aida).given(e.unprofiled).when(submit()).thenThrows('PROFILE_MISSING');
  });

  it.each([0, 0.3, 1.75, 2])('refuses staff rate %s (path profile.rate)', (rate) => {
    const result = ratingEntryCommands.recordRatingEntryProfile.safeParse({ entryId, profile: { ...profile, rate } });
    expect(result.error?.issues.map((i) => i.path.join('.'))).toStrictEqual(['profile.rate']);
  });

  it.each([0.25, 0.5, 0.75, 1, 1.25, 1.5])('takes staff rate %s', (rate) => {
    expect(ratingEntryCommands.recordRatingEntryProfile.safeParse({ entryId, profile: { ...profile, rate } }).success).toBe(true);
  });

  it('is sent by the teacher and the head of their unit', () => {
    expect(ratingsPermissions.recordRatingEntryProfile).toStrictEqual(['teacher', 'unit_head']);
  });
});
