// Global ids of nodes, resolved synchronously. The relay plugin resolves every node's `id` with an
// async function, so each object in a list became a promise and GraphQL waited for all of them
// (promiseForObject per row, a promise per id under the exchange's async context): a page of 50
// licences spent about a third of its CPU there (issue 16). The id is the same string: the type's
// own id resolver, encoded as the relay plugin encodes it.
import SchemaBuilder, { BasePlugin, completeValue, type PothosOutputFieldConfig, type SchemaTypes } from '@pothos/core';
import { encodeGlobalID } from '@pothos/plugin-relay';
import type { GraphQLFieldResolver } from 'graphql';

type IdResolver = GraphQLFieldResolver<unknown, object, object, unknown>;

export class SyncNodeIdsPlugin<Types extends SchemaTypes> extends BasePlugin<Types> {
  /**
   * Registered last, so this is the innermost wrapper: the resolver it replaces is the relay
   * plugin's async one, and every other plugin's wrapper stays around the synchronous one.
   */
  override wrapResolve(resolver: IdResolver, field: PothosOutputFieldConfig<Types>): IdResolver {
    if (field.kind !== 'Object' || field.name !== (this.builder.options.relay?.idFieldName ?? 'id')) return resolver;
    const type = this.buildCache.getTypeConfig(field.parentType);
    const id = (type.pothosOptions as { id?: { resolve?: unknown } }).id?.resolve;
    if (type.kind !== 'Object' || typeof id !== 'function') return resolver;
    const encode = this.builder.options.relay?.encodeGlobalID ?? encodeGlobalID;
    const resolveId = id as IdResolver;
    return (parent, args, context, info) => completeValue(resolveId(parent, args, context, info), (value) => encode(type.name, String(value), context));
  }
}

declare global {
  export namespace PothosSchemaTypes {
    export interface Plugins<Types extends SchemaTypes> {
      syncNodeIds: SyncNodeIdsPlugin<Types>;
    }
  }
}

export const syncNodeIds = 'syncNodeIds';
SchemaBuilder.registerPlugin(syncNodeIds, SyncNodeIdsPlugin);
