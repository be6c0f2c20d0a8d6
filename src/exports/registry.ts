// Every export the hub offers, by the name in its URL. A module adds its registry with one file in
// registries/ and one line here.
import type { ExportDefinition } from './definition.ts';
import { accreditationsExport } from './registries/accreditations.ts';
import { agenciesExport } from './registries/agencies.ts';
import { correctiveActionsExport } from './registries/corrective-actions.ts';
import { deadlinesExport } from './registries/deadlines.ts';
import { documentsExport } from './registries/documents.ts';
import { educationStandardsExport } from './registries/education-standards.ts';
import { indicatorsExport } from './registries/indicators.ts';
import { licensesExport } from './registries/licenses.ts';
import { monitoringsExport } from './registries/monitorings.ts';
import { programmesExport } from './registries/programmes.ts';
import { proposalsExport } from './registries/proposals.ts';
import { qualityPlansExport } from './registries/quality-plans.ts';
import { ratingResultsExport } from './registries/rating-results.ts';
import { swotAnalysesExport } from './registries/swot-analyses.ts';
import { analyticalReportsExport } from './registries/analytical-reports.ts';
import { assessmentInstrumentsExport } from './registries/assessment-instruments.ts';
import { cooperationPlansExport } from './registries/cooperation-plans.ts';
import { dataRequestsExport } from './registries/data-requests.ts';
import { meetingsExport } from './registries/meetings.ts';
import { organisationTasksExport } from './registries/organisation-tasks.ts';
import { publicationsExport } from './registries/publications.ts';
import { rankingsExport } from './registries/rankings.ts';
import { ratingTableExport } from './registries/rating-table.ts';
import { staffingTableExport } from './registries/staffing-table.ts';
import { surveysExport } from './registries/surveys.ts';
import { umoSessionsExport } from './registries/umo-sessions.ts';

export const exportDefinitions: ExportDefinition[] = [
  licensesExport,
  programmesExport,
  accreditationsExport,
  agenciesExport,
  indicatorsExport,
  correctiveActionsExport,
  monitoringsExport,
  documentsExport,
  educationStandardsExport,
  qualityPlansExport,
  proposalsExport,
  swotAnalysesExport,
  deadlinesExport,
  ratingResultsExport,
  ratingTableExport,
  rankingsExport,
  cooperationPlansExport,
  dataRequestsExport,
  meetingsExport,
  umoSessionsExport,
  analyticalReportsExport,
  publicationsExport,
  surveysExport,
  assessmentInstrumentsExport,
  organisationTasksExport,
  staffingTableExport,
];

export const exportNamed = (name: string): ExportDefinition | undefined => exportDefinitions.find((d) => d.name === name);
