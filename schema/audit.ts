// Auditing in GraphQL: verify every stream's hash chain (optionally against a signed checkpoint the
// auditor kept), and get a checkpoint of the chains' heads signed by the hub's key. Both read the
// raw store, since the hashes cover the events as stored, and are open to the roles that audit.
import type { KeyObject } from 'node:crypto';
import { GraphQLError } from 'graphql';
import {
  CheckpointInputError,
  checkpointText,
  loadSigningKey,
  parseCheckpoint,
  parsePublicKey,
  signCheckpoint,
  type Checkpoint,
} from '../src/audit/checkpoint.ts';
import { verifyLog, type BrokenLink, type CheckpointCheck, type CheckpointDiscrepancy, type IntegrityReport } from '../src/audit/verify.ts';
import type { Role } from '../src/domain/decider.ts';
import type { Hub } from '../src/hub.ts';
import { z } from 'zod';
import { builder } from './builder.ts';
import { enumFor } from './zod-types.ts';

const auditRoles: Role[] = ['auditor', 'director', 'acting_director', 'rector'];

// Zod enums so that, like every enum of the schema, their values carry labels in the three languages.
const chainProblem = z.enum(['revision_out_of_sequence', 'previous_hash_mismatch', 'content_hash_mismatch']).meta({
  id: 'ChainProblem',
  description: 'Which check of a hash-chain link failed.',
  values: {
    revision_out_of_sequence: 'The revision is not the previous one plus 1 (0 for the first event): an event before it is missing or out of place.',
    previous_hash_mismatch: "prevHash is not the hash of the stream's previous event: the chain was cut or spliced.",
    content_hash_mismatch: 'The event no longer hashes to the hash it was stored with: it was edited.',
  },
  labels: {
    revision_out_of_sequence: { ky: 'Ревизиялардын тартиби бузулган', ru: 'Нарушен порядок ревизий', en: 'Revision out of sequence' },
    previous_hash_mismatch: { ky: 'Мурунку хэш дал келбейт', ru: 'Не совпадает предыдущий хеш', en: 'Previous hash mismatch' },
    content_hash_mismatch: { ky: 'Мазмундун хэши дал келбейт', ru: 'Не совпадает хеш содержимого', en: 'Content hash mismatch' },
  },
});
const ChainProblemEnum = enumFor(chainProblem);

const checkpointProblem = z.enum(['stream_missing', 'revision_missing', 'hash_differs']).meta({
  id: 'CheckpointProblem',
  description: 'How a stream differs from the head a checkpoint recorded for it.',
  values: {
    stream_missing: 'The store no longer has the stream.',
    revision_missing: 'The stream no longer reaches the checkpointed revision: its tail was cut off.',
    hash_differs: 'The event at the checkpointed revision has another hash: history was rewritten.',
  },
  labels: {
    stream_missing: { ky: 'Агым жок', ru: 'Поток отсутствует', en: 'Stream missing' },
    revision_missing: { ky: 'Ревизия жок', ru: 'Ревизия отсутствует', en: 'Revision missing' },
    hash_differs: { ky: 'Хэш башка', ru: 'Хеш отличается', en: 'Hash differs' },
  },
});
const CheckpointProblemEnum = enumFor(checkpointProblem);

const BrokenLinkRef = builder.objectRef<BrokenLink>('BrokenLink').implement({
  description: 'The first event of a stream whose hash-chain link does not hold.',
  fields: (t) => ({
    stream: t.exposeString('stream', { description: 'The stream, e.g. license-7f3c….' }),
    revision: t.int({ description: 'Revision of the event within its stream.', resolve: (b) => Number(b.revision) }),
    position: t.exposeString('position', { description: 'Position cursor of the event in the global log.' }),
    eventId: t.exposeString('eventId', { description: 'Id of the event.' }),
    problem: t.field({ type: ChainProblemEnum, description: 'Which check failed.', resolve: (b) => b.problem }),
    expected: t.exposeString('expected', { description: 'What the chain requires here (a revision or a hash).' }),
    found: t.exposeString('found', { description: 'What the stored event has instead.' }),
  }),
});

const CheckpointDiscrepancyRef = builder.objectRef<CheckpointDiscrepancy>('CheckpointDiscrepancy').implement({
  description: 'A stream that no longer reaches, or no longer has, the head the checkpoint recorded.',
  fields: (t) => ({
    stream: t.exposeString('stream', { description: 'The stream.' }),
    problem: t.field({ type: CheckpointProblemEnum, description: 'How it differs.', resolve: (d) => d.problem }),
    revision: t.int({ description: 'The revision the checkpoint recorded as the head of the stream.', resolve: (d) => Number(d.revision) }),
    expectedHash: t.exposeString('expectedHash', { description: 'The hash the checkpoint recorded for that revision.' }),
    foundHash: t.exposeString('foundHash', { nullable: true, description: 'The hash stored at that revision; null when the store no longer has it.' }),
    storeRevision: t.int({
      nullable: true,
      description: "The stream's last revision in the store; null when the stream is missing.",
      resolve: (d) => (d.storeRevision === null ? null : Number(d.storeRevision)),
    }),
  }),
});

const CheckpointCheckRef = builder.objectRef<CheckpointCheck>('CheckpointCheck').implement({
  description: 'The log compared with a signed checkpoint: the only check that notices a cut-off tail, which leaves a consistent but shorter chain.',
  fields: (t) => ({
    intact: t.exposeBoolean('intact', {
      description: 'Signature valid, signer trusted (when a trusted key was given), and every stream still at its checkpointed head.',
    }),
    signatureValid: t.exposeBoolean('signatureValid', {
      description: 'The signature matches the checkpoint and the public key it carries; false when the file was changed after signing.',
    }),
    signerTrusted: t.boolean({
      nullable: true,
      description: 'Whether the checkpoint was signed by trustedPublicKey; null when no trusted key was given.',
      resolve: (c) => c.signerTrusted ?? null,
    }),
    signerFingerprint: t.exposeString('signerFingerprint', { description: "Short fingerprint of the signer's public key (sha256:…), to compare by eye." }),
    createdAt: t.field({ type: 'DateTime', description: 'When the checkpoint was made.', resolve: (c) => c.createdAt }),
    headPosition: t.exposeString('headPosition', { nullable: true, description: 'Position cursor of the last event the checkpoint covered.' }),
    streamsChecked: t.exposeInt('streamsChecked', { description: 'Streams the checkpoint recorded, each compared with the store.' }),
    discrepancies: t.field({
      type: [CheckpointDiscrepancyRef],
      description: 'Streams that differ from the checkpoint, in its order.',
      resolve: (c) => c.discrepancies,
    }),
  }),
});

const IntegrityReportRef = builder.objectRef<IntegrityReport>('IntegrityReport').implement({
  description: "The result of checking every stream's hash chain in the raw event log, and optionally a signed checkpoint.",
  fields: (t) => ({
    intact: t.exposeBoolean('intact', { description: 'True when every chain holds (and the checkpoint, if given, is intact).' }),
    eventsChecked: t.exposeInt('eventsChecked', { description: 'Events read and checked.' }),
    streamsChecked: t.exposeInt('streamsChecked', { description: 'Streams whose chain was checked.' }),
    headPosition: t.exposeString('headPosition', { nullable: true, description: 'Position cursor of the last event checked; null for an empty log.' }),
    firstBrokenLink: t.field({
      type: BrokenLinkRef,
      nullable: true,
      description: 'The first broken link in log order; null when every chain holds.',
      resolve: (r) => r.firstBrokenLink,
    }),
    brokenStreams: t.field({
      type: [BrokenLinkRef],
      description: 'The first broken link of each broken stream, in the order found.',
      resolve: (r) => r.brokenStreams,
    }),
    checkpoint: t.field({
      type: CheckpointCheckRef,
      nullable: true,
      description: 'The comparison with the checkpoint given; null when none was.',
      resolve: (r) => r.checkpoint,
    }),
    unreadable: t.string({
      nullable: true,
      description: 'When a stored event could not even be parsed (its JSON was damaged): where, and why; the check stopped there.',
      resolve: (r) => (r.unreadable ? `after position ${r.unreadable.afterPosition ?? 'the start'}: ${r.unreadable.message}` : null),
    }),
  }),
});

function badInput<T>(parse: () => T): T {
  try {
    return parse();
  } catch (error) {
    if (error instanceof CheckpointInputError) throw new GraphQLError(error.message, { extensions: { code: 'BAD_USER_INPUT' } });
    throw error;
  }
}

const signingKeyOf = (hub: Hub): KeyObject =>
  loadSigningKey({ keyFile: hub.config.checkpointKey, dataDir: hub.config.dataDir, production: hub.config.env === 'production' });

builder.queryFields((t) => ({
  verifyIntegrity: t.field({
    type: IntegrityReportRef,
    description:
      "Checks every stream's hash chain in the event log and reports the first broken link; with a checkpoint, also that every stream still reaches its signed head. Reads the whole log: for auditors.",
    authScopes: { anyRole: auditRoles },
    args: {
      checkpoint: t.arg.string({
        required: false,
        description: 'The text of a checkpoint file (from signedCheckpoint or `npm run verify -- --write-checkpoint`), kept outside the hub.',
      }),
      trustedPublicKey: t.arg.string({
        required: false,
        description: 'PEM public key the checkpoint must be signed by; without it any valid signature is accepted and signerTrusted is null.',
      }),
    },
    resolve: async (_root, args, context) => {
      const checkpoint: Checkpoint | undefined = args.checkpoint ? badInput(() => parseCheckpoint(args.checkpoint!)) : undefined;
      const trustedKey = args.trustedPublicKey ? badInput(() => parsePublicKey(args.trustedPublicKey!, 'trustedPublicKey')) : undefined;
      if (trustedKey && !checkpoint)
        throw new GraphQLError('trustedPublicKey needs a checkpoint: it says whose signature to trust', { extensions: { code: 'BAD_USER_INPUT' } });
      const { report } = await verifyLog(context.hub.rawStore, { ...(checkpoint ? { checkpoint } : {}), ...(trustedKey ? { trustedKey } : {}) });
      return report;
    },
  }),
  signedCheckpoint: t.string({
    description:
      "A checkpoint of the head of every stream's hash chain, signed with the hub's Ed25519 key: the text of a checkpoint file. Keep it outside the hub; verifyIntegrity(checkpoint:) later shows whether any stream lost its tail or was rewritten. Refused while the log is not intact.",
    authScopes: { anyRole: auditRoles },
    resolve: async (_root, _args, context) => {
      const { report, heads } = await verifyLog(context.hub.rawStore);
      if (!report.intact) {
        throw new GraphQLError('the log is not intact, and a checkpoint would vouch for it: see verifyIntegrity for the broken links', {
          extensions: { code: 'LOG_NOT_INTACT' },
        });
      }
      return checkpointText(signCheckpoint({ heads, headPosition: report.headPosition, eventCount: report.eventsChecked }, signingKeyOf(context.hub)));
    },
  }),
}));
