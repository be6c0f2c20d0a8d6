// The modules of the hub, as the parts that build read models see them: every projection and every
// event's version history. The hub, replay and the tests that rebuild read models all read them
// here, so a new module is registered in one place (its permissions in src/auth/permissions.ts,
// its GraphQL in schema/index.ts).
import { documentsProjection } from '../projections/documents.ts';
import { educationStandardsProjection } from '../projections/education-standards.ts';
import { licensesProjection } from '../projections/licenses.ts';
import { qualityProjection } from '../projections/quality.ts';
import type { ProjectionDefinition } from '../projections/projection.ts';
import { ratingsProjection } from '../projections/ratings.ts';
import { correctiveActionsProjection } from '../projections/corrective-actions.ts';
import { indicatorsProjection } from '../projections/indicators.ts';
import { monitoringsProjection } from '../projections/monitorings.ts';
import { proposalsProjection } from '../projections/proposals.ts';
import { qualityPlansProjection } from '../projections/quality-plans.ts';
import { swotAnalysesProjection } from '../projections/swot-analyses.ts';
import { strategicPlansProjection } from '../projections/strategic-plans.ts';
import { licensingUpcasters } from './domain/licensing.ts';
import { ratingEntryUpcasters } from './domain/rating-entries.ts';
import { upcasters, type Upcasters } from './eventstore/upcasting.ts';

export const allProjections: ProjectionDefinition[] = [
  licensesProjection,
  ratingsProjection,
  documentsProjection,
  educationStandardsProjection,
  qualityProjection,
  strategicPlansProjection,
  indicatorsProjection,
  correctiveActionsProjection,
  monitoringsProjection,
  swotAnalysesProjection,
  proposalsProjection,
  qualityPlansProjection,
] as ProjectionDefinition[];

/** Every module's event versions, in one registry. */
export const eventVersions: Upcasters = upcasters([...licensingUpcasters, ...ratingEntryUpcasters]);
