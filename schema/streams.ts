// Which entity each stream category holds, and who may read its events. Modules register their
// kinds here (licensing: License in `license-<id>`), so history, the global log and its
// subscription can map a global id to a stream and keep personal data to those allowed to see it.
import type { Role } from '../src/domain/decider.ts';
import type { GraphQLContext } from './builder.ts';

export type StreamKind = {
  /** The GraphQL node type of the entity, e.g. License. */
  typename: string;
  /** The stream category, e.g. license: streams are `<category>-<entity id>`. */
  category: string;
  /** Whether the events carry personal data (rating entries): then only the log's full readers and the entity's own readers see them. */
  personal: boolean;
  /** Whether the caller may read this entity, and so its history. */
  canRead: (context: GraphQLContext, entityId: string) => boolean;
};

const kinds: StreamKind[] = [];

export function registerStreamKind(kind: StreamKind): void {
  kinds.push(kind);
}

export const streamKindOfType = (typename: string): StreamKind | undefined => kinds.find((k) => k.typename === typename);
export const streamKindOfCategory = (category: string): StreamKind | undefined => kinds.find((k) => k.category === category);
export const registeredCategories = (): string[] => kinds.map((k) => k.category);

/** Roles that read the whole log, personal data included: they answer for the institution or audit it. */
export const fullLogReaders: Role[] = ['auditor', 'rector', 'director', 'acting_director'];
/** Roles that may read the global log at all; integrations get everything but personal data. */
export const logReaders: Role[] = [...fullLogReaders, 'integration'];

export const readsFullLog = (context: GraphQLContext): boolean => context.actor?.roles.some((r) => fullLogReaders.includes(r)) ?? false;

/**
 * The categories a caller may read from the global log, narrowed to those asked for. For a caller
 * who may not see personal data, an empty request means every registered non-personal category.
 */
export function readableCategories(context: GraphQLContext, requested: string[] | undefined): string[] | undefined {
  if (readsFullLog(context)) return requested?.length ? requested : undefined;
  const open = registeredCategories().filter((c) => !streamKindOfCategory(c)!.personal);
  return requested?.length ? requested.filter((c) => open.includes(c)) : open;
}
