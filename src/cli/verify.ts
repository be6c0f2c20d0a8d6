// `npm run verify`: checks every stream's hash chain in the event store and reports the first broken
// link; with --checkpoint it also checks that every stream still reaches the head a signed checkpoint
// recorded (the only way to notice a cut-off tail); with --write-checkpoint it signs the heads of an
// intact log into a new checkpoint file, to be kept outside the hub's database.
import { createPublicKey } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import {
  CheckpointInputError,
  checkpointText,
  generatedKeyFile,
  keyFingerprint,
  loadSigningKey,
  parseCheckpoint,
  parsePublicKey,
  signCheckpoint,
} from '../audit/checkpoint.ts';
import { verifyLog, type BrokenLink, type ChainProblem, type CheckpointCheck, type CheckpointDiscrepancy, type IntegrityReport } from '../audit/verify.ts';
import { openEventStore } from '../eventstore/index.ts';
import { progressLine, withProgress } from './progress.ts';
import { describeFileError, parseFlags, requireEventStore, runTool, toolConfig, UsageError } from './tool.ts';

const usage = `Usage: npm run verify -- [--checkpoint <file>] [--public-key <pem>] [--write-checkpoint <file>] [--json]
       npm run verify -- --print-public-key

Checks every stream's hash chain in the event store of SAPAT_DATA_DIR (or SAPAT_STORE=kurrentdb).

  --checkpoint <file>        also check the streams' heads against this signed checkpoint
  --public-key <pem>         trust only checkpoints signed by this Ed25519 public key
  --write-checkpoint <file>  if the log is intact, sign its heads into this file (key: SAPAT_CHECKPOINT_KEY)
  --json                     print the report as JSON
  --print-public-key         print the public key of SAPAT_CHECKPOINT_KEY (PEM), to give to whoever checks
                             checkpoints with --public-key; nothing else is done

Exit status: 0 intact, 1 broken, 2 bad usage or the store could not be read.`;

function options(argv: string[]) {
  const values = parseFlags('verify', argv, {
    checkpoint: { type: 'string' as const },
    'public-key': { type: 'string' as const },
    'write-checkpoint': { type: 'string' as const },
    json: { type: 'boolean' as const, default: false },
    'print-public-key': { type: 'boolean' as const, default: false },
  });
  if (values['public-key'] !== undefined && values.checkpoint === undefined)
    throw new UsageError('--public-key needs --checkpoint: it says whose signature to trust');
  return values;
}

function readText(file: string, flag: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    throw new UsageError(`${flag} ${file}: cannot read it (${describeFileError(error)})`);
  }
}

const problems: Record<ChainProblem, string> = {
  revision_out_of_sequence: 'revision out of sequence: an event before it is missing or out of place',
  previous_hash_mismatch: "prevHash is not the previous event's hash: the chain was cut or spliced",
  content_hash_mismatch: 'content does not match its hash: the event was edited',
};

const link = (b: BrokenLink): string =>
  `stream ${b.stream} revision ${b.revision} at position ${b.position} (event ${b.eventId}): ${problems[b.problem]}; expected ${b.expected}, found ${b.found}`;

const discrepancies: Record<CheckpointDiscrepancy['problem'], (d: CheckpointDiscrepancy) => string> = {
  stream_missing: (d) => `stream ${d.stream}: missing; the checkpoint has it at revision ${d.revision}`,
  revision_missing: (d) => `stream ${d.stream}: revision ${d.revision} is gone (the stream ends at revision ${d.storeRevision}): its tail was cut off`,
  hash_differs: (d) => `stream ${d.stream} revision ${d.revision}: hash ${d.foundHash}, the checkpoint has ${d.expectedHash}: history was rewritten`,
};

function checkpointLines(c: CheckpointCheck): string[] {
  const signer = !c.signatureValid
    ? 'signature INVALID: the file was changed after it was signed'
    : c.signerTrusted === false
      ? `signed by ${c.signerFingerprint}, which is NOT the trusted key`
      : `signature valid, signed by ${c.signerFingerprint}${c.signerTrusted ? ' (the trusted key)' : ' (no trusted key given: pass --public-key to pin it)'}`;
  const head = `Checkpoint of ${c.createdAt} (${c.streamsChecked} streams, head position ${c.headPosition ?? 'none'}): ${signer}`;
  if (c.discrepancies.length === 0) return [`${head}; every stream still reaches its checkpointed head.`];
  return [`${head}; ${c.discrepancies.length} stream(s) no longer match:`, ...c.discrepancies.map((d) => `  ${discrepancies[d.problem](d)}`)];
}

function reportLines(r: IntegrityReport): string[] {
  const scope = `${r.eventsChecked} events in ${r.streamsChecked} streams (head position ${r.headPosition ?? 'none: the log is empty'})`;
  const lines = [r.intact ? `Log intact: ${scope}.` : `Log BROKEN: ${scope}.`];
  if (r.firstBrokenLink) {
    lines.push(`First broken link: ${link(r.firstBrokenLink)}`);
    lines.push(`Broken streams (${r.brokenStreams.length}), first broken link of each:`, ...r.brokenStreams.map((b) => `  ${link(b)}`));
  } else {
    lines.push('Every hash chain holds.');
  }
  if (r.unreadable) lines.push(`The log cannot be read after position ${r.unreadable.afterPosition ?? 'the start'}: ${r.unreadable.message}`);
  if (r.checkpoint) lines.push(...checkpointLines(r.checkpoint));
  return lines;
}

const asJson = (value: unknown): string => JSON.stringify(value, (_key, v: unknown) => (typeof v === 'bigint' ? Number(v) : v), 2);

async function main(argv: string[]): Promise<number> {
  const values = options(argv);
  const config = toolConfig();
  if (values['print-public-key']) {
    const key = loadSigningKey({ keyFile: config.checkpointKey, dataDir: config.dataDir, production: config.env === 'production' });
    process.stdout.write(createPublicKey(key).export({ type: 'spki', format: 'pem' }).toString());
    console.error(`Public key ${keyFingerprint(key)} of ${config.checkpointKey ?? generatedKeyFile(config.dataDir)}.`);
    return 0;
  }
  const checkpoint = values.checkpoint === undefined ? undefined : parseCheckpoint(readText(values.checkpoint, '--checkpoint'));
  const publicKeyFile = values['public-key'];
  const trustedKey = publicKeyFile === undefined ? undefined : parsePublicKey(readText(publicKeyFile, '--public-key'), `--public-key ${publicKeyFile}`);
  requireEventStore(config);
  const progress = progressLine(process.stderr, 'verify');
  const store = withProgress(openEventStore(config), progress);
  try {
    const { report, heads } = await verifyLog(store, { ...(checkpoint ? { checkpoint } : {}), ...(trustedKey ? { trustedKey } : {}) });
    progress.done();
    if (values.json) console.log(asJson(report));
    else console.log(reportLines(report).join('\n'));
    const out = values['write-checkpoint'];
    if (out !== undefined) {
      // Human notes go to stderr when stdout carries the JSON report.
      const note = values.json ? console.error : console.log;
      if (!report.intact) {
        note(`No checkpoint written to ${out}: the log is not intact, and a checkpoint would vouch for it.`);
      } else {
        const key = loadSigningKey({ keyFile: config.checkpointKey, dataDir: config.dataDir, production: config.env === 'production' });
        const signed = signCheckpoint({ heads, headPosition: report.headPosition, eventCount: report.eventsChecked }, key);
        try {
          writeFileSync(out, checkpointText(signed));
        } catch (error) {
          throw new UsageError(`--write-checkpoint ${out}: cannot write it (${describeFileError(error)})`);
        }
        note(
          `Checkpoint written to ${out}: ${heads.size} streams, head position ${report.headPosition ?? 'none'}, signed by ${keyFingerprint(key)}. Keep it outside the hub's database.`,
        );
      }
    }
    return report.intact ? 0 : 1;
  } finally {
    await store.close();
  }
}

runTool('verify', usage, main, [CheckpointInputError]);
