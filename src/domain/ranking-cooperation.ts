// Cooperation plans with ranking organisations (DOMAIN.md §4.1: "develop a cooperation plan with
// organisations that publish rankings, based on agreements; organise activities"). A plan belongs
// to one organisation and, when there is one, to the agreement it implements; the director adopts
// it; its activities are planned with a responsible person and a due date, then done or cancelled.
// The due dates are on the deadlines list, and the clock marks an activity overdue the day after.
import { z } from 'zod';
import type { ClockRule, DueDateSource } from '../automation/contracts.ts';
import type { CommandContext, Decider } from './decider.ts';
import { dayAfter } from './corrective-actions.ts';
import { DomainRuleError } from './errors.ts';
import { agreementNumber } from './ranking-organisations.ts';
import { planCode } from './strategic-plan.ts';
import { entityId, isoDate, text, type IsoDate, type Labels } from './values.ts';

export const rankingCooperationPlanCategory = 'rankingCooperationPlan';

const activityStatuses = ['planned', 'done', 'cancelled'] as const;
export const rankingCooperationActivityStatusLabels: Labels<(typeof activityStatuses)[number]> = {
  planned: { ky: 'Пландалды', ru: 'Запланировано', en: 'Planned' },
  done: { ky: 'Аткарылды', ru: 'Выполнено', en: 'Done' },
  cancelled: { ky: 'Жокко чыгарылды', ru: 'Отменено', en: 'Cancelled' },
};
export const rankingCooperationActivityStatus = z.enum(activityStatuses).meta({
  id: 'RankingCooperationActivityStatus',
  description: 'Where an activity of a cooperation plan stands.',
  labels: rankingCooperationActivityStatusLabels,
});
export type RankingCooperationActivityStatus = z.infer<typeof rankingCooperationActivityStatus>;

const planRef = { rankingCooperationPlanId: entityId('cooperation plan').describe('The cooperation plan acted on.') };
const activityCode = planCode.describe('Code of the activity within the plan, e.g. 2.1.');

const draftFields = z.object({
  rankingOrganisationId: entityId('ranking organisation').describe('The organisation the plan is with.'),
  agreementNumber: agreementNumber.optional().describe('Number of the agreement the plan implements; it must be signed and not ended.'),
  title: text(300).describe('Title of the plan.'),
  year: z.int().min(2000, 'must be 2000 or later').max(2100, 'must be 2100 or earlier').describe('The year the plan is for.'),
});

export const rankingCooperationCommands = {
  draftRankingCooperationPlan: draftFields,
  addRankingCooperationActivity: z.object({
    ...planRef,
    code: activityCode,
    activity: text(2000).describe('What will be done: a visit, a webinar, a data-verification session, a press release.'),
    responsible: text(200).describe('The person responsible.'),
    responsibleUnit: text(200).optional().describe('The unit responsible, when a unit carries it out.'),
    dueOn: isoDate.describe('Date by which it is to be done.'),
  }),
  adoptRankingCooperationPlan: z.object({
    ...planRef,
    adoptedOn: isoDate.describe('Date the director adopted it.'),
    decision: text(200).describe('The order or decision adopting it.'),
  }),
  completeRankingCooperationActivity: z.object({
    ...planRef,
    code: activityCode,
    completedOn: isoDate.describe('Date it was done.'),
    outcome: text(2000).describe('What came of it.'),
  }),
  cancelRankingCooperationActivity: z.object({
    ...planRef,
    code: activityCode,
    cancelledOn: isoDate.describe('Date of cancellation.'),
    reason: text(2000).describe('Why it is cancelled.'),
  }),
  markRankingCooperationActivityOverdue: z.object({
    ...planRef,
    code: activityCode,
    overdueOn: isoDate.describe('The first day after the due date on which it was still not done.'),
  }),
} as const;

export type RankingCooperationCommandName = keyof typeof rankingCooperationCommands;
export type RankingCooperationCommand = {
  [Name in RankingCooperationCommandName]: { type: Name; rankingCooperationPlanId: string } & z.infer<(typeof rankingCooperationCommands)[Name]>;
}[RankingCooperationCommandName];

export const rankingCooperationEventSchemas = {
  RankingCooperationPlanDrafted: draftFields.extend({ rankingCooperationPlanId: z.string() }),
  RankingCooperationActivityAdded: z.object({
    rankingCooperationPlanId: z.string(),
    code: z.string(),
    activity: z.string(),
    responsible: z.string(),
    responsibleUnit: z.string().optional(),
    dueOn: isoDate,
  }),
  RankingCooperationPlanAdopted: z.object({ rankingCooperationPlanId: z.string(), adoptedOn: isoDate, decision: z.string() }),
  RankingCooperationActivityCompleted: z.object({ rankingCooperationPlanId: z.string(), code: z.string(), completedOn: isoDate, outcome: z.string() }),
  RankingCooperationActivityCancelled: z.object({ rankingCooperationPlanId: z.string(), code: z.string(), cancelledOn: isoDate, reason: z.string() }),
  RankingCooperationActivityOverdue: z.object({ rankingCooperationPlanId: z.string(), code: z.string(), overdueOn: isoDate }),
} as const;
export type RankingCooperationEventType = keyof typeof rankingCooperationEventSchemas;
export type RankingCooperationEvent = {
  [Type in RankingCooperationEventType]: { type: Type; data: z.infer<(typeof rankingCooperationEventSchemas)[Type]> };
}[RankingCooperationEventType];
export const rankingCooperationEventTypes = Object.keys(rankingCooperationEventSchemas) as RankingCooperationEventType[];

type Activity = { status: RankingCooperationActivityStatus; dueOn: IsoDate; overdue: boolean };
export type RankingCooperationState = { exists: false } | { exists: true; adopted: boolean; activities: Record<string, Activity> };

function evolve(state: RankingCooperationState, event: RankingCooperationEvent): RankingCooperationState {
  if (event.type === 'RankingCooperationPlanDrafted') return { exists: true, adopted: false, activities: {} };
  if (!state.exists) return state;
  const set = (code: string, change: Partial<Activity>) => ({
    ...state,
    activities: { ...state.activities, [code]: { ...state.activities[code]!, ...change } },
  });
  switch (event.type) {
    case 'RankingCooperationActivityAdded':
      return { ...state, activities: { ...state.activities, [event.data.code]: { status: 'planned', dueOn: event.data.dueOn, overdue: false } } };
    case 'RankingCooperationPlanAdopted':
      return { ...state, adopted: true };
    case 'RankingCooperationActivityCompleted':
      return set(event.data.code, { status: 'done' });
    case 'RankingCooperationActivityCancelled':
      return set(event.data.code, { status: 'cancelled' });
    case 'RankingCooperationActivityOverdue':
      return set(event.data.code, { overdue: true });
  }
}

const rule = (code: string, message: string) => new DomainRuleError(code, message);

function plannedActivity(state: Extract<RankingCooperationState, { exists: true }>, code: string): Activity {
  const activity = state.activities[code];
  if (!activity) throw rule('RANKING_ACTIVITY_NOT_IN_PLAN', `code: the plan has no activity ${code}`);
  if (activity.status !== 'planned') throw rule('RANKING_ACTIVITY_NOT_PLANNED', `activity ${code} is already ${activity.status}`);
  return activity;
}

function decide(command: RankingCooperationCommand, state: RankingCooperationState, _context: CommandContext): RankingCooperationEvent[] {
  if (command.type === 'draftRankingCooperationPlan') {
    if (state.exists) throw rule('RANKING_COOPERATION_PLAN_ALREADY_DRAFTED', 'this cooperation plan already exists');
    const { type: _type, ...data } = command;
    return [{ type: 'RankingCooperationPlanDrafted', data }];
  }
  if (!state.exists) throw rule('RANKING_COOPERATION_PLAN_NOT_FOUND', 'no cooperation plan with this id exists');
  const { type: _type, ...data } = command;
  switch (command.type) {
    case 'addRankingCooperationActivity':
      if (command.code in state.activities) throw rule('RANKING_ACTIVITY_CODE_TAKEN', `code: the plan already has an activity ${command.code}`);
      return [{ type: 'RankingCooperationActivityAdded', data: data as z.infer<typeof rankingCooperationEventSchemas.RankingCooperationActivityAdded> }];
    case 'adoptRankingCooperationPlan':
      if (state.adopted) throw rule('RANKING_COOPERATION_PLAN_ALREADY_ADOPTED', 'the plan has already been adopted');
      if (Object.keys(state.activities).length === 0) throw rule('RANKING_COOPERATION_PLAN_WITHOUT_ACTIVITIES', 'a plan is adopted with at least one activity');
      return [
        {
          type: 'RankingCooperationPlanAdopted',
          data: { rankingCooperationPlanId: command.rankingCooperationPlanId, adoptedOn: command.adoptedOn, decision: command.decision },
        },
      ];
    case 'completeRankingCooperationActivity':
      plannedActivity(state, command.code);
      if (!state.adopted) throw rule('RANKING_COOPERATION_PLAN_NOT_ADOPTED', 'activities are carried out once the director has adopted the plan');
      return [
        {
          type: 'RankingCooperationActivityCompleted',
          data: { rankingCooperationPlanId: command.rankingCooperationPlanId, code: command.code, completedOn: command.completedOn, outcome: command.outcome },
        },
      ];
    case 'cancelRankingCooperationActivity':
      plannedActivity(state, command.code);
      return [
        {
          type: 'RankingCooperationActivityCancelled',
          data: { rankingCooperationPlanId: command.rankingCooperationPlanId, code: command.code, cancelledOn: command.cancelledOn, reason: command.reason },
        },
      ];
    case 'markRankingCooperationActivityOverdue': {
      const activity = plannedActivity(state, command.code);
      if (activity.overdue) throw rule('RANKING_ACTIVITY_ALREADY_OVERDUE', `activity ${command.code} is already marked overdue`);
      if (command.overdueOn <= activity.dueOn)
        throw rule('RANKING_ACTIVITY_NOT_DUE', `overdueOn: activity ${command.code} is due on ${activity.dueOn}; it is overdue only after that day`);
      return [
        {
          type: 'RankingCooperationActivityOverdue',
          data: { rankingCooperationPlanId: command.rankingCooperationPlanId, code: command.code, overdueOn: command.overdueOn },
        },
      ];
    }
  }
}

export const rankingCooperationDecider: Decider<RankingCooperationCommand, RankingCooperationEvent, RankingCooperationState> = {
  initialState: { exists: false },
  evolve,
  decide,
};

const activityKey = (planId: string, code: string) => `ranking-cooperation:${planId}:activity:${code}`;
const activityEvents = ['RankingCooperationActivityAdded', 'RankingCooperationActivityCompleted', 'RankingCooperationActivityCancelled'] as const;

/** An activity's due date is on the deadlines list from when it is added until it is done or cancelled. */
export const rankingCooperationDueDates: DueDateSource = {
  module: 'rankings',
  eventTypes: activityEvents,
  kindLabels: {
    ranking_cooperation_activity: {
      ky: 'Рейтинг уюму менен кызматташуу иш-чарасы',
      ru: 'Мероприятие сотрудничества с рейтинговой организацией',
      en: 'Cooperation activity with a ranking organisation',
    },
  },
  changes(event) {
    const planId = String(event.data.rankingCooperationPlanId);
    const key = activityKey(planId, String(event.data.code));
    switch (event.type) {
      case 'RankingCooperationActivityAdded': {
        const d = rankingCooperationEventSchemas.RankingCooperationActivityAdded.parse(event.data);
        return [
          {
            action: 'due',
            key,
            kind: 'ranking_cooperation_activity',
            title: d.activity,
            dueOn: d.dueOn,
            entityType: 'RankingCooperationPlan',
            entityId: planId,
            assignee: d.responsible,
            ...(d.responsibleUnit ? { unit: d.responsibleUnit } : {}),
          },
        ];
      }
      case 'RankingCooperationActivityCompleted':
        return [{ action: 'done', key, on: String(event.data.completedOn) }];
      default:
        return [{ action: 'dropped', key }];
    }
  },
};

/**
 * At the start of the day after an activity's due date (Kyrgyzstan time, UTC+6) a still planned
 * activity is marked overdue; doing or cancelling it first cancels the alarm.
 */
export const rankingCooperationOverdueRule: ClockRule = {
  name: 'ranking-cooperation-activity-overdue',
  eventTypes: activityEvents,
  changes(event) {
    const planId = String(event.data.rankingCooperationPlanId);
    const code = String(event.data.code);
    const key = `${activityKey(planId, code)}:overdue`;
    if (event.type !== 'RankingCooperationActivityAdded') return [{ action: 'cancel', key }];
    const overdueOn = dayAfter(String(event.data.dueOn));
    return [
      {
        action: 'at',
        key,
        at: `${overdueOn}T00:00:00+06:00`,
        followUp: { command: 'markRankingCooperationActivityOverdue', input: { rankingCooperationPlanId: planId, code, overdueOn } },
      },
    ];
  },
};
