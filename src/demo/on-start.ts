// `SAPAT_DEMO=1 npm start`: the hub loads the demo university before it starts serving, when its data
// directory is empty; a directory that already holds events is served as it is (so the same command
// restarts a demo hub), with a note saying why nothing was loaded.
import type { Hub } from '../hub.ts';
import { isEmptyLog, loadDemo } from './load.ts';

type Say = (message: string, fields?: Record<string, unknown>) => void;

export const demoRequested = (env: Record<string, string | undefined>): boolean => env.SAPAT_DEMO === '1' || env.SAPAT_DEMO === 'true';

export async function loadDemoOnStart(hub: Hub, say: Say): Promise<void> {
  if (!(await isEmptyLog(hub))) {
    say('SAPAT_DEMO: the data directory already holds events, so the demo university is not loaded again', { dataDir: hub.config.dataDir });
    return;
  }
  const report = await loadDemo(hub);
  say('SAPAT_DEMO: demo university loaded', { commands: report.commands, events: report.events, milliseconds: report.milliseconds });
}
