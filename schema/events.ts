// The event log as auditors and integrations read it: one entity's history, the global log a page
// at a time, and a subscription that catches up from a cursor and then stays live. Every event
// carries its position as a cursor; an integration that lost its connection subscribes again with
// the last cursor it received and continues exactly after it: no gap, no duplicate.
import { decodeGlobalID, encodeGlobalID } from '@pothos/plugin-relay';
import { GraphQLError } from 'graphql';
import { z } from 'zod';
import type { Actor } from '../src/domain/decider.ts';
import { encodePosition, positionCursor } from '../src/eventstore/position.ts';
import type { EventFilter, Position, RecordedEvent } from '../src/eventstore/types.ts';
import { LOG_CURSOR_ARGUMENT, LOG_POSITION, type LogPosition, SHARED_BY, type SharedBy } from '../src/http/shared-subscriptions.ts';
import { builder, type GraphQLContext } from './builder.ts';
import { DEFAULT_PAGE, MAX_PAGE, pageComplexity } from './connection.ts';
import { logReaders, readableCategories, readsFullLog, registeredCategories, streamKindOfCategory, streamKindOfType, type StreamKind } from './streams.ts';

builder.scalarType('JSON', {
  description: 'Any JSON value: the data of an event exactly as its type defines it.',
  serialize: (value) => value,
  parseValue: (value) => value,
});

const ActorRef = builder.objectRef<Actor>('Actor').implement({
  description: 'Who sent the command that recorded an event, as their token named them.',
  fields: (t) => ({
    id: t.exposeString('id', { description: 'User id (the token subject).' }),
    name: t.exposeString('name', { description: 'Display name.' }),
    roles: t.exposeStringList('roles', { description: 'Roles held when acting.' }),
    unit: t.string({ nullable: true, description: 'Unit (faculty, college or chair) the user acted for, if any.', resolve: (a) => a.unit ?? null }),
  }),
});

const categoryOf = (stream: string): string => stream.slice(0, Math.max(stream.indexOf('-'), 0)) || stream;

export const EventRef = builder.objectRef<RecordedEvent>('Event').implement({
  description: 'An event in the log: one fact the hub recorded, with who caused it, when, why, and its link in the hash chain.',
  fields: (t) => ({
    eventId: t.exposeString('id', { description: 'Unique id of the event (derived from the command id).' }),
    type: t.exposeString('type', { description: 'What happened, e.g. LicenseGranted.' }),
    stream: t.exposeString('stream', { description: 'Stream of the entity it belongs to, `<category>-<entity id>`.' }),
    category: t.string({ description: 'Kind of entity, e.g. license.', resolve: (e) => categoryOf(e.stream) }),
    entityId: t.id({
      nullable: true,
      description: 'Global id of the entity, for node(id:) and history(id:); null for streams of no registered kind.',
      resolve: (e) => {
        const kind = streamKindOfCategory(categoryOf(e.stream));
        return kind ? encodeGlobalID(kind.typename, e.stream.slice(kind.category.length + 1)) : null;
      },
    }),
    data: t.field({ type: 'JSON', description: 'The event’s data, in the current version of its type (older versions are upcast).', resolve: (e) => e.data }),
    schemaVersion: t.int({ description: 'Version of the data’s shape.', resolve: (e) => e.metadata.schemaVersion }),
    revision: t.int({ description: 'Revision of the event within its stream, from 0.', resolve: (e) => Number(e.revision) }),
    position: t.string({
      description: 'Position in the global log: a cursor for events(after:) and its subscription.',
      resolve: (e) => encodePosition(e.position),
    }),
    actor: t.field({ type: ActorRef, description: 'Who caused it.', resolve: (e) => e.metadata.actor as Actor }),
    commandId: t.string({ description: 'The command that recorded it.', resolve: (e) => e.metadata.commandId }),
    correlationId: t.string({ description: 'Ties together everything done for one request or process.', resolve: (e) => e.metadata.correlationId }),
    causationId: t.string({ description: 'What caused it: the command, or the event that triggered the command.', resolve: (e) => e.metadata.causationId }),
    occurredAt: t.field({ type: 'DateTime', description: 'When the command was decided.', resolve: (e) => e.metadata.occurredAt }),
    recordedAt: t.field({ type: 'DateTime', description: 'When the store committed it.', resolve: (e) => e.recordedAt }),
    hash: t.string({ description: 'SHA-256 of the event’s canonical content and the previous hash.', resolve: (e) => e.metadata.hash ?? '' }),
    prevHash: t.string({ description: 'Hash of the previous event in the stream (zeros for the first).', resolve: (e) => e.metadata.prevHash ?? '' }),
  }),
});

const EventLogFilter = builder.inputType('EventLogFilter', {
  description: 'Narrows the global log; all given conditions must hold.',
  fields: (t) => ({
    categories: t.stringList({ required: false, description: 'Only these kinds of entity, e.g. ["license"].' }),
    eventTypes: t.stringList({ required: false, description: 'Only these event types, e.g. ["LicenseGranted"].' }),
    recordedFrom: t.field({ type: 'DateTime', required: false, description: 'Only events recorded at or after this moment.' }),
    recordedBefore: t.field({ type: 'DateTime', required: false, description: 'Only events recorded before this moment.' }),
  }),
});

type LogFilterInput = { categories?: string[] | null; eventTypes?: string[] | null; recordedFrom?: string | null; recordedBefore?: string | null };

const moment = z.iso
  .datetime({ offset: true, error: 'must be an ISO 8601 moment with a time zone, e.g. 2026-09-01T08:30:00Z' })
  .transform((s) => new Date(s).toISOString());

const badInput = (argument: string, message: string) => new GraphQLError(`${argument}: ${message}`, { extensions: { code: 'BAD_USER_INPUT', argument } });

function parseAfter(after: string | null | undefined): Position | undefined {
  if (after == null) return undefined;
  const parsed = positionCursor.safeParse(after);
  if (!parsed.success) throw badInput('after', parsed.error.issues[0]!.message);
  return parsed.data;
}

/** The store filter and the in-process time window a caller may use, or an error naming what is refused. */
function logFilter(context: GraphQLContext, input: LogFilterInput | null | undefined): { filter: EventFilter; window: (e: RecordedEvent) => boolean } {
  const requested = input?.categories ?? undefined;
  const categories = readableCategories(context, requested);
  if (categories?.length === 0) {
    throw badInput(
      'filter.categories',
      `${requested?.join(', ') || 'the log'} holds personal data that only ${['auditor', 'rector', 'director', 'acting_director'].join(', ')} may read`,
    );
  }
  const from = input?.recordedFrom == null ? undefined : moment.safeParse(input.recordedFrom);
  const before = input?.recordedBefore == null ? undefined : moment.safeParse(input.recordedBefore);
  if (from && !from.success) throw badInput('filter.recordedFrom', from.error.issues[0]!.message);
  if (before && !before.success) throw badInput('filter.recordedBefore', before.error.issues[0]!.message);
  const lower = from?.data;
  const upper = before?.data;
  return {
    filter: { ...(categories ? { categories } : {}), ...(input?.eventTypes?.length ? { eventTypes: input.eventTypes } : {}) },
    window: (e) => (lower === undefined || e.recordedAt >= lower) && (upper === undefined || e.recordedAt < upper),
  };
}

/** Events scanned per page at most, so a narrow time window over a long log answers promptly. */
const SCAN_LIMIT = 10_000;

const EventPage = builder.simpleObject('EventPage', {
  description: 'A page of the global log. Continue with events(after: endCursor) while hasNextPage.',
  fields: (t) => ({
    events: t.field({ type: [EventRef], description: 'The events, in log order.' }),
    endCursor: t.string({
      nullable: true,
      description: 'Position to continue after; it may be past the last event shown when the scan skipped events outside the filter.',
    }),
    hasNextPage: t.boolean({ description: 'Whether the log (as far as this caller may read it) may hold more events after endCursor.' }),
  }),
});

builder.queryFields((t) => ({
  events: t.field({
    type: EventPage,
    description: 'The global log after a position, in order, filtered: for auditors, and for integrations catching up (personal data excluded for them).',
    authScopes: { anyRole: logReaders },
    complexity: pageComplexity,
    args: {
      after: t.arg.string({ required: false, description: 'A position cursor; the page starts strictly after it. Omit to start at the beginning.' }),
      first: t.arg.int({ required: false, description: `How many events, at most ${MAX_PAGE} (default ${DEFAULT_PAGE}).` }),
      filter: t.arg({ type: EventLogFilter, required: false, description: 'Which events.' }),
    },
    resolve: async (_root, args, context) => {
      const first = args.first ?? DEFAULT_PAGE;
      if (first < 0 || first > MAX_PAGE) throw badInput('first', `must be between 0 and ${MAX_PAGE}`);
      const { filter, window } = logFilter(context, args.filter);
      const events: RecordedEvent[] = [];
      let last = parseAfter(args.after);
      let scanned = 0;
      let exhausted = true;
      for await (const event of context.hub.store.readAll({ ...(last ? { after: last } : {}), filter, limit: SCAN_LIMIT + 1 })) {
        if (events.length === first || scanned === SCAN_LIMIT) {
          exhausted = false;
          break;
        }
        scanned++;
        last = event.position;
        if (window(event)) events.push(event);
      }
      return { events, endCursor: last ? encodePosition(last) : null, hasNextPage: !exhausted };
    },
  }),
}));

builder.subscriptionField('events', (t) =>
  t.field({
    type: EventRef,
    description:
      'Every event after `after`, in log order: first the backlog, then live, without gap or duplicate. After a dropped connection, subscribe again with the position of the last event received.',
    authScopes: { anyRole: logReaders },
    // Fan-out (src/http/shared-subscriptions.ts). An Event's fields read the event alone; what a
    // reader may see is decided by the source's category filter, which depends on whether they read
    // the full log: readers with the same selection, filter and language share one execution per
    // event. The source reads the log in order from the cursor in `after` (positions: commit, then
    // prepare, as KurrentDB orders them; the embedded store's are equal), so an SSE stream may carry
    // another's once both stand at the same position, whatever cursor each started from.
    extensions: {
      [SHARED_BY]: ((context) => JSON.stringify([readsFullLog(context), context.language])) satisfies SharedBy,
      [LOG_POSITION]: ((event) => ((event as RecordedEvent).position.commit << 64n) + (event as RecordedEvent).position.prepare) satisfies LogPosition,
      [LOG_CURSOR_ARGUMENT]: 'after',
    },
    args: {
      after: t.arg.string({ required: false, description: 'Position of the last event already received; omit to start at the beginning of the log.' }),
      filter: t.arg({ type: EventLogFilter, required: false, description: 'Which events.' }),
    },
    subscribe: (_root, args, context) => {
      const after = parseAfter(args.after);
      const { filter, window } = logFilter(context, args.filter);
      const subscription = context.hub.store.subscribe({ ...(after ? { after } : {}), filter });
      const source = subscription[Symbol.asyncIterator]();
      const consumer: AsyncIterableIterator<RecordedEvent> = {
        async next() {
          for (;;) {
            const next = await source.next();
            if (next.done || window(next.value)) return next;
          }
        },
        return: async () => {
          await subscription.close();
          return { done: true, value: undefined };
        },
        [Symbol.asyncIterator]: () => consumer,
      };
      return consumer;
    },
    resolve: (event) => event,
  }),
);

const HistoryPage = builder.simpleObject('HistoryPage', {
  description: 'A page of one entity’s events, oldest first.',
  fields: (t) => ({
    events: t.field({ type: [EventRef], description: 'The events, by revision.' }),
    hasNextPage: t.boolean({ description: 'Whether later events follow.' }),
    endCursor: t.string({ nullable: true, description: 'Revision cursor to continue with history(after:).' }),
  }),
});

builder.queryFields((t) => ({
  history: t.field({
    type: HistoryPage,
    description: 'Every event of one entity (licence, campaign, ...), oldest first, with who did what, when and why. Visible to whoever may see the entity.',
    authScopes: { authenticated: true },
    complexity: pageComplexity,
    args: {
      id: t.arg.id({ required: true, description: 'Global id of the entity, or its plain id (e.g. a licenseId).' }),
      after: t.arg.string({ required: false, description: 'Revision cursor from a previous page.' }),
      first: t.arg.int({ required: false, description: `How many events, at most ${MAX_PAGE} (default ${DEFAULT_PAGE}).` }),
    },
    resolve: async (_root, args, context) => {
      const first = args.first ?? DEFAULT_PAGE;
      if (first < 0 || first > MAX_PAGE) throw badInput('first', `must be between 0 and ${MAX_PAGE}`);
      const entity = await entityOf(context, String(args.id));
      if (!entity) return { events: [], hasNextPage: false, endCursor: null };
      const { kind, id } = entity;
      if (!readsFullLog(context) && !kind.canRead(context, id)) return { events: [], hasNextPage: false, endCursor: null };
      const from = args.after == null ? 0n : revisionAfter(args.after);
      const events: RecordedEvent[] = [];
      for await (const event of context.hub.store.readStream(`${kind.category}-${id}`, { from, limit: first + 1 })) events.push(event);
      const page = events.slice(0, first);
      return { events: page, hasNextPage: events.length > first, endCursor: page.length ? `r${page.at(-1)!.revision}` : (args.after ?? null) };
    },
  }),
}));

const plainId = z.uuid();

/**
 * The kind and plain id of the entity `history(id:)` names: a global id says its kind; a plain id
 * (what license(id:) also takes) is looked for among the registered kinds' streams, where ids
 * made from a kind's name and a command id cannot collide. Undefined when no stream has it.
 */
async function entityOf(context: GraphQLContext, id: string): Promise<{ kind: StreamKind; id: string } | undefined> {
  if (plainId.safeParse(id).success) {
    for (const category of registeredCategories()) {
      for await (const _ of context.hub.store.readStream(`${category}-${id}`, { limit: 1 })) return { kind: streamKindOfCategory(category)!, id };
    }
    return undefined;
  }
  let decoded: { typename: string; id: string };
  try {
    decoded = decodeGlobalID(id);
  } catch {
    throw badInput('id', 'must be a global id or the plain id (a UUID) of an entity the hub returned');
  }
  const kind = streamKindOfType(decoded.typename);
  if (!kind) throw badInput('id', `${decoded.typename} has no history`);
  return { kind, id: decoded.id };
}

function revisionAfter(cursor: string): bigint {
  const match = /^r(\d{1,18})$/.exec(cursor);
  if (!match) throw badInput('after', 'must be a history cursor returned by the hub (r<revision>)');
  return BigInt(match[1]!) + 1n;
}
