// The modules of the hub, as the parts that build read models see them: every projection and every
// event's version history. The hub, replay and the tests that rebuild read models all read them
// here, so a new module is registered in one place (its permissions in src/auth/permissions.ts,
// its GraphQL in schema/index.ts).
import { deadlinesProjection } from '../projections/deadlines.ts';
import { licensesProjection } from '../projections/licenses.ts';
import type { ClockRule, DueDateSource, Reactor } from './automation/contracts.ts';
import { licenseExpiryRule } from './domain/licensing-clock.ts';
import { licensingDueDates } from './domain/licensing-deadlines.ts';
import { ratingDueDates } from './domain/rating-deadlines.ts';
import type { ProjectionDefinition } from '../projections/projection.ts';
import { ratingsProjection } from '../projections/ratings.ts';
import { webhooksProjection } from '../projections/webhooks.ts';
import { licensingUpcasters } from './domain/licensing.ts';
import { upcasters, type Upcasters } from './eventstore/upcasting.ts';

/** Where the cross-module deadlines read model takes its dates from (projections/deadlines.ts). */
export const dueDateSources: DueDateSource[] = [licensingDueDates, ratingDueDates];

export const allProjections: ProjectionDefinition[] = [
  licensesProjection as ProjectionDefinition,
  ratingsProjection as ProjectionDefinition,
  deadlinesProjection(dueDateSources) as ProjectionDefinition,
  webhooksProjection as ProjectionDefinition,
];

/** Every module's event versions, in one registry. */
export const eventVersions: Upcasters = upcasters([...licensingUpcasters]);

/** What each module's dates mean to the hub's clock (src/automation/scheduler.ts). */
export const clockRules: ClockRule[] = [licenseExpiryRule];

/** Follow-up commands modules send in answer to events (src/automation/reactors.ts). */
export const reactors: Reactor[] = [];
