// Ids in arguments: clients may send the global id the API gave them, or the plain id inside it.
import { decodeGlobalID } from '@pothos/plugin-relay';

/**
 * What the relay plugin accepts as a global id (padded base64). A plain id that is not base64 (a
 * UUID, with its dashes) is known for one at once: the plugin would throw for it, and building
 * that error, stack and all, was a measurable part of a request (issue 16).
 */
const base64 = /^(?:[\d+/A-Za-z]{4})*(?:[\d+/A-Za-z]{2}==|[\d+/A-Za-z]{3}=)?$/;

/** The plain id of a `typename` object from its global id; anything else is taken as a plain id. */
export function plainIdOf(id: string, typename: string): string {
  if (!base64.test(id)) return id;
  try {
    const decoded = decodeGlobalID(id);
    if (decoded.typename === typename) return decoded.id;
  } catch {
    // not a global id: treat it as a plain id
  }
  return id;
}
