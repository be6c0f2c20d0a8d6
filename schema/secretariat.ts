// The secretariat's everyday work in GraphQL: data requests to units, meetings, the UMO secretariat,
// analytical reports and publications, one file each.
import './data-requests.ts';
import './meetings.ts';
import './umo-sessions.ts';
import './analytical-reports.ts';
import './publications.ts';
