// Signed checkpoints: the head (last revision and its hash) of every stream's chain, signed with
// Ed25519. A hash chain proves that nothing inside a stream was edited, dropped or reordered, but
// not that the stream still reaches as far as it did: cutting off a tail leaves a shorter, perfectly
// consistent chain. Only a head kept outside the database (this file, stored by the auditor) shows
// that. The signature lets whoever holds the file show it came from the hub's key unchanged.
import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify, type KeyObject } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { canonicalJson } from '../eventstore/hashchain.ts';

/** A file or key the caller handed in could not be used; the message names the field or file. */
export class CheckpointInputError extends Error {
  override readonly name = 'CheckpointInputError';
}

const sha256Hex = z.string().regex(/^[0-9a-f]{64}$/, 'must be a SHA-256 hash: 64 lowercase hex characters');

export const checkpointSchema = z.strictObject({
  format: z.literal('sapat-checkpoint'),
  version: z.literal(1),
  createdAt: z.iso.datetime(),
  /** Position cursor of the last event the checkpoint covers; null for an empty log. */
  headPosition: z
    .string()
    .regex(/^\d+(:\d+)?$/, 'must be a position cursor (digits, or digits:digits)')
    .nullable(),
  eventCount: z.int().min(0),
  streams: z.record(z.string().min(1), z.strictObject({ revision: z.int().min(0), hash: sha256Hex })),
  /** The signer's Ed25519 public key (SPKI PEM), so the file can be checked on its own. */
  publicKey: z.string().includes('BEGIN PUBLIC KEY', { message: 'must be a PEM public key' }),
  /** Ed25519 signature (base64) over the canonical JSON of every other field. */
  signature: z.base64(),
});
export type Checkpoint = z.infer<typeof checkpointSchema>;

/** The last event of one stream, as the verifier saw it. */
export type ChainHead = { revision: bigint; hash: string };

const issueText = (issue: z.core.$ZodIssue): string => (issue.path.length > 0 ? `${issue.path.join('.')}: ${issue.message}` : issue.message);

export function parseCheckpoint(text: string): Checkpoint {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new CheckpointInputError(`checkpoint is not JSON: ${(error as Error).message}`);
  }
  const parsed = checkpointSchema.safeParse(json);
  if (!parsed.success) throw new CheckpointInputError(`checkpoint ${issueText(parsed.error.issues[0]!)}`);
  // Checked here, so that a parsed checkpoint can always have its signature checked.
  parsePublicKey(parsed.data.publicKey, 'checkpoint publicKey');
  return parsed.data;
}

const spki = (key: KeyObject): Buffer => (key.type === 'private' ? createPublicKey(key) : key).export({ type: 'spki', format: 'der' });

/** Short name of a public key for people to compare by eye: the start of the SHA-256 of its DER form. */
export function keyFingerprint(key: KeyObject): string {
  return `sha256:${createHash('sha256').update(spki(key)).digest('hex').slice(0, 16)}`;
}

function ed25519(key: KeyObject, source: string): KeyObject {
  if (key.asymmetricKeyType !== 'ed25519') {
    throw new CheckpointInputError(`${source} is a ${key.asymmetricKeyType ?? 'symmetric'} key; checkpoints are signed with Ed25519`);
  }
  return key;
}

export function parsePublicKey(pem: string, source: string): KeyObject {
  try {
    return ed25519(createPublicKey(pem), source);
  } catch (error) {
    if (error instanceof CheckpointInputError) throw error;
    throw new CheckpointInputError(`${source} is not a PEM public key`);
  }
}

export const generatedKeyFile = (dataDir: string): string => join(dataDir, 'checkpoint-signing-key.pem');

/**
 * The key checkpoints are signed with: the PKCS8 PEM file SAPAT_CHECKPOINT_KEY names (passed in as
 * `keyFile`, so this module reads no environment). Outside production, without one, a key is made
 * once in the data directory and reused, so successive checkpoints carry the same signer.
 */
export function loadSigningKey(options: { keyFile: string | undefined; dataDir: string; production: boolean }): KeyObject {
  if (options.keyFile) {
    let pem: string;
    try {
      pem = readFileSync(options.keyFile, 'utf8');
    } catch (error) {
      throw new CheckpointInputError(
        `SAPAT_CHECKPOINT_KEY: cannot read ${options.keyFile} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`,
      );
    }
    try {
      return ed25519(createPrivateKey(pem), `SAPAT_CHECKPOINT_KEY (${options.keyFile})`);
    } catch (error) {
      if (error instanceof CheckpointInputError) throw error;
      throw new CheckpointInputError(`SAPAT_CHECKPOINT_KEY: ${options.keyFile} is not a PKCS8 PEM private key`);
    }
  }
  if (options.production) throw new CheckpointInputError('SAPAT_CHECKPOINT_KEY is required in production: the path of an Ed25519 PKCS8 PEM private key');
  const file = generatedKeyFile(options.dataDir);
  try {
    return createPrivateKey(readFileSync(file, 'utf8'));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const { privateKey } = generateKeyPairSync('ed25519');
  try {
    // 'wx': if another process made the key in the meantime, theirs wins and is read back.
    writeFileSync(file, privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600, flag: 'wx' });
    return privateKey;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    return createPrivateKey(readFileSync(file, 'utf8'));
  }
}

const signedContent = (checkpoint: Omit<Checkpoint, 'signature'>): Buffer => Buffer.from(canonicalJson(checkpoint));

export function signCheckpoint(
  log: { heads: ReadonlyMap<string, ChainHead>; headPosition: string | null; eventCount: number },
  signingKey: KeyObject,
  now: Date = new Date(),
): Checkpoint {
  const streams: Checkpoint['streams'] = {};
  for (const stream of [...log.heads.keys()].sort()) {
    const head = log.heads.get(stream)!;
    streams[stream] = { revision: Number(head.revision), hash: head.hash };
  }
  const body: Omit<Checkpoint, 'signature'> = {
    format: 'sapat-checkpoint',
    version: 1,
    createdAt: now.toISOString(),
    headPosition: log.headPosition,
    eventCount: log.eventCount,
    streams,
    publicKey: createPublicKey(signingKey).export({ type: 'spki', format: 'pem' }).toString(),
  };
  return { ...body, signature: sign(null, signedContent(body), signingKey).toString('base64') };
}

/** The file's text: indented, streams in name order, so two checkpoints can be diffed by eye. */
export const checkpointText = (checkpoint: Checkpoint): string => `${JSON.stringify(checkpoint, null, 2)}\n`;

export type CheckpointSignature = {
  /** The signature matches the content and the public key the file carries. */
  signatureValid: boolean;
  /** Whether that key is the trusted one; undefined when no trusted key was given. */
  signerTrusted: boolean | undefined;
  signerFingerprint: string;
};

export function checkSignature(checkpoint: Checkpoint, trustedKey?: KeyObject): CheckpointSignature {
  const { signature, ...body } = checkpoint;
  const signer = parsePublicKey(checkpoint.publicKey, 'checkpoint publicKey');
  const fingerprint = keyFingerprint(signer);
  return {
    signatureValid: verify(null, signedContent(body), signer, Buffer.from(signature, 'base64')),
    signerTrusted: trustedKey === undefined ? undefined : spki(trustedKey).equals(spki(signer)),
    signerFingerprint: fingerprint,
  };
}
