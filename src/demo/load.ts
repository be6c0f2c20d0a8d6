// Loading the demo university into a hub: only into an empty log (a demo mixed into real records
// would be indistinguishable from them), with the hub's automation running beside it so that what
// the clock and the reactors do in answer (expiries, deviations) is recorded by the system actor.
import { join } from 'node:path';
import { automationParts } from '../../schema/follow-up.ts';
import { startAutomation } from '../automation/index.ts';
import type { Config } from '../config.ts';
import { openSqliteEventStore } from '../eventstore/sqlite.ts';
import { openHub, type Hub } from '../hub.ts';
import { demoContext } from './context.ts';
import { demoModules } from './modules.ts';
import { seededRandom } from './random.ts';

export const DEFAULT_DEMO_SEED = 1939;

/** The log already holds events: the demo never writes into it. */
export class DemoRefusedError extends Error {}

export type DemoReport = { commands: number; events: number; modules: { name: string; commands: number }[]; milliseconds: number };

/**
 * A hub for loading the demo. A load that stops half-way is loaded again into a fresh directory, so
 * the embedded store need not wait for the disk after every command (the hub itself writes with
 * synchronous FULL).
 */
export function openDemoHub(config: Config): Promise<Hub> {
  if (config.store !== 'sqlite') return openHub(config);
  return openHub(config, { store: openSqliteEventStore({ path: join(config.dataDir, 'events.db'), synchronous: 'NORMAL' }) });
}

export async function isEmptyLog(hub: Hub): Promise<boolean> {
  return (await hub.store.headPosition()) === undefined;
}

export async function loadDemo(hub: Hub, options: { seed?: number; onModule?: (name: string) => void } = {}): Promise<DemoReport> {
  const started = Date.now();
  if (!(await isEmptyLog(hub))) {
    throw new DemoRefusedError(`the event store in ${hub.config.dataDir} already holds events; the demo loads only into an empty data directory`);
  }
  const automation = await startAutomation(hub, automationParts(hub));
  try {
    const demo = demoContext(hub, seededRandom(options.seed ?? DEFAULT_DEMO_SEED), () => automation.settled());
    const modules: DemoReport['modules'] = [];
    for (const module of demoModules) {
      options.onModule?.(module.name);
      const before = demo.commands();
      await module.load(demo);
      await automation.settled();
      modules.push({ name: module.name, commands: demo.commands() - before });
    }
    let events = 0;
    for await (const _ of hub.store.readAll()) events++;
    return { commands: demo.commands(), events, modules, milliseconds: Date.now() - started };
  } finally {
    await automation.stop();
  }
}
