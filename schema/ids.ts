// Ids in arguments: clients may send the global id the API gave them, or the plain id inside it.
import { decodeGlobalID } from '@pothos/plugin-relay';

/** The plain id of a `typename` object from its global id; anything else is taken as a plain id. */
export function plainIdOf(id: string, typename: string): string {
  try {
    const decoded = decodeGlobalID(id);
    if (decoded.typename === typename) return decoded.id;
  } catch {
    // not a global id: treat it as a plain id
  }
  return id;
}
