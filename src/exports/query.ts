// An export's GraphQL query, built from its definition and the hub's schema: the Query field's own
// arguments (its filter's fields flattened) are the query-string parameters, and the columns'
// paths are the selection. The query runs in process against the same schema with the caller's own
// context, so authorisation and scoping are the resolvers' own, page by page.
import {
  coerceInputValue,
  execute,
  getNamedType,
  type GraphQLError,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLSchema,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isObjectType,
  parse,
  type DocumentNode,
} from 'graphql';
import type { GraphQLContext } from '../../schema/builder.ts';
import { MAX_PAGE } from '../../schema/connection.ts';
import type { ExportColumn, ExportDefinition } from './definition.ts';

/** A query-string parameter the export does not accept, or whose value its GraphQL type refuses. */
export class ExportParameterError extends Error {
  override readonly name = 'ExportParameterError';
}

/** What the query answered with errors: its GraphQL errors, for the route to turn into a status. */
export class ExportQueryError extends Error {
  override readonly name = 'ExportQueryError';
  constructor(readonly errors: readonly GraphQLError[]) {
    super(errors.map((e) => e.message).join('; '));
  }
}

const pagingArgs = new Set(['first', 'after', 'last', 'before']);

type Parameter = { name: string; type: GraphQLInputType; into: (variables: Record<string, unknown>, value: unknown) => void };

export type ExportQuery = {
  definition: ExportDefinition;
  /** Every parameter the export accepts, by name. */
  parameters: string[];
  /** The variables for these query-string parameters; an ExportParameterError names the first bad one. */
  variablesFor(params: URLSearchParams): Record<string, unknown>;
  /** Each item of the list, page after page, as the caller may read them. */
  rows(context: GraphQLContext, variables: Record<string, unknown>): AsyncGenerator<Record<string, unknown>>;
};

/** The selection of the columns' paths: `a.b`, `a.c` → `a { b c }`. */
function selectionOf(columns: ExportColumn[]): string {
  type Tree = Map<string, Tree>;
  const root: Tree = new Map();
  for (const { path } of columns) {
    let node = root;
    for (const part of path.split('.')) {
      if (!node.has(part)) node.set(part, new Map());
      node = node.get(part)!;
    }
  }
  const print = (tree: Tree): string => [...tree].map(([name, children]) => (children.size === 0 ? name : `${name} { ${print(children)} }`)).join(' ');
  return print(root);
}

function fieldOf(schema: GraphQLSchema, definition: ExportDefinition): GraphQLField<unknown, unknown> {
  const field = schema.getQueryType()?.getFields()[definition.field];
  if (!field) throw new Error(`export ${definition.name}: the schema has no Query.${definition.field}`);
  return field;
}

const isConnection = (field: GraphQLField<unknown, unknown>): boolean => {
  const type = getNamedType(field.type);
  return isObjectType(type) && 'edges' in type.getFields() && 'pageInfo' in type.getFields();
};

function parametersOf(field: GraphQLField<unknown, unknown>): Parameter[] {
  const parameters: Parameter[] = [];
  for (const arg of field.args) {
    if (pagingArgs.has(arg.name)) continue;
    const named = getNamedType(arg.type);
    if (arg.name === 'filter' && isInputObjectType(named)) {
      for (const inner of Object.values(named.getFields())) {
        parameters.push({
          name: inner.name,
          type: inner.type,
          into: (variables, value) => {
            variables.filter = { ...(variables.filter as object | undefined), [inner.name]: value };
          },
        });
      }
    } else {
      parameters.push({ name: arg.name, type: arg.type, into: (variables, value) => (variables[arg.name] = value) });
    }
  }
  return parameters;
}

/** One query-string value as its GraphQL type reads it: numbers, booleans, enum values (any case), lists by commas or repeats. */
function parameterValue(parameter: Parameter, raw: string[]): unknown {
  const type = isNonNullType(parameter.type) ? parameter.type.ofType : parameter.type;
  const named = getNamedType(type);
  const scalar = (text: string): unknown => {
    if (named.name === 'Int' || named.name === 'Float') {
      const number = Number(text);
      if (text.trim() === '' || !Number.isFinite(number)) throw new ExportParameterError(`parameter ${parameter.name}: "${text}" is not a number`);
      return number;
    }
    if (named.name === 'Boolean') {
      if (text === 'true' || text === 'false') return text === 'true';
      throw new ExportParameterError(`parameter ${parameter.name}: "${text}" is not true or false`);
    }
    if (isEnumType(named)) return named.getValue(text) ? text : text.toUpperCase();
    return text;
  };
  const value = isListType(type)
    ? raw
        .flatMap((r) => r.split(','))
        .filter((r) => r !== '')
        .map(scalar)
    : scalar(raw[raw.length - 1]!);
  coerceInputValue(value, parameter.type, (path, invalid, error) => {
    const at = path.length > 0 ? ` (item ${path.join('.')}: ${JSON.stringify(invalid)})` : '';
    throw new ExportParameterError(`parameter ${parameter.name}${at}: ${error.message}`);
  });
  return value;
}

const valueAt = (item: unknown, path: string): unknown =>
  path.split('.').reduce<unknown>((value, part) => (value === null || value === undefined ? value : (value as Record<string, unknown>)[part]), item);

/** The item's value for each column, in column order (undefined as null). */
export const cellsOf = (definition: ExportDefinition, item: Record<string, unknown>): unknown[] => definition.columns.map((c) => valueAt(item, c.path) ?? null);

export function exportQuery(schema: GraphQLSchema, definition: ExportDefinition): ExportQuery {
  const field = fieldOf(schema, definition);
  const parameters = parametersOf(field);
  const argumentsUsed = field.args.filter((a) => !pagingArgs.has(a.name));
  const connection = isConnection(field);
  const declarations = [...(connection ? ['$first: Int', '$after: String'] : []), ...argumentsUsed.map((a) => `$${a.name}: ${String(a.type)}`)];
  const passed = [...(connection ? ['first: $first', 'after: $after'] : []), ...argumentsUsed.map((a) => `${a.name}: $${a.name}`)];
  const selection = selectionOf(definition.columns);
  const body = connection ? `pageInfo { hasNextPage endCursor } edges { node { ${selection} } }` : selection;
  const document: DocumentNode = parse(
    `query Export${declarations.length > 0 ? `(${declarations.join(', ')})` : ''} { list: ${definition.field}${passed.length > 0 ? `(${passed.join(', ')})` : ''} { ${body} } }`,
  );

  async function page(context: GraphQLContext, variables: Record<string, unknown>) {
    const result = await execute({ schema, document, variableValues: variables, contextValue: context });
    if (result.errors?.length) throw new ExportQueryError(result.errors);
    return (result.data as { list: unknown }).list;
  }

  return {
    definition,
    parameters: parameters.map((p) => p.name),
    variablesFor(params) {
      const variables: Record<string, unknown> = {};
      for (const name of new Set(params.keys())) {
        if (name === 'language') continue;
        const parameter = parameters.find((p) => p.name === name);
        if (!parameter) {
          const known = parameters.map((p) => p.name).join(', ') || 'none';
          throw new ExportParameterError(`parameter ${name}: export ${definition.name} has no such filter (it takes: ${known}, language)`);
        }
        parameter.into(variables, parameterValue(parameter, params.getAll(name)));
      }
      return variables;
    },
    async *rows(context, variables) {
      if (!connection) {
        for (const item of (await page(context, variables)) as Record<string, unknown>[]) yield item;
        return;
      }
      let after: string | null = null;
      for (;;) {
        const list = (await page(context, { ...variables, first: MAX_PAGE, after })) as {
          pageInfo: { hasNextPage: boolean; endCursor: string | null };
          edges: { node: Record<string, unknown> }[];
        };
        for (const edge of list.edges) yield edge.node;
        if (!list.pageInfo.hasNextPage || !list.pageInfo.endCursor) return;
        after = list.pageInfo.endCursor;
      }
    },
  };
}
