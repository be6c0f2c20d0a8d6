// The rating's appeal window on the hub's clock: the rule as a pure function, the appeal deadline in
// the list of due dates, and the hub with a hand-moved clock recording the window closed at the
// start of the day after appealsUntil (Kyrgyzstan time, UTC+6) as the system actor, not before.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { automationParts } from '../schema/follow-up.ts';
import { startAutomation, type Automation } from '../src/automation/index.ts';
import type { Actor } from '../src/domain/decider.ts';
import { ratingAppealsClock } from '../src/domain/rating-clock.ts';
import { ratingCampaignDecider, type RatingCampaignCommand } from '../src/domain/rating-campaigns.ts';
import { ratingDueDates } from '../src/domain/rating-deadlines.ts';
import type { RecordedEvent } from '../src/eventstore/types.ts';
import { openHub, type Hub } from '../src/hub.ts';
import { temporaryDirectory, testConfig } from './support/fixtures.ts';
import { eventsOfType } from './support/hub-events.ts';
import { manualClock } from './support/manual-clock.ts';

const campaignId = '6f1e2d3c-4b5a-4968-8776-a5b4c3d2e1f0';
const recorded = (type: string, data: Record<string, unknown>): RecordedEvent =>
  ({ type, data, stream: `ratingCampaign-${campaignId}`, id: 'e-1' }) as unknown as RecordedEvent;

describe('the appeal window clock rule', () => {
  it('on publication, sets the closing at the start of the day after appealsUntil in Kyrgyzstan', () => {
    const changes = ratingAppealsClock.changes(recorded('RatingResultsPublished', { campaignId, publishedOn: '2026-06-01', appealsUntil: '2026-06-15' }));
    expect(changes).toStrictEqual([
      {
        action: 'at',
        key: `ratingCampaign:${campaignId}:appeals`,
        at: '2026-06-15T18:00:00.000Z',
        followUp: { command: 'closeRatingAppeals', input: { campaignId, closedOn: '2026-06-16' } },
      },
    ]);
  });

  it('cancels the moment once the window is recorded closed', () => {
    expect(ratingAppealsClock.changes(recorded('RatingAppealsClosed', { campaignId, closedOn: '2026-06-16', appealsUntil: '2026-06-15' }))).toStrictEqual([
      { action: 'cancel', key: `ratingCampaign:${campaignId}:appeals` },
    ]);
  });

  it('lists the appeal deadline from publication until the window is closed', () => {
    const key = `ratingCampaign:${campaignId}:appeals`;
    expect(ratingDueDates.changes(recorded('RatingResultsPublished', { campaignId, appealsUntil: '2026-06-15' }))).toMatchObject([
      { action: 'due', key, kind: 'rating_appeals', dueOn: '2026-06-15', entityType: 'RatingCampaign', entityId: campaignId },
    ]);
    expect(ratingDueDates.changes(recorded('RatingAppealsClosed', { campaignId, closedOn: '2026-06-16' }))).toStrictEqual([
      { action: 'done', key, on: '2026-06-16' },
    ]);
  });
});

describe('the hub closing the appeal window on its clock', () => {
  const divisionHead: Actor = { id: 'd-head', name: 'Elmira Tashieva', roles: ['head_of_rating_division'] };
  const time = manualClock('2026-06-01T06:00:00.000Z');
  let dir: ReturnType<typeof temporaryDirectory>;
  let hub: Hub;
  let automation: Automation;

  beforeAll(async () => {
    dir = temporaryDirectory();
    hub = await openHub(testConfig(dir.path));
    automation = await startAutomation(hub, { ...automationParts(hub), clock: time.clock });
    await automation.settled();
  });
  afterAll(async () => {
    await automation.stop();
    await hub.close();
    dir.remove();
  });

  // The campaign's cycle goes through the hub's command pipeline at chosen moments, so its dates are exact.
  let step = 0;
  const decide = (command: RatingCampaignCommand, now: string) =>
    hub.execute({
      decider: ratingCampaignDecider,
      stream: `ratingCampaign-${campaignId}`,
      command,
      target: { kind: command.type === 'createRatingCampaign' ? 'new' : 'existing', entity: 'rating campaign', id: campaignId },
      actor: divisionHead,
      commandId: `rating-clock-${++step}`,
      correlationId: `rating-clock-${step}`,
      now,
    });

  const closings = async () =>
    (await eventsOfType(hub, 'RatingAppealsClosed')).map((e) => ({ closedOn: e.data.closedOn, by: e.metadata.actor.id, at: e.metadata.occurredAt }));

  it('records the window closed by the system actor at the start of the day after appealsUntil, and not before', async () => {
    const title = { ky: 'Рейтинг 2025', ru: 'Рейтинг 2025', en: 'Rating 2025' };
    const criteria = [{ code: 'TEACH', name: title, pointsPerUnit: 1, maxPoints: 40, weight: 1, sharedAuthorship: false, evidenceRequired: false }];
    await decide(
      { type: 'createRatingCampaign', campaignId, year: 2025, title, criteria, groupCaps: [], entriesDue: '2026-04-30' },
      '2026-03-01T04:00:00.000Z',
    );
    await decide({ type: 'openRatingCampaign', campaignId }, '2026-03-01T04:00:00.000Z');
    await decide({ type: 'closeRatingEntries', campaignId }, '2026-05-01T04:00:00.000Z');
    await decide({ type: 'startRatingVerification', campaignId }, '2026-05-02T04:00:00.000Z');
    const tally = { awaitingVerification: 0, verified: 1 };
    await decide({ type: 'publishRatingResults', campaignId, appealsUntil: '2026-06-15', tally }, '2026-06-01T06:00:00.000Z');
    await automation.settled();
    expect(time.pendingTimers()).toBe(1);

    // 23:59:59.999 on 15 June in Osh is still the last day for appeals.
    time.advanceTo('2026-06-15T17:59:59.999Z');
    await automation.settled();
    expect(await closings()).toEqual([]);
    expect(hub.ratings.campaignsByIds([campaignId])[0]?.appeals_closed_on).toBeNull();

    time.advanceTo('2026-06-15T18:00:00.000Z');
    await automation.settled();
    expect(await closings()).toEqual([{ closedOn: '2026-06-16', by: 'sapat-system', at: '2026-06-15T18:00:00.000Z' }]);
    expect(hub.ratings.campaignsByIds([campaignId])[0]?.appeals_closed_on).toBe('2026-06-16');
    const [publication] = await eventsOfType(hub, 'RatingResultsPublished');
    const [closing] = await eventsOfType(hub, 'RatingAppealsClosed');
    expect(closing!.metadata.causationId).toBe(publication!.id);

    // The closing cancelled the moment: time moving on records nothing more.
    time.advanceTo('2026-07-01T00:00:00.000Z');
    await automation.settled();
    expect(await closings()).toHaveLength(1);
  });
});
