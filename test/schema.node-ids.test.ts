// Every node's global id resolves synchronously (schema/node-ids.ts): an async id made each object
// of a list a promise GraphQL had to wait for. The id itself is what the relay plugin encodes.
import { encodeGlobalID } from '@pothos/plugin-relay';
import { GraphQLObjectType, type GraphQLResolveInfo } from 'graphql';
import { describe, expect, it } from 'vitest';
import { schema } from '../schema/index.ts';

/** A parent whose `id`, at any depth (`row.id`, `row.row.id`), is the plain id, so any type's own id resolver finds one. */
const anyRow: object = new Proxy({}, { get: (_target, key) => (key === 'id' ? 'plain-7' : anyRow) });

const nodeTypes = Object.values(schema.getTypeMap()).filter(
  (type): type is GraphQLObjectType => type instanceof GraphQLObjectType && type.getInterfaces().some((i) => i.name === 'Node'),
);

describe('node ids', () => {
  it('covers the node types of the schema', () => {
    expect(nodeTypes.map((t) => t.name)).toContain('License');
    expect(nodeTypes.length).toBeGreaterThan(10);
  });

  it.each(nodeTypes.map((t) => [t.name, t] as const))('%s.id is a string at once, the relay encoding of its plain id', (name, type) => {
    const id = type.getFields().id!;
    const value = id.resolve!(anyRow, {}, { language: 'en' }, { fieldName: 'id', parentType: type } as unknown as GraphQLResolveInfo);
    expect(typeof value).toBe('string');
    expect(value).toBe(encodeGlobalID(name, 'plain-7'));
  });
});
