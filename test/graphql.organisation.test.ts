// The organisation through GraphQL on a hub whose clock the test moves: the staffing table filling
// by the regulation's steps (and rights following the appointments), a person's positions and
// tasks, balances of time off, and the acting director's rights starting and ending with the
// designation's days.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { automationParts } from '../schema/follow-up.ts';
import { startAutomation, type Automation } from '../src/automation/index.ts';
import { openHub, type Hub } from '../src/hub.ts';
import { createGraphQLHandler } from '../src/server.ts';
import { TEST_SECRET, temporaryDirectory, testConfig, tokenFor } from './support/fixtures.ts';
import { sseSubscription, yogaClient } from './support/graphql.ts';
import { manualClock } from './support/manual-clock.ts';
import { CASE, MY_ORGANISATION, mutate, newDirector, newHead, newInspector, person, rector } from './support/organisation.ts';

// 10:00 on Monday 2 March 2026 in Osh.
const time = manualClock('2026-03-02T04:00:00.000Z');
let dir: ReturnType<typeof temporaryDirectory>;
let hub: Hub;
let automation: Automation;
let yoga: ReturnType<typeof createGraphQLHandler>;
let gql: ReturnType<typeof yogaClient>;
const tokens: Record<string, string> = {};
const outsider = person('p-outsider', 'Nurlan Abdyrakhmanov');

beforeAll(async () => {
  dir = temporaryDirectory();
  hub = await openHub(testConfig(dir.path), { clock: time.clock });
  automation = await startAutomation(hub, { ...automationParts(hub), clock: time.clock });
  yoga = createGraphQLHandler(hub, { secret: TEST_SECRET });
  gql = yogaClient(yoga);
  for (const actor of [rector, newDirector, newHead, newInspector, outsider]) tokens[actor.id] = await tokenFor(actor, '30d');
});
afterAll(async () => {
  await automation.stop();
  await hub.close();
  dir.remove();
});

const me = async (id: string) => (await gql(MY_ORGANISATION, {}, { token: tokens[id]! })).data!.myOrganisation;

describe('the staffing table', () => {
  it('shows the regulation’s rates, all vacant, before anything is recorded', async () => {
    const res = await gql('{ staffingTable { position unit rate filled } }', {}, { token: tokens[outsider.id]! });
    const table = res.data!.staffingTable as { position: string; filled: boolean }[];
    expect(table.map((r) => r.position)).toEqual([
      'DIRECTOR',
      'HEAD_OF_ACCREDITATION_SECTOR',
      'SENIOR_INSPECTOR',
      'SENIOR_INSPECTOR',
      'SPECIALIST',
      'INSPECTOR',
      'INSPECTOR',
      'HEAD_OF_RATING_DIVISION',
      'RATING_INSPECTOR',
      'METHODIST',
    ]);
    expect(table.every((r) => !r.filled)).toBe(true);
  });

  it('fills by the rector’s orders, and each step refuses the wrong actor and the wrong order', async () => {
    const established = await mutate(gql, tokens[rector.id]!, 'establishStaffingTable', { orderNumber: '1-о', orderDate: '2026-01-10' });
    expect(established.__typename).toBe('StaffingPayload');
    // Without a position, the future director has no rights at all.
    expect(
      (
        await mutate(gql, tokens[newDirector.id]!, 'proposeStaffAppointment', {
          personId: 'x',
          personName: 'X',
          position: 'HEAD_OF_ACCREDITATION_SECTOR',
          proposedOn: '2026-03-02',
        })
      ).__typename,
    ).toBe('ForbiddenError');
    expect(
      (
        await mutate(gql, tokens[rector.id]!, 'appointDirector', {
          personId: newDirector.id,
          personName: newDirector.name,
          orderNumber: '2-к',
          orderDate: '2026-02-01',
        })
      ).__typename,
    ).toBe('StaffingPayload');
    const headCase = await mutate(
      gql,
      tokens[newDirector.id]!,
      'proposeStaffAppointment',
      { personId: newHead.id, personName: newHead.name, position: 'HEAD_OF_ACCREDITATION_SECTOR', proposedOn: '2026-03-02' },
      CASE,
    );
    expect(headCase.staffCase).toMatchObject({ status: 'CONSENTED' });
    expect(
      (await mutate(gql, tokens[rector.id]!, 'recordStaffCaseOrder', { caseId: headCase.staffCase.caseId, orderNumber: '3-к', orderDate: '2026-03-02' }))
        .__typename,
    ).toBe('StaffingPayload');

    const proposal = await mutate(
      gql,
      tokens[newHead.id]!,
      'proposeStaffAppointment',
      { personId: newInspector.id, personName: newInspector.name, position: 'INSPECTOR', proposedOn: '2026-03-02' },
      CASE,
    );
    expect(proposal.staffCase).toMatchObject({ status: 'PROPOSED' });
    const caseId = proposal.staffCase.caseId;
    // The head of the sector proposes for the sector only.
    expect(
      (await mutate(gql, tokens[newHead.id]!, 'proposeStaffAppointment', { personId: 'x', personName: 'X', position: 'METHODIST', proposedOn: '2026-03-02' }))
        .__typename,
    ).toBe('ForbiddenError');
    // The rector's order before the director's consent is out of order.
    expect(await mutate(gql, tokens[rector.id]!, 'recordStaffCaseOrder', { caseId, orderNumber: '4-к', orderDate: '2026-03-03' })).toMatchObject({
      code: 'CASE_NOT_CONSENTED',
    });
    // The head cannot consent to their own proposal.
    expect((await mutate(gql, tokens[newHead.id]!, 'consentToStaffCase', { caseId, consentedOn: '2026-03-02' })).__typename).toBe('ForbiddenError');
    expect((await mutate(gql, tokens[newDirector.id]!, 'consentToStaffCase', { caseId, consentedOn: '2026-03-02' }, CASE)).staffCase.status).toBe('CONSENTED');
    expect((await mutate(gql, tokens[newDirector.id]!, 'declineStaffCase', { caseId, reason: 'Changed my mind', declinedOn: '2026-03-02' })).code).toBe(
      'CASE_NOT_PROPOSED',
    );
    expect(
      (await mutate(gql, tokens[rector.id]!, 'recordStaffCaseOrder', { caseId, orderNumber: '4-к', orderDate: '2026-03-03' }, CASE)).staffCase.status,
    ).toBe('ORDERED');

    const res = await gql('{ staffingTable { position rate filled personId since orderNumber } }', {}, { token: tokens[outsider.id]! });
    const filled = (res.data!.staffingTable as { filled: boolean; position: string; personId: string; since: string }[]).filter((r) => r.filled);
    expect(filled).toEqual([
      { position: 'DIRECTOR', rate: 1, filled: true, personId: newDirector.id, since: '2026-02-01', orderNumber: '2-к' },
      { position: 'HEAD_OF_ACCREDITATION_SECTOR', rate: 1, filled: true, personId: newHead.id, since: '2026-03-02', orderNumber: '3-к' },
      { position: 'INSPECTOR', rate: 1, filled: true, personId: newInspector.id, since: '2026-03-03', orderNumber: '4-к' },
    ]);
  });

  it('gives a person the positions they hold, with the rights and unit of each', async () => {
    expect(await me(newInspector.id)).toMatchObject({
      roles: ['inspector'],
      unit: 'accreditation_sector',
      positions: [{ position: 'INSPECTOR', unit: 'ACCREDITATION_SECTOR', orderNumber: '4-к' }],
    });
    const res = await gql('query($p: String!) { personPositions(personId: $p) { position } }', { p: newHead.id }, { token: tokens[outsider.id]! });
    expect(res.data!.personPositions).toEqual([{ position: 'HEAD_OF_ACCREDITATION_SECTOR' }]);
    expect(await me(outsider.id)).toMatchObject({ roles: [], positions: [], unit: null });
  });
});

describe('tasks', () => {
  let unitTask: string;
  it('the director gives tasks to a unit and to a person; each sees their own, and the clock marks them overdue', async () => {
    const toUnit = await mutate(
      gql,
      tokens[newDirector.id]!,
      'assignOrganisationTask',
      { title: 'Licence registry check', assigneeUnit: 'ACCREDITATION_SECTOR', assignedOn: '2026-03-02', dueOn: '2026-03-05' },
      '... on OrganisationTaskPayload { task { taskId } }',
    );
    unitTask = toUnit.task.taskId;
    await mutate(gql, tokens[newDirector.id]!, 'assignOrganisationTask', {
      title: 'Self-assessment draft',
      assigneePersonId: newHead.id,
      assigneePersonName: newHead.name,
      assignedOn: '2026-03-02',
      dueOn: '2026-03-20',
    });
    expect(
      (
        await mutate(gql, tokens[newInspector.id]!, 'assignOrganisationTask', {
          title: 'x',
          assigneeUnit: 'RATING_DIVISION',
          assignedOn: '2026-03-02',
          dueOn: '2026-03-05',
        })
      ).__typename,
    ).toBe('ForbiddenError');
    const inspectorTasks = (await me(newInspector.id)).tasks.edges.map((e: { node: { title: string } }) => e.node.title);
    expect(inspectorTasks).toEqual(['Licence registry check']);
    const headTasks = (await me(newHead.id)).tasks.edges.map((e: { node: { title: string } }) => e.node.title);
    expect(headTasks).toEqual(['Licence registry check', 'Self-assessment draft']);
    expect((await me(outsider.id)).tasks.edges).toEqual([]);

    const reported = await mutate(gql, tokens[newInspector.id]!, 'reportOrganisationTaskProgress', {
      taskId: unitTask,
      note: 'Half the licences checked',
      reportedOn: '2026-03-03',
    });
    expect(reported.__typename).toBe('OrganisationTaskPayload');

    time.advanceTo('2026-03-05T18:00:00.000Z');
    await automation.settled();
    const overdue = (await me(newInspector.id)).tasks.edges[0].node;
    expect(overdue).toMatchObject({ status: 'IN_PROGRESS', overdue: true });
    const due = hub.deadlines.openUntil('2026-03-31', 'accreditation_sector').filter((d) => d.kind === 'organisation_task');
    expect(due.map((d) => [d.title, d.due_on])).toEqual([['Licence registry check', '2026-03-05']]);
  });

  it('is completed by its unit and answered with the director’s feedback', async () => {
    expect(
      (await mutate(gql, tokens[newInspector.id]!, 'completeOrganisationTask', { taskId: unitTask, result: 'All licences match', completedOn: '2026-03-06' }))
        .__typename,
    ).toBe('OrganisationTaskPayload');
    await mutate(gql, tokens[newDirector.id]!, 'giveOrganisationTaskFeedback', { taskId: unitTask, feedback: 'Thank you', givenOn: '2026-03-06' });
    const res = await gql(
      '{ organisationTasks(first: 5) { edges { node { title status overdue notes { kind note author } } } } }',
      {},
      { token: tokens[newDirector.id]! },
    );
    expect(res.data!.organisationTasks.edges[0].node).toEqual({
      title: 'Licence registry check',
      status: 'DONE',
      overdue: false,
      notes: [
        { kind: 'progress', note: 'Half the licences checked', author: newInspector.id },
        { kind: 'completion', note: 'All licences match', author: newInspector.id },
        { kind: 'feedback', note: 'Thank you', author: newDirector.id },
      ],
    });
    // The director's overview is not open to an inspector.
    expect((await gql('{ organisationTasks(first: 5) { edges { cursor } } }', {}, { token: tokens[newInspector.id]! })).errors?.[0]?.extensions?.code).toBe(
      'FORBIDDEN',
    );
  });
  it('are followed live: everyone signed in may follow every task, and `mine` narrows to the reader’s own and their unit’s', async () => {
    const CHANGES = 'subscription($mine: Boolean) { organisationTaskChanged(mine: $mine) { eventType revision task { title assigneeUnit status } } }';
    const all = await sseSubscription(yoga, CHANGES, {}, tokens[newDirector.id]!);
    const own = await sseSubscription(yoga, CHANGES, { mine: true }, tokens[newInspector.id]!);
    const assign = (title: string, assigneeUnit: string) =>
      mutate(
        gql,
        tokens[newDirector.id]!,
        'assignOrganisationTask',
        { title, assigneeUnit, assignedOn: '2026-03-06', dueOn: '2026-03-27' },
        '... on OrganisationTaskPayload { task { taskId } }',
      );
    await assign('Rating forms printed', 'RATING_DIVISION');
    const ours = (await assign('Agency contract renewed', 'ACCREDITATION_SECTOR')).task.taskId;
    await mutate(gql, tokens[newInspector.id]!, 'completeOrganisationTask', { taskId: ours, result: 'Signed', completedOn: '2026-03-09' });

    const seen = async (feed: Awaited<ReturnType<typeof sseSubscription>>) => {
      const change = (await feed.next())!.data!.organisationTaskChanged as { eventType: string; revision: number; task: { title: string; status: string } };
      return [change.eventType, change.revision, change.task.title, change.task.status];
    };
    expect([await seen(all), await seen(all), await seen(all)]).toEqual([
      ['OrganisationTaskAssigned', 0, 'Rating forms printed', 'ASSIGNED'],
      ['OrganisationTaskAssigned', 0, 'Agency contract renewed', 'ASSIGNED'],
      ['OrganisationTaskCompleted', 1, 'Agency contract renewed', 'DONE'],
    ]);
    // The rating division's task, committed first, never reaches the accreditation sector's inspector.
    expect([await seen(own), await seen(own)]).toEqual([
      ['OrganisationTaskAssigned', 0, 'Agency contract renewed', 'ASSIGNED'],
      ['OrganisationTaskCompleted', 1, 'Agency contract renewed', 'DONE'],
    ]);
    await Promise.all([all.close(), own.close()]);
  });
});

describe('working time', () => {
  it('the director sets the schedule and the rector approves it', async () => {
    const schedule = {
      weekdayStart: '09:00',
      weekdayEnd: '17:00',
      lunchStart: '12:00',
      lunchEnd: '13:00',
      saturdayStart: '09:00',
      saturdayEnd: '13:00',
      effectiveFrom: '2026-04-01',
    };
    expect((await mutate(gql, tokens[newDirector.id]!, 'setWorkingSchedule', { ...schedule, lunchStart: '18:00', lunchEnd: '19:00' })).__typename).toBe(
      'ValidationError',
    );
    await mutate(gql, tokens[newDirector.id]!, 'setWorkingSchedule', schedule);
    expect((await mutate(gql, tokens[newDirector.id]!, 'approveWorkingSchedule', { version: 1, approvedOn: '2026-03-06' })).__typename).toBe('ForbiddenError');
    const approved = await mutate(
      gql,
      tokens[rector.id]!,
      'approveWorkingSchedule',
      { version: 1, approvedOn: '2026-03-06' },
      '... on WorkingSchedulePayload { schedule { version approved saturdayEnd } }',
    );
    expect(approved.schedule).toEqual({ version: 1, approved: true, saturdayEnd: '13:00' });
  });

  it('keeps each person’s balance of time off in lieu, which never goes negative', async () => {
    const recorded = await mutate(
      gql,
      tokens[newHead.id]!,
      'recordOvertime',
      { personId: newInspector.id, personName: newInspector.name, event: 'University open day', workedOn: '2026-03-07', hours: 4 },
      '... on TimeOffPayload { recordedId balance { balanceHours } }',
    );
    expect(recorded.balance.balanceHours).toBe(0);
    expect(await mutate(gql, tokens[newDirector.id]!, 'grantTimeOffInLieu', { personId: newInspector.id, offOn: '2026-03-10', hours: 2 })).toMatchObject({
      code: 'TIME_OFF_EXCEEDS_BALANCE',
    });
    await mutate(gql, tokens[newDirector.id]!, 'approveOvertime', { personId: newInspector.id, overtimeId: recorded.recordedId, approvedOn: '2026-03-09' });
    expect(await mutate(gql, tokens[newDirector.id]!, 'grantTimeOffInLieu', { personId: newInspector.id, offOn: '2026-03-10', hours: 5 })).toMatchObject({
      code: 'TIME_OFF_EXCEEDS_BALANCE',
    });
    const granted = await mutate(
      gql,
      tokens[newDirector.id]!,
      'grantTimeOffInLieu',
      { personId: newInspector.id, offOn: '2026-03-10', hours: 3 },
      '... on TimeOffPayload { recordedId }',
    );
    await mutate(gql, tokens[newHead.id]!, 'recordTimeOffTaken', { personId: newInspector.id, timeOffId: granted.recordedId, takenOn: '2026-03-10' });
    expect((await me(newInspector.id)).timeOffBalance).toEqual({ earnedHours: 4, grantedHours: 3, balanceHours: 1 });
    const others = await gql(
      'query($p: String!) { timeOffBalance(personId: $p) { balanceHours timeOff { status } } }',
      { p: newInspector.id },
      { token: tokens[outsider.id]! },
    );
    expect(others.data!.timeOffBalance).toBeNull();
    const manager = await gql(
      'query($p: String!) { timeOffBalance(personId: $p) { balanceHours timeOff { status } } }',
      { p: newInspector.id },
      { token: tokens[newHead.id]! },
    );
    expect(manager.data!.timeOffBalance).toEqual({ balanceHours: 1, timeOff: [{ status: 'TAKEN' }] });
  });
});

describe('the acting director', () => {
  const submit = (token: string) =>
    mutate(gql, token, 'submitMotivationProposal', {
      addressee: 'TRADE_UNION',
      subject: 'Bonus for the sector',
      justification: 'Licensing round finished',
      submittedOn: '2026-03-12',
    });

  it('has the director’s rights only on the days of the designation', async () => {
    // Today in Osh is 6 March; the designation runs 10–11 March.
    const designated = await mutate(
      gql,
      tokens[rector.id]!,
      'designateActingDirector',
      {
        personId: newHead.id,
        personName: newHead.name,
        startsOn: '2026-03-10',
        endsOn: '2026-03-11',
        orderNumber: '40-к',
        reason: 'Director on a business trip',
      },
      '... on ActingDirectorDesignationPayload { designation { designationId status } }',
    );
    expect(designated.designation.status).toBe('DESIGNATED');
    expect((await submit(tokens[newHead.id]!)).__typename).toBe('ForbiddenError');
    expect((await me(newHead.id)).roles).toEqual(['head_of_accreditation_sector']);

    time.advanceTo('2026-03-09T18:00:00.000Z');
    await automation.settled();
    expect((await me(newHead.id)).roles).toEqual(['head_of_accreditation_sector', 'acting_director', 'director']);
    expect((await submit(tokens[newHead.id]!)).__typename).toBe('MotivationProposalPayload');

    time.advanceTo('2026-03-11T18:00:00.000Z');
    await automation.settled();
    expect((await me(newHead.id)).roles).toEqual(['head_of_accreditation_sector']);
    expect((await submit(tokens[newHead.id]!)).__typename).toBe('ForbiddenError');
    const res = await gql('{ actingDirectorDesignations { status endedOn } }', {}, { token: tokens[outsider.id]! });
    expect(res.data!.actingDirectorDesignations).toEqual([{ status: 'ENDED', endedOn: '2026-03-12' }]);
  });

  it('loses them at once when the rector recalls the designation', async () => {
    const designated = await mutate(
      gql,
      tokens[rector.id]!,
      'designateActingDirector',
      { personId: newInspector.id, personName: newInspector.name, startsOn: '2026-03-12', endsOn: '2026-03-31', orderNumber: '41-к', reason: 'Leave' },
      '... on ActingDirectorDesignationPayload { designation { designationId } }',
    );
    expect((await me(newInspector.id)).roles).toContain('acting_director');
    const { designationId } = designated.designation;
    // Nobody else can be designated for days that meet this designation's, while it stands.
    const overlapping = {
      personId: newHead.id,
      personName: newHead.name,
      startsOn: '2026-03-31',
      endsOn: '2026-04-03',
      orderNumber: '42-к',
      reason: 'Leave',
    };
    expect(await mutate(gql, tokens[rector.id]!, 'designateActingDirector', overlapping)).toMatchObject({
      __typename: 'DomainRuleError',
      code: 'DESIGNATION_PERIOD_OVERLAPS',
      message: expect.stringContaining('2026-03-12'),
    });
    expect((await mutate(gql, tokens[newInspector.id]!, 'recallActingDirector', { designationId, reason: 'x' })).__typename).toBe('ForbiddenError');
    await mutate(gql, tokens[rector.id]!, 'recallActingDirector', { designationId, reason: 'Director back early' });
    expect((await me(newInspector.id)).roles).toEqual(['inspector']);
    // Once it is recalled, those days are free again.
    expect(
      (await mutate(gql, tokens[rector.id]!, 'designateActingDirector', overlapping, '... on ActingDirectorDesignationPayload { designation { status } }'))
        .designation,
    ).toEqual({
      status: 'DESIGNATED',
    });
  });
});

describe('motivation proposals', () => {
  it('are decided once and listed for the director and rector', async () => {
    const res = await gql('{ motivationProposals { proposalId status addressee } }', {}, { token: tokens[rector.id]! });
    const [proposal] = res.data!.motivationProposals as { proposalId: string }[];
    const decided = await mutate(
      gql,
      tokens[newDirector.id]!,
      'decideMotivationProposal',
      { proposalId: proposal!.proposalId, decision: 'ACCEPTED', note: 'Union agreed', decidedOn: '2026-03-13' },
      '... on MotivationProposalPayload { motivationProposal { status note } }',
    );
    expect(decided.motivationProposal).toEqual({ status: 'ACCEPTED', note: 'Union agreed' });
    expect(
      (
        await mutate(gql, tokens[newDirector.id]!, 'decideMotivationProposal', {
          proposalId: proposal!.proposalId,
          decision: 'REJECTED',
          decidedOn: '2026-03-14',
        })
      ).code,
    ).toBe('MOTIVATION_PROPOSAL_DECIDED');
  });
});
