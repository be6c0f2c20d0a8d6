// The organisation's mutations: staffing (one stream for the department), acting designations,
// tasks and motivation proposals (a stream each), the working schedule (one stream) and each
// person's overtime and time off (a stream per person). Every command is decided at the hub
// clock's moment, so a test clock moves designations and recalls alike.
import { GraphQLError } from 'graphql';
import { gateOf } from '../src/commands/gate.ts';
import { entityIdFor } from '../src/commands/ids.ts';
import { actingDirectorCategory, actingDirectorCommands, actingDirectorDecider, type ActingDirectorCommandName } from '../src/domain/acting-director.ts';
import type { Decider, DomainEvent } from '../src/domain/decider.ts';
import { DomainRuleError } from '../src/domain/errors.ts';
import {
  motivationProposalCategory,
  motivationProposalCommands,
  motivationProposalDecider,
  type MotivationProposalCommandName,
} from '../src/domain/motivation-proposals.ts';
import {
  organisationTaskCategory,
  organisationTaskCommands,
  organisationTaskDecider,
  type OrganisationTaskCommandName,
} from '../src/domain/organisation-tasks.ts';
import { staffingCategory, staffingCommands, staffingDecider, staffingStreamId, type StaffingCommandName } from '../src/domain/staffing.ts';
import {
  timeOffCategory,
  timeOffCommands,
  timeOffDecider,
  workingScheduleCategory,
  workingScheduleCommands,
  workingScheduleDecider,
  workingScheduleStreamId,
  type TimeOffCommandName,
  type WorkingScheduleCommandName,
} from '../src/domain/working-time.ts';
import { encodePosition } from '../src/eventstore/position.ts';
import { builder } from './builder.ts';
import { commandMutation, type CommandCall } from './command.ts';
import { entityPayload, type EntityPayloadShape } from './entity-command.ts';
import { plainIdOf } from './ids.ts';
import {
  ActingDirectorDesignation,
  MotivationProposal,
  OrganisationTask,
  StaffCase,
  StaffingPosition,
  TimeOffBalance,
  WorkingSchedule,
} from './organisation.ts';

type Call = CommandCall<Record<string, unknown>>;

/** Runs one command on one stream at the hub clock's moment; `fields` are what the hub adds to the command (ids it derived). */
async function runOn<Command, Event extends DomainEvent, State>(
  call: Call,
  options: {
    name: string;
    decider: Decider<Command, Event, State>;
    stream: string;
    entity: string;
    id: string;
    creates: boolean;
    fields?: Record<string, unknown>;
  },
): Promise<{ revision: bigint | undefined; position: string | undefined; replayed: boolean }> {
  const { hub, correlationId } = call.context;
  const outcome = await hub.execute({
    decider: options.decider,
    stream: options.stream,
    input: call.input,
    command: { ...call.input, ...options.fields, type: options.name } as never,
    target: { kind: options.creates ? 'new' : 'existing', entity: options.entity, id: options.id },
    actor: call.actor,
    commandId: call.commandId,
    correlationId,
    ...(call.expectedRevision !== undefined ? { expectedRevision: call.expectedRevision } : {}),
    now: new Date(hub.clock.now()).toISOString(),
  });
  return { revision: outcome.revision, position: outcome.position ? encodePosition(outcome.position) : undefined, replayed: outcome.replayed };
}

/** A command on a kind of entity with a stream each; answers with the entity as the read model shows it. */
async function runEntity<Command, Event extends DomainEvent, State>(
  call: Call,
  options: {
    name: string;
    decider: Decider<Command, Event, State>;
    category: string;
    entity: string;
    idField: string;
    creates: boolean;
    stamp: (id: string) => { revision: number; position: string } | undefined;
  },
): Promise<EntityPayloadShape> {
  const id = options.creates ? entityIdFor(options.category, call.commandId) : String(call.input[options.idField]);
  const ran = await runOn(call, { ...options, stream: `${options.category}-${id}`, id, fields: { [options.idField]: id } });
  const row = options.stamp(id);
  if (!row) throw new GraphQLError(`the read model has no row for a stored ${options.entity}`);
  return { id, revision: ran.revision ?? BigInt(row.revision), position: ran.position ?? row.position, replayed: ran.replayed };
}

type StreamPayloadShape = { key: string | null; revision: bigint | undefined; position: string; replayed: boolean };

// ---------- staffing

const StaffingPayload = builder.objectRef<StreamPayloadShape>('StaffingPayload').implement({
  description: 'The staffing table after the command, and the case it concerned, with where the command landed in the log.',
  fields: (t) => ({
    staffCase: t.field({
      type: StaffCase,
      nullable: true,
      description: 'The appointment or dismissal case the command concerned, if any.',
      resolve: (p, _a, c) => (p.key ? (c.hub.organisation.caseById(p.key) ?? null) : null),
    }),
    staffingTable: t.field({
      type: [StaffingPosition],
      description: 'The staffing table now, including this command.',
      resolve: (_p, _a, c) => c.hub.organisation.slots(),
    }),
    revision: t.int({
      nullable: true,
      description: 'Revision of the staffing stream after the command.',
      resolve: (p) => (p.revision === undefined ? null : Number(p.revision)),
    }),
    position: t.exposeString('position', { description: 'Position of the command’s last event in the global log.' }),
    replayed: t.exposeBoolean('replayed', { description: 'True when this commandId was handled before and its first answer is returned.' }),
  }),
});

const staffingDescriptions: Record<StaffingCommandName, string> = {
  establishStaffingTable:
    'Records the rector’s order establishing the department’s staffing table as the regulation sets it (otherwise the first other staffing command seeds it).',
  changeStaffingRates: 'Changes the number of rates of a position by the rector’s order; never below those filled or in appointment.',
  proposeStaffAppointment:
    'The unit’s head proposes a person for a vacant rate (the director proposes the heads of units, consenting by proposing). Creates a staffing case.',
  proposeStaffDismissal: 'The unit’s head proposes to dismiss a holder from their position. Creates a staffing case.',
  consentToStaffCase: 'The director consents to a proposed appointment or dismissal.',
  declineStaffCase: 'The director declines a proposed appointment or dismissal, with the reason.',
  recordStaffCaseOrder: 'Records the rector’s order on a consented case: the appointment or dismissal takes effect (and the person’s rights with it).',
  appointDirector: 'Records the rector’s order appointing the director.',
  dismissDirector: 'Records the rector’s order dismissing the director.',
};

for (const name of Object.keys(staffingCommands) as StaffingCommandName[]) {
  const proposes = name === 'proposeStaffAppointment' || name === 'proposeStaffDismissal';
  commandMutation({
    name,
    description: staffingDescriptions[name],
    schema: staffingCommands[name],
    payload: StaffingPayload,
    acceptsExpectedRevision: true,
    run: async (call) => {
      const c = call as Call;
      const caseId = proposes ? entityIdFor('staffCase', c.commandId) : typeof c.input.caseId === 'string' ? c.input.caseId : null;
      const ran = await runOn(c, {
        name,
        decider: staffingDecider,
        stream: `${staffingCategory}-${staffingStreamId}`,
        entity: 'staffing table',
        id: staffingStreamId,
        creates: true,
        ...(proposes ? { fields: { caseId } } : {}),
      });
      const stamp = c.context.hub.organisation.tableStamp();
      return { key: caseId, revision: ran.revision, position: ran.position ?? stamp?.position ?? '', replayed: ran.replayed };
    },
  });
}

// ---------- acting director, tasks, motivation proposals

const DesignationPayload = entityPayload('ActingDirectorDesignationPayload', 'designation', ActingDirectorDesignation, 'acting director designation');
const actingDescriptions: Record<ActingDirectorCommandName, string> = {
  designateActingDirector: 'The rector designates who acts for the absent director, for whole days. Creates the designation.',
  recallActingDirector: 'The rector recalls a designation before its period ends; the rights end at once.',
  endActingDirectorDesignation: 'Ends a designation the day after its last day (sent by the hub’s clock).',
};
for (const name of Object.keys(actingDirectorCommands) as ActingDirectorCommandName[]) {
  commandMutation({
    name,
    description: actingDescriptions[name],
    schema: actingDirectorCommands[name],
    payload: DesignationPayload,
    acceptsExpectedRevision: name !== 'designateActingDirector',
    prepare: (raw) => (typeof raw.designationId === 'string' ? { ...raw, designationId: plainIdOf(raw.designationId, 'ActingDirectorDesignation') } : raw),
    run: (call) => {
      const run = () =>
        runEntity(call as Call, {
          name,
          decider: actingDirectorDecider,
          category: actingDirectorCategory,
          entity: 'acting director designation',
          idField: 'designationId',
          creates: name === 'designateActingDirector',
          stamp: (id) => call.context.hub.organisation.designationById(id),
        });
      if (name !== 'designateActingDirector') return run();
      // One person acts for the director on any day: a designation whose days meet one still in force
      // is refused until that one is recalled. Checked under the gate, so two at once cannot both pass;
      // a retry of the designation that made it is answered as a replay by the pipeline.
      return gateOf(call.context.hub.store).run('acting-director-designations', async () => {
        const { startsOn, endsOn } = call.input as { startsOn: string; endsOn: string };
        const other = call.context.hub.organisation.designationOverlapping(startsOn, endsOn, entityIdFor(actingDirectorCategory, call.commandId));
        if (other)
          throw new DomainRuleError(
            'DESIGNATION_PERIOD_OVERLAPS',
            `startsOn: ${other.person_name} acts for the director from ${other.starts_on} to ${other.ends_on} (order ${other.order_number}); recall that designation first`,
          );
        return run();
      });
    },
  });
}

const TaskPayload = entityPayload('OrganisationTaskPayload', 'task', OrganisationTask, 'task');
const taskDescriptions: Record<OrganisationTaskCommandName, string> = {
  assignOrganisationTask: 'The director gives an operational task with a due date to a person or a unit. Creates the task.',
  reportOrganisationTaskProgress: 'The task’s person (or a member of its unit) reports progress.',
  completeOrganisationTask: 'The task’s person (or a member of its unit) reports it done.',
  giveOrganisationTaskFeedback: 'The director gives feedback on a task.',
  markOrganisationTaskOverdue: 'Records that an open task passed its due date (sent by the hub’s clock).',
};
for (const name of Object.keys(organisationTaskCommands) as OrganisationTaskCommandName[]) {
  commandMutation({
    name,
    description: taskDescriptions[name],
    schema: organisationTaskCommands[name],
    payload: TaskPayload,
    acceptsExpectedRevision: name !== 'assignOrganisationTask',
    prepare: (raw) => (typeof raw.taskId === 'string' ? { ...raw, taskId: plainIdOf(raw.taskId, 'OrganisationTask') } : raw),
    run: (call) =>
      runEntity(call as Call, {
        name,
        decider: organisationTaskDecider,
        category: organisationTaskCategory,
        entity: 'task',
        idField: 'taskId',
        creates: name === 'assignOrganisationTask',
        stamp: (id) => call.context.hub.organisation.taskById(id),
      }),
  });
}

const ProposalPayload = entityPayload('MotivationProposalPayload', 'motivationProposal', MotivationProposal, 'motivation proposal');
const proposalDescriptions: Record<MotivationProposalCommandName, string> = {
  submitMotivationProposal: 'The director submits a staff motivation proposal to management or the trade union. Creates the proposal.',
  decideMotivationProposal: 'Records the decision of management or the trade union on a proposal.',
};
for (const name of Object.keys(motivationProposalCommands) as MotivationProposalCommandName[]) {
  commandMutation({
    name,
    description: proposalDescriptions[name],
    schema: motivationProposalCommands[name],
    payload: ProposalPayload,
    acceptsExpectedRevision: name !== 'submitMotivationProposal',
    prepare: (raw) => (typeof raw.proposalId === 'string' ? { ...raw, proposalId: plainIdOf(raw.proposalId, 'MotivationProposal') } : raw),
    run: (call) =>
      runEntity(call as Call, {
        name,
        decider: motivationProposalDecider,
        category: motivationProposalCategory,
        entity: 'motivation proposal',
        idField: 'proposalId',
        creates: name === 'submitMotivationProposal',
        stamp: (id) => call.context.hub.organisation.proposalById(id),
      }),
  });
}

// ---------- working time

const SchedulePayload = builder.objectRef<StreamPayloadShape>('WorkingSchedulePayload').implement({
  description: 'The working schedule after the command, with where the command landed in the log.',
  fields: (t) => ({
    schedule: t.field({
      type: WorkingSchedule,
      description: 'The latest version of the schedule, including this command.',
      resolve: (_p, _a, c) => c.hub.organisation.schedules()[0]!,
    }),
    revision: t.int({
      nullable: true,
      description: 'Revision of the schedule stream after the command.',
      resolve: (p) => (p.revision === undefined ? null : Number(p.revision)),
    }),
    position: t.exposeString('position', { description: 'Position of the command’s last event in the global log.' }),
    replayed: t.exposeBoolean('replayed', { description: 'True when this commandId was handled before and its first answer is returned.' }),
  }),
});
const scheduleDescriptions: Record<WorkingScheduleCommandName, string> = {
  setWorkingSchedule: 'The director sets the department’s working schedule (a new version, awaiting the rector’s approval).',
  approveWorkingSchedule: 'The rector approves the latest version of the working schedule.',
};
for (const name of Object.keys(workingScheduleCommands) as WorkingScheduleCommandName[]) {
  commandMutation({
    name,
    description: scheduleDescriptions[name],
    schema: workingScheduleCommands[name],
    payload: SchedulePayload,
    acceptsExpectedRevision: true,
    run: async (call) => {
      const ran = await runOn(call as Call, {
        name,
        decider: workingScheduleDecider,
        stream: `${workingScheduleCategory}-${workingScheduleStreamId}`,
        entity: 'working schedule',
        id: workingScheduleStreamId,
        creates: true,
      });
      return {
        key: null,
        revision: ran.revision,
        position: ran.position ?? call.context.hub.organisation.schedules()[0]?.position ?? '',
        replayed: ran.replayed,
      };
    },
  });
}

const TimeOffPayload = builder.objectRef<StreamPayloadShape & { personId: string }>('TimeOffPayload').implement({
  description: 'A person’s overtime and time off after the command, with the id of what it recorded.',
  fields: (t) => ({
    balance: t.field({
      type: TimeOffBalance,
      description: 'The person’s account now, including this command.',
      resolve: (p, _a, c) => c.hub.organisation.balanceOf(p.personId)!,
    }),
    recordedId: t.exposeString('key', { nullable: true, description: 'The id of the overtime or time off this command recorded, if it recorded one.' }),
    revision: t.int({
      nullable: true,
      description: 'Revision of the person’s stream after the command.',
      resolve: (p) => (p.revision === undefined ? null : Number(p.revision)),
    }),
    position: t.exposeString('position', { description: 'Position of the command’s last event in the global log.' }),
    replayed: t.exposeBoolean('replayed', { description: 'True when this commandId was handled before and its first answer is returned.' }),
  }),
});
const timeOffDescriptions: Record<TimeOffCommandName, string> = {
  recordOvertime: 'Records overtime a person worked for a university event (awaiting the director’s approval).',
  approveOvertime: 'The director approves recorded overtime; its hours are added to the person’s balance.',
  grantTimeOffInLieu: 'The director grants time off in lieu; refused beyond the person’s balance.',
  recordTimeOffTaken: 'Records that granted time off was taken.',
};
for (const name of Object.keys(timeOffCommands) as TimeOffCommandName[]) {
  const records = name === 'recordOvertime' || name === 'grantTimeOffInLieu';
  commandMutation({
    name,
    description: timeOffDescriptions[name],
    schema: timeOffCommands[name],
    payload: TimeOffPayload,
    acceptsExpectedRevision: true,
    run: async (call) => {
      const c = call as Call;
      const personId = String(c.input.personId);
      const entryId = entityIdFor(timeOffCategory, c.commandId);
      const ran = await runOn(c, {
        name,
        decider: timeOffDecider,
        stream: `${timeOffCategory}-${personId}`,
        entity: 'time-off account',
        id: personId,
        creates: name === 'recordOvertime',
        fields: { entryId },
      });
      const balance = c.context.hub.organisation.balanceOf(personId);
      return { personId, key: records ? entryId : null, revision: ran.revision, position: ran.position ?? balance?.position ?? '', replayed: ran.replayed };
    },
  });
}
