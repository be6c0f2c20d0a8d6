// `npm run import`: loads an NDJSON export into the empty event store of SAPAT_DATA_DIR (or
// SAPAT_STORE=kurrentdb). The file is checked whole before anything is written, and every hash the
// target store computes must equal the exported one.
import { statSync } from 'node:fs';
import { ImportRefusedError, importEvents } from '../audit/ndjson.ts';
import { DataDirectoryLockedError, lockDataDirectory } from '../data-directory-lock.ts';
import { openEventStore } from '../eventstore/index.ts';
import { progressLine, withProgress } from './progress.ts';
import { describeFileError, parseFlags, runTool, toolConfig, UsageError } from './tool.ts';

const usage = `Usage: npm run import -- --in <file>

Imports an export made by \`npm run export\` into the EMPTY event store of SAPAT_DATA_DIR.

  --in <file>   the NDJSON export (the whole log, or whole streams by --category/--stream)

Exit status: 0 imported, 1 refused (the file does not verify, or the store is not empty),
2 bad usage or the store could not be reached.`;

function inputFile(argv: string[]): string {
  const values = parseFlags('import', argv, { in: { type: 'string' as const } });
  if (values.in === undefined) throw new UsageError('--in <file> is required: the export to import');
  let isFile: boolean;
  try {
    isFile = statSync(values.in).isFile();
  } catch (error) {
    throw new UsageError(`--in ${values.in}: cannot read it (${describeFileError(error)})`);
  }
  if (!isFile) throw new UsageError(`--in ${values.in}: not a file`);
  return values.in;
}

async function main(argv: string[]): Promise<number> {
  const file = inputFile(argv);
  const config = toolConfig();
  // The embedded store lives in the data directory: no hub may write it while the import does.
  const lock = config.store === 'sqlite' ? lockDataDirectory(config.dataDir, 'npm run import') : undefined;
  const progress = progressLine(process.stderr, 'import');
  let store: ReturnType<typeof withProgress>;
  try {
    store = withProgress(openEventStore(config), progress);
  } catch (error) {
    lock?.release();
    throw error;
  }
  try {
    const summary = await importEvents(store, file);
    progress.done();
    console.log(
      // Not the KurrentDB URL: it may carry credentials.
      `Imported ${summary.events} events of ${summary.streams} streams from ${file} into the ${store.kind} store` +
        `${config.store === 'sqlite' ? ` in ${config.dataDir}` : ''}, head position ${summary.headPosition ?? 'none'}; ` +
        'every hash the store computed matches the export.',
    );
    return 0;
  } catch (error) {
    if (!(error instanceof ImportRefusedError)) throw error;
    console.error(`Import refused: ${error.message}`);
    return 1;
  } finally {
    await store.close();
    lock?.release();
  }
}

runTool('import', usage, main, [DataDirectoryLockedError]);
