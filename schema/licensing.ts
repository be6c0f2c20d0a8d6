// Licensing in GraphQL: the licence registry (queries, node lookups, a change subscription) and one
// mutation per licensing command. Field shapes of the inputs come from src/domain/licensing.ts.
import { GraphQLError, type GraphQLResolveInfo } from 'graphql';
import { z } from 'zod';
import { createLicenseQueries, licenseOrder, licensesProjection, type LicenseColumn, type LicenseRow } from '../projections/licenses.ts';
import type { ProjectionDefinition } from '../projections/projection.ts';
import { foldRegistersAsOf } from '../projections/registry-as-of.ts';
import { foldAsOf } from '../projections/time-travel.ts';
import { gateOf } from '../src/commands/gate.ts';
import { entityIdFor } from '../src/commands/ids.ts';
import {
  conclusionOutcome,
  educationLevel,
  expertGroupKind,
  expertRole,
  formOfStudy,
  licenseCategory,
  licenseStatus,
  licensingCommands,
  licensingEffectiveDates,
  licensingDecider,
  type LicensingCommandName,
  type Programme,
  type RegistryFacts,
} from '../src/domain/licensing.ts';
import { isoDate, type Labels, type Language } from '../src/domain/values.ts';
import { encodePosition } from '../src/eventstore/position.ts';
import { builder, type GraphQLContext } from './builder.ts';
import { AsOfInput, parseAsOf, parseMoment } from './as-of.ts';
import { changesOf, entityOfCategory, endOfChange, type Change } from './changes.ts';
import { commandMutation, type CommandCall } from './command.ts';
import { connectionOf, encodeCursor, nodeFieldsOf, pageComplexity, pageRequest } from './connection.ts';
import { plainIdOf } from './ids.ts';
import { registerStreamKind } from './streams.ts';
import { languageArg } from './language.ts';
import { enumFor } from './zod-types.ts';

// The licence registry is the department's public record: any signed-in caller may read a licence and its history.
registerStreamKind({ typename: 'License', category: licenseCategory, personal: false, canRead: (context) => context.actor !== undefined });

const LicenseStatusEnum = enumFor(licenseStatus);
const EducationLevelEnum = enumFor(educationLevel);
const FormOfStudyEnum = enumFor(formOfStudy);
const LicenseOrderEnum = enumFor(licenseOrder);
const ExpertGroupKindEnum = enumFor(expertGroupKind);
const ExpertRoleEnum = enumFor(expertRole);
const ConclusionOutcomeEnum = enumFor(conclusionOutcome);

const labelsOf = (schema: z.ZodType) => z.globalRegistry.get(schema)?.labels as Labels<string>;

type Name = { ky: string; ru: string; en: string };
export const MultilingualNameRef = builder.objectRef<Name>('MultilingualName').implement({
  description: 'A name in Kyrgyz, Russian and English.',
  fields: (t) => ({
    ky: t.exposeString('ky', { description: 'In Kyrgyz.' }),
    ru: t.exposeString('ru', { description: 'In Russian.' }),
    en: t.exposeString('en', { description: 'In English.' }),
    text: t.string({
      description: 'In the language asked for, or the request’s Accept-Language (Kyrgyz by default).',
      args: { language: languageArg(t.arg) },
      resolve: (name, args, context) => name[args.language ?? context.language],
    }),
  }),
});

type Member = { name: string; role: 'chair' | 'member' | 'secretary'; affiliation?: string };
const ExpertMemberRef = builder.objectRef<Member>('ExpertMember').implement({
  description: 'A member of an expert or working group.',
  fields: (t) => ({
    name: t.exposeString('name', { description: 'Full name.' }),
    role: t.field({ type: ExpertRoleEnum, description: 'Role in the group.', resolve: (m) => m.role }),
    affiliation: t.string({ nullable: true, description: 'Organisation the expert represents.', resolve: (m) => m.affiliation ?? null }),
  }),
});

type Group = { kind: 'expert_group' | 'working_group'; formedOn: string; members: Member[] };
const ExpertGroupRef = builder.objectRef<Group>('ExpertGroup').implement({
  description: 'The expert or working group that examines a licence application.',
  fields: (t) => ({
    kind: t.field({ type: ExpertGroupKindEnum, description: 'Expert group or working group.', resolve: (g) => g.kind }),
    formedOn: t.field({ type: 'Date', description: 'Date of the order forming the group.', resolve: (g) => g.formedOn }),
    members: t.field({ type: [ExpertMemberRef], description: 'Members, the chair among them.', resolve: (g) => g.members }),
  }),
});

type Conclusion = { outcome: 'positive' | 'negative'; summary: string; concludedOn: string };
const ExpertConclusionRef = builder.objectRef<Conclusion>('ExpertConclusion').implement({
  description: "The expert group's conclusion on the application.",
  fields: (t) => ({
    outcome: t.field({ type: ConclusionOutcomeEnum, description: 'Positive or negative.', resolve: (c) => c.outcome }),
    summary: t.exposeString('summary', { description: 'What the experts concluded and why.' }),
    concludedOn: t.field({ type: 'Date', description: 'Date of the conclusion.', resolve: (c) => c.concludedOn }),
  }),
});

const label = (labels: Labels<string>, value: string) => (language: Language | null | undefined, context: GraphQLContext) =>
  labels[value]?.[language ?? context.language] ?? value;

// No `cacheResolved`: a page's rows hold only the columns its query asked for, so they must not
// stand in for whole rows in the loader (previousLicense, node).
export const License = builder.loadableNode('License', {
  description: 'A licence for one educational programme, from the application to expiry or revocation.',
  id: { resolve: (row) => row.id },
  load: async (ids: string[], context: GraphQLContext) => context.hub.licenses.byIds(ids).map((row) => row ?? null) as LicenseRow[],
  fields: (t) => ({
    licenseId: t.exposeString('id', { description: 'The plain id of the licence (the global `id` wraps it).' }),
    status: t.field({ type: LicenseStatusEnum, description: 'Where the licence stands.', resolve: (r) => r.status }),
    statusLabel: t.string({
      description: 'The status in Kyrgyz, Russian or English.',
      args: { language: languageArg(t.arg) },
      resolve: (r, args, context) => label(labelsOf(licenseStatus), r.status)(args.language, context),
    }),
    programmeCode: t.exposeString('programme_code', { description: 'Six-digit code of the direction or specialty.' }),
    programmeName: t.field({
      type: MultilingualNameRef,
      description: 'Name of the programme.',
      resolve: (r) => ({ ky: r.name_ky, ru: r.name_ru, en: r.name_en }),
    }),
    level: t.field({ type: EducationLevelEnum, description: 'Level of the programme.', resolve: (r) => r.level }),
    levelLabel: t.string({
      description: 'The level in Kyrgyz, Russian or English.',
      args: { language: languageArg(t.arg) },
      resolve: (r, args, context) => label(labelsOf(educationLevel), r.level)(args.language, context),
    }),
    formOfStudy: t.field({ type: FormOfStudyEnum, description: 'Form of study.', resolve: (r) => r.form_of_study }),
    faculty: t.exposeString('faculty', { description: 'Faculty, institute or college that runs the programme.' }),
    requestedCapacity: t.exposeInt('requested_capacity', { description: 'Number of students applied for.' }),
    capacity: t.exposeInt('capacity', { description: 'Licensed number of students (the requested one until granted).' }),
    address: t.exposeString('address', { nullable: true, description: 'Address where the programme is taught.' }),
    submittedOn: t.field({ type: 'Date', description: 'Date the application was submitted.', resolve: (r) => r.submitted_on }),
    expertGroup: t.field({
      type: ExpertGroupRef,
      nullable: true,
      description: 'The group examining the application, once formed.',
      resolve: (r) => (r.expert_group ? (JSON.parse(r.expert_group) as Group) : null),
    }),
    conclusion: t.field({
      type: ExpertConclusionRef,
      nullable: true,
      description: "The experts' conclusion, once recorded.",
      resolve: (r) => (r.conclusion ? (JSON.parse(r.conclusion) as Conclusion) : null),
    }),
    licenseNumber: t.exposeString('license_number', { nullable: true, description: 'Number of the licence document, once granted.' }),
    appendixNumber: t.exposeString('appendix_number', { nullable: true, description: 'Number of the appendix listing the programme.' }),
    grantedOn: t.field({ type: 'Date', nullable: true, description: 'Date the licence was granted.', resolve: (r) => r.granted_on }),
    validUntil: t.field({
      type: 'Date',
      nullable: true,
      description: 'Last day of validity; null for a licence without a time limit or not yet granted.',
      resolve: (r) => r.valid_until,
    }),
    withoutTimeLimit: t.boolean({
      description: 'True when the licence was granted without a time limit.',
      resolve: (r) => r.granted_on !== null && r.valid_until === null,
    }),
    suspendedOn: t.field({ type: 'Date', nullable: true, description: 'Date of the current suspension.', resolve: (r) => r.suspended_on }),
    suspensionReason: t.exposeString('suspension_reason', { nullable: true, description: 'Why the licence is suspended.' }),
    revokedOn: t.field({ type: 'Date', nullable: true, description: 'Date of revocation.', resolve: (r) => r.revoked_on }),
    revocationReason: t.exposeString('revocation_reason', { nullable: true, description: 'Why it was revoked.' }),
    revocationBasis: t.exposeString('revocation_basis', { nullable: true, description: 'Decision the revocation rests on.' }),
    expiredOn: t.field({ type: 'Date', nullable: true, description: 'Date its expiry was recorded.', resolve: (r) => r.expired_on }),
    amendmentCount: t.exposeInt('amendment_count', { description: 'How many times the licence was amended.' }),
    lastAmendedOn: t.field({ type: 'Date', nullable: true, description: 'Date of the latest amendment.', resolve: (r) => r.last_amended_on }),
    revision: t.exposeInt('revision', { description: 'Revision of the licence stream this state reflects; pass it as expectedRevision.' }),
    position: t.exposeString('position', { description: 'Position in the global log of the last event folded into this state.' }),
    updatedAt: t.field({ type: 'DateTime', description: 'When the last change was recorded.', resolve: (r) => r.updated_at }),
  }),
});

builder.objectField(License, 'previousLicense', (t) =>
  t.field({
    type: License,
    nullable: true,
    description: 'The expired or revoked licence of the same programme (code, level and form of study) this application renews, if there was one.',
    resolve: (r) => r.previous_license_id,
  }),
);

/**
 * The registry's columns each field of License reads, so that a page reads only the columns its
 * query asks for (issue 16: a page of 50 rows of all 31 columns cost more than the rest of the
 * request). A field missing here makes a page read every column; test/graphql.licensing.test.ts
 * checks that every field of License is listed and that a page answers every field as a single
 * licence does.
 */
export const licenseFieldColumns: Record<string, readonly LicenseColumn[]> = {
  id: ['id'],
  licenseId: ['id'],
  status: ['status'],
  statusLabel: ['status'],
  programmeCode: ['programme_code'],
  programmeName: ['name_ky', 'name_ru', 'name_en'],
  level: ['level'],
  levelLabel: ['level'],
  formOfStudy: ['form_of_study'],
  faculty: ['faculty'],
  requestedCapacity: ['requested_capacity'],
  capacity: ['capacity'],
  address: ['address'],
  submittedOn: ['submitted_on'],
  expertGroup: ['expert_group'],
  conclusion: ['conclusion'],
  licenseNumber: ['license_number'],
  appendixNumber: ['appendix_number'],
  grantedOn: ['granted_on'],
  validUntil: ['valid_until'],
  withoutTimeLimit: ['granted_on', 'valid_until'],
  suspendedOn: ['suspended_on'],
  suspensionReason: ['suspension_reason'],
  revokedOn: ['revoked_on'],
  revocationReason: ['revocation_reason'],
  revocationBasis: ['revocation_basis'],
  expiredOn: ['expired_on'],
  amendmentCount: ['amendment_count'],
  lastAmendedOn: ['last_amended_on'],
  revision: ['revision'],
  position: ['position'],
  updatedAt: ['updated_at'],
  previousLicense: ['previous_license_id'],
};

/** The columns the fields asked of a page's licences read; undefined (every column) if one is not listed. */
function columnsAsked(info: GraphQLResolveInfo): LicenseColumn[] | undefined {
  const columns = new Set<LicenseColumn>();
  for (const field of nodeFieldsOf(info)) {
    if (field === '__typename') continue;
    const read = licenseFieldColumns[field];
    if (!read) return undefined;
    for (const column of read) columns.add(column);
  }
  return [...columns];
}

const LicenseFilterInput = builder.inputType('LicenseFilter', {
  description: 'Narrows the licence registry; all given conditions must hold.',
  fields: (t) => ({
    statuses: t.field({ type: [LicenseStatusEnum], required: false, description: 'Any of these statuses.' }),
    levels: t.field({ type: [EducationLevelEnum], required: false, description: 'Any of these levels.' }),
    formsOfStudy: t.field({ type: [FormOfStudyEnum], required: false, description: 'Any of these forms of study.' }),
    faculty: t.string({
      required: false,
      description: 'This faculty, whatever the case of its letters (Cyrillic or Latin) and the spaces around or between its words.',
    }),
    programmeCode: t.string({ required: false, description: 'Exactly this programme code.' }),
    expiringBefore: t.field({
      type: 'Date',
      required: false,
      validate: isoDate,
      description: 'Licences in force (active or suspended) whose validity ends before this date.',
    }),
  }),
});

builder.queryFields((t) => ({
  licenses: t.connection(
    {
      type: License,
      description: 'The licence registry, in a stable order, a page at a time.',
      authScopes: { authenticated: true },
      complexity: pageComplexity,
      args: {
        filter: t.arg({ type: LicenseFilterInput, required: false, description: 'Conditions the licences must meet.' }),
        orderBy: t.arg({ type: LicenseOrderEnum, required: false, description: 'Order of the list; by application by default.' }),
        asOf: t.arg({ type: 'DateTime', required: false, description: 'Time travel: the registry as it stood at this moment.' }),
      },
      resolve: async (_root, args, context, info) => {
        const order = args.orderBy ?? 'applied';
        const request = pageRequest(args, order);
        const past = args.asOf
          ? await foldRegistersAsOf(context.hub.store, [licensesProjection as ProjectionDefinition], parseMoment('asOf', args.asOf))
          : undefined;
        try {
          const queries = past ? createLicenseQueries(past) : context.hub.licenses;
          const { rows, hasMore } = queries.page(args.filter ?? {}, order, request, columnsAsked(info));
          return connectionOf(rows, hasMore, request, (row) => encodeCursor(order, queries.sortKey(row, order)));
        } finally {
          past?.close();
        }
      },
    },
    { name: 'LicenseConnection', description: 'A page of the licence registry.' },
    { name: 'LicenseEdge', description: 'A licence in a page of the registry, with its cursor.' },
  ),
  license: t.field({
    type: License,
    nullable: true,
    description: 'One licence by its global id (or its plain licenseId), now or as it was at `asOf`; null if there is none (then).',
    authScopes: { authenticated: true },
    args: {
      id: t.arg.id({ required: true, description: 'Global id, or the plain licenseId.' }),
      asOf: t.arg({
        type: AsOfInput,
        required: false,
        description: 'Time travel: the licence as the hub knew it at a moment, as it stood on a date (by the dates its acts took effect), or at a revision.',
      }),
    },
    resolve: async (_root, args, context) => {
      const id = licenseIdOf(String(args.id));
      if (!args.asOf) return id;
      const scope = { stream: `${licenseCategory}-${id}`, effectiveDates: licensingEffectiveDates };
      const past = await foldAsOf(context.hub.store, licensesProjection, scope, parseAsOf(args.asOf));
      if (!past) return null;
      try {
        return createLicenseQueries(past).byIds([id])[0] ?? null;
      } finally {
        past.close();
      }
    },
  }),
}));

const licenseIdOf = (id: string): string => plainIdOf(id, 'License');

const LicenseChange = builder.objectRef<Change<LicenseRow>>('LicenseChange').implement({
  description: 'A licence changed: the event that changed it and the licence as it stood right after that event.',
  fields: (t) => ({
    // The row read as the change was applied, not through the request's dataloader: a subscription
    // keeps one context for its whole life, and its loader cache would repeat the first state.
    license: t.field({
      type: License,
      description: 'The licence as it stood right after this change: its `revision` is this change’s, even when later changes followed at once.',
      resolve: (c) => c.row,
    }),
    eventType: t.exposeString('eventType', { description: 'The event that changed it, e.g. LicenseGranted.' }),
    revision: t.int({ description: 'Revision of the licence stream after the change.', resolve: (c) => Number(c.revision) }),
    position: t.exposeString('position', { description: 'Position of the event in the global log.' }),
  }),
});

builder.subscriptionType({
  description:
    'Live changes, pushed over WebSocket (graphql-ws) or Server-Sent Events. `events` reads the log at the pace the client reads it. A change subscription whose client falls too far behind ends with a SUBSCRIBER_TOO_SLOW error naming the position from which `events(after:)` misses nothing.',
});
builder.subscriptionField('licenseChanged', (t) =>
  t.field({
    type: LicenseChange,
    description: 'Each change to a licence once the registry includes it; pass id to follow one licence.',
    authScopes: { authenticated: true },
    args: { id: t.arg.id({ required: false, description: 'Only this licence (global id or plain licenseId).' }) },
    subscribe: (_root, args, context) => {
      const only = args.id ? licenseIdOf(String(args.id)) : undefined;
      const { licenses } = context.hub;
      const selection = {
        key: 'license',
        projection: licensesProjection.name,
        entityOf: entityOfCategory(licenseCategory),
        read: (id: string) => licenses.byIds([id])[0],
      };
      return changesOf(context.hub, selection, (id) => only === undefined || id === only);
    },
    resolve: endOfChange,
  }),
);

type LicensePayloadShape = { id: string; revision: bigint; position: string; replayed: boolean };
const LicensePayload = builder.objectRef<LicensePayloadShape>('LicensePayload').implement({
  description: 'The licence after the command, with where the command landed in the log.',
  fields: (t) => ({
    license: t.field({ type: License, description: 'The licence as the registry shows it now, including this command.', resolve: (p) => p.id }),
    revision: t.int({ description: 'Revision of the licence stream after the command.', resolve: (p) => Number(p.revision) }),
    position: t.exposeString('position', { description: 'Position of the command’s last event in the global log.' }),
    replayed: t.exposeBoolean('replayed', { description: 'True when this commandId was handled before and its first answer is returned.' }),
  }),
});

const descriptions: Record<LicensingCommandName, string> = {
  applyForLicense:
    'Applies for a licence for an educational programme. Creates the licence application; refused while the programme (code, level and form of study) has a pending one, and linked to its expired or revoked licence.',
  formExpertGroup: 'Forms the expert or working group that examines a licence application (forming a new one replaces the old).',
  recordExpertConclusion: "Records the expert group's conclusion on the application.",
  grantLicense:
    'Records the licence granted after a positive expert conclusion: number (unique in the registry), appendix, date and validity: an end date, or indefinite: true.',
  amendLicense: 'Amends a granted licence: capacity, programme name or address.',
  suspendLicense: 'Suspends a licence in force.',
  resumeLicense: 'Resumes a suspended licence.',
  revokeLicense: 'Revokes a licence in force (active or suspended).',
  recordLicenseExpiry: 'Records that a licence with a time limit has expired.',
};

/** Commands whose rules span the registry: they read its facts and pass its gate one at a time. */
const spansRegistry = (name: LicensingCommandName): name is 'applyForLicense' | 'grantLicense' => name === 'applyForLicense' || name === 'grantLicense';

/** The registry's facts a command's rules need beyond its own stream, read once every event stored so far is in the registry. */
async function registryFacts(
  name: 'applyForLicense' | 'grantLicense',
  input: Record<string, unknown>,
  licenseId: string,
  hub: GraphQLContext['hub'],
): Promise<RegistryFacts> {
  const head = await hub.store.headPosition();
  if (head) await hub.projections.waitFor(head, hub.config.readYourWritesMs);
  return name === 'applyForLicense'
    ? hub.licenses.programmeFacts(input.programme as Programme, licenseId)
    : hub.licenses.numberFacts(String(input.licenseNumber), licenseId);
}

/** The registry fact a command's check reads, the same fields programmeFacts and numberFacts compare. */
function registryKey(name: 'applyForLicense' | 'grantLicense', input: Record<string, unknown>): string {
  if (name === 'grantLicense') return `licence-number:${String(input.licenseNumber)}`;
  const { code, level, formOfStudy } = input.programme as Programme;
  return `licence-programme:${JSON.stringify([code, level, formOfStudy])}`;
}

async function runLicensingCommand(name: LicensingCommandName, call: CommandCall<Record<string, unknown>>): Promise<LicensePayloadShape> {
  const creates = name === 'applyForLicense';
  const licenseId = creates ? entityIdFor(licenseCategory, call.commandId) : String(call.input.licenseId);
  const { context } = call;
  const execute = async () =>
    context.hub.execute({
      decider: licensingDecider,
      stream: `${licenseCategory}-${licenseId}`,
      // The registry's facts change (this very application is pending after it), so a retry is recognised by what the caller sent.
      input: call.input,
      command: {
        ...call.input,
        type: name,
        licenseId,
        ...(spansRegistry(name) ? { registry: await registryFacts(name, call.input, licenseId, context.hub) } : {}),
      } as never,
      target: { kind: creates ? 'new' : 'existing', entity: 'licence', id: licenseId },
      actor: call.actor,
      commandId: call.commandId,
      correlationId: context.correlationId,
      ...(call.expectedRevision !== undefined ? { expectedRevision: call.expectedRevision } : {}),
      now: new Date().toISOString(),
    });
  // The check and the append must not interleave with another such command's on the same fact
  // (src/commands/gate.ts): applications for one programme, grants of one licence number.
  const outcome = await (spansRegistry(name) ? gateOf(context.hub.store).run(registryKey(name, call.input), execute) : execute());
  const [row] = context.hub.licenses.byIds([licenseId]);
  if (!row) throw new GraphQLError('the licence registry has no row for a stored licence');
  return {
    id: licenseId,
    revision: outcome.revision ?? BigInt(row.revision),
    position: outcome.position ? encodePosition(outcome.position) : row.position,
    replayed: outcome.replayed,
  };
}

for (const name of Object.keys(licensingCommands) as LicensingCommandName[]) {
  commandMutation({
    name,
    description: descriptions[name],
    schema: licensingCommands[name],
    payload: LicensePayload,
    acceptsExpectedRevision: name !== 'applyForLicense',
    prepare: (raw) => (typeof raw.licenseId === 'string' ? { ...raw, licenseId: licenseIdOf(raw.licenseId) } : raw),
    run: (call) => runLicensingCommand(name, call as CommandCall<Record<string, unknown>>),
  });
}
