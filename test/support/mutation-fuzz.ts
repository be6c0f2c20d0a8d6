// The fuzzing of every mutation, shared out over the test files fuzz.mutations.<n>.test.ts so that
// vitest's two workers split it (one file would be the run's long tail).
// Every mutation in the schema, fed thousands of random and malformed inputs through Yoga (no port)
// as a signed-in director (who holds every other role too, so that validation is always reached). The mutations are found in the schema's Mutation type and their inputs
// are generated from the GraphQL input types, so a new module is fuzzed without touching this file.
// Three kinds of input: random JSON of any shape; "near-valid" input (a value of the right GraphQL
// type for every field, then one field broken: removed, nulled, of the wrong type, breaking a rule
// of the command, or an unknown field added), which gets past GraphQL's coercion to the zod rules
// and the deciders; and the same near-valid input written inline in the query text instead of in
// variables. Whatever arrives: no 5xx, a JSON answer, no stack trace or driver message, nothing
// stored unless the answer is the success payload, and every error names the field it is about.
import fc from 'fast-check';
import {
  isEnumType,
  isInputObjectType,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
  isUnionType,
  getNamedType,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLObjectType,
} from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { schema } from '../../schema/index.ts';
import { commandPermissions } from '../../src/auth/permissions.ts';
import { openHub, type Hub } from '../../src/hub.ts';
import { encodePosition } from '../../src/eventstore/position.ts';
import type { RecordedEvent } from '../../src/eventstore/types.ts';
import { createGraphQLHandler } from '../../src/server.ts';
import { director, TEST_SECRET, temporaryDirectory, testConfig, tokenFor } from './fixtures.ts';
import { graphqlClient } from './graphql.ts';
import { applicationInput, expertGroupInput } from './licensing.ts';
import { APPLY, CONCLUDE, FORM_GROUP, GRANT, SUSPEND } from './licensing-operations.ts';

const SEED = Number(process.env.SAPAT_FUZZ_SEED ?? 20260115);
/** Inputs over all mutations and kinds of input: shared out, so the file's time stays put as modules arrive. */
const INPUTS = Number(process.env.SAPAT_FUZZ_INPUTS ?? 7_000);
const URL = 'http://hub.test/graphql';

// ---------------------------------------------------------------------------------------------
// The mutations, as the schema declares them.

type Mutation = {
  field: GraphQLField<unknown, unknown>;
  args: readonly GraphQLArgument[];
  /** The selection set: the type, any typed error's message and issues, the success payload's fields. */
  selection: string;
  /** The member type that means "accepted". */
  payloadType: string | undefined;
};

const mutations: Mutation[] = Object.values(schema.getMutationType()?.getFields() ?? {}).map((field) => {
  const result = getNamedType(field.type);
  const members: readonly GraphQLObjectType[] = isUnionType(result) ? result.getTypes() : isObjectType(result) ? [result] : [];
  const isError = (t: GraphQLObjectType) => t.getInterfaces().some((i) => i.name === 'Error');
  const payload = members.find((t) => !isError(t));
  const fragments = [
    members.some(isError) ? '... on Error { message }' : '',
    members.some((t) => t.name === 'ValidationError') ? '... on ValidationError { issues { path message } }' : '',
    payload ? `... on ${payload.name} { ${leafSelection(payload, true)} }` : '',
  ];
  return { field, args: field.args, selection: `__typename ${fragments.join(' ')}`, payloadType: payload?.name };
});

/**
 * Runs per mutation and kind of input (random, near-valid in variables, near-valid inline): the
 * budget shared out, but never fewer than 20, so each mutation's rules are still reached. At 194
 * mutations the floor decides (11,640 inputs); SAPAT_FUZZ_RUNS=200 runs a deep pass by hand.
 */
const RUNS = Number(process.env.SAPAT_FUZZ_RUNS ?? Math.min(200, Math.max(20, Math.round(INPUTS / (3 * Math.max(mutations.length, 1))))));

/**
 * The payload's leaf fields, and of its object fields only what identifies them: few fields and no
 * aliases, so the documents stay inside the hub's depth, breadth and alias limits.
 */
function leafSelection(type: GraphQLObjectType, top: boolean): string {
  const parts: string[] = [];
  for (const f of Object.values(type.getFields())) {
    if (f.args.some((a) => isNonNullType(a.type) && a.defaultValue === undefined)) continue;
    const named = getNamedType(f.type);
    if (isLeafType(named) && (top || /^(?:id|\w*Id)$/.test(f.name))) parts.push(f.name);
    else if (isObjectType(named) && top) {
      const inner = leafSelection(named, false);
      if (inner) parts.push(`${f.name} { ${inner} }`);
    }
  }
  return parts.join(' ');
}

const variablesOperation = (m: Mutation) =>
  `mutation Fuzz(${m.args.map((a) => `$${a.name}: ${a.type.toString()}`).join(', ')}) { result: ${m.field.name}(${m.args.map((a) => `${a.name}: $${a.name}`).join(', ')}) { ${m.selection} } }`;
const inlineOperation = (m: Mutation, values: Record<string, unknown>) =>
  `mutation Fuzz { result: ${m.field.name}(${m.args.map((a) => `${a.name}: ${literal(values[a.name], a.type)}`).join(', ')}) { ${m.selection} } }`;

/** A JSON value written as a GraphQL literal; strings in enum positions as bare names when they can be. */
function literal(value: unknown, type: GraphQLInputType | undefined): string {
  const t = type && isNonNullType(type) ? type.ofType : type;
  if (value === undefined || value === null) return 'null';
  if (typeof value === 'string') return t && isEnumType(t) && /^[_A-Za-z][_0-9A-Za-z]*$/.test(value) ? value : JSON.stringify(value);
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : 'null';
  if (typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return `[${value.map((v) => literal(v, t && isListType(t) ? t.ofType : undefined)).join(', ')}]`;
  const fields = t && isInputObjectType(t) ? t.getFields() : {};
  // A key that is no GraphQL name could only be a syntax error; the fuzzing of names is done in variables.
  return `{${Object.entries(value as Record<string, unknown>)
    .filter(([k, v]) => v !== undefined && /^[_A-Za-z][_0-9A-Za-z]*$/.test(k))
    .map(([k, v]) => `${k}: ${literal(v, fields[k]?.type)}`)
    .join(', ')}}`;
}

// ---------------------------------------------------------------------------------------------
// Values: valid for a GraphQL input type, and ways of breaking one.

/** Ids of entities that exist, so that commands on existing entities reach the deciders. */
const knownIds: string[] = [];
const randomUuid = fc.uuid();
const idValue = fc.oneof(
  { weight: 4, arbitrary: fc.nat().map((i) => knownIds[i % Math.max(knownIds.length, 1)] ?? crypto.randomUUID()) },
  { weight: 1, arbitrary: randomUuid },
);

let commandIds = 0;
/** A fresh commandId, or one used before (same command again, or another command under its key). */
const commandIdValue = fc.oneof(
  { weight: 5, arbitrary: fc.constant(null).map(() => `fuzz-${SEED}-${++commandIds}`) },
  { weight: 1, arbitrary: fc.integer({ min: 1, max: 40 }).map((i) => `fuzz-${SEED}-reused-${i}`) },
);

const dateValue = fc
  .date({ min: new Date('2020-01-01T00:00:00Z'), max: new Date('2035-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));
const plainText = fc.string({ unit: 'grapheme-ascii', minLength: 1, maxLength: 24 }).map((s) => `T${s}`);

function scalarValue(scalar: string, fieldName: string): fc.Arbitrary<unknown> {
  switch (scalar) {
    case 'Date':
      return dateValue;
    case 'DateTime':
      return fc.date({ noInvalidDate: true, min: new Date('2020-01-01'), max: new Date('2035-12-31') }).map((d) => d.toISOString());
    case 'Int':
      return fc.integer({ min: 1, max: 500 });
    case 'Float':
      return fc.double({ min: 0, max: 1000, noNaN: true });
    case 'Boolean':
      return fc.boolean();
    case 'ID':
      return idValue;
    default:
      // Fields called `code` are codes of digits in every module so far (programme codes).
      return /code$/i.test(fieldName) ? fc.stringMatching(/^\d{6}$/) : plainText;
  }
}

const unwrapNonNull = (t: GraphQLInputType): GraphQLInputType => (isNonNullType(t) ? t.ofType : t);

function validValue(type: GraphQLInputType, fieldName: string): fc.Arbitrary<unknown> {
  const t = unwrapNonNull(type);
  if (isListType(t)) return fc.array(validValue(t.ofType, fieldName), { minLength: 1, maxLength: 3 });
  if (isInputObjectType(t)) {
    const fields = Object.values(t.getFields());
    const shape: Record<string, fc.Arbitrary<unknown>> = {};
    for (const f of fields) {
      const value = f.name === 'commandId' ? commandIdValue : f.name === 'expectedRevision' ? fc.integer({ min: 0, max: 8 }) : validValue(f.type, f.name);
      // An expectedRevision is mostly left out: a guessed one is mostly stale and stops the command before its rules.
      const absent = isNonNullType(f.type) || f.name === 'commandId' ? 0 : f.name === 'expectedRevision' ? 4 : 1;
      shape[f.name] = absent === 0 ? value : fc.oneof({ weight: absent, arbitrary: fc.constant(undefined) }, { weight: 2, arbitrary: value });
    }
    return fc.record(shape).map((record) => Object.fromEntries(Object.entries(record).filter(([, v]) => v !== undefined)));
  }
  if (isEnumType(t)) return fc.constantFrom(...t.getValues().map((v) => v.name));
  return scalarValue(t.name, fieldName);
}

/** Longer than any text rule allows, yet (about 30 KB as JSON at most) inside the hub's request body limit. */
const hugeString = fc
  .constantFrom(['a', 1], [' ', 1], ['я', 2], ['😀', 4], ['\u0000', 6])
  .chain(([c, bytes]) => fc.integer({ min: 1_000, max: Math.floor(30_000 / bytes) }).map((n) => c.repeat(n)));
const oddText = fc.oneof(
  fc.constantFrom(
    '',
    ' ',
    '   ',
    '\t\n',
    '\u00a0',
    '\u200b',
    '\ud800',
    'x\udfff',
    'null',
    'undefined',
    "'; DROP TABLE events; --",
    '<script>alert(1)</script>',
    '${7*7}',
    '../../etc/passwd',
    '%s%n',
    'Ꙋ̸̛͓a\u0301',
  ),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  hugeString,
);
const impossibleDate = fc.oneof(
  fc.constantFrom(
    '2025-02-29',
    '2026-02-30',
    '2026-04-31',
    '2026-13-01',
    '2026-00-10',
    '2026-01-00',
    '0000-00-00',
    '2026-1-5',
    '20260105',
    '2026/01/05',
    '05.01.2026',
    '2026-01-05T00:00:00Z',
    ' 2026-01-05',
    '+002026-01-05',
    '-2026-01-05',
    '99999-01-01',
    'yesterday',
    '',
  ),
  fc.string({ maxLength: 12 }),
);
const oddInt = fc.oneof(fc.constantFrom(0, -1, -2147483648, 2147483647, 100_000, 100_001, 99_999_999), fc.integer());
const oddId = fc.oneof(
  fc.constantFrom(
    '',
    ' ',
    'not-an-id',
    '00000000-0000-0000-0000-000000000000',
    'ffffffff-ffff-ffff-ffff-ffffffffffff',
    Buffer.from('License:nope').toString('base64'),
    Buffer.from('Ghost:3f1e1f8e-3c1c-4e55-9b7a-4f7e0c1d2b3a').toString('base64'),
    'license-3f1e1f8e-3c1c-4e55-9b7a-4f7e0c1d2b3a',
  ),
  randomUuid,
  randomUuid.map((u) => u.toUpperCase()),
  randomUuid.map((u) => Buffer.from(`License:${u}`).toString('base64')),
  fc.string({ maxLength: 60 }),
);

/** A value of the field's own GraphQL type that breaks a rule only the command's validation knows. */
function ruleBreaking(type: GraphQLInputType, fieldName: string): fc.Arbitrary<unknown> {
  const t = unwrapNonNull(type);
  if (isListType(t))
    return fc.oneof(
      fc.constant([]),
      validValue(t.ofType, fieldName).map((item) => Array.from({ length: 51 }, () => item)),
    );
  if (isInputObjectType(t)) return validValue(t, fieldName);
  if (isEnumType(t)) return fc.constantFrom(...t.getValues().map((v) => v.name));
  if (fieldName === 'commandId')
    return fc.oneof(
      fc.constantFrom('', '   ', 'x'.repeat(101)),
      fc.integer({ min: 1, max: 40 }).map((i) => `fuzz-${SEED}-reused-${i}`),
    );
  if (fieldName === 'expectedRevision') return fc.oneof(fc.constantFrom(-1, -2147483648, 2147483647), fc.integer({ min: 0, max: 20 }));
  switch (t.name) {
    case 'Date':
      return impossibleDate;
    case 'Int':
      return oddInt;
    case 'Float':
      return fc.oneof(fc.constantFrom(-0, -1, 1e308, -1e308, 5e-324), fc.double({ noNaN: true, noDefaultInfinity: true }));
    case 'ID':
      return oddId;
    case 'Boolean':
      return fc.boolean();
    default:
      return oddText;
  }
}

/** A value of some other GraphQL type than the field's: GraphQL's coercion must refuse it. */
function wrongType(type: GraphQLInputType): fc.Arbitrary<unknown> {
  const t = unwrapNonNull(type);
  const anyJson = fc.jsonValue({ maxDepth: 3 });
  if (isListType(t)) return fc.oneof(fc.constant([null]), fc.constant([[]]), fc.dictionary(fc.string(), anyJson));
  if (isInputObjectType(t)) return fc.oneof(fc.string(), fc.integer(), fc.boolean(), fc.array(anyJson, { maxLength: 3 }));
  if (isEnumType(t)) {
    const names = t.getValues().map((v) => v.name);
    return fc.oneof(
      fc.constantFrom(...names.map((n) => n.toLowerCase()), ...names.map((n) => ` ${n}`), 'DOCTORATE', 'UNKNOWN', ''),
      fc.string({ maxLength: 20 }).filter((s) => !names.includes(s)),
      fc.integer(),
      fc.constant({}),
    );
  }
  switch (t.name) {
    case 'Int':
      return fc.oneof(
        fc.constantFrom(2147483648, -2147483649, 1e21, 1.5, -0.1, Number.MAX_SAFE_INTEGER, 1e308),
        fc.string({ maxLength: 8 }),
        fc.boolean(),
        fc.constant({}),
      );
    case 'Float':
      return fc.oneof(fc.string({ maxLength: 8 }), fc.boolean(), fc.constant([]));
    case 'Boolean':
      return fc.oneof(fc.constantFrom('true', 0, 1), fc.constant({}));
    case 'ID':
      return fc.oneof(fc.boolean(), fc.double({ noNaN: true }), fc.constant({}), fc.constant([]));
    default:
      return fc.oneof(
        fc.integer(),
        fc.double({ noNaN: true, noDefaultInfinity: true }),
        fc.boolean(),
        fc.constant({}),
        fc.array(fc.string(), { maxLength: 2 }),
      );
  }
}

type Segment = string | number;
type Target = { path: Segment[]; type: GraphQLInputType; name: string };

/** Every field and list item in a value, with its declared type. */
function targetsOf(value: unknown, type: GraphQLInputType, path: Segment[] = [], name = ''): Target[] {
  const t = unwrapNonNull(type);
  const here: Target[] = path.length > 0 ? [{ path, type, name }] : [];
  if (isListType(t) && Array.isArray(value)) return [...here, ...value.flatMap((item, i) => targetsOf(item, t.ofType, [...path, i], name))];
  if (isInputObjectType(t) && value !== null && typeof value === 'object') {
    const fields = t.getFields();
    return [...here, ...Object.keys(fields).flatMap((k) => targetsOf((value as Record<string, unknown>)[k], fields[k]!.type, [...path, k], k))];
  }
  return here;
}

type Breakage =
  | { kind: 'remove' }
  | { kind: 'null' }
  | { kind: 'rule'; value: unknown }
  | { kind: 'wrong-type'; value: unknown }
  | { kind: 'unknown-field'; key: string; value: unknown };

type NearValid = { input: Record<string, unknown>; target: Segment[]; named: string; breakage: Breakage['kind'] };

const unknownKey = fc
  .oneof(fc.constantFrom('__proto__', 'constructor', 'id', 'status', 'extra', 'licenceId'), fc.stringMatching(/^[a-z][A-Za-z0-9]{0,12}$/))
  .map((k) => `${k}Zz`);

function breakOne(value: Record<string, unknown>, type: GraphQLInputType): fc.Arbitrary<NearValid> {
  const targets = targetsOf(value, type);
  return fc.constantFrom(...targets).chain((target) =>
    fc
      .oneof(
        fc.constant<Breakage>({ kind: 'remove' }),
        fc.constant<Breakage>({ kind: 'null' }),
        { weight: 4, arbitrary: ruleBreaking(target.type, target.name).map((v): Breakage => ({ kind: 'rule', value: v })) },
        { weight: 2, arbitrary: wrongType(target.type).map((v): Breakage => ({ kind: 'wrong-type', value: v })) },
        fc.tuple(unknownKey, fc.jsonValue({ maxDepth: 1 })).map(([key, v]): Breakage => ({ kind: 'unknown-field', key, value: v })),
      )
      .map((breakage) => {
        const input = structuredClone(value);
        const parentPath = target.path.slice(0, -1);
        const last = target.path.at(-1)!;
        const parent = parentPath.reduce<any>((node, segment) => node[segment], input);
        let named = typeof last === 'number' ? String(parentPath.at(-1)) : last;
        if (breakage.kind === 'remove') {
          if (Array.isArray(parent)) parent.splice(last as number, 1);
          else delete parent[last];
        } else if (breakage.kind === 'null') parent[last] = null;
        else if (breakage.kind === 'unknown-field') {
          const isRecord = (v: unknown) => v !== null && typeof v === 'object' && !Array.isArray(v);
          const holder = isRecord(parent[last]) ? parent[last] : isRecord(parent) ? parent : input;
          holder[breakage.key] = breakage.value;
          named = breakage.key;
        } else parent[last] = breakage.value;
        return { input, target: target.path, named, breakage: breakage.kind };
      }),
  );
}

/** Random JSON where the input goes: any shape at all, with the input's own field names in it at times. */
const randomInput = (m: Mutation) => {
  const argType = m.args[0]!.type;
  const named = getNamedType(argType);
  const keys = isInputObjectType(named) ? Object.keys(named.getFields()) : ['input'];
  const leaf = fc.oneof(fc.jsonValue({ maxDepth: 2 }), oddText, impossibleDate, oddInt, oddId);
  return fc.oneof(
    fc.jsonValue({ maxDepth: 4 }),
    fc.dictionary(fc.constantFrom(...keys), leaf, { maxKeys: keys.length }),
    fc.dictionary(
      fc.oneof(fc.constantFrom(...keys), fc.string({ maxLength: 8 })),
      fc.oneof(leaf, fc.dictionary(fc.string({ maxLength: 6 }), leaf, { maxKeys: 3 })),
      { maxKeys: 8 },
    ),
  );
};

// ---------------------------------------------------------------------------------------------
// Sending and judging.

let hub: Hub;
let dir: ReturnType<typeof temporaryDirectory>;
let yoga: ReturnType<typeof createGraphQLHandler>;
let token: string;

type Exchange = {
  status: number;
  contentType: string;
  text: string;
  body: any;
  sent: string;
  headBefore: string | null;
  headAfter: string | null;
  stored: RecordedEvent[];
};

const head = async () => {
  const position = await hub.store.headPosition();
  return position ? encodePosition(position) : null;
};

async function exchange(init: RequestInit & { body?: string }, url = URL): Promise<Exchange> {
  const before = await hub.store.headPosition();
  const response = await yoga.fetch(url, {
    ...init,
    headers: {
      accept: 'application/graphql-response+json, application/json',
      authorization: `Bearer ${token}`,
      // What a browser client sends with every GraphQL request; harmless if no CSRF check is configured.
      'x-graphql-yoga-csrf': 'fuzz',
      ...(init.headers as Record<string, string> | undefined),
    },
  });
  const text = await response.text();
  let body: any;
  try {
    body = JSON.parse(text);
  } catch {
    body = undefined;
  }
  const stored: RecordedEvent[] = [];
  for await (const event of hub.store.readAll(before ? { after: before } : {})) stored.push(event);
  return {
    status: response.status,
    contentType: response.headers.get('content-type') ?? '',
    text,
    body,
    sent: init.body ?? `${init.method} ${url}`,
    headBefore: before ? encodePosition(before) : null,
    headAfter: await head(),
    stored,
  };
}

const post = (body: unknown) => exchange({ method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

/** Traces of internals that must never reach a client (unless the client itself sent that text). */
const leaks: [string, RegExp][] = [
  ['a stack frame', /\bat [^\s"]+ \(?(?:file:|node:|\/)[^\s"]*:\d+:\d+/],
  ['a source file path', /\/(?:src|projections|schema|node_modules)\/[\w./-]+\.(?:ts|js|mjs|cjs)\b/],
  ['node_modules', /node_modules/],
  ['a SQLite error', /SqliteError|SQLITE_[A-Z]+/],
  ['a JavaScript TypeError', /TypeError/],
  ['a ReferenceError', /ReferenceError/],
  ['a ZodError dump', /"code":\s*"invalid_(?:type|format)"/],
];

const describeExchange = (e: Exchange) => `sent ${e.sent.slice(0, 600)}\nanswered ${e.status} ${e.text.slice(0, 1200)}`;

/** What holds for any request at all. */
function judgeCommon(e: Exchange, options: { emptyRefusal?: boolean } = {}): void {
  const context = describeExchange(e);
  expect(e.status, context).toBeLessThan(500);
  if (options.emptyRefusal && e.status >= 400 && e.text === '') return;
  expect(e.contentType, context).toMatch(/json/);
  expect(e.body, `not JSON: ${context}`).toBeTypeOf('object');
  for (const [what, pattern] of leaks) {
    if (pattern.test(e.sent)) continue;
    expect(pattern.test(e.text), `${what} in the answer: ${context}`).toBe(false);
  }
  for (const error of e.body.errors ?? []) {
    expect(typeof error.message === 'string' && error.message.trim().length > 0, context).toBe(true);
    expect(error.extensions?.originalError?.stack, context).toBeUndefined();
  }
}

/** Does `path` lead through the input type to a field (or list item) of it? */
function namesInputField(type: GraphQLInputType, path: string[]): boolean {
  if (path.length === 0) return false;
  let t: GraphQLInputType = type;
  for (const segment of path) {
    t = unwrapNonNull(t);
    if (isListType(t) && /^\d+$/.test(segment)) t = t.ofType;
    else if (isInputObjectType(t) && t.getFields()[segment]) t = t.getFields()[segment]!.type;
    else return false;
  }
  return true;
}

type Judged = 'accepted' | 'replayed' | `typed-error:${string}` | 'graphql-error';

/** What holds for a mutation request; returns how it was answered. */
function judgeMutation(m: Mutation, e: Exchange, sentInput: unknown): Judged {
  judgeCommon(e);
  const context = describeExchange(e);
  const result = e.body.data?.result;
  const errors: { message: string; extensions?: { code?: string } }[] = e.body.errors ?? [];
  const accepted = result?.__typename !== undefined && result.__typename === m.payloadType;
  if (!accepted) {
    expect(e.headAfter, `something was stored for a refused command: ${context}`).toBe(e.headBefore);
    expect(e.stored, context).toEqual([]);
  }
  if (errors.length > 0) {
    expect(result ?? null, `an error beside a result: ${context}`).toBeNull();
    return 'graphql-error';
  }
  expect(result, `neither a result nor an error: ${context}`).toBeTypeOf('object');
  const typename: string = result.__typename;
  if (accepted) {
    const field = (name: string) => result[name];
    const replayed = field('replayed') === true;
    if (replayed) {
      expect(e.stored, `a replayed command stored events: ${context}`).toEqual([]);
      return 'replayed';
    }
    expect(e.stored.length, `accepted but nothing stored: ${context}`).toBeGreaterThan(0);
    const last = e.stored.at(-1)!;
    if (field('position') !== undefined) expect(field('position'), context).toBe(encodePosition(last.position));
    if (field('revision') !== undefined) expect(BigInt(field('revision')), context).toBe(last.revision);
    const commandId = (sentInput as { commandId?: unknown } | null)?.commandId;
    for (const event of e.stored) {
      if (typeof commandId === 'string') expect(event.metadata.commandId, context).toBe(commandId.trim());
      expect(event.metadata.actor.id, context).toBe(director.id);
    }
    for (const value of Object.values(result)) rememberIds(value);
    return 'accepted';
  }
  expect(typename, context).not.toBe('ReadModelLagError');
  expect(typeof result.message === 'string' && result.message.trim().length > 0, `a typed error without a message: ${context}`).toBe(true);
  if (typename === 'ValidationError') {
    const issues: { path: string[]; message: string }[] = result.issues ?? [];
    expect(issues.length, context).toBeGreaterThan(0);
    for (const issue of issues) {
      const named = m.args.some((a) => namesInputField(a.type, issue.path));
      expect(named, `issue path ${JSON.stringify(issue.path)} names no field of the input: ${context}`).toBe(true);
      expect(typeof issue.message === 'string' && issue.message.trim().length > 0, context).toBe(true);
    }
  }
  return `typed-error:${typename}`;
}

/** Ids a success payload returned: entities that now exist, for later commands to act on. */
function rememberIds(value: unknown): void {
  if (value === null || typeof value !== 'object') return;
  for (const [key, v] of Object.entries(value)) {
    if (typeof v === 'string' && /Id$/.test(key) && /^[0-9a-f-]{36}$/.test(v) && !knownIds.includes(v)) knownIds.push(v);
    else rememberIds(v);
  }
}

/** Refusals of the request as a whole (its size, its number of tokens): they name the limit, not a field. */
const wholeRequestLimits = new Set(['REQUEST_TOO_LARGE', 'TOKEN_LIMIT']);

/** A GraphQL error about bad input must say which argument or field it is about. */
function expectErrorsName(e: Exchange, names: string[]): void {
  const context = describeExchange(e);
  const errors = e.body.errors as { message: string; extensions?: { code?: string } }[];
  for (const { message, extensions } of errors) {
    if (wholeRequestLimits.has(extensions?.code ?? '')) {
      expect(message, context).toMatch(/SAPAT_[A-Z_]+/);
      continue;
    }
    expect(
      names.some((name) => message.includes(name)),
      `no error names any of ${JSON.stringify(names)}: ${context}`,
    ).toBe(true);
  }
}

// ---------------------------------------------------------------------------------------------

const tally = new Map<string, Map<string, number>>();
const count = (mutation: string, outcome: string) => {
  const row = tally.get(mutation) ?? new Map<string, number>();
  row.set(outcome, (row.get(outcome) ?? 0) + 1);
  tally.set(mutation, row);
};

const fcOptions = (offset: number) => ({ seed: SEED + offset, numRuns: RUNS, endOnFailure: false, verbose: 1 as const });

/**
 * Fuzzes the mutations whose index in the schema is `shard` modulo `shards`; the first shard also
 * checks inline literals across all mutations, the last one malformed requests.
 */
export function fuzzMutations(shard: number, shards: number): void {
  describe(`fuzzing every mutation with random and malformed input (seed ${SEED}, ${RUNS} runs per case, part ${shard + 1} of ${shards})`, () => {
    const mine = mutations.filter((_, index) => index % shards === shard);
    beforeAll(async () => {
      console.log(
        `fuzz seed ${SEED} (SAPAT_FUZZ_SEED=${SEED} reproduces it): ${mine.length} of ${mutations.length} mutations, ${RUNS} runs per mutation and kind of input`,
      );
      // Files in one worker share this module: each part starts from its own hub and tally.
      knownIds.length = 0;
      tally.clear();
      dir = temporaryDirectory();
      // Thousands of requests from one caller in seconds: a real client would be throttled, the fuzzer is not.
      hub = await openHub(testConfig(dir.path, { SAPAT_RATE_LIMIT_PER_MINUTE: '0' }));
      yoga = createGraphQLHandler(hub, { secret: TEST_SECRET });
      // The director, holding every role the permission matrix names as well, so that no mutation is
      // refused for its role before its input is validated.
      // Every role a token may carry (the system role is the hub's own and refused in tokens).
      const roles = [...new Set([...director.roles, ...Object.values(commandPermissions).flat()])].filter((role) => role !== 'system');
      token = await tokenFor({ ...director, roles, unit: 'faculty-economics' });
      // Licences at every stage, so that commands on existing licences reach the decider's rules.
      const gql = graphqlClient((url, init) => Promise.resolve(yoga.fetch(url, init)), URL);
      const send = async (operation: string, input: Record<string, unknown>) => {
        const res = await gql(operation, { input }, { token });
        const payload = Object.values(res.data ?? {})[0] as { __typename: string; license?: { licenseId: string } };
        expect(payload?.__typename, JSON.stringify(res)).toBe('LicensePayload');
        return payload.license!.licenseId;
      };
      for (let stage = 0; stage < 5; stage++) {
        const id = await send(APPLY, applicationInput({ programme: { ...applicationInput().programme, code: `58010${stage}` } }));
        knownIds.push(id);
        if (stage >= 1) await send(FORM_GROUP, expertGroupInput(id));
        if (stage >= 2) await send(CONCLUDE, { licenseId: id, outcome: 'POSITIVE', summary: 'Meets the requirements', concludedOn: '2026-02-20' });
        if (stage >= 3)
          await send(GRANT, {
            licenseId: id,
            licenseNumber: `LS${stage}`,
            appendixNumber: '1',
            grantedOn: '2026-03-01',
            ...(stage === 3 ? { validUntil: '2027-03-01' } : { indefinite: true }),
          });
        if (stage >= 4) await send(SUSPEND, { licenseId: id, reason: 'Inspection', suspendedOn: '2026-04-01' });
      }
    });

    afterAll(async () => {
      const lines = [...tally].map(([mutation, row]) => `  ${mutation}: ${[...row].map(([k, v]) => `${k} ${v}`).join(', ')}`);
      console.log(`fuzz outcomes (seed ${SEED}):\n${lines.join('\n')}`);
      await hub?.close();
      dir?.remove();
    });

    it('discovers the mutations from the schema', () => {
      expect(mutations.length).toBeGreaterThan(0);
      for (const m of mutations) {
        expect(m.args.length, m.field.name).toBeGreaterThan(0);
        expect(m.payloadType, m.field.name).toBeDefined();
      }
    });

    mine.forEach((m) => {
      const index = mutations.indexOf(m);
      const argName = m.args[0]!.name;
      const argType = m.args[0]!.type;

      it(`${m.field.name}: random JSON in place of the input`, async () => {
        await fc.assert(
          fc.asyncProperty(randomInput(m), async (input) => {
            const e = await post({ query: variablesOperation(m), variables: { [argName]: input } });
            const outcome = judgeMutation(m, e, input);
            count(m.field.name, `random:${outcome}`);
            if (outcome === 'graphql-error') expectErrorsName(e, [`$${argName}`]);
          }),
          fcOptions(index * 10 + 1),
        );
      });

      it(`${m.field.name}: valid input with one field broken, in variables`, async () => {
        await fc.assert(
          fc.asyncProperty(
            validValue(argType, argName).chain((v) => breakOne(v as Record<string, unknown>, argType)),
            async (near) => {
              const e = await post({ query: variablesOperation(m), variables: { [argName]: near.input } });
              const outcome = judgeMutation(m, e, near.input);
              count(m.field.name, `near-valid:${near.breakage}:${outcome}`);
              if (outcome === 'graphql-error') expectErrorsName(e, [near.named]);
            },
          ),
          fcOptions(index * 10 + 2),
        );
      });

      it(`${m.field.name}: valid input with one field broken, written inline in the query`, async () => {
        await fc.assert(
          fc.asyncProperty(
            validValue(argType, argName).chain((v) => breakOne(v as Record<string, unknown>, argType)),
            async (near) => {
              const e = await post({ query: inlineOperation(m, { [argName]: near.input }) });
              count(m.field.name, `inline:${near.breakage}:${judgeMutation(m, e, near.input)}`);
            },
          ),
          fcOptions(index * 10 + 3),
        );
      });
    });

    // GraphQL's own checks of literals written in the query say what is wrong with a value but not
    // where it is ("String cannot represent a non string value: 0"), unlike its checks of variables.
    // Only in the first part (not a skipped test in the others: a skip in this suite means a missing server).
    if (shard === 0)
      it('inline input: every GraphQL error names the field it is about, as with variables', async () => {
        const byName = new Map(mutations.map((m) => [m.field.name, m]));
        const broken = fc.constantFrom(...byName.keys()).chain((mutation) =>
          validValue(byName.get(mutation)!.args[0]!.type, byName.get(mutation)!.args[0]!.name)
            .chain((v) => breakOne(v as Record<string, unknown>, byName.get(mutation)!.args[0]!.type))
            .map((near) => ({ mutation, near })),
        );
        await fc.assert(
          fc.asyncProperty(broken, async ({ mutation, near }) => {
            const m = byName.get(mutation)!;
            const e = await post({ query: inlineOperation(m, { [m.args[0]!.name]: near.input }) });
            // A value no literal can spell (a lone surrogate) is a syntax error of the document, not of a field.
            const parseFailed = (e.body.errors ?? []).some((error: { extensions?: { code?: string } }) => error.extensions?.code === 'GRAPHQL_PARSE_FAILED');
            if (judgeMutation(m, e, near.input) === 'graphql-error' && !parseFailed) expectErrorsName(e, [near.named]);
          }),
          fcOptions(8_888),
        );
      });

    if (shard === shards - 1)
      it('malformed requests: bodies, parameters and methods a client should never send', async () => {
        const byName = new Map(mutations.map((m) => [m.field.name, m]));
        const payloads = new Set(mutations.map((m) => m.payloadType));
        const anyMutation = fc.constantFrom(...byName.keys()).map((name) => byName.get(name)!);
        const request = fc.oneof(
          fc.string({ maxLength: 200 }).map((body) => ({ method: 'POST', contentType: 'application/json', body })),
          fc.jsonValue({ maxDepth: 3 }).map((v) => ({ method: 'POST', contentType: 'application/json', body: JSON.stringify(v) })),
          fc
            .tuple(anyMutation, fc.jsonValue({ maxDepth: 2 }))
            .map(([m, variables]) => ({ method: 'POST', contentType: 'application/json', body: JSON.stringify({ query: variablesOperation(m), variables }) })),
          fc.tuple(anyMutation, fc.string({ maxLength: 30 })).map(([m, operationName]) => ({
            method: 'POST',
            contentType: 'application/json',
            body: JSON.stringify({ query: variablesOperation(m), operationName, variables: {} }),
          })),
          fc.tuple(anyMutation, fc.nat(), fc.string({ maxLength: 5 })).map(([m, cut, junk]) => {
            const query = variablesOperation(m);
            return {
              method: 'POST',
              contentType: 'application/json',
              body: JSON.stringify({ query: query.slice(0, cut % query.length) + junk, variables: {} }),
            };
          }),
          fc
            .tuple(anyMutation, fc.constantFrom('text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data', 'application/graphql', ''))
            .map(([m, contentType]) => ({ method: 'POST', contentType, body: JSON.stringify({ query: variablesOperation(m) }) })),
          anyMutation.map((m) => ({ method: 'GET', contentType: '', body: '', query: variablesOperation(m) })),
          fc.constantFrom('PUT', 'DELETE', 'PATCH').map((method) => ({ method, contentType: 'application/json', body: '{}' })),
          // Past the request body limit (SAPAT_MAX_BODY_BYTES, 100 KiB by default).
          fc.tuple(anyMutation, fc.integer({ min: 150_000, max: 400_000 })).map(([m, size]) => ({
            method: 'POST',
            contentType: 'application/json',
            body: JSON.stringify({ query: variablesOperation(m), variables: { input: { padding: 'x'.repeat(size) } } }),
          })),
        );
        await fc.assert(
          fc.asyncProperty(request, async (r) => {
            const url = 'query' in r ? `${URL}?query=${encodeURIComponent(r.query)}` : URL;
            const headers: Record<string, string> = r.contentType ? { 'content-type': r.contentType } : {};
            const e = await exchange(r.method === 'GET' ? { method: 'GET', headers } : { method: r.method, headers, body: r.body }, url);
            // Yoga refuses an unsupported method or media type (405, 415) with an empty body: no JSON to check.
            judgeCommon(e, { emptyRefusal: true });
            count('(malformed requests)', String(e.status));
            // A mutation that does run answers with a typed result; anything else must have stored nothing.
            const ran = Object.values(e.body?.data ?? {}).some((v) => payloads.has((v as { __typename?: string } | null)?.__typename));
            if (!ran) expect(e.headAfter, describeExchange(e)).toBe(e.headBefore);
          }),
          { ...fcOptions(9_999), numRuns: RUNS * 2 },
        );
      });
  });
}
