// `npm run demo`: loads the demo Osh State University into the data directory (SAPAT_DATA_DIR) through
// the hub's own command pipeline, then exits; `npm start` then serves it. It refuses, with exit
// status 2 and one line, a data directory whose event store already holds events.
import { DataDirectoryLockedError, lockDataDirectory } from '../data-directory-lock.ts';
import { DEFAULT_DEMO_SEED, DemoRefusedError, loadDemo, openDemoHub } from '../demo/load.ts';
import { parseFlags, runTool, toolConfig, UsageError } from './tool.ts';

const usage = `Usage: npm run demo -- [--seed <n>]

Loads a demo Osh State University (the department's staffing, tasks and working time, units, programmes
and licences, accreditation cases, the strategy's indicators and corrective actions, a teaching-staff
rating, documents, monitoring, SWOT, proposals, a quality plan, rankings, the secretariat's records and
surveys) into the empty data directory SAPAT_DATA_DIR (default ./data), as the department's staff
would enter it. Then: npm start, and open GraphiQL.

  --seed <n>   another demo university (default ${DEFAULT_DEMO_SEED}); the same seed loads the same records

Exit status: 0 loaded, 2 the data directory already holds events, or bad usage.`;

async function main(argv: string[]): Promise<number> {
  const values = parseFlags('demo', argv, { seed: { type: 'string' as const } });
  const seed = values.seed === undefined ? DEFAULT_DEMO_SEED : Number(values.seed);
  if (!Number.isSafeInteger(seed)) throw new UsageError(`--seed ${values.seed}: must be a whole number`);
  const config = toolConfig();
  const lock = lockDataDirectory(config.dataDir, 'the demo loader');
  try {
    const hub = await openDemoHub(config);
    try {
      const report = await loadDemo(hub, { seed, onModule: (name) => process.stderr.write(`demo: loading ${name}\n`) });
      console.log(
        `Demo university loaded into ${config.dataDir}: ${report.commands} commands, ${report.events} events in ${(report.milliseconds / 1000).toFixed(1)} s. Now: npm start`,
      );
      return 0;
    } finally {
      await hub.close();
    }
  } finally {
    lock.release();
  }
}

runTool('demo', usage, main, [DemoRefusedError, DataDirectoryLockedError]);
