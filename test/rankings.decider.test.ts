// Given/when/then for rankings (DOMAIN.md §4; issue 11): organisations and their agreements,
// cooperation plans with their due dates and overdue clock, and an edition from its dictionary
// through the submission to the result and the measures decided on it. Also the command schemas'
// rules on input, and how a result compares with last year's.
import { describe, expect, it } from 'vitest';
import type { CommandContext } from '../src/domain/decider.ts';
import { ForbiddenError } from '../src/domain/errors.ts';
import {
  rankingCooperationCommands,
  rankingCooperationDecider,
  rankingCooperationDueDates,
  rankingCooperationOverdueRule,
  type RankingCooperationEvent,
} from '../src/domain/ranking-cooperation.ts';
import { parseBand, rankingEditionCommands, rankingEditionDecider, trendOf, type RankingEditionEvent } from '../src/domain/ranking-editions.ts';
import {
  agreementInForce,
  rankingOrganisationCommands,
  rankingOrganisationDecider,
  type RankingOrganisationEvent,
} from '../src/domain/ranking-organisations.ts';
import { rankingSubmissionDueDates } from '../src/domain/ranking-deadlines.ts';
import type { RecordedEvent } from '../src/eventstore/types.ts';
import { deciderSpec } from './support/decider-spec.ts';

const context = (roles: CommandContext['actor']['roles'], id = 'u-methodist', unit?: string): CommandContext => ({
  actor: { id, name: `Staff ${id}`, roles, ...(unit ? { unit } : {}) },
  now: '2026-11-30T06:00:00.000Z',
  commandId: '7b1d3f5a-9c1e-4b3d-8f5a-7c9e1b3d5f7a',
});
const methodist = context(['methodist']);
const head = context(['head_of_rating_division'], 'u-head');

const rankingOrganisationId = '1a3c5e7b-9d1f-4a3c-8e7b-9d1f3a5c7e9b';
const rankingCooperationPlanId = '2b4d6f8a-1c3e-4b5d-9f8a-1c3e5b7d9f1a';
const rankingEditionId = '3c5e7a9b-2d4f-4c6e-8a9b-2d4f6c8e1a3b';

describe('a ranking organisation and its agreements', () => {
  const org = deciderSpec(rankingOrganisationDecider, context(['director'], 'u-director'));
  const registered: RankingOrganisationEvent = {
    type: 'RankingOrganisationRegistered',
    data: { rankingOrganisationId, name: 'QS World University Rankings', shortName: 'QS WUR', kind: 'international', country: 'United Kingdom' },
  };
  const signed: RankingOrganisationEvent = {
    type: 'RankingAgreementSigned',
    data: {
      rankingOrganisationId,
      agreementNumber: 'QS-2026/1',
      subject: 'Data exchange and QS Stars audit',
      signedOn: '2026-02-01',
      validUntil: '2028-01-31',
    },
  };

  it('is registered once', () => {
    const { rankingOrganisationId: _id, ...input } = registered.data;
    org
      .given([])
      .when({ type: 'registerRankingOrganisation', rankingOrganisationId, ...input })
      .then([registered]);
    org
      .given([registered])
      .when({ type: 'registerRankingOrganisation', rankingOrganisationId, ...input })
      .thenThrows('RANKING_ORGANISATION_ALREADY_REGISTERED');
  });

  it('signs agreements with distinct numbers, only once it is registered', () => {
    const { rankingOrganisationId: _id, ...input } = signed.data;
    org
      .given([registered])
      .when({ type: 'signRankingAgreement', rankingOrganisationId, ...input })
      .then([signed]);
    org
      .given([registered, signed])
      .when({ type: 'signRankingAgreement', rankingOrganisationId, ...input })
      .thenThrows('RANKING_AGREEMENT_NUMBER_TAKEN');
    org
      .given([])
      .when({ type: 'signRankingAgreement', rankingOrganisationId, ...input })
      .thenThrows('RANKING_ORGANISATION_NOT_FOUND');
  });

  it('ends an agreement within its term, once', () => {
    const end = {
      type: 'endRankingAgreement' as const,
      rankingOrganisationId,
      agreementNumber: 'QS-2026/1',
      endedOn: '2026-09-01',
      reason: 'Replaced by a wider agreement',
    };
    const ended: RankingOrganisationEvent = {
      type: 'RankingAgreementEnded',
      data: { rankingOrganisationId, agreementNumber: 'QS-2026/1', endedOn: '2026-09-01', reason: end.reason },
    };
    org.given([registered, signed]).when(end).then([ended]);
    org.given([registered, signed, ended]).when(end).thenThrows('RANKING_AGREEMENT_ALREADY_ENDED');
    org.given([registered]).when(end).thenThrows('RANKING_AGREEMENT_NOT_FOUND');
    org
      .given([registered, signed])
      .when({ ...end, endedOn: '2026-01-01' })
      .thenThrows('RANKING_AGREEMENT_ENDED_BEFORE_SIGNED');
    org
      .given([registered, signed])
      .when({ ...end, endedOn: '2028-03-01' })
      .thenThrows('RANKING_AGREEMENT_ALREADY_EXPIRED');
  });

  it('refuses a term that ends before the signature, and tells when an agreement is in force', () => {
    const result = rankingOrganisationCommands.signRankingAgreement.safeParse({ ...signed.data, validUntil: '2025-12-31' });
    expect(result.success).toBe(false);
    expect(result.error!.issues[0]!.path).toEqual(['validUntil']);
    const row = { signed_on: '2026-02-01', valid_until: '2028-01-31', ended_on: null };
    expect([
      agreementInForce(row, '2026-01-31'),
      agreementInForce(row, '2026-02-01'),
      agreementInForce(row, '2028-01-31'),
      agreementInForce(row, '2028-02-01'),
    ]).toEqual([false, true, true, false]);
    expect(agreementInForce({ ...row, ended_on: '2026-09-01' }, '2026-09-01')).toBe(false);
  });
});

describe('a cooperation plan', () => {
  const plan = deciderSpec(rankingCooperationDecider, methodist);
  const drafted: RankingCooperationEvent = {
    type: 'RankingCooperationPlanDrafted',
    data: { rankingCooperationPlanId, rankingOrganisationId, agreementNumber: 'QS-2026/1', title: 'Cooperation with QS, 2026', year: 2026 },
  };
  const added: RankingCooperationEvent = {
    type: 'RankingCooperationActivityAdded',
    data: { rankingCooperationPlanId, code: '1', activity: 'QS data-verification webinar', responsible: 'A. Mamytova', dueOn: '2026-03-15' },
  };
  const adopted: RankingCooperationEvent = {
    type: 'RankingCooperationPlanAdopted',
    data: { rankingCooperationPlanId, adoptedOn: '2026-02-10', decision: 'Order 12' },
  };
  const ref = { rankingCooperationPlanId, code: '1' };

  it('is drafted, gets activities with distinct codes, and is adopted with at least one', () => {
    const { rankingCooperationPlanId: _id, ...input } = drafted.data;
    plan
      .given([])
      .when({ type: 'draftRankingCooperationPlan', rankingCooperationPlanId, ...input })
      .then([drafted]);
    plan
      .given([drafted])
      .when({ type: 'draftRankingCooperationPlan', rankingCooperationPlanId, ...input })
      .thenThrows('RANKING_COOPERATION_PLAN_ALREADY_DRAFTED');
    const { rankingCooperationPlanId: _p, ...activity } = added.data;
    plan
      .given([drafted])
      .when({ type: 'addRankingCooperationActivity', rankingCooperationPlanId, ...activity })
      .then([added]);
    plan
      .given([drafted, added])
      .when({ type: 'addRankingCooperationActivity', rankingCooperationPlanId, ...activity })
      .thenThrows('RANKING_ACTIVITY_CODE_TAKEN');
    plan
      .given([])
      .when({ type: 'addRankingCooperationActivity', rankingCooperationPlanId, ...activity })
      .thenThrows('RANKING_COOPERATION_PLAN_NOT_FOUND');
    const adopt = { type: 'adoptRankingCooperationPlan' as const, rankingCooperationPlanId, adoptedOn: '2026-02-10', decision: 'Order 12' };
    plan.given([drafted]).when(adopt).thenThrows('RANKING_COOPERATION_PLAN_WITHOUT_ACTIVITIES');
    plan.given([drafted, added]).when(adopt).then([adopted]);
    plan.given([drafted, added, adopted]).when(adopt).thenThrows('RANKING_COOPERATION_PLAN_ALREADY_ADOPTED');
  });

  it('completes a planned activity once the plan is adopted, and cancels one any time', () => {
    const complete = { type: 'completeRankingCooperationActivity' as const, ...ref, completedOn: '2026-03-10', outcome: '42 staff attended' };
    const completed: RankingCooperationEvent = {
      type: 'RankingCooperationActivityCompleted',
      data: { ...ref, completedOn: '2026-03-10', outcome: '42 staff attended' },
    };
    plan.given([drafted, added]).when(complete).thenThrows('RANKING_COOPERATION_PLAN_NOT_ADOPTED');
    plan.given([drafted, added, adopted]).when(complete).then([completed]);
    plan.given([drafted, added, adopted, completed]).when(complete).thenThrows('RANKING_ACTIVITY_NOT_PLANNED');
    plan
      .given([drafted, added, adopted])
      .when({ ...complete, code: '9' })
      .thenThrows('RANKING_ACTIVITY_NOT_IN_PLAN');
    const cancel = { type: 'cancelRankingCooperationActivity' as const, ...ref, cancelledOn: '2026-03-01', reason: 'QS moved it online' };
    plan
      .given([drafted, added])
      .when(cancel)
      .then([{ type: 'RankingCooperationActivityCancelled', data: { ...ref, cancelledOn: '2026-03-01', reason: 'QS moved it online' } }]);
    plan.given([drafted, added, adopted, completed]).when(cancel).thenThrows('RANKING_ACTIVITY_NOT_PLANNED');
  });

  it('marks a planned activity overdue once, only after its due date', () => {
    const mark = { type: 'markRankingCooperationActivityOverdue' as const, ...ref, overdueOn: '2026-03-16' };
    const overdue: RankingCooperationEvent = { type: 'RankingCooperationActivityOverdue', data: { ...ref, overdueOn: '2026-03-16' } };
    plan.given([drafted, added]).when(mark).then([overdue]);
    plan
      .given([drafted, added])
      .when({ ...mark, overdueOn: '2026-03-15' })
      .thenThrows('RANKING_ACTIVITY_NOT_DUE');
    plan.given([drafted, added, overdue]).when(mark).thenThrows('RANKING_ACTIVITY_ALREADY_OVERDUE');
    plan
      .given([drafted, added, { type: 'RankingCooperationActivityCancelled', data: { ...ref, cancelledOn: '2026-03-01', reason: 'x' } }])
      .when(mark)
      .thenThrows('RANKING_ACTIVITY_NOT_PLANNED');
  });

  it('puts an activity’s due date on the deadlines list and sets the overdue alarm, both cleared when it is done', () => {
    const recorded = (event: RankingCooperationEvent) => ({ type: event.type, data: event.data }) as unknown as RecordedEvent;
    expect(rankingCooperationDueDates.changes(recorded(added))).toEqual([
      {
        action: 'due',
        key: `ranking-cooperation:${rankingCooperationPlanId}:activity:1`,
        kind: 'ranking_cooperation_activity',
        title: 'QS data-verification webinar',
        dueOn: '2026-03-15',
        entityType: 'RankingCooperationPlan',
        entityId: rankingCooperationPlanId,
        assignee: 'A. Mamytova',
      },
    ]);
    expect(rankingCooperationOverdueRule.changes(recorded(added))).toEqual([
      {
        action: 'at',
        key: `ranking-cooperation:${rankingCooperationPlanId}:activity:1:overdue`,
        at: '2026-03-16T00:00:00+06:00',
        followUp: { command: 'markRankingCooperationActivityOverdue', input: { ...ref, overdueOn: '2026-03-16' } },
      },
    ]);
    const completed = recorded({ type: 'RankingCooperationActivityCompleted', data: { ...ref, completedOn: '2026-03-10', outcome: 'x' } });
    expect(rankingCooperationDueDates.changes(completed)).toEqual([
      { action: 'done', key: `ranking-cooperation:${rankingCooperationPlanId}:activity:1`, on: '2026-03-10' },
    ]);
    expect(rankingCooperationOverdueRule.changes(completed)).toEqual([
      { action: 'cancel', key: `ranking-cooperation:${rankingCooperationPlanId}:activity:1:overdue` },
    ]);
    expect(rankingCooperationCommands.addRankingCooperationActivity.safeParse({ ...added.data, dueOn: '2026-02-30' }).success).toBe(false);
  });
});

describe('a ranking edition', () => {
  const indicators = [
    {
      code: 'AR',
      name: { ky: 'Академиялык бедел', ru: 'Академическая репутация', en: 'Academic reputation' },
      weight: 30,
      unit: 'score',
      computation: 'Academic survey',
      source: 'survey' as const,
    },
    {
      code: 'FSR',
      name: { ky: 'Окутуучу/студент', ru: 'Преподаватели/студенты', en: 'Faculty/student ratio' },
      weight: 10,
      unit: 'ratio',
      computation: 'Faculty FTE / student FTE',
      source: 'submitted' as const,
    },
    {
      code: 'IFR',
      name: { ky: 'Чет элдик окутуучулар', ru: 'Иностранные преподаватели', en: 'International faculty ratio' },
      weight: 5,
      unit: '%',
      computation: 'International faculty / faculty',
      source: 'submitted' as const,
    },
  ];
  const announced: RankingEditionEvent = {
    type: 'RankingEditionAnnounced',
    data: {
      rankingEditionId,
      rankingOrganisationId,
      year: 2026,
      title: 'QS WUR 2026',
      collectionOpensOn: '2026-01-10',
      collectionClosesOn: '2026-03-31',
      indicators,
    },
  };
  const value = {
    rankingEditionId,
    indicatorCode: 'FSR',
    value: 0.07,
    breakdowns: [{ name: 'full-time', value: 1020 }],
    evidence: 'HR export 2025',
    supplyingUnit: 'hr-office',
  };
  const recorded = (code: string, by = 'u-unit-head', unit = 'hr-office'): RankingEditionEvent => ({
    type: 'RankingDataValueRecorded',
    data: { ...value, indicatorCode: code, supplyingUnit: unit, recordedBy: by },
  });
  const verified = (code: string): RankingEditionEvent => ({
    type: 'RankingDataValueVerified',
    data: { rankingEditionId, indicatorCode: code, verifiedOn: '2026-03-01' },
  });
  const approved: RankingEditionEvent = { type: 'RankingSubmissionApproved', data: { rankingEditionId, approvedOn: '2026-03-05' } };
  const submitted: RankingEditionEvent = { type: 'RankingDataSubmitted', data: { rankingEditionId, submittedOn: '2026-03-06', channel: 'QS HUB' } };
  const ready = [announced, recorded('FSR'), verified('FSR'), recorded('IFR'), verified('IFR')];
  const unitHead = context(['unit_head'], 'u-unit-head', 'hr-office');

  it('is announced once with its dictionary; the dictionary’s codes are distinct and weights add up to at most 100', () => {
    const { rankingEditionId: _id, ...input } = announced.data;
    const spec = deciderSpec(rankingEditionDecider, methodist);
    spec
      .given([])
      .when({ type: 'announceRankingEdition', rankingEditionId, ...input })
      .then([announced]);
    spec
      .given([announced])
      .when({ type: 'announceRankingEdition', rankingEditionId, ...input })
      .thenThrows('RANKING_EDITION_ALREADY_ANNOUNCED');
    const parse = (change: Record<string, unknown>) => rankingEditionCommands.announceRankingEdition.safeParse({ ...input, ...change });
    expect(parse({}).success).toBe(true);
    expect(parse({ indicators: [indicators[0], indicators[0]] }).error!.issues[0]!.message).toBe('must not repeat an indicator code');
    expect(
      parse({
        indicators: [
          { ...indicators[0]!, weight: 60 },
          { ...indicators[1]!, weight: 50 },
        ],
      }).error!.issues[0]!.message,
    ).toMatch(/at most 100/);
    expect(parse({ collectionClosesOn: '2026-01-01' }).error!.issues[0]!.path).toEqual(['collectionClosesOn']);
    expect(parse({ indicators: [] }).success).toBe(false);
  });

  it('takes values only for submitted indicators of its dictionary, from the division or the supplying unit’s head', () => {
    const { rankingEditionId: _id, ...input } = value;
    const record = { type: 'recordRankingDataValue' as const, rankingEditionId, ...input };
    deciderSpec(rankingEditionDecider, unitHead)
      .given([announced])
      .when(record)
      .then([{ type: 'RankingDataValueRecorded', data: { ...value, recordedBy: 'u-unit-head' } }]);
    deciderSpec(rankingEditionDecider, methodist)
      .given([announced])
      .when({ ...record, dataRequestId: '7b0c4c1e-2f4a-4f43-9d52-2d1f3c5e8a10' })
      .then([{ type: 'RankingDataValueRecorded', data: { ...value, dataRequestId: '7b0c4c1e-2f4a-4f43-9d52-2d1f3c5e8a10', recordedBy: 'u-methodist' } }]);
    const other = context(['unit_head'], 'u-other', 'faculty-law');
    expect(() => rankingEditionDecider.decide(record, rankingEditionDecider.evolve(rankingEditionDecider.initialState, announced), other)).toThrow(
      ForbiddenError,
    );
    const spec = deciderSpec(rankingEditionDecider, methodist);
    spec
      .given([announced])
      .when({ ...record, indicatorCode: 'XX' })
      .thenThrows('RANKING_INDICATOR_NOT_IN_EDITION');
    spec
      .given([announced])
      .when({ ...record, indicatorCode: 'AR' })
      .thenThrows('RANKING_INDICATOR_NOT_SUBMITTED');
    spec.given([]).when(record).thenThrows('RANKING_EDITION_NOT_FOUND');
    spec
      .given([...ready, approved])
      .when(record)
      .thenThrows('RANKING_SUBMISSION_ALREADY_APPROVED');
    expect(
      rankingEditionCommands.recordRankingDataValue.safeParse({
        ...input,
        rankingEditionId,
        breakdowns: [
          { name: 'a', value: 1 },
          { name: 'a', value: 2 },
        ],
      }).error!.issues[0]!.path,
    ).toEqual(['breakdowns']);
  });

  it('is verified by someone other than the recorder, or returned; a corrected value awaits a new check', () => {
    const verify = { type: 'verifyRankingDataValue' as const, rankingEditionId, indicatorCode: 'FSR', verifiedOn: '2026-03-01' };
    deciderSpec(rankingEditionDecider, methodist)
      .given([announced, recorded('FSR')])
      .when(verify)
      .then([verified('FSR')]);
    deciderSpec(rankingEditionDecider, methodist)
      .given([announced, recorded('FSR', 'u-methodist')])
      .when(verify)
      .thenThrows('RANKING_VALUE_VERIFIED_BY_RECORDER');
    deciderSpec(rankingEditionDecider, methodist).given([announced]).when(verify).thenThrows('RANKING_VALUE_NOT_RECORDED');
    deciderSpec(rankingEditionDecider, methodist)
      .given([announced, recorded('FSR'), verified('FSR')])
      .when(verify)
      .thenThrows('RANKING_VALUE_NOT_RECORDED');
    const ret = {
      type: 'returnRankingDataValue' as const,
      rankingEditionId,
      indicatorCode: 'FSR',
      returnedOn: '2026-02-20',
      reason: 'Count part-time staff as FTE',
    };
    const returned: RankingEditionEvent = {
      type: 'RankingDataValueReturned',
      data: { rankingEditionId, indicatorCode: 'FSR', returnedOn: '2026-02-20', reason: ret.reason },
    };
    deciderSpec(rankingEditionDecider, head)
      .given([announced, recorded('FSR')])
      .when(ret)
      .then([returned]);
    deciderSpec(rankingEditionDecider, head)
      .given([announced, recorded('FSR'), returned])
      .when(ret)
      .thenThrows('RANKING_VALUE_ALREADY_RETURNED');
    deciderSpec(rankingEditionDecider, head)
      .given([announced, recorded('FSR'), returned])
      .when(verify)
      .thenThrows('RANKING_VALUE_NOT_RECORDED');
    deciderSpec(rankingEditionDecider, head)
      .given([announced, recorded('FSR'), returned, recorded('FSR')])
      .when(verify)
      .then([verified('FSR')]);
    deciderSpec(rankingEditionDecider, head)
      .given([...ready, approved])
      .when(ret)
      .thenThrows('RANKING_SUBMISSION_ALREADY_APPROVED');
  });

  it('is approved by the director only when every submitted indicator is verified, then sent and acknowledged', () => {
    const director = deciderSpec(rankingEditionDecider, context(['director'], 'u-director'));
    const approve = { type: 'approveRankingSubmission' as const, rankingEditionId, approvedOn: '2026-03-05' };
    director
      .given([announced, recorded('FSR'), verified('FSR'), recorded('IFR')])
      .when(approve)
      .thenThrows('RANKING_VALUES_NOT_VERIFIED');
    director.given(ready).when(approve).then([approved]);
    director
      .given([...ready, approved])
      .when(approve)
      .thenThrows('RANKING_SUBMISSION_ALREADY_APPROVED');
    const surveyOnly: RankingEditionEvent = { type: 'RankingEditionAnnounced', data: { ...announced.data, indicators: [indicators[0]!] } };
    director.given([surveyOnly]).when(approve).thenThrows('RANKING_EDITION_NEEDS_NO_SUBMISSION');

    const spec = deciderSpec(rankingEditionDecider, head);
    const submit = { type: 'submitRankingData' as const, rankingEditionId, submittedOn: '2026-03-06', channel: 'QS HUB' };
    spec.given(ready).when(submit).thenThrows('RANKING_SUBMISSION_NOT_APPROVED');
    spec
      .given([...ready, approved])
      .when(submit)
      .then([submitted]);
    spec
      .given([...ready, approved])
      .when({ ...submit, submittedOn: '2026-03-04' })
      .thenThrows('RANKING_SUBMITTED_BEFORE_APPROVAL');
    spec
      .given([...ready, approved, submitted])
      .when(submit)
      .thenThrows('RANKING_DATA_ALREADY_SUBMITTED');

    const acknowledge = { type: 'acknowledgeRankingSubmission' as const, rankingEditionId, acknowledgedOn: '2026-03-08', reference: 'QS-ACK-77' };
    const acknowledged: RankingEditionEvent = {
      type: 'RankingSubmissionAcknowledged',
      data: { rankingEditionId, acknowledgedOn: '2026-03-08', reference: 'QS-ACK-77' },
    };
    spec
      .given([...ready, approved])
      .when(acknowledge)
      .thenThrows('RANKING_DATA_NOT_SUBMITTED');
    spec
      .given([...ready, approved, submitted])
      .when(acknowledge)
      .then([acknowledged]);
    spec
      .given([...ready, approved, submitted])
      .when({ ...acknowledge, acknowledgedOn: '2026-03-01' })
      .thenThrows('RANKING_ACKNOWLEDGED_BEFORE_SUBMITTED');
    spec
      .given([...ready, approved, submitted, acknowledged])
      .when(acknowledge)
      .thenThrows('RANKING_SUBMISSION_ALREADY_ACKNOWLEDGED');
  });

  it('records the published result once, with scores of its own indicators only, and corrects it with a reason', () => {
    const spec = deciderSpec(rankingEditionDecider, methodist);
    const result = {
      type: 'recordRankingResult' as const,
      rankingEditionId,
      publishedOn: '2026-06-04',
      band: '801-1000',
      score: 21.4,
      indicatorScores: [{ indicatorCode: 'AR', score: 8.1 }],
    };
    const resulted: RankingEditionEvent = {
      type: 'RankingResultRecorded',
      data: { rankingEditionId, publishedOn: '2026-06-04', band: '801-1000', score: 21.4, indicatorScores: [{ indicatorCode: 'AR', score: 8.1 }] },
    };
    spec.given([announced]).when(result).then([resulted]);
    spec.given([announced, resulted]).when(result).thenThrows('RANKING_RESULT_ALREADY_RECORDED');
    spec
      .given([announced])
      .when({ ...result, indicatorScores: [{ indicatorCode: 'ZZ', score: 1 }] })
      .thenThrows('RANKING_INDICATOR_NOT_IN_EDITION');
    const parse = (change: Record<string, unknown>) =>
      rankingEditionCommands.recordRankingResult.safeParse({ rankingEditionId, publishedOn: '2026-06-04', ...change });
    expect(parse({}).error!.issues[0]!.message).toMatch(/rank or the band/);
    expect(parse({ band: '1000-801' }).success).toBe(false);
    expect(parse({ band: 'top 1000' }).success).toBe(false);
    expect(parse({ band: '1001+' }).success).toBe(true);
    expect(parse({ rank: 0 }).success).toBe(false);

    // A wrong record is corrected by a new event carrying the whole result and the reason.
    const correction = {
      type: 'correctRankingResult' as const,
      rankingEditionId,
      publishedOn: '2026-06-04',
      band: '751-800',
      indicatorScores: [{ indicatorCode: 'AR', score: 9.2 }],
      reason: 'QS revised the band on 2026-06-10',
      correctedOn: '2026-06-11',
    };
    const { type: _c, ...correctionData } = correction;
    spec.given([announced]).when(correction).thenThrows('RANKING_RESULT_TO_CORRECT_NOT_RECORDED');
    spec
      .given([announced, resulted])
      .when(correction)
      .then([{ type: 'RankingResultCorrected', data: correctionData }]);
    spec
      .given([announced, resulted])
      .when({ ...correction, indicatorScores: [{ indicatorCode: 'ZZ', score: 1 }] })
      .thenThrows('RANKING_INDICATOR_NOT_IN_EDITION');
    expect(rankingEditionCommands.correctRankingResult.safeParse({ ...correctionData, band: undefined }).error!.issues[0]!.message).toMatch(/rank or the band/);
    expect(rankingEditionCommands.correctRankingResult.safeParse({ ...correctionData, reason: '' }).success).toBe(false);

    const measure = {
      type: 'decideRankingImprovementMeasure' as const,
      rankingEditionId,
      code: 'M1',
      measure: 'Hire visiting professors',
      responsibleUnit: 'international-office',
      decidedOn: '2026-06-20',
      indicatorCode: 'IFR',
      strategyIndicatorId: 'ind-7',
    };
    const { type: _t, ...measureData } = measure;
    spec.given([announced]).when(measure).thenThrows('RANKING_RESULT_NOT_RECORDED');
    spec
      .given([announced, resulted])
      .when(measure)
      .then([{ type: 'RankingImprovementMeasureDecided', data: measureData }]);
    spec
      .given([announced, resulted, { type: 'RankingImprovementMeasureDecided', data: measureData }])
      .when(measure)
      .thenThrows('RANKING_MEASURE_CODE_TAKEN');
    spec
      .given([announced, resulted])
      .when({ ...measure, indicatorCode: 'ZZ' })
      .thenThrows('RANKING_INDICATOR_NOT_IN_EDITION');
    spec
      .given([announced, resulted])
      .when({ ...measure, dueOn: '2026-06-01' })
      .thenThrows('RANKING_MEASURE_DUE_BEFORE_DECIDED');
  });

  it('compares a result with last year’s: a better rank or band is an improvement', () => {
    const at = (rank: number | null, band?: string) => ({
      rank,
      band_lower: band ? parseBand(band).lower : null,
      band_upper: band ? parseBand(band).upper : null,
    });
    expect(parseBand('801-1000')).toEqual({ lower: 801, upper: 1000 });
    expect(parseBand('1001+')).toEqual({ lower: 1001, upper: null });
    expect(trendOf(at(null, '801-1000'), at(null, '1001+'))).toBe('improved');
    expect(trendOf(at(null, '1001+'), at(null, '801-1000'))).toBe('declined');
    expect(trendOf(at(412), at(412))).toBe('unchanged');
    expect(trendOf(at(390), at(null, '401-410'))).toBe('improved');
    expect(trendOf(at(390), undefined)).toBe('first_result');
  });

  it('puts sending the data set on the deadlines list until the window closes, when the university submits anything', () => {
    const asRecorded = (event: RankingEditionEvent) => ({ type: event.type, data: event.data }) as unknown as RecordedEvent;
    expect(rankingSubmissionDueDates.changes(asRecorded(announced))).toEqual([
      {
        action: 'due',
        key: `ranking-edition:${rankingEditionId}:submission`,
        kind: 'ranking_submission',
        title: 'QS WUR 2026',
        dueOn: '2026-03-31',
        entityType: 'RankingEdition',
        entityId: rankingEditionId,
      },
    ]);
    expect(rankingSubmissionDueDates.changes(asRecorded(submitted))).toEqual([
      { action: 'done', key: `ranking-edition:${rankingEditionId}:submission`, on: '2026-03-06' },
    ]);
    expect(
      rankingSubmissionDueDates.changes(asRecorded({ type: 'RankingEditionAnnounced', data: { ...announced.data, indicators: [indicators[0]!] } })),
    ).toEqual([]);
    const { collectionClosesOn: _c, ...withoutWindow } = announced.data as typeof announced.data & { collectionClosesOn: string };
    expect(rankingSubmissionDueDates.changes(asRecorded({ type: 'RankingEditionAnnounced', data: withoutWindow }))).toEqual([]);
  });
});
