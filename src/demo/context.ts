// What every demo module works with: the hub, the seeded generator, today's date on the hub's
// clock, the department's people as actors, and `send`, which runs a command exactly as a GraphQL
// mutation does (the command registry: authorisation, validation, the module's runner, the
// pipeline, the read models), so the demo's events, hash chains and history are real ones.
import { commandRegistry } from '../../schema/command.ts';
import type { Actor } from '../domain/decider.ts';
import { localDateOf, type IsoDate } from '../domain/values.ts';
import type { Hub } from '../hub.ts';
import type { Random } from './random.ts';

/** The department's people who act in the demo, each with the role the regulation gives them. */
export const demoActors = {
  director: { id: 'demo-director', name: 'Асанова Гүлнара', roles: ['director'] },
  accreditationHead: { id: 'demo-accreditation-head', name: 'Токтогулов Бакыт', roles: ['head_of_accreditation_sector'] },
  seniorInspector: { id: 'demo-senior-inspector', name: 'Сыдыкова Айзада', roles: ['senior_inspector'] },
  specialist: { id: 'demo-specialist', name: 'Осмонова Чолпон', roles: ['specialist'] },
  ratingHead: { id: 'demo-rating-head', name: 'Жумабаев Нурбек', roles: ['head_of_rating_division'] },
  methodist: { id: 'demo-methodist', name: 'Мамытова Динара', roles: ['methodist'] },
} satisfies Record<string, Actor>;

/** What one module leaves for the next (the list in modules.ts runs in order). */
export type DemoFacts = {
  /** Licence id by programme key (code, level and form of study), for the programmes that have one. */
  licences: Map<string, { licenseId: string; status: string }>;
  /** Ids of entities later modules refer to, by a name the module that made them chose. */
  ids: Map<string, string>;
};

export type DemoContext = {
  hub: Hub;
  random: Random;
  /** Today in Kyrgyzstan on the hub's clock; every date of the demo is counted from it. */
  today: IsoDate;
  year: number;
  daysAgo(days: number): IsoDate;
  daysAhead(days: number): IsoDate;
  facts: DemoFacts;
  /**
   * Runs one command as `actor`. `key` names it within the demo and becomes its commandId, so the
   * entity ids it derives are the same on every load. Answers with the entity's id; a refusal throws.
   */
  send(name: string, input: Record<string, unknown>, actor: Actor, key: string): Promise<{ id: string }>;
  /** Lets the hub's automation (reactors, the clock) act on everything stored so far. */
  settle(): Promise<void>;
  /** How many commands the demo has sent. */
  commands(): number;
};

const DAY_MS = 86_400_000;
const shift = (date: IsoDate, days: number): IsoDate => new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);

/** Why a demo command was refused, with the command named so the demo's author finds it. */
export class DemoCommandError extends Error {}

export function demoContext(hub: Hub, random: Random, settle: () => Promise<void>): DemoContext {
  const nowIso = () => new Date(hub.clock.now()).toISOString();
  const today = localDateOf(nowIso());
  // Commands are decided at the hub's clock, as the automation's follow-ups are (schema/follow-up.ts).
  const clocked: Hub = { ...hub, execute: (request) => hub.execute({ ...request, now: nowIso() }) };
  let sent = 0;
  return {
    hub,
    random,
    today,
    year: Number(today.slice(0, 4)),
    daysAgo: (days) => shift(today, -days),
    daysAhead: (days) => shift(today, days),
    facts: { licences: new Map(), ids: new Map() },
    async send(name, input, actor, key) {
      sent++;
      try {
        const payload = await commandRegistry.dispatch(
          { name, input, actor, commandId: `demo:${key}` },
          { actor, correlationId: `demo:${key}`, language: 'en', hub: clocked },
        );
        // Entity payloads carry `id`; payloads of one-stream registers (staffing, time off) carry the `key` of what they recorded.
        const { id, key: recorded } = payload as { id?: unknown; key?: unknown };
        return { id: String(id ?? recorded) };
      } catch (error) {
        const detail = (error as { issues?: unknown }).issues ? JSON.stringify((error as { issues: unknown }).issues) : '';
        throw new DemoCommandError(`demo command ${name} (${key}) was refused: ${(error as Error).message} ${detail}`.trim());
      }
    },
    settle,
    commands: () => sent,
  };
}
