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
];

export const exportNamed = (name: string): ExportDefinition | undefined => exportDefinitions.find((d) => d.name === name);
