// Corrective actions (DOMAIN.md 2.1 item 2: "carry out corrective measures on time"; research
// §6 CAPA): a problem, its root cause, the action, who owns it and by when, linked to what raised
// it (an indicator off track, a monitoring finding or an accreditation recommendation). An action
// is planned, started, done, and then checked: effective or not. The clock marks it overdue when
// its due date passes unfinished; that is an event, so history and subscriptions see it.
import { z } from 'zod';
import type { ClockRule, DueDateSource } from '../automation/contracts.ts';
import type { Actor, CommandContext, Decider, Role } from './decider.ts';
import { DomainRuleError, ForbiddenError } from './errors.ts';
import { strategyDecisions, strategyStaff } from './strategic-plan.ts';
import { entityId, isoDate, text, type IsoDate, type Labels } from './values.ts';

export const correctiveActionCategory = 'correctiveAction';

const statuses = ['planned', 'in_progress', 'done', 'verified_effective', 'not_effective', 'cancelled'] as const;
const sources = ['indicator', 'monitoring_finding', 'accreditation_recommendation'] as const;

export const correctiveActionStatusLabels: Labels<(typeof statuses)[number]> = {
  planned: { ky: 'Пландалды', ru: 'Запланировано', en: 'Planned' },
  in_progress: { ky: 'Аткарылууда', ru: 'Выполняется', en: 'In progress' },
  done: { ky: 'Аткарылды', ru: 'Выполнено', en: 'Done' },
  verified_effective: { ky: 'Натыйжалуу деп ырасталды', ru: 'Подтверждена эффективность', en: 'Verified effective' },
  not_effective: { ky: 'Натыйжасыз', ru: 'Неэффективно', en: 'Not effective' },
  cancelled: { ky: 'Жокко чыгарылды', ru: 'Отменено', en: 'Cancelled' },
};
export const correctiveActionSourceLabels: Labels<(typeof sources)[number]> = {
  indicator: { ky: 'Стратегиялык көрсөткүч', ru: 'Стратегический показатель', en: 'Strategy indicator' },
  monitoring_finding: { ky: 'Мониторингдин жыйынтыгы', ru: 'Вывод мониторинга', en: 'Monitoring finding' },
  accreditation_recommendation: { ky: 'Аккредитациялык сунуш', ru: 'Рекомендация аккредитации', en: 'Accreditation recommendation' },
};

export const correctiveActionStatus = z
  .enum(statuses)
  .meta({ id: 'CorrectiveActionStatus', description: 'Where a corrective action stands.', labels: correctiveActionStatusLabels });
export type CorrectiveActionStatus = z.infer<typeof correctiveActionStatus>;
export const correctiveActionSource = z
  .enum(sources)
  .meta({ id: 'CorrectiveActionSource', description: 'What raised the need for the action.', labels: correctiveActionSourceLabels });

const actionRef = { correctiveActionId: entityId('corrective action').describe('The corrective action acted on.') };

const planFields = z.object({
  source: correctiveActionSource,
  sourceId: text(100).describe('Id of the indicator, monitoring finding or accreditation recommendation that raised it.'),
  problem: text(2000).describe('The problem the action answers.'),
  rootCause: text(2000).describe('Why the problem arose.'),
  action: text(2000).describe('What will be done.'),
  owner: text(200).describe('The person responsible.'),
  ownerUnit: text(200).describe('The unit responsible, whose head may start and complete it.'),
  plannedOn: isoDate.describe('Date the action was planned.'),
  dueOn: isoDate.describe('Date by which it must be done.'),
});

export const correctiveActionCommands = {
  planCorrectiveAction: planFields.refine((c) => c.dueOn >= c.plannedOn, { path: ['dueOn'], message: 'must not be before plannedOn' }),
  startCorrectiveAction: z.object({ ...actionRef, startedOn: isoDate.describe('Date work started.') }),
  completeCorrectiveAction: z.object({
    ...actionRef,
    completedOn: isoDate.describe('Date the action was done.'),
    evidence: text(2000).describe('Evidence of completion.'),
  }),
  verifyCorrectiveActionEffectiveness: z.object({
    ...actionRef,
    effective: z.boolean().describe('Whether the action removed the problem.'),
    conclusion: text(2000).describe('What the effectiveness check found.'),
    verifiedOn: isoDate.describe('Date of the check.'),
  }),
  cancelCorrectiveAction: z.object({
    ...actionRef,
    reason: text(2000).describe('Why the action is cancelled.'),
    cancelledOn: isoDate.describe('Date of cancellation.'),
  }),
  markCorrectiveActionOverdue: z.object({ ...actionRef, overdueOn: isoDate.describe('The first day after the due date on which it was still not done.') }),
} as const;

export type CorrectiveActionCommandName = keyof typeof correctiveActionCommands;
export type CorrectiveActionCommand = {
  [Name in CorrectiveActionCommandName]: { type: Name; correctiveActionId: string } & z.infer<(typeof correctiveActionCommands)[Name]>;
}[CorrectiveActionCommandName];

export const correctiveActionEventSchemas = {
  CorrectiveActionPlanned: planFields.extend({ correctiveActionId: z.string() }),
  CorrectiveActionStarted: z.object({ correctiveActionId: z.string(), startedOn: isoDate }),
  CorrectiveActionCompleted: z.object({ correctiveActionId: z.string(), completedOn: isoDate, evidence: z.string() }),
  CorrectiveActionEffectivenessVerified: z.object({ correctiveActionId: z.string(), effective: z.boolean(), conclusion: z.string(), verifiedOn: isoDate }),
  CorrectiveActionCancelled: z.object({ correctiveActionId: z.string(), reason: z.string(), cancelledOn: isoDate }),
  CorrectiveActionOverdue: z.object({ correctiveActionId: z.string(), overdueOn: isoDate }),
} as const;

export type CorrectiveActionEventType = keyof typeof correctiveActionEventSchemas;
export type CorrectiveActionEvent = {
  [Type in CorrectiveActionEventType]: { type: Type; data: z.infer<(typeof correctiveActionEventSchemas)[Type]> };
}[CorrectiveActionEventType];
export const correctiveActionEventTypes = Object.keys(correctiveActionEventSchemas) as CorrectiveActionEventType[];

export type CorrectiveActionState =
  | { exists: false }
  | { exists: true; status: CorrectiveActionStatus; ownerUnit: string; plannedOn: IsoDate; dueOn: IsoDate; overdue: boolean; lastOn: IsoDate };

/** Open: still to be done. */
export const isOpen = (status: CorrectiveActionStatus): boolean => status === 'planned' || status === 'in_progress';

function evolve(state: CorrectiveActionState, event: CorrectiveActionEvent): CorrectiveActionState {
  if (event.type === 'CorrectiveActionPlanned') {
    const { ownerUnit, plannedOn, dueOn } = event.data;
    return { exists: true, status: 'planned', ownerUnit, plannedOn, dueOn, overdue: false, lastOn: plannedOn };
  }
  if (!state.exists) return state;
  switch (event.type) {
    case 'CorrectiveActionStarted':
      return { ...state, status: 'in_progress', lastOn: event.data.startedOn };
    case 'CorrectiveActionCompleted':
      return { ...state, status: 'done', lastOn: event.data.completedOn };
    case 'CorrectiveActionEffectivenessVerified':
      return { ...state, status: event.data.effective ? 'verified_effective' : 'not_effective', lastOn: event.data.verifiedOn };
    case 'CorrectiveActionCancelled':
      return { ...state, status: 'cancelled', lastOn: event.data.cancelledOn };
    case 'CorrectiveActionOverdue':
      return { ...state, overdue: true };
  }
}

type Existing = Extract<CorrectiveActionState, { exists: true }>;
const rule = (code: string, message: string) => new DomainRuleError(code, message);

/** The department acts on any action; a unit head only on their unit's. */
function requireActor(actor: Actor, action: Existing): void {
  if (actor.roles.some((r) => strategyStaff.includes(r))) return;
  if (actor.roles.includes('unit_head') && actor.unit === action.ownerUnit) return;
  throw new ForbiddenError(`a unit head acts only on the corrective actions of their own unit; this one belongs to ${action.ownerUnit}`, 'NOT_OWN_UNIT');
}

function requireNotBefore(action: Existing, date: IsoDate, field: string): void {
  if (date < action.lastOn) throw rule('DATE_BEFORE_PREVIOUS_STEP', `${field} (${date}) cannot be before the action's previous step (${action.lastOn})`);
}

function decide(command: CorrectiveActionCommand, state: CorrectiveActionState, context: CommandContext): CorrectiveActionEvent[] {
  if (command.type === 'planCorrectiveAction') {
    if (state.exists) throw rule('ACTION_ALREADY_PLANNED', 'this corrective action already exists');
    const { type: _type, ...data } = command;
    return [{ type: 'CorrectiveActionPlanned', data }];
  }
  if (!state.exists) throw rule('ACTION_NOT_FOUND', 'no corrective action with this id exists');
  const { correctiveActionId } = command;
  switch (command.type) {
    case 'startCorrectiveAction':
      requireActor(context.actor, state);
      if (state.status !== 'planned') throw rule('ACTION_NOT_PLANNED', `only a planned action can be started; this one is ${state.status}`);
      requireNotBefore(state, command.startedOn, 'startedOn');
      return [{ type: 'CorrectiveActionStarted', data: { correctiveActionId, startedOn: command.startedOn } }];
    case 'completeCorrectiveAction':
      requireActor(context.actor, state);
      if (!isOpen(state.status)) throw rule('ACTION_NOT_OPEN', `only a planned or started action can be completed; this one is ${state.status}`);
      requireNotBefore(state, command.completedOn, 'completedOn');
      return [{ type: 'CorrectiveActionCompleted', data: { correctiveActionId, completedOn: command.completedOn, evidence: command.evidence } }];
    case 'verifyCorrectiveActionEffectiveness': {
      if (state.status !== 'done') throw rule('ACTION_NOT_DONE', `effectiveness is checked once the action is done; this one is ${state.status}`);
      requireNotBefore(state, command.verifiedOn, 'verifiedOn');
      const { type: _type, ...data } = command;
      return [{ type: 'CorrectiveActionEffectivenessVerified', data }];
    }
    case 'cancelCorrectiveAction': {
      if (!isOpen(state.status)) throw rule('ACTION_NOT_OPEN', `only a planned or started action can be cancelled; this one is ${state.status}`);
      requireNotBefore(state, command.cancelledOn, 'cancelledOn');
      const { type: _type, ...data } = command;
      return [{ type: 'CorrectiveActionCancelled', data }];
    }
    case 'markCorrectiveActionOverdue':
      if (!isOpen(state.status)) throw rule('ACTION_NOT_OPEN', `a ${state.status} action cannot be overdue`);
      if (state.overdue) throw rule('ACTION_ALREADY_OVERDUE', 'the action is already marked overdue');
      if (command.overdueOn <= state.dueOn) throw rule('ACTION_NOT_DUE', `overdueOn: the action is due on ${state.dueOn}; it is overdue only after that day`);
      return [{ type: 'CorrectiveActionOverdue', data: { correctiveActionId, overdueOn: command.overdueOn } }];
  }
}

export const correctiveActionDecider: Decider<CorrectiveActionCommand, CorrectiveActionEvent, CorrectiveActionState> = {
  initialState: { exists: false },
  evolve,
  decide,
};

const doers: Role[] = [...strategyStaff, 'unit_head'];
export const correctiveActionPermissions: Record<CorrectiveActionCommandName, Role[]> = {
  planCorrectiveAction: strategyStaff,
  startCorrectiveAction: doers,
  completeCorrectiveAction: doers,
  verifyCorrectiveActionEffectiveness: strategyStaff,
  cancelCorrectiveAction: strategyDecisions,
  markCorrectiveActionOverdue: strategyDecisions,
};
export const correctiveActionScopes: Partial<Record<CorrectiveActionCommandName, string>> = {
  startCorrectiveAction: 'a unit head only the actions of their own unit',
  completeCorrectiveAction: 'a unit head only the actions of their own unit',
};

/** The day after an ISO date. */
export const dayAfter = (date: IsoDate): IsoDate => new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

const dueKey = (id: string) => `corrective-action:${id}:due`;

/** An action's due date is on the deadlines list from planning until it is done or cancelled. */
export const correctiveActionDueDates: DueDateSource = {
  module: 'corrective-actions',
  eventTypes: ['CorrectiveActionPlanned', 'CorrectiveActionCompleted', 'CorrectiveActionCancelled'],
  changes(event) {
    const id = String(event.data.correctiveActionId);
    switch (event.type) {
      case 'CorrectiveActionPlanned': {
        const d = correctiveActionEventSchemas.CorrectiveActionPlanned.parse(event.data);
        return [
          {
            action: 'due',
            key: dueKey(id),
            kind: 'corrective_action',
            title: d.action,
            dueOn: d.dueOn,
            entityType: 'CorrectiveAction',
            entityId: id,
            unit: d.ownerUnit,
            assignee: d.owner,
          },
        ];
      }
      case 'CorrectiveActionCompleted':
        return [{ action: 'done', key: dueKey(id), on: String(event.data.completedOn) }];
      default:
        return [{ action: 'dropped', key: dueKey(id) }];
    }
  },
};

const overdueKey = (id: string) => `corrective-action:${id}:overdue`;

/**
 * At the start of the day after the due date (Kyrgyzstan time, UTC+6) an unfinished action is
 * marked overdue; finishing or cancelling it first cancels the alarm.
 */
export const correctiveActionOverdueRule: ClockRule = {
  name: 'corrective-action-overdue',
  eventTypes: ['CorrectiveActionPlanned', 'CorrectiveActionCompleted', 'CorrectiveActionCancelled'],
  changes(event) {
    const id = String(event.data.correctiveActionId);
    if (event.type !== 'CorrectiveActionPlanned') return [{ action: 'cancel', key: overdueKey(id) }];
    const overdueOn = dayAfter(String(event.data.dueOn));
    return [
      {
        action: 'at',
        key: overdueKey(id),
        at: `${overdueOn}T00:00:00+06:00`,
        followUp: { command: 'markCorrectiveActionOverdue', input: { correctiveActionId: id, overdueOn } },
      },
    ];
  },
};
