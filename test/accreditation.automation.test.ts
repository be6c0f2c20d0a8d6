// The accreditation module's declarations for the automation: due dates, clock rules and the
// renewal reactor, as pure functions of recorded events.
import { describe, expect, it } from 'vitest';
import { accreditationClock, accreditationDueDates, accreditationReactors, dayAfter } from '../src/domain/accreditation-automation.ts';
import type { RecordedEvent } from '../src/eventstore/types.ts';

const id = '5e6f7a8b-9c0d-4e1f-8a2b-3c4d5e6f7a8b';
const recorded = (type: string, data: Record<string, unknown>): RecordedEvent => ({
  id: 'e1',
  stream: `accreditation-${id}`,
  revision: 3n,
  position: { commit: 10n, prepare: 10n } as unknown as RecordedEvent['position'],
  type,
  data: { accreditationId: id, ...data },
  metadata: {} as RecordedEvent['metadata'],
  recordedAt: '2026-05-20T10:00:00.000Z',
});

const decided = recorded('AccreditationDecided', {
  outcome: 'conditionally_accredited',
  decidedOn: '2026-05-20',
  validFrom: '2026-05-20',
  validUntil: '2029-05-19',
  conditions: ['c'],
  recommendations: [
    { number: 1, text: 'Publish the monitoring results', dueOn: '2026-12-01' },
    { number: 2, text: 'No date' },
  ],
  interimReportDueOn: '2027-05-20',
});

describe('accreditation due dates', () => {
  it('a decision makes the end of validity, the interim report and dated recommendations due', () => {
    expect(accreditationDueDates.changes(decided).map((c) => c.action === 'due' && [c.key, c.kind, c.dueOn])).toEqual([
      [`accreditation:${id}:validity`, 'accreditation_validity', '2029-05-19'],
      [`accreditation:${id}:interim-report`, 'accreditation_interim_report', '2027-05-20'],
      [`accreditation:${id}:recommendation:1`, 'accreditation_recommendation', '2026-12-01'],
    ]);
  });

  it('a visit is due when the panel is appointed and done when held', () => {
    const [due] = accreditationDueDates.changes(
      recorded('ExpertPanelAppointed', { members: [], visitFrom: '2026-04-14', visitTo: '2026-04-16', appointedOn: '2026-03-10' }),
    );
    expect(due).toMatchObject({ action: 'due', key: `accreditation:${id}:visit`, dueOn: '2026-04-14', entityType: 'Accreditation', entityId: id });
    expect(accreditationDueDates.changes(recorded('AccreditationVisitHeld', { heldFrom: '2026-04-14', heldTo: '2026-04-16' }))).toEqual([
      { action: 'done', key: `accreditation:${id}:visit`, on: '2026-04-16' },
    ]);
  });

  it('a planned action moves its recommendation’s due date to the owner, and completing it meets it', () => {
    const [due] = accreditationDueDates.changes(
      recorded('RecommendationActionPlanned', {
        recommendation: 2,
        action: 'Invite employers',
        owner: 'Dean of Economics',
        dueOn: '2026-10-01',
        plannedOn: '2026-06-01',
      }),
    );
    expect(due).toMatchObject({ action: 'due', key: `accreditation:${id}:recommendation:2`, dueOn: '2026-10-01', assignee: 'Dean of Economics' });
    expect(accreditationDueDates.changes(recorded('RecommendationActionCompleted', { recommendation: 2, result: 'r', completedOn: '2026-09-01' }))).toEqual([
      { action: 'done', key: `accreditation:${id}:recommendation:2`, on: '2026-09-01' },
    ]);
  });

  it('an interim report meets the one due and sets the next; withdrawal drops what was due', () => {
    expect(
      accreditationDueDates
        .changes(recorded('InterimReportSubmitted', { summary: 's', submittedOn: '2027-05-15', nextDueOn: '2028-05-20' }))
        .map((c) => c.action),
    ).toEqual(['done', 'due']);
    expect(
      accreditationDueDates.changes(recorded('AccreditationWithdrawn', { reason: 'r', withdrawnOn: '2026-09-01' })).every((c) => c.action === 'dropped'),
    ).toBe(true);
  });
});

describe('accreditation clock rules', () => {
  const [expiry, overdue] = accreditationClock;

  it('records the expiry at the start of the day after the last valid one, in Osh time', () => {
    expect(expiry!.changes(decided)).toEqual([
      {
        action: 'at',
        key: `accreditation:${id}:expiry`,
        at: '2029-05-19T18:00:00.000Z',
        followUp: { command: 'recordAccreditationExpiry', input: { accreditationId: id, expiredOn: '2029-05-20' } },
      },
    ]);
    expect(expiry!.changes(recorded('AccreditationWithdrawn', { reason: 'r', withdrawnOn: '2026-09-01' }))).toEqual([
      { action: 'cancel', key: `accreditation:${id}:expiry` },
    ]);
    expect(expiry!.changes(recorded('AccreditationDecided', { outcome: 'denied', decidedOn: '2026-05-20', conditions: [], recommendations: [] }))).toEqual([]);
  });

  it('marks an action overdue the day after its due date, unless it is completed first', () => {
    const [at] = overdue!.changes(
      recorded('RecommendationActionPlanned', { recommendation: 1, action: 'a', owner: 'o', dueOn: '2026-12-31', plannedOn: '2026-06-01' }),
    );
    expect(at).toEqual({
      action: 'at',
      key: `accreditation:${id}:action:1:overdue`,
      at: '2026-12-31T18:00:00.000Z',
      followUp: { command: 'markRecommendationActionOverdue', input: { accreditationId: id, recommendation: 1, on: '2027-01-01' } },
    });
    expect(overdue!.changes(recorded('RecommendationActionCompleted', { recommendation: 1, result: 'r', completedOn: '2026-09-01' }))).toEqual([
      { action: 'cancel', key: `accreditation:${id}:action:1:overdue` },
    ]);
  });

  it('counts days across month and leap-year ends', () => {
    expect([dayAfter('2028-02-28'), dayAfter('2027-02-28'), dayAfter('2026-12-31')]).toEqual(['2028-02-29', '2027-03-01', '2027-01-01']);
  });
});

describe('accreditation reactors', () => {
  it('tells the renewed case which case renews it, and nothing for a first application', () => {
    const [renewal] = accreditationReactors;
    const base = {
      kind: 'programme',
      agencyId: id,
      agencyName: 'IAAR',
      framework: { framework: 'p', version: 1, title: 't', adoptedOn: '2025-01-01', criteria: [] },
      programmeCodes: ['580100'],
      appliedOn: '2029-01-10',
    };
    const previous = '1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d';
    expect(renewal!.react(recorded('AccreditationApplied', { ...base, renews: previous }))).toEqual([
      { command: 'recordAccreditationRenewal', input: { accreditationId: previous, renewedBy: id } },
    ]);
    expect(renewal!.react(recorded('AccreditationApplied', base))).toEqual([]);
  });
});
