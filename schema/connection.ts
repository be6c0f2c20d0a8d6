// Relay cursors for keyset-paginated lists. A cursor names the list's order and the row's sort key,
// so it stays valid while rows are added, and a cursor from one order cannot be misread in another.
import { GraphQLError, Kind, type FieldNode, type GraphQLResolveInfo, type SelectionSetNode } from 'graphql';

export type SortKey = [string | number | null, string];

export const encodeCursor = (order: string, key: SortKey): string => Buffer.from(JSON.stringify([order, ...key])).toString('base64url');

/** What a read model sorts by; anything else in a cursor was not written by the hub. */
const isSortValue = (value: unknown): value is SortKey[0] =>
  value === null || typeof value === 'string' || (typeof value === 'number' && Number.isFinite(value));

export function decodeCursor(argument: 'after' | 'before', cursor: string, order: string): SortKey {
  try {
    const decoded = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    if (Array.isArray(decoded) && decoded.length === 3 && decoded[0] === order && isSortValue(decoded[1]) && typeof decoded[2] === 'string') {
      return [decoded[1] as SortKey[0], decoded[2]];
    }
  } catch {
    // fall through to the error below
  }
  throw new GraphQLError(`${argument}: not a cursor of this list in order ${order}; use a cursor this list returned`, {
    extensions: { code: 'BAD_USER_INPUT', argument },
  });
}

export type PageArgs = { first?: number | null; after?: string | null; last?: number | null; before?: string | null };

export const MAX_PAGE = 100;
export const DEFAULT_PAGE = 20;

/** Which way to read, how many, and from where; refuses mixed or oversized requests clearly. */
export function pageRequest(args: PageArgs, order: string): { direction: 'forward' | 'backward'; limit: number; from: SortKey | undefined } {
  const bad = (argument: string, message: string) => new GraphQLError(`${argument}: ${message}`, { extensions: { code: 'BAD_USER_INPUT', argument } });
  if ((args.first != null || args.after != null) && (args.last != null || args.before != null)) {
    throw bad('last', 'page forwards (first/after) or backwards (last/before), not both at once');
  }
  const backward = args.last != null || args.before != null;
  const count = backward ? args.last : args.first;
  if (count != null && (count < 0 || count > MAX_PAGE)) throw bad(backward ? 'last' : 'first', `must be between 0 and ${MAX_PAGE}`);
  const cursor = backward ? args.before : args.after;
  return {
    direction: backward ? 'backward' : 'forward',
    limit: count ?? DEFAULT_PAGE,
    from: cursor == null ? undefined : decodeCursor(backward ? 'before' : 'after', cursor, order),
  };
}

/**
 * Query cost of a paged field: a page's items already count ×10 as a list, so the page field adds
 * the rest of its size (first: 100 costs ten times first: 10), and a client cannot make a page
 * ten times dearer for the price of a small one.
 */
export const pageComplexity = (args: { first?: number | null; last?: number | null }) => ({
  field: 1,
  // A size beyond MAX_PAGE is refused by the field itself, with a message saying so.
  multiplier: Math.max(1, Math.ceil(Math.min(args.first ?? args.last ?? DEFAULT_PAGE, MAX_PAGE) / 10)),
});

/** A relay connection from one keyset page, with page info for either direction. */
export function connectionOf<Row>(rows: Row[], hasMore: boolean, request: ReturnType<typeof pageRequest>, cursorOf: (row: Row) => string) {
  const edges = rows.map((row) => ({ cursor: cursorOf(row), node: row }));
  return {
    edges,
    pageInfo: {
      hasNextPage: request.direction === 'forward' ? hasMore : request.from !== undefined,
      hasPreviousPage: request.direction === 'backward' ? hasMore : request.from !== undefined,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
  };
}

/**
 * The names of the fields a connection's query asks of its nodes (under `edges { node { … } }`),
 * through fragments and aliases. Type conditions and @skip/@include are not weighed: a read model
 * that selects its columns by these names reads at most a few columns more, never fewer.
 */
export function nodeFieldsOf(info: GraphQLResolveInfo): Set<string> {
  const fields = new Set<string>();
  const each = (selectionSet: SelectionSetNode | undefined, visit: (field: FieldNode) => void): void => {
    for (const selection of selectionSet?.selections ?? []) {
      if (selection.kind === Kind.FIELD) visit(selection);
      else if (selection.kind === Kind.INLINE_FRAGMENT) each(selection.selectionSet, visit);
      else each(info.fragments[selection.name.value]?.selectionSet, visit);
    }
  };
  for (const connection of info.fieldNodes) {
    each(connection.selectionSet, (edges) => {
      if (edges.name.value !== 'edges') return;
      each(edges.selectionSet, (node) => {
        if (node.name.value === 'node') each(node.selectionSet, (field) => fields.add(field.name.value));
      });
    });
  }
  return fields;
}
