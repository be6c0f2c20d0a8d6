// The schema's descriptions carry examples: each query or mutation that GraphiQL's example tabs
// demonstrate (src/http/graphiql-examples.ts) ends its description with that operation, so the
// Docs panel, the printed SDL and GraphiQL's tabs teach the same thing from one source.
import { GraphQLObjectType, type GraphQLSchema } from 'graphql';
import { exampleOperations } from '../src/http/graphiql-examples.ts';

const fenced = (query: string, variables: Record<string, unknown> | undefined) =>
  ['```graphql', query.trimEnd(), '```', ...(variables ? ['Variables:', '```json', JSON.stringify(variables, null, 2), '```'] : [])].join('\n');

/** Appends each example to the description of the field it demonstrates; answers the same schema. */
export function withExamples(schema: GraphQLSchema): GraphQLSchema {
  for (const example of exampleOperations) {
    const [typeName, fieldName] = example.field.split('.') as [string, string];
    const type = schema.getType(typeName);
    const field = type instanceof GraphQLObjectType ? type.getFields()[fieldName] : undefined;
    if (!field) throw new Error(`the example "${example.title}" demonstrates ${example.field}, which the schema does not have`);
    field.description = `${field.description ?? ''}\n\nExample (${example.title}):\n${fenced(example.query, example.variables)}`;
  }
  return schema;
}
