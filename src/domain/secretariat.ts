// Who may send the secretariat's commands, gathered from its modules so the hub's permission matrix
// (src/auth/permissions.ts) takes them in one spread: department staff keep the records, the director
// approves reports and publications, a unit head answers their own unit's data requests.
import { analyticalReportPermissions } from './analytical-reports.ts';
import { dataRequestPermissions, dataRequestScopes } from './data-requests.ts';
import { meetingPermissions } from './meetings.ts';
import { publicationPermissions } from './publications.ts';
import { umoSessionPermissions } from './umo-sessions.ts';

// Not named `…Permissions`: test/modules.names.test.ts reads those as each command's one owner.
export const secretariatCommandRoles = {
  ...dataRequestPermissions,
  ...meetingPermissions,
  ...umoSessionPermissions,
  ...analyticalReportPermissions,
  ...publicationPermissions,
};
export const secretariatScopes = { ...dataRequestScopes };
