// Limits on what one GraphQL document may ask of the hub: tokens (checked while parsing, so a huge
// document is never built), aliases, depth, breadth and complexity (checked before anything runs),
// and introspection when it is turned off. Each refusal names the limit, its value and the setting
// that changes it, and is a client error (HTTP 400), never a partial execution.
import { complexityFromQuery } from '@pothos/plugin-complexity';
import { costChecked } from '../../schema/builder.ts';
import { getOperationAST, GraphQLError, Kind, parse, type DocumentNode, type GraphQLSchema, type ValidationRule } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { Limits } from '../config.ts';

export function limitError(message: string, code: string, details: Record<string, unknown> = {}): GraphQLError {
  return new GraphQLError(message, { extensions: { code, ...details, http: { status: 400 } } });
}

const tokenLimitHit = /tokens\. Parsing aborted/;

function aliasLimit(max: number): ValidationRule {
  return function aliasLimitRule(context) {
    let aliases = 0;
    return {
      Field(node) {
        if (node.alias) aliases += 1;
      },
      Document: {
        leave() {
          if (aliases > max) {
            context.reportError(
              limitError(`the document uses ${aliases} aliases; the limit is ${max} (SAPAT_MAX_ALIASES)`, 'ALIAS_LIMIT', { limit: max, actual: aliases }),
            );
          }
        },
      },
    };
  };
}

const noIntrospection: ValidationRule = function noIntrospectionRule(context) {
  return {
    Field(node) {
      if (node.name.value === '__schema' || node.name.value === '__type') {
        context.reportError(
          limitError(
            `introspection (${node.name.value}) is turned off on this hub (SAPAT_INTROSPECTION); the schema is published as schema/schema.graphql`,
            'INTROSPECTION_DISABLED',
          ),
        );
      }
    },
  };
};

type CostArgs = { schema: GraphQLSchema; document: DocumentNode; variableValues?: unknown; operationName?: string | null | undefined; contextValue: unknown };

type Cost = { depth: number; breadth: number; complexity: number };

/** Depth, breadth and complexity as the Pothos complexity plugin counts them, for the operation that will run. */
function costOf(args: CostArgs): Cost | undefined {
  const operation = getOperationAST(args.document, args.operationName);
  if (!operation) return undefined;
  const fragments = args.document.definitions.filter((d) => d.kind === Kind.FRAGMENT_DEFINITION);
  try {
    return complexityFromQuery(
      { kind: Kind.DOCUMENT, definitions: [operation, ...fragments] },
      {
        schema: args.schema,
        ctx: args.contextValue as object,
        variables: (args.variableValues ?? {}) as Record<string, unknown>,
      },
    );
  } catch {
    // Variables that do not fit their types: execution refuses them with its own message.
    return undefined;
  }
}

/**
 * Cost is a function of the document, the operation and the variables (page sizes): the schema's
 * complexities read their arguments, never the context. So it is counted once per document and
 * variables and remembered, on the document object Yoga's parse cache hands every request with the
 * same text (counting it was 2 % of a licences page, issue 16). Large variables (a command's input)
 * are not worth a key and are counted afresh; a document keeps at most 64 sets of variables.
 */
const counted = new WeakMap<DocumentNode, Map<string, Cost | undefined>>();
const countedPerDocument = 64;
const largestKey = 1024;

function cachedCostOf(args: CostArgs): Cost | undefined {
  const key = `${args.operationName ?? ''}\u0000${JSON.stringify(args.variableValues ?? {})}`;
  if (key.length > largestKey) return costOf(args);
  let known = counted.get(args.document);
  if (!known) counted.set(args.document, (known = new Map()));
  if (known.has(key)) return known.get(key);
  if (known.size >= countedPerDocument) known.clear();
  const cost = costOf(args);
  known.set(key, cost);
  return cost;
}

/** The refusals of an operation that costs more than the limits allow (none when it cannot be counted). */
function costErrors(args: CostArgs, limits: Limits): GraphQLError[] {
  const cost = cachedCostOf(args);
  if (!cost) return [];
  const { depth, breadth, complexity } = cost;
  const refusals: GraphQLError[] = [];
  if (depth > limits.depth)
    refusals.push(
      limitError(`the query is ${depth} levels deep; the limit is ${limits.depth} (SAPAT_MAX_DEPTH)`, 'DEPTH_LIMIT', { limit: limits.depth, actual: depth }),
    );
  if (breadth > limits.breadth)
    refusals.push(
      limitError(`the query selects ${breadth} fields; the limit is ${limits.breadth} (SAPAT_MAX_BREADTH)`, 'BREADTH_LIMIT', {
        limit: limits.breadth,
        actual: breadth,
      }),
    );
  if (complexity > limits.complexity) {
    refusals.push(
      limitError(
        `the query's complexity is ${complexity}; the limit is ${limits.complexity} (SAPAT_MAX_COMPLEXITY; ask for smaller pages or fewer fields)`,
        'COMPLEXITY_LIMIT',
        { limit: limits.complexity, actual: complexity },
      ),
    );
  }
  return refusals;
}

export function useDocumentLimits(limits: Limits, options: { introspection: boolean }): Plugin {
  // Cost depends on the variables (page sizes), so it is checked per execution rather than as a
  // validation rule, whose results Yoga caches per document.
  const refuseCostly = ({
    args,
    setResultAndStopExecution,
  }: {
    args: CostArgs;
    setResultAndStopExecution: (result: { errors: readonly GraphQLError[] }) => void;
  }) => {
    const errors = costErrors(args, limits);
    if (errors.length > 0) setResultAndStopExecution({ errors });
    else if (typeof args.contextValue === 'object' && args.contextValue !== null) costChecked.add(args.contextValue);
  };
  return {
    onParse({ setParseFn }) {
      setParseFn((source, parseOptions) => {
        try {
          return parse(source, { ...parseOptions, maxTokens: limits.tokens });
        } catch (error) {
          if (error instanceof GraphQLError && tokenLimitHit.test(error.message)) {
            throw limitError(`the document has more than ${limits.tokens} tokens, the limit (SAPAT_MAX_TOKENS)`, 'TOKEN_LIMIT', { limit: limits.tokens });
          }
          throw error;
        }
      });
    },
    onValidate({ addValidationRule }) {
      addValidationRule(aliasLimit(limits.aliases));
      if (!options.introspection) addValidationRule(noIntrospection);
    },
    onExecute: refuseCostly as NonNullable<Plugin['onExecute']>,
    onSubscribe: refuseCostly as NonNullable<Plugin['onSubscribe']>,
  };
}
