// What the hub's clock does for strategy indicators: once a period's reporting deadline has passed,
// it asks the indicator to record the period missed (recordIndicatorPeriodMissed), which records
// IndicatorPeriodMissed unless the value is verified by then. The status of the year then turns
// from "awaiting data" to "no data", the dashboard shows it, and subscribers and webhooks get it.
//
// Every period of the indicator's horizon (after the baseline year to its last target) gets a
// moment when the indicator is defined; the decider, which knows the measurements, decides. A
// period that had already ended when the indicator was defined is due its reporting days after the
// definition, so defining an indicator for a plan under way does not flag its past at once.
import type { ClockRule } from '../automation/contracts.ts';
import { endOfKyrgyzDay } from './kyrgyz-time.ts';
import { addDays, DEFAULT_REPORTING_DAYS, periodEnd, periodsOf } from './indicator-periods.ts';
import { indicatorEventSchemas } from './indicators.ts';
import { localDateOf } from './values.ts';

export const indicatorPeriodMissedRule: ClockRule = {
  name: 'indicator-period-missed',
  eventTypes: ['IndicatorDefined'],
  changes(event) {
    const p = indicatorEventSchemas.IndicatorDefined.parse(event.data);
    const definedOn = localDateOf(event.recordedAt);
    const last = Math.max(p.finalTarget?.year ?? 0, ...p.targets.map((t) => t.year));
    const days = p.reportingDays ?? DEFAULT_REPORTING_DAYS;
    const changes = [];
    for (let year = p.baseline.year + 1; year <= last; year++) {
      for (const period of periodsOf(p.frequency, year)) {
        const end = periodEnd(period);
        // ISO dates order as strings: the later of the period's end and the definition.
        const dueOn = addDays([end, definedOn].sort()[1]!, days);
        changes.push({
          action: 'at' as const,
          key: `indicator:${p.indicatorId}:period:${period}`,
          at: endOfKyrgyzDay(dueOn),
          followUp: { command: 'recordIndicatorPeriodMissed', input: { indicatorId: p.indicatorId, period } },
        });
      }
    }
    return changes;
  },
};
