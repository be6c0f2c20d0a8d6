// Every node's global id resolves synchronously (schema/node-ids.ts): an async id made each object
// of a list a promise GraphQL had to wait for. The id itself is what the relay plugin encodes.
import { encodeGlobalID } from '@pothos/plugin-relay';
import { GraphQLObjectType, type GraphQLResolveInfo } from 'graphql';
import { describe, expect, it } from 'vitest';
import { plainIdOf } from '../schema/ids.ts';
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

describe('ids in arguments', () => {
  it('takes the plain id out of a global id of the type, and any other id as it is', () => {
    const uuid = '3f1e1f8e-3c1c-4e55-9b7a-4f7e0c1d2b3a';
    expect(plainIdOf(encodeGlobalID('License', uuid), 'License')).toBe(uuid);
    expect(plainIdOf(uuid, 'License')).toBe(uuid);
    expect(plainIdOf(encodeGlobalID('Agency', 'a-1'), 'License')).toBe(encodeGlobalID('Agency', 'a-1'));
    // Base64 that is no global id (no typename), and a plain id that happens to be base64.
    expect(plainIdOf('bench000', 'License')).toBe('bench000');
    expect(plainIdOf('abcd', 'License')).toBe('abcd');
  });
});
