// The modules of the hub, as the parts that build read models see them: every projection and every
// event's version history. The hub, replay and the tests that rebuild read models all read them
// here, so a new module is registered in one place (its permissions in src/auth/permissions.ts,
// its GraphQL in schema/index.ts).
import { accreditationsProjection } from '../projections/accreditations.ts';
import { agenciesProjection } from '../projections/agencies.ts';
import { evidenceProjection } from '../projections/evidence.ts';
import { licensesProjection } from '../projections/licenses.ts';
import { programmesProjection } from '../projections/programmes.ts';
import type { ProjectionDefinition } from '../projections/projection.ts';
import { ratingsProjection } from '../projections/ratings.ts';
import { licensingUpcasters } from './domain/licensing.ts';
import { upcasters, type Upcasters } from './eventstore/upcasting.ts';

export const allProjections: ProjectionDefinition[] = [
  licensesProjection as ProjectionDefinition,
  ratingsProjection as ProjectionDefinition,
  agenciesProjection as ProjectionDefinition,
  accreditationsProjection as ProjectionDefinition,
  evidenceProjection as ProjectionDefinition,
  programmesProjection as ProjectionDefinition,
];

/** Every module's event versions, in one registry. */
export const eventVersions: Upcasters = upcasters([...licensingUpcasters]);
