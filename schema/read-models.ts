// The read models as an operator sees them: each projection version, whether it serves, builds or
// has stopped, where it stands in the log, and for a stopped one the event it could not fold and
// why. The error text can name tables and values, so only the department's heads and auditors read it.
import { readModelState, type ProjectionStatus, type StoppedAt } from '../projections/runner.ts';
import type { Role } from '../src/domain/decider.ts';
import type { Labels } from '../src/domain/values.ts';
import { z } from 'zod';
import { languageArg } from './language.ts';
import { builder } from './builder.ts';
import { enumFor } from './zod-types.ts';

const operatorRoles: Role[] = ['director', 'acting_director', 'auditor'];

const ReadModelStateEnum = enumFor(readModelState);
const stateLabels = z.globalRegistry.get(readModelState)?.labels as Labels<ProjectionStatus['state']>;

const StoppedAtRef = builder.objectRef<StoppedAt>('ReadModelStop').implement({
  description: 'The event a read model could not fold; it stands just before it until an operator repairs it (docs/operations.md).',
  fields: (t) => ({
    position: t.exposeString('position', { description: 'Position of the event in the global log.' }),
    eventId: t.exposeString('eventId', { description: 'Id of the event.' }),
    eventType: t.exposeString('eventType', { description: 'Type of the event, e.g. LicenseGranted.' }),
    stream: t.exposeString('stream', { description: 'Stream of the event, e.g. license-7f3c….' }),
    error: t.exposeString('error', { description: 'What the fold threw, shortened.' }),
    at: t.field({ type: 'DateTime', description: 'When the read model stopped.', resolve: (s) => s.at }),
  }),
});

const ReadModelRef = builder.objectRef<ProjectionStatus>('ReadModel').implement({
  description: 'One version of a read model (projection) in this hub.',
  fields: (t) => ({
    name: t.exposeString('name', { description: 'Name of the read model, e.g. licenses.' }),
    version: t.exposeInt('version', { description: 'Version of its projection; a new version rebuilds beside the serving one and takes over.' }),
    state: t.field({ type: ReadModelStateEnum, description: 'Serving, building or stopped.', resolve: (r) => r.state }),
    stateLabel: t.string({
      description: 'The state in Kyrgyz, Russian or English.',
      args: { language: languageArg(t.arg) },
      resolve: (r, args, context) => stateLabels[r.state][args.language ?? context.language],
    }),
    position: t.exposeString('position', { nullable: true, description: 'Position of the last event it includes; null before the first.' }),
    stoppedAt: t.field({
      type: StoppedAtRef,
      nullable: true,
      description: 'For a stopped read model, the event it could not fold.',
      resolve: (r) => r.stoppedAt,
    }),
  }),
});

builder.queryField('readModels', (t) =>
  t.field({
    type: [ReadModelRef],
    description: 'Every read model version of this hub with its state and checkpoint: for the director, the acting director and auditors.',
    authScopes: { anyRole: operatorRoles },
    resolve: (_root, _args, context) => context.hub.projections.status(),
  }),
);
