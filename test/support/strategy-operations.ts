// The operations a strategy dashboard frontend sends, shared by the GraphQL and HTTP tests.
const ERRORS = `
  ... on Error { message }
  ... on ValidationError { issues { path message } }
  ... on DomainRuleError { code }
  ... on NotFoundError { entity id }
`;

const planMutation = (name: string) => `mutation($input: ${name[0]!.toUpperCase()}${name.slice(1)}Input!) { ${name}(input: $input) {
  __typename
  ... on StrategicPlanPayload { revision replayed strategicPlan { id planId status directions { code goals { code } } } }
  ${ERRORS}
} }`;
const indicatorMutation = (name: string) => `mutation($input: ${name[0]!.toUpperCase()}${name.slice(1)}Input!) { ${name}(input: $input) {
  __typename
  ... on IndicatorPayload { revision position replayed indicator { id indicatorId needsCorrectiveAction openCorrectiveActions measurements { period value status } } }
  ${ERRORS}
} }`;
const actionMutation = (name: string) => `mutation($input: ${name[0]!.toUpperCase()}${name.slice(1)}Input!) { ${name}(input: $input) {
  __typename
  ... on CorrectiveActionPayload { revision correctiveAction { id correctiveActionId status effective overdue } }
  ${ERRORS}
} }`;

export const DRAFT_PLAN = planMutation('draftStrategicPlan');
export const ADD_DIRECTION = planMutation('addStrategicDirection');
export const ADD_GOAL = planMutation('addStrategicGoal');
export const ADOPT_PLAN = planMutation('adoptStrategicPlan');
export const DEFINE_INDICATOR = indicatorMutation('defineIndicator');
export const REVISE_TARGET = indicatorMutation('reviseIndicatorTarget');
export const REPORT_MEASUREMENT = indicatorMutation('reportIndicatorMeasurement');
export const CORRECT_MEASUREMENT = indicatorMutation('correctIndicatorMeasurement');
export const VERIFY_MEASUREMENT = indicatorMutation('verifyIndicatorMeasurement');
export const REJECT_MEASUREMENT = indicatorMutation('rejectIndicatorMeasurement');
export const RECORD_DEVIATION = indicatorMutation('recordIndicatorDeviation');
export const PLAN_ACTION = actionMutation('planCorrectiveAction');
export const START_ACTION = actionMutation('startCorrectiveAction');
export const COMPLETE_ACTION = actionMutation('completeCorrectiveAction');
export const VERIFY_ACTION = actionMutation('verifyCorrectiveActionEffectiveness');
export const CANCEL_ACTION = actionMutation('cancelCorrectiveAction');
export const MARK_OVERDUE = actionMutation('markCorrectiveActionOverdue');

export const DASHBOARD = `query($year: Int, $filter: IndicatorFilter, $first: Int, $after: String) {
  indicators(year: $year, filter: $filter, first: $first, after: $after) {
    edges { cursor node { year latestValue period ratio status statusLabel(language: EN) needsCorrectiveAction openCorrectiveActions
      target { value min max } valuesByPeriod { period value } indicator { indicatorId code ownerUnit } } }
    pageInfo { hasNextPage endCursor }
  }
}`;

export const name = (en: string) => ({ ky: `${en} (ky)`, ru: `${en} (ru)`, en });

/** A passport input for defineIndicator: an increasing percentage under goal 1.1, with overrides. */
export const indicatorInput = (planId: string, overrides: Record<string, unknown> = {}) => ({
  planId,
  goalCode: '1.1',
  code: 'SD1-G1-KPI01',
  name: name('Share of staff with a degree'),
  definition: 'Share of full-time teaching staff with a scientific degree.',
  formula: 'with a degree / all × 100',
  unit: 'PERCENT',
  direction: 'INCREASE',
  baseline: { year: 2024, value: 30 },
  targets: [{ year: 2026, value: 36 }],
  finalTarget: { year: 2028, value: 40 },
  thresholds: { atRisk: 1, offTrack: 0.9 },
  weight: 1,
  ownerUnit: 'hr-office',
  dataSource: 'HR register',
  frequency: 'ANNUAL',
  ...overrides,
});
