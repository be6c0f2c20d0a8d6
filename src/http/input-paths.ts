// GraphQL's own checks of literal values (an unknown enum value, a string where an Int belongs)
// name the value but not the field it was given for. This plugin prefixes each such validation
// error with the path of the argument and input fields that lead to the value, e.g.
// `input.programme.level: Value "DOCTORATE" does not exist in "EducationLevel" enum.`, so a
// caller learns which field to fix whether the input came as variables or inline.
import { GraphQLError, Kind, visit, type ASTNode, type DocumentNode } from 'graphql';
import type { Plugin } from 'graphql-yoga';

/** Dotted path of argument, object fields and list indexes from an argument down to `target`. */
function inputPath(document: DocumentNode, target: ASTNode): string | undefined {
  const trail: string[] = [];
  let insideArgument = 0;
  let found: string | undefined;
  visit(document, {
    enter(node, key) {
      if (found !== undefined) return false;
      if (node.kind === Kind.ARGUMENT) insideArgument++;
      if (node.kind === Kind.ARGUMENT || node.kind === Kind.OBJECT_FIELD) trail.push(node.name.value);
      else trail.push(insideArgument > 0 && typeof key === 'number' ? String(key) : '');
      if (node === target) found = trail.filter(Boolean).join('.');
      return undefined;
    },
    leave(node) {
      trail.pop();
      if (node.kind === Kind.ARGUMENT) insideArgument--;
    },
  });
  return found || undefined;
}

function withPath(document: DocumentNode, error: GraphQLError): GraphQLError {
  const node = error.nodes?.[0];
  if (
    !node ||
    (node.kind !== Kind.ENUM &&
      node.kind !== Kind.STRING &&
      node.kind !== Kind.INT &&
      node.kind !== Kind.FLOAT &&
      node.kind !== Kind.BOOLEAN &&
      node.kind !== Kind.NULL &&
      node.kind !== Kind.OBJECT &&
      node.kind !== Kind.LIST)
  ) {
    return error;
  }
  const path = inputPath(document, node);
  if (!path || error.message.startsWith(`${path}: `)) return error;
  return new GraphQLError(`${path}: ${error.message}`, {
    nodes: error.nodes,
    source: error.source,
    positions: error.positions,
    originalError: error.originalError,
    extensions: { ...error.extensions, field: path },
  });
}

export function useInputPathsInErrors(): Plugin {
  return {
    onValidate({ params }) {
      return ({ result, setResult }) => {
        if (result.length > 0) setResult(result.map((error) => withPath(params.documentAST, error)));
      };
    },
  };
}
