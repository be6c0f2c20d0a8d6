// The university's strategic development plan (DOMAIN.md 2.1 item 2; research/domain.md §6): a
// period of years, its strategic directions, and the goals under each direction. Indicators hang
// under goals (src/domain/indicators.ts). The department drafts the plan and its tree; the director
// adopts it, after which its period is fixed, but directions and goals may still be added, as
// the Academic Council's amendments to the programme add them.
import { z } from 'zod';
import type { CommandContext, Decider, Role } from './decider.ts';
import { DomainRuleError } from './errors.ts';
import { entityId, isoDate, multilingualName, text, type Labels, type MultilingualName } from './values.ts';

export const strategicPlanCategory = 'strategicPlan';

const statuses = ['draft', 'adopted'] as const;
export const strategicPlanStatusLabels: Labels<(typeof statuses)[number]> = {
  draft: { ky: 'Долбоор', ru: 'Проект', en: 'Draft' },
  adopted: { ky: 'Кабыл алынган', ru: 'Утверждён', en: 'Adopted' },
};
export const strategicPlanStatus = z
  .enum(statuses)
  .meta({ id: 'StrategicPlanStatus', description: 'Whether the plan is still a draft or has been adopted.', labels: strategicPlanStatusLabels });
export type StrategicPlanStatus = z.infer<typeof strategicPlanStatus>;

export const planYear = z.int('must be a whole year').min(2000, 'must be 2000 or later').max(2100, 'must be 2100 or earlier');

/** Codes of directions and goals as the programme numbers them: "2", "2.1", "SD2-G1". */
export const planCode = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9]+(?:[.-][A-Za-z0-9]+)*$/, 'must be a code of letters and digits separated by dots or hyphens, e.g. 2.1 or SD2-G1')
  .max(30, 'must be at most 30 characters');

const planRef = { planId: entityId('strategic plan').describe('The strategic plan acted on.') };

export const strategicPlanCommands = {
  draftStrategicPlan: z
    .object({
      title: multilingualName.describe('Title of the plan in Kyrgyz, Russian and English.'),
      startYear: planYear.describe('First year of the plan period.'),
      endYear: planYear.describe('Last year of the plan period.'),
    })
    .refine((c) => c.endYear >= c.startYear, { path: ['endYear'], message: 'must not be before startYear' }),
  addStrategicDirection: z.object({
    ...planRef,
    code: planCode.describe('Code of the direction within the plan, e.g. 2.'),
    name: multilingualName.describe('Name of the strategic direction.'),
  }),
  addStrategicGoal: z.object({
    ...planRef,
    directionCode: planCode.describe('Code of the direction the goal belongs to.'),
    code: planCode.describe('Code of the goal within the plan, e.g. 2.1.'),
    name: multilingualName.describe('Name of the goal.'),
  }),
  adoptStrategicPlan: z.object({
    ...planRef,
    adoptedOn: isoDate.describe('Date of the decision adopting the plan.'),
    decision: text(200).describe('The decision adopting it, e.g. the Academic Council protocol number.'),
  }),
} as const;

export type StrategicPlanCommandName = keyof typeof strategicPlanCommands;

export const strategicPlanEventSchemas = {
  StrategicPlanDrafted: z.object({ planId: z.string(), title: multilingualName, startYear: z.number(), endYear: z.number() }),
  StrategicDirectionAdded: z.object({ planId: z.string(), code: z.string(), name: multilingualName }),
  StrategicGoalAdded: z.object({ planId: z.string(), directionCode: z.string(), code: z.string(), name: multilingualName }),
  StrategicPlanAdopted: z.object({ planId: z.string(), adoptedOn: isoDate, decision: z.string() }),
} as const;

export type StrategicPlanEventType = keyof typeof strategicPlanEventSchemas;
export type StrategicPlanEvent = {
  [Type in StrategicPlanEventType]: { type: Type; data: z.infer<(typeof strategicPlanEventSchemas)[Type]> };
}[StrategicPlanEventType];
export const strategicPlanEventTypes = Object.keys(strategicPlanEventSchemas) as StrategicPlanEventType[];

export type StrategicPlanCommand = {
  [Name in StrategicPlanCommandName]: { type: Name; planId: string } & z.infer<(typeof strategicPlanCommands)[Name]>;
}[StrategicPlanCommandName];

export type StrategicPlanState =
  | { exists: false }
  | {
      exists: true;
      status: StrategicPlanStatus;
      startYear: number;
      endYear: number;
      /** Direction codes. */
      directions: string[];
      /** Goal code → its direction's code. */
      goals: Record<string, string>;
      title: MultilingualName;
    };

function evolve(state: StrategicPlanState, event: StrategicPlanEvent): StrategicPlanState {
  if (event.type === 'StrategicPlanDrafted') {
    const { title, startYear, endYear } = event.data;
    return { exists: true, status: 'draft', startYear, endYear, directions: [], goals: {}, title };
  }
  if (!state.exists) return state;
  switch (event.type) {
    case 'StrategicDirectionAdded':
      return { ...state, directions: [...state.directions, event.data.code] };
    case 'StrategicGoalAdded':
      return { ...state, goals: { ...state.goals, [event.data.code]: event.data.directionCode } };
    case 'StrategicPlanAdopted':
      return { ...state, status: 'adopted' };
  }
}

const rule = (code: string, message: string) => new DomainRuleError(code, message);

/** A code names one node of the tree: a direction and a goal may not share it either. */
function requireFreeCode(state: Extract<StrategicPlanState, { exists: true }>, code: string): void {
  if (state.directions.includes(code) || code in state.goals) throw rule('PLAN_CODE_TAKEN', `code: the plan already has a direction or goal ${code}`);
}

function decide(command: StrategicPlanCommand, state: StrategicPlanState, _context: CommandContext): StrategicPlanEvent[] {
  if (command.type === 'draftStrategicPlan') {
    if (state.exists) throw rule('PLAN_ALREADY_DRAFTED', 'this strategic plan already exists');
    const { type: _type, ...data } = command;
    return [{ type: 'StrategicPlanDrafted', data }];
  }
  if (!state.exists) throw rule('PLAN_NOT_FOUND', 'no strategic plan with this id exists');
  switch (command.type) {
    case 'addStrategicDirection': {
      requireFreeCode(state, command.code);
      const { type: _type, ...data } = command;
      return [{ type: 'StrategicDirectionAdded', data }];
    }
    case 'addStrategicGoal': {
      if (!state.directions.includes(command.directionCode)) {
        throw rule('DIRECTION_NOT_FOUND', `directionCode: the plan has no strategic direction ${command.directionCode}`);
      }
      requireFreeCode(state, command.code);
      const { type: _type, ...data } = command;
      return [{ type: 'StrategicGoalAdded', data }];
    }
    case 'adoptStrategicPlan': {
      if (state.status === 'adopted') throw rule('PLAN_ALREADY_ADOPTED', 'the plan has already been adopted');
      if (Object.keys(state.goals).length === 0) throw rule('PLAN_WITHOUT_GOALS', 'a plan is adopted with at least one direction and goal');
      const { type: _type, ...data } = command;
      return [{ type: 'StrategicPlanAdopted', data }];
    }
  }
}

export const strategicPlanDecider: Decider<StrategicPlanCommand, StrategicPlanEvent, StrategicPlanState> = { initialState: { exists: false }, evolve, decide };

/** The department's staff who keep the plan, its indicators and their measurements. */
export const strategyStaff: Role[] = [
  'director',
  'acting_director',
  'head_of_accreditation_sector',
  'senior_inspector',
  'specialist',
  'inspector',
  'head_of_rating_division',
  'rating_inspector',
  'methodist',
];
/** Decisions of the director (or acting director): adopting the plan, revising targets, cancelling actions. */
export const strategyDecisions: Role[] = ['director', 'acting_director'];

export const strategicPlanPermissions: Record<StrategicPlanCommandName, Role[]> = {
  draftStrategicPlan: strategyStaff,
  addStrategicDirection: strategyStaff,
  addStrategicGoal: strategyStaff,
  adoptStrategicPlan: strategyDecisions,
};
