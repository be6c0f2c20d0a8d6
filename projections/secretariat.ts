// The secretariat's registers (data requests, meetings, UMO sessions, analytical reports,
// publications) gathered, so the hub opens them with one entry and src/modules.ts lists them in one.
import { createAnalyticalReportQueries, analyticalReportsProjection } from './analytical-reports.ts';
import { createDataRequestQueries, dataRequestsProjection } from './data-requests.ts';
import type { ReadModelDatabase } from './database.ts';
import { createMeetingQueries, meetingsProjection } from './meetings.ts';
import type { ProjectionDefinition } from './projection.ts';
import { createPublicationQueries, publicationsProjection } from './publications.ts';
import { createUmoSessionQueries, umoSessionsProjection } from './umo-sessions.ts';

export const secretariatProjections: ProjectionDefinition[] = [
  dataRequestsProjection,
  meetingsProjection,
  umoSessionsProjection,
  analyticalReportsProjection,
  publicationsProjection,
];

export const createSecretariatQueries = (db: ReadModelDatabase) => ({
  dataRequests: createDataRequestQueries(db),
  meetings: createMeetingQueries(db),
  umoSessions: createUmoSessionQueries(db),
  reports: createAnalyticalReportQueries(db),
  publications: createPublicationQueries(db),
});
export type SecretariatQueries = ReturnType<typeof createSecretariatQueries>;
