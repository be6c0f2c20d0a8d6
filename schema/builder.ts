// The one Pothos builder. It declares no types of its own (each module file does): only the
// context, the scalars, the auth scopes and the plugins, in the order that makes them nest right
// (relay outermost so auth sees decoded ids; errors before validation and dataloader).
import SchemaBuilder from '@pothos/core';
import { GraphQLError } from 'graphql';
import ComplexityPlugin from '@pothos/plugin-complexity';
import DataloaderPlugin from '@pothos/plugin-dataloader';
import ErrorsPlugin from '@pothos/plugin-errors';
import RelayPlugin from '@pothos/plugin-relay';
import ScopeAuthPlugin from '@pothos/plugin-scope-auth';
import SimpleObjectsPlugin from '@pothos/plugin-simple-objects';
import ValidationPlugin from '@pothos/plugin-validation';
import WithInputPlugin from '@pothos/plugin-with-input';
import type { Actor, Role } from '../src/domain/decider.ts';
import type { Language } from '../src/domain/values.ts';
import type { Hub } from '../src/hub.ts';
import { roleNames } from '../src/i18n/errors.ts';
import { localisedGraphQLError } from '../src/i18n/graphql-errors.ts';
import { DEFAULT_PAGE, MAX_PAGE } from './connection.ts';
import { syncNodeIds } from './node-ids.ts';

export type GraphQLContext = {
  /** The verified caller, or undefined for an anonymous request. */
  actor: Actor | undefined;
  /** Ties the events of this request together in history (from X-Correlation-Id, or new). */
  correlationId: string;
  /** Preferred language for labels, from Accept-Language. */
  language: Language;
  hub: Hub;
};

/** Contexts whose operation the server's limits (src/http/limits.ts) already counted and let run. */
export const costChecked = new WeakSet<object>();

export const builder = new SchemaBuilder<{
  Context: GraphQLContext;
  AuthScopes: { authenticated: boolean; anyRole: Role[] };
  Scalars: {
    Date: { Input: string; Output: string };
    DateTime: { Input: string; Output: string };
    JSON: { Input: unknown; Output: unknown };
  };
  DefaultFieldNullability: false;
  DefaultInputFieldRequiredness: true;
}>({
  // syncNodeIds last: it replaces the relay plugin's async id resolver at the innermost position (schema/node-ids.ts).
  plugins: [
    RelayPlugin,
    ScopeAuthPlugin,
    ErrorsPlugin,
    ComplexityPlugin,
    ValidationPlugin,
    DataloaderPlugin,
    WithInputPlugin,
    SimpleObjectsPlugin,
    syncNodeIds,
  ],
  defaultFieldNullability: false,
  defaultInputFieldRequiredness: true,
  relay: {
    clientMutationId: 'omit',
    cursorType: 'String',
    nodeTypeOptions: { description: 'An object with a global id, which `node(id:)` fetches again.' },
    idFieldOptions: { description: 'Global id of the object: opaque, stable, unique across all types.' },
    nodeQueryOptions: {
      description: 'Fetches any object by its global id.',
      args: { id: { description: 'A global id the hub returned (the `id` of any object).' } },
    },
    nodesQueryOptions: {
      description: 'Fetches several objects by their global ids, in the order given.',
      args: { ids: { description: 'Global ids the hub returned; each answer is in the same place as its id, null where nothing has it.' } },
    },
    // Connections: pages of a list in a stable order, by cursors (see schema/connection.ts).
    pageInfoTypeOptions: { description: 'Where a page stands in its list, and the cursors to go on from it.' },
    pageInfoFieldOptions: { description: 'Where this page stands in the list, and the cursors to go on from it.' },
    hasNextPageFieldOptions: {
      description: 'Whether items follow this page: more of them when paging forwards; when paging backwards, true when the page ends at a `before` cursor.',
    },
    hasPreviousPageFieldOptions: {
      description: 'Whether items precede this page: more of them when paging backwards; when paging forwards, true when the page starts at an `after` cursor.',
    },
    startCursorFieldOptions: { description: "Cursor of the page's first item; pass it as `before` for the previous page. Null for an empty page." },
    endCursorFieldOptions: { description: "Cursor of the page's last item; pass it as `after` for the next page. Null for an empty page." },
    edgesFieldOptions: { description: 'The items of the page, each with its cursor, in the order of the list.' },
    cursorFieldOptions: { description: 'Where this item stands in the list: pass it as `after` or `before` to page from here.' },
    nodeFieldOptions: { description: 'The item.' },
    firstArgOptions: {
      description: `How many items to return from the start (or after \`after\`), at most ${MAX_PAGE}; ${DEFAULT_PAGE} when no size is given. Not with last/before.`,
    },
    afterArgOptions: { description: 'A cursor from this list (an endCursor or an edge cursor): the page starts right after it.' },
    lastArgOptions: { description: `How many items to return from the end (or before \`before\`), at most ${MAX_PAGE}. Not with first/after.` },
    beforeArgOptions: { description: 'A cursor from this list (a startCursor or an edge cursor): the page ends right before it.' },
  },
  scopeAuth: {
    // Subscriptions are checked when they start, not only when each value resolves (Pothos #1496).
    authorizeOnSubscribe: true,
    unauthorizedError: (_parent, context, info) => {
      const field = `${info.parentType.name}.${info.fieldName}`;
      if (!context.actor) {
        return localisedGraphQLError(`${field} needs a signed-in caller: send an Authorization: Bearer <token> header`, 'UNAUTHENTICATED', context.language);
      }
      const english = `${field} is not open to the roles ${context.actor.roles.join(', ') || '(none)'}`;
      const localised = localisedGraphQLError(english, 'FORBIDDEN_FIELD', context.language, { field, held: roleNames(context.actor.roles, context.language) });
      return new GraphQLError(localised.message, { extensions: { ...localised.extensions, code: 'FORBIDDEN' } });
    },
    authScopes: (context) => ({
      authenticated: context.actor !== undefined,
      anyRole: (roles) => context.actor?.roles.some((r) => roles.includes(r)) ?? false,
    }),
  },
  errors: {
    defaultUnionOptions: {
      description: 'The field’s value, or one of the typed errors it can answer with (each implements Error).',
      name: ({ fieldName }) => `${fieldName[0]!.toUpperCase()}${fieldName.slice(1)}Result`,
    },
  },
  complexity: {
    defaultComplexity: 1,
    defaultListMultiplier: 10,
    // From the configuration (SAPAT_MAX_*). The server refuses costlier documents before they run
    // (src/http/limits.ts, HTTP 400); this check is the backstop for any other way of executing, so
    // it does not count again what the server has already counted for this execution.
    limit: (context) => {
      if (costChecked.has(context)) return {};
      const { complexity, depth, breadth } = context.hub.config.limits;
      return { complexity, depth, breadth };
    },
  },
});

/** The builder's type parameters, for helpers that take refs made by it. */
export type SchemaTypesOf<B> = B extends PothosSchemaTypes.SchemaBuilder<infer T> ? T : never;
export type Types = SchemaTypesOf<typeof builder>;
