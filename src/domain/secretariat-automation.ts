// What the secretariat's modules tell the hub's automation: the due dates of data requests and UMO
// decisions, the clock that reminds units and records requests and decisions overdue, and the
// commands that clock sends (gathered here so the shared registration files take one line each).
import { dataRequestClock, dataRequestDueDates, dataRequestFollowUpCommands } from './data-requests.ts';
import { umoDecisionDueDates, umoDecisionOverdueRule } from './umo-sessions.ts';

export const secretariatDueDates = [dataRequestDueDates, umoDecisionDueDates];
export const secretariatClock = [dataRequestClock, umoDecisionOverdueRule];
export const secretariatFollowUpCommands: readonly string[] = [...dataRequestFollowUpCommands, 'markUmoDecisionOverdue'];
