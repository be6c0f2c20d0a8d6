// What makes two sends of one commandId "the same command": the command's name, the stream it
// targets, what the caller asked for and who asked. Recorded with every event the command stores,
// so a later send with that commandId is a replay only if its digest is equal; anything else reuses
// the key for something new. The time of sending is left out: a retry minutes later is still a retry.
import { createHash } from 'node:crypto';
import { canonicalJson } from '../eventstore/hashchain.ts';

export type CommandIdentity = {
  name: string;
  stream: string;
  /** The caller's input as validated; facts the hub adds from read models do not belong here. */
  input: unknown;
  actorId: string;
};

export const commandDigest = (identity: CommandIdentity): string => createHash('sha256').update(canonicalJson(identity)).digest('hex');
