// Ranking organisations (DOMAIN.md §4.1; research §4): the publishers of international rankings
// (QS, THE, ARWU, Webometrics, U.S. News) and of national ratings (the Ministry's, independent
// agencies'), and the cooperation agreements the university signs with them. An agreement is kept
// in its organisation's stream: it is a term of the relationship, numbered within it, signed by
// the director and ended early or left to run out.
import { z } from 'zod';
import type { CommandContext, Decider } from './decider.ts';
import { DomainRuleError } from './errors.ts';
import { entityId, isoDate, text, type IsoDate, type Labels } from './values.ts';

export const rankingOrganisationCategory = 'rankingOrganisation';

const kinds = ['international', 'national_ministry', 'national_independent'] as const;
export const rankingOrganisationKindLabels: Labels<(typeof kinds)[number]> = {
  international: { ky: 'Эл аралык рейтинг', ru: 'Международный рейтинг', en: 'International ranking' },
  national_ministry: { ky: 'Министрликтин улуттук рейтинги', ru: 'Национальный рейтинг Министерства', en: 'National rating of the Ministry' },
  national_independent: {
    ky: 'Көз карандысыз агенттиктин улуттук рейтинги',
    ru: 'Национальный рейтинг независимого агентства',
    en: 'National rating of an independent agency',
  },
};
export const rankingOrganisationKind = z.enum(kinds).meta({
  id: 'RankingOrganisationKind',
  description: 'International ranking, national rating of the Ministry, or of an independent agency.',
  labels: rankingOrganisationKindLabels,
});
export type RankingOrganisationKind = z.infer<typeof rankingOrganisationKind>;

/** An agreement's number within its organisation, as printed on it. */
export const agreementNumber = text(50).describe('Number of the agreement, as printed on it.');

const organisationRef = { rankingOrganisationId: entityId('ranking organisation').describe('The ranking organisation acted on.') };

const registerFields = z.object({
  name: text(300).describe('Name of the ranking or rating and its publisher, e.g. QS World University Rankings (Quacquarelli Symonds).'),
  shortName: text(50).describe('Short name the division uses, e.g. QS WUR.'),
  kind: rankingOrganisationKind,
  country: text(100).describe('Country where the publisher is based.'),
  website: text(300).optional().describe('Its website.'),
});

export const rankingOrganisationCommands = {
  registerRankingOrganisation: registerFields,
  signRankingAgreement: z
    .object({
      ...organisationRef,
      agreementNumber,
      subject: text(2000).describe('What the parties agreed to cooperate on.'),
      signedOn: isoDate.describe('Date the director signed it.'),
      validUntil: isoDate.optional().describe('Last day of its term; omitted when open-ended.'),
    })
    .refine((c) => c.validUntil === undefined || c.validUntil >= c.signedOn, { path: ['validUntil'], message: 'must not be before signedOn' }),
  endRankingAgreement: z.object({
    ...organisationRef,
    agreementNumber,
    endedOn: isoDate.describe('Date the agreement ended.'),
    reason: text(2000).describe('Why it ended before its term.'),
  }),
} as const;

export type RankingOrganisationCommandName = keyof typeof rankingOrganisationCommands;
export type RankingOrganisationCommand = {
  [Name in RankingOrganisationCommandName]: { type: Name; rankingOrganisationId: string } & z.infer<(typeof rankingOrganisationCommands)[Name]>;
}[RankingOrganisationCommandName];

export const rankingOrganisationEventSchemas = {
  RankingOrganisationRegistered: registerFields.extend({ rankingOrganisationId: z.string() }),
  RankingAgreementSigned: z.object({
    rankingOrganisationId: z.string(),
    agreementNumber: z.string(),
    subject: z.string(),
    signedOn: isoDate,
    validUntil: isoDate.optional(),
  }),
  RankingAgreementEnded: z.object({ rankingOrganisationId: z.string(), agreementNumber: z.string(), endedOn: isoDate, reason: z.string() }),
} as const;
export type RankingOrganisationEventType = keyof typeof rankingOrganisationEventSchemas;
export type RankingOrganisationEvent = {
  [Type in RankingOrganisationEventType]: { type: Type; data: z.infer<(typeof rankingOrganisationEventSchemas)[Type]> };
}[RankingOrganisationEventType];
export const rankingOrganisationEventTypes = Object.keys(rankingOrganisationEventSchemas) as RankingOrganisationEventType[];

type Agreement = { signedOn: IsoDate; validUntil: IsoDate | undefined; endedOn: IsoDate | undefined };
export type RankingOrganisationState = { exists: false } | { exists: true; agreements: Record<string, Agreement> };

function evolve(state: RankingOrganisationState, event: RankingOrganisationEvent): RankingOrganisationState {
  if (event.type === 'RankingOrganisationRegistered') return { exists: true, agreements: {} };
  if (!state.exists) return state;
  switch (event.type) {
    case 'RankingAgreementSigned': {
      const { agreementNumber: n, signedOn, validUntil } = event.data;
      return { ...state, agreements: { ...state.agreements, [n]: { signedOn, validUntil, endedOn: undefined } } };
    }
    case 'RankingAgreementEnded': {
      const agreement = state.agreements[event.data.agreementNumber]!;
      return { ...state, agreements: { ...state.agreements, [event.data.agreementNumber]: { ...agreement, endedOn: event.data.endedOn } } };
    }
  }
}

const rule = (code: string, message: string) => new DomainRuleError(code, message);

function decide(command: RankingOrganisationCommand, state: RankingOrganisationState, _context: CommandContext): RankingOrganisationEvent[] {
  if (command.type === 'registerRankingOrganisation') {
    if (state.exists) throw rule('RANKING_ORGANISATION_ALREADY_REGISTERED', 'this ranking organisation is already registered');
    const { type: _type, ...data } = command;
    return [{ type: 'RankingOrganisationRegistered', data }];
  }
  if (!state.exists) throw rule('RANKING_ORGANISATION_NOT_FOUND', 'no ranking organisation with this id exists');
  switch (command.type) {
    case 'signRankingAgreement': {
      if (command.agreementNumber in state.agreements)
        throw rule('RANKING_AGREEMENT_NUMBER_TAKEN', `agreementNumber: an agreement ${command.agreementNumber} with this organisation already exists`);
      const { type: _type, ...data } = command;
      return [{ type: 'RankingAgreementSigned', data }];
    }
    case 'endRankingAgreement': {
      const agreement = state.agreements[command.agreementNumber];
      if (!agreement) throw rule('RANKING_AGREEMENT_NOT_FOUND', `agreementNumber: no agreement ${command.agreementNumber} with this organisation`);
      if (agreement.endedOn) throw rule('RANKING_AGREEMENT_ALREADY_ENDED', `the agreement ended on ${agreement.endedOn}`);
      if (command.endedOn < agreement.signedOn)
        throw rule('RANKING_AGREEMENT_ENDED_BEFORE_SIGNED', `endedOn: the agreement was signed on ${agreement.signedOn}`);
      if (agreement.validUntil && command.endedOn > agreement.validUntil)
        throw rule('RANKING_AGREEMENT_ALREADY_EXPIRED', `endedOn: the agreement's term ran out on ${agreement.validUntil}; it needs no ending`);
      const { type: _type, ...data } = command;
      return [{ type: 'RankingAgreementEnded', data }];
    }
  }
}

export const rankingOrganisationDecider: Decider<RankingOrganisationCommand, RankingOrganisationEvent, RankingOrganisationState> = {
  initialState: { exists: false },
  evolve,
  decide,
};

/** Whether an agreement is in force on a day: signed by then, not ended, its term not run out. */
export const agreementInForce = (a: { signed_on: string; valid_until: string | null; ended_on: string | null }, on: IsoDate): boolean =>
  a.signed_on <= on && (a.valid_until === null || on <= a.valid_until) && (a.ended_on === null || on < a.ended_on);
