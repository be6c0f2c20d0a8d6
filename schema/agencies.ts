// Accreditation agencies in GraphQL: the register (`agencies`, `agency(id)`), their framework
// versions, and one mutation per agency command.
import type { AgencyRow, FrameworkRow } from '../projections/agencies.ts';
import { agencyCategory, agencyCommands, agencyDecider, agencyKind, agencyMembership, type AgencyCommandName } from '../src/domain/agencies.ts';
import { builder, type GraphQLContext } from './builder.ts';
import { labelField } from './accreditation-commands.ts';
import { entityPayload, runEntityCommand } from './entity-command.ts';
import { commandMutation, type CommandCall } from './command.ts';
import { plainIdOf } from './ids.ts';
import { registerStreamKind } from './streams.ts';
import { enumFor } from './zod-types.ts';

// Agencies are public facts of the sector's work: any signed-in caller reads them and their history.
registerStreamKind({ typename: 'Agency', category: agencyCategory, personal: false, canRead: (context) => context.actor !== undefined });

const AgencyKindEnum = enumFor(agencyKind);
const AgencyMembershipEnum = enumFor(agencyMembership);

type Criterion = FrameworkRow['criteria'][number];
export const FrameworkCriterionRef = builder.objectRef<Criterion>('FrameworkCriterion').implement({
  description: 'One criterion of an agency’s framework of standards.',
  fields: (t) => ({
    code: t.exposeString('code', { description: 'Code of the criterion within the framework, e.g. 1.2.' }),
    standard: t.exposeString('standard', { description: 'The standard it belongs to.' }),
    title: t.exposeString('title', { description: 'What the criterion requires.' }),
  }),
});

const FrameworkVersionRef = builder.objectRef<FrameworkRow>('FrameworkVersion').implement({
  description: 'One version of an agency’s framework of standards and criteria.',
  fields: (t) => ({
    framework: t.exposeString('framework', { description: 'Key of the framework within the agency, e.g. programme.' }),
    version: t.exposeInt('version', { description: 'Version number, from 1; cases keep the version they started with.' }),
    title: t.exposeString('title', { description: 'Title of the framework.' }),
    adoptedOn: t.field({ type: 'Date', description: 'Date the agency adopted this version.', resolve: (f) => f.adopted_on }),
    criteria: t.field({ type: [FrameworkCriterionRef], description: 'Its criteria, in the agency’s order.', resolve: (f) => f.criteria }),
  }),
});

export const Agency = builder.loadableNode('Agency', {
  description: 'An accreditation agency: national or international, in the national register for a period, with its frameworks.',
  id: { resolve: (row) => row.id },
  load: async (ids: string[], context: GraphQLContext) => context.hub.agencies.byIds(ids).map((row) => row ?? null) as AgencyRow[],
  fields: (t) => ({
    agencyId: t.exposeString('id', { description: 'The plain id of the agency (the global `id` wraps it).' }),
    name: t.exposeString('name', { description: 'Name of the agency.' }),
    kind: t.field({ type: AgencyKindEnum, description: 'National or international.', resolve: (a) => a.kind }),
    kindLabel: labelField(t, agencyKind, (a) => a.kind, 'National or international, in Kyrgyz, Russian or English.'),
    country: t.exposeString('country', { description: 'Country where it is based.' }),
    registeredFrom: t.field({ type: 'Date', description: 'First day in the national register.', resolve: (a) => a.registered_from }),
    registeredUntil: t.field({
      type: 'Date',
      nullable: true,
      description: 'Last day in the register; null when open-ended.',
      resolve: (a) => a.registered_until,
    }),
    memberships: t.field({ type: [AgencyMembershipEnum], description: 'Networks and registers it belongs to.', resolve: (a) => a.memberships }),
    website: t.exposeString('website', { nullable: true, description: 'Its website.' }),
    frameworks: t.field({
      type: [FrameworkVersionRef],
      description: 'Every version of every framework it published, the latest of each first.',
      resolve: (a, _args, context) => context.hub.agencies.frameworks(a.id),
    }),
    revision: t.exposeInt('revision', { description: 'Revision of the agency’s stream; pass it as expectedRevision.' }),
    updatedAt: t.field({ type: 'DateTime', description: 'When the last change was recorded.', resolve: (a) => a.updated_at }),
  }),
});

const agencyIdOf = (id: string): string => plainIdOf(id, 'Agency');

builder.queryFields((t) => ({
  agencies: t.field({
    type: [Agency],
    description: 'Every accreditation agency the sector works with, by name.',
    authScopes: { authenticated: true },
    resolve: (_root, _args, context) => context.hub.agencies.all(),
  }),
  agency: t.field({
    type: Agency,
    nullable: true,
    description: 'One agency by its global id or plain agencyId; null if there is none.',
    authScopes: { authenticated: true },
    args: { id: t.arg.id({ required: true, description: 'Global id, or the plain agencyId.' }) },
    resolve: (_root, args) => agencyIdOf(String(args.id)),
  }),
}));

const AgencyPayload = entityPayload('AgencyPayload', 'agency', Agency, 'agency');

const descriptions: Record<AgencyCommandName, string> = {
  registerAgency: 'Registers an accreditation agency: kind, country, period in the national register, memberships.',
  renewAgencyRegistration: 'Records that the agency’s registration was extended (and its memberships now).',
  publishAgencyFramework: 'Publishes a framework of standards and criteria; publishing the same key again makes its next version.',
};

for (const name of Object.keys(agencyCommands) as AgencyCommandName[]) {
  commandMutation({
    name,
    description: descriptions[name],
    schema: agencyCommands[name],
    payload: AgencyPayload,
    acceptsExpectedRevision: name !== 'registerAgency',
    prepare: (raw) => (typeof raw.agencyId === 'string' ? { ...raw, agencyId: agencyIdOf(raw.agencyId) } : raw),
    run: (call) =>
      runEntityCommand({
        call: call as CommandCall<Record<string, unknown>>,
        name,
        decider: agencyDecider,
        category: agencyCategory,
        entity: 'agency',
        idField: 'agencyId',
        creates: name === 'registerAgency',
        stamp: (id) => call.context.hub.agencies.byIds([id])[0],
      }),
  });
}
