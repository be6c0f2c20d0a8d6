// The quality development plan (DOMAIN.md 2.1 item 6): drawn up from the data the department
// collects, adopted by the director for a period; its actions are added (before or after
// adoption), completed with evidence or cancelled, and the plan's completion is watched.
import { z } from 'zod';
import type { DueDateSource } from '../automation/contracts.ts';
import type { CommandContext, Decider, Role } from './decider.ts';
import { DomainRuleError } from './errors.ts';
import { planCode, planYear, strategyDecisions, strategyStaff } from './strategic-plan.ts';
import { entityId, isoDate, text, type Labels } from './values.ts';

export const qualityPlanCategory = 'qualityPlan';

const statuses = ['draft', 'adopted'] as const;
const actionStatuses = ['open', 'completed', 'cancelled'] as const;
export const qualityPlanStatusLabels: Labels<(typeof statuses)[number]> = {
  draft: { ky: 'Долбоор', ru: 'Проект', en: 'Draft' },
  adopted: { ky: 'Кабыл алынган', ru: 'Утверждён', en: 'Adopted' },
};
export const qualityPlanActionStatusLabels: Labels<(typeof actionStatuses)[number]> = {
  open: { ky: 'Аткарылууда', ru: 'Выполняется', en: 'Open' },
  completed: { ky: 'Аткарылды', ru: 'Выполнено', en: 'Completed' },
  cancelled: { ky: 'Жокко чыгарылды', ru: 'Отменено', en: 'Cancelled' },
};
export const qualityPlanStatus = z
  .enum(statuses)
  .meta({ id: 'QualityPlanStatus', description: 'Whether the plan is a draft or adopted.', labels: qualityPlanStatusLabels });
export const qualityPlanActionStatus = z
  .enum(actionStatuses)
  .meta({ id: 'QualityPlanActionStatus', description: 'Where an action of the plan stands.', labels: qualityPlanActionStatusLabels });
export type QualityPlanActionStatus = z.infer<typeof qualityPlanActionStatus>;

const planRef = { qualityPlanId: entityId('quality development plan').describe('The plan acted on.') };
const actionCode = planCode.describe('Code of the action within the plan, e.g. 3.2.');

const draftFields = z.object({
  title: text(300).describe('Title of the plan.'),
  startYear: planYear.describe('First year of the plan.'),
  endYear: planYear.describe('Last year of the plan.'),
  basis: text(2000).describe('The data it is drawn up from: monitorings, surveys, SWOT analyses, indicators.'),
});

export const qualityPlanCommands = {
  draftQualityPlan: draftFields.refine((c) => c.endYear >= c.startYear, { path: ['endYear'], message: 'must not be before startYear' }),
  addQualityPlanAction: z.object({
    ...planRef,
    code: actionCode,
    action: text(2000).describe('What will be done.'),
    responsibleUnit: text(200).describe('The unit responsible.'),
    dueOn: isoDate.describe('Date by which it is to be done.'),
  }),
  adoptQualityPlan: z.object({ ...planRef, adoptedOn: isoDate.describe('Date of adoption.'), decision: text(200).describe('The decision adopting it.') }),
  completeQualityPlanAction: z.object({
    ...planRef,
    code: actionCode,
    completedOn: isoDate.describe('Date it was done.'),
    evidence: text(2000).describe('Evidence of completion.'),
  }),
  cancelQualityPlanAction: z.object({
    ...planRef,
    code: actionCode,
    reason: text(2000).describe('Why it is cancelled.'),
    cancelledOn: isoDate.describe('Date of cancellation.'),
  }),
} as const;

export type QualityPlanCommandName = keyof typeof qualityPlanCommands;
export type QualityPlanCommand = {
  [Name in QualityPlanCommandName]: { type: Name; qualityPlanId: string } & z.infer<(typeof qualityPlanCommands)[Name]>;
}[QualityPlanCommandName];

export const qualityPlanEventSchemas = {
  QualityPlanDrafted: draftFields.extend({ qualityPlanId: z.string() }),
  QualityPlanActionAdded: z.object({ qualityPlanId: z.string(), code: z.string(), action: z.string(), responsibleUnit: z.string(), dueOn: isoDate }),
  QualityPlanAdopted: z.object({ qualityPlanId: z.string(), adoptedOn: isoDate, decision: z.string() }),
  QualityPlanActionCompleted: z.object({ qualityPlanId: z.string(), code: z.string(), completedOn: isoDate, evidence: z.string() }),
  QualityPlanActionCancelled: z.object({ qualityPlanId: z.string(), code: z.string(), reason: z.string(), cancelledOn: isoDate }),
} as const;
export type QualityPlanEventType = keyof typeof qualityPlanEventSchemas;
export type QualityPlanEvent = {
  [Type in QualityPlanEventType]: { type: Type; data: z.infer<(typeof qualityPlanEventSchemas)[Type]> };
}[QualityPlanEventType];
export const qualityPlanEventTypes = Object.keys(qualityPlanEventSchemas) as QualityPlanEventType[];

export type QualityPlanState = { exists: false } | { exists: true; adopted: boolean; actions: Record<string, QualityPlanActionStatus> };

function evolve(state: QualityPlanState, event: QualityPlanEvent): QualityPlanState {
  if (event.type === 'QualityPlanDrafted') return { exists: true, adopted: false, actions: {} };
  if (!state.exists) return state;
  switch (event.type) {
    case 'QualityPlanActionAdded':
      return { ...state, actions: { ...state.actions, [event.data.code]: 'open' } };
    case 'QualityPlanAdopted':
      return { ...state, adopted: true };
    case 'QualityPlanActionCompleted':
      return { ...state, actions: { ...state.actions, [event.data.code]: 'completed' } };
    case 'QualityPlanActionCancelled':
      return { ...state, actions: { ...state.actions, [event.data.code]: 'cancelled' } };
  }
}

const rule = (code: string, message: string) => new DomainRuleError(code, message);

function openAction(state: Extract<QualityPlanState, { exists: true }>, code: string): void {
  const status = state.actions[code];
  if (status === undefined) throw rule('ACTION_NOT_IN_PLAN', `code: the plan has no action ${code}`);
  if (status !== 'open') throw rule('ACTION_NOT_OPEN', `action ${code} is ${status}`);
  if (!state.adopted) throw rule('PLAN_NOT_ADOPTED', 'actions are completed or cancelled once the plan is adopted');
}

function decide(command: QualityPlanCommand, state: QualityPlanState, _context: CommandContext): QualityPlanEvent[] {
  if (command.type === 'draftQualityPlan') {
    if (state.exists) throw rule('QUALITY_PLAN_ALREADY_DRAFTED', 'this quality development plan already exists');
    const { type: _type, ...data } = command;
    return [{ type: 'QualityPlanDrafted', data }];
  }
  if (!state.exists) throw rule('QUALITY_PLAN_NOT_FOUND', 'no quality development plan with this id exists');
  switch (command.type) {
    case 'addQualityPlanAction': {
      if (command.code in state.actions) throw rule('ACTION_CODE_TAKEN', `code: the plan already has an action ${command.code}`);
      const { type: _type, ...data } = command;
      return [{ type: 'QualityPlanActionAdded', data }];
    }
    case 'adoptQualityPlan': {
      if (state.adopted) throw rule('QUALITY_PLAN_ALREADY_ADOPTED', 'the plan has already been adopted');
      if (Object.keys(state.actions).length === 0) throw rule('QUALITY_PLAN_WITHOUT_ACTIONS', 'a plan is adopted with at least one action');
      const { type: _type, ...data } = command;
      return [{ type: 'QualityPlanAdopted', data }];
    }
    case 'completeQualityPlanAction': {
      openAction(state, command.code);
      const { type: _type, ...data } = command;
      return [{ type: 'QualityPlanActionCompleted', data }];
    }
    case 'cancelQualityPlanAction': {
      openAction(state, command.code);
      const { type: _type, ...data } = command;
      return [{ type: 'QualityPlanActionCancelled', data }];
    }
  }
}

export const qualityPlanDecider: Decider<QualityPlanCommand, QualityPlanEvent, QualityPlanState> = { initialState: { exists: false }, evolve, decide };

export const qualityPlanPermissions: Record<QualityPlanCommandName, Role[]> = {
  draftQualityPlan: strategyStaff,
  addQualityPlanAction: strategyStaff,
  adoptQualityPlan: strategyDecisions,
  completeQualityPlanAction: strategyStaff,
  cancelQualityPlanAction: strategyDecisions,
};

const actionKey = (planId: string, code: string) => `qualityPlan:${planId}:action:${code}`;

/** An action's due date is on the deadlines list from when it is added until it is completed or cancelled. */
export const qualityPlanDueDates: DueDateSource = {
  module: 'quality-plans',
  eventTypes: ['QualityPlanActionAdded', 'QualityPlanActionCompleted', 'QualityPlanActionCancelled'],
  changes(event) {
    const planId = String(event.data.qualityPlanId);
    const key = actionKey(planId, String(event.data.code));
    switch (event.type) {
      case 'QualityPlanActionAdded': {
        const d = qualityPlanEventSchemas.QualityPlanActionAdded.parse(event.data);
        return [
          {
            action: 'due',
            key,
            kind: 'quality_plan_action',
            title: d.action,
            dueOn: d.dueOn,
            entityType: 'QualityPlan',
            entityId: planId,
            unit: d.responsibleUnit,
          },
        ];
      }
      case 'QualityPlanActionCompleted':
        return [{ action: 'done', key, on: String(event.data.completedOn) }];
      default:
        return [{ action: 'dropped', key }];
    }
  },
};
