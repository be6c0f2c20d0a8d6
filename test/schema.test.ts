// The committed SDL is the frontends' manual: it must match what the code builds, and every type,
// field, argument, input field, enum value, union and interface in it must say what it is.
import { readFileSync } from 'node:fs';
import { buildSchema, isEnumType, isInputObjectType, isInterfaceType, isObjectType, isScalarType, isSpecifiedScalarType, type GraphQLSchema } from 'graphql';
import { describe, expect, it } from 'vitest';
import { printedSchema, schema } from '../schema/index.ts';

describe('the GraphQL schema', () => {
  it('matches schema/schema.graphql (run `npm run schema:print` after changing the schema)', () => {
    const committed = readFileSync(new URL('../schema/schema.graphql', import.meta.url), 'utf8');
    expect(printedSchema()).toBe(committed);
  });

  it('describes every type, field, argument, input field, enum value, union and interface', () => {
    expect(undocumentedIn(schema)).toEqual([]);
  });

  it('notices what it checks when it lacks a description', () => {
    const bare = buildSchema(`
      interface Thing { id: ID }
      type Box implements Thing { id: ID size(unit: Unit): Int }
      union Anything = Box
      enum Unit { CM }
      input Filter { size: Int }
      type Query { box(filter: Filter): Anything }
    `);
    expect(undocumentedIn(bare).sort()).toEqual(
      [
        'Anything',
        'Box',
        'Box.id',
        'Box.size',
        'Box.size(unit)',
        'Filter',
        'Filter.size',
        'Query',
        'Query.box',
        'Query.box(filter)',
        'Thing',
        'Thing.id',
        'Unit',
        'Unit.CM',
      ].sort(),
    );
  });
});

/** Every named part of the schema without a description, GraphQL's own built-ins aside. */
function undocumentedIn(checked: GraphQLSchema): string[] {
  const undocumented: string[] = [];
  for (const type of Object.values(checked.getTypeMap())) {
    if (type.name.startsWith('__') || (isScalarType(type) && isSpecifiedScalarType(type))) continue;
    if (!type.description) undocumented.push(type.name);
    if (isObjectType(type) || isInterfaceType(type) || isInputObjectType(type)) {
      for (const field of Object.values(type.getFields())) {
        if (!field.description) undocumented.push(`${type.name}.${field.name}`);
        for (const arg of 'args' in field ? field.args : []) if (!arg.description) undocumented.push(`${type.name}.${field.name}(${arg.name})`);
      }
    }
    if (isEnumType(type)) for (const value of type.getValues()) if (!value.description) undocumented.push(`${type.name}.${value.name}`);
  }
  return undocumented;
}
