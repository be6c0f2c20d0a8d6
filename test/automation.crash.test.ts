// Acceptance: the hub as `npm start` runs it, killed with SIGKILL while the clock is recording
// licence expiries and while a webhook delivery is in flight (the kill comes from inside the
// receiver, before it answers), then restarted on the same data. Afterwards every licence has
// exactly one expiry, recorded by the system actor, and the receiver has taken every licence event
// in log order: none skipped, and any duplicate is the same body under the same idempotency key.
import { createHmac } from 'node:crypto';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { director, temporaryDirectory, tokenFor } from './support/fixtures.ts';
import { graphqlClient } from './support/graphql.ts';
import { startHubProcess, stopHubProcess, type HubProcess } from './support/hub-ready.ts';
import { applicationInput, expertGroupInput } from './support/licensing.ts';
import { APPLY, CONCLUDE, FORM_GROUP, GRANT } from './support/licensing-operations.ts';
import { webhookReceiver } from './support/webhook-receiver.ts';

const LICENCES = 8;
const KILL_AT_DELIVERY = 10;
const dir = temporaryDirectory();
afterAll(() => dir.remove());

type LogRow = { position: number; stream: string; type: string; metadata: string };
function readLog(): LogRow[] {
  const db = new Database(join(dir.path, 'events.db'), { readonly: true, fileMustExist: true });
  try {
    return db.prepare('SELECT position, stream, type, metadata FROM events ORDER BY position').all() as LogRow[];
  } finally {
    db.close();
  }
}

/** Each licence's application, made once: a resent command must say exactly what the first said. */
const applications = new Map<number, ReturnType<typeof applicationInput>>();
const applicationOf = (i: number) => applications.get(i) ?? applications.set(i, applicationInput()).get(i)!;

/** Each licence's four steps, with fixed command ids, so a client that lost its answer sends the same command again. */
function steps(i: number, licenseId: string | undefined): [string, string, Record<string, unknown>][] {
  const id = licenseId ?? '';
  return [
    [`apply-${i}`, APPLY, applicationOf(i)],
    [`group-${i}`, FORM_GROUP, expertGroupInput(id)],
    [`conclude-${i}`, CONCLUDE, { licenseId: id, outcome: 'POSITIVE', summary: 'Meets the requirements', concludedOn: '2026-02-20' }],
    // Valid until a day long past: the clock records the expiry as soon as it sees the grant.
    [`grant-${i}`, GRANT, { licenseId: id, licenseNumber: `LS${i}`, appendixNumber: '1', grantedOn: '2026-03-01', validUntil: '2026-03-31' }],
  ];
}

describe('automation across SIGKILL', () => {
  it('leaves exactly one follow-up per licence and every webhook delivery done, in order', async () => {
    const env = { SAPAT_WEBHOOK_RETRY_BASE_MS: '10', SAPAT_WEBHOOK_RETRY_MAX_MS: '100' };
    let hub: HubProcess = await startHubProcess(dir.path, env);
    let killed = false;
    const keys = new Set<string>();
    const receiver = await webhookReceiver((request) => {
      keys.add(request.key);
      if (!killed && keys.size === KILL_AT_DELIVERY) {
        killed = true;
        hub.child.kill('SIGKILL');
      }
      // Every fourth event's first attempt fails on purpose.
      return Number(request.key) % 4 === 0 && request.attempt === 1 ? 503 : 200;
    });
    const token = await tokenFor(director);
    const gql = () => graphqlClient(fetch, hub.url);
    const registered = await gql()(
      `mutation($input: RegisterWebhookInput!) { registerWebhook(input: $input) { __typename ... on WebhookPayload { secret position } } }`,
      { input: { url: receiver.url(), categories: ['license'], commandId: 'register-portal' } },
      { token },
    );
    const { secret, position: registeredAt } = registered.data!.registerWebhook as { secret: string; position: string };

    const licenseIds: (string | undefined)[] = [];
    /** Sends every step not yet answered; stops at the first request the dead hub cannot answer. */
    async function client(): Promise<boolean> {
      for (let i = 0; i < LICENCES; i++) {
        for (let step = 0; step < 4; step++) {
          // The licence's id comes with the answer to its application.
          const [commandId, operation, input] = steps(i, licenseIds[i])[step]!;
          const res = await gql()(operation, { input: { ...input, commandId } }, { token }).catch(() => undefined);
          if (!res) return false;
          const payload = Object.values(res.data ?? {})[0] as { __typename: string; license: { licenseId: string } };
          expect(payload.__typename, JSON.stringify(res)).toBe('LicensePayload');
          licenseIds[i] = payload.license.licenseId;
        }
      }
      return true;
    }
    expect(await client()).toBe(false);
    expect(await hub.exited).toEqual({ code: null, signal: 'SIGKILL' });
    const grantedBeforeKill = readLog().filter((e) => e.type === 'LicenseGranted').length;
    expect(grantedBeforeKill).toBeGreaterThan(0);

    hub = await startHubProcess(dir.path, env);
    expect(await client()).toBe(true);
    // Every licence expired: the clock caught up after the restart.
    for (;;) {
      const res = await gql()(`{ licenses(first: 100, filter: { statuses: [EXPIRED] }) { edges { node { licenseId } } } }`, {}, { token });
      if (res.data?.licenses.edges.length === LICENCES) break;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    const expected = readLog()
      .filter((e) => e.stream.startsWith('license-') && e.position > Number(registeredAt))
      .map((e) => String(e.position));
    await receiver.until(() => expected.every((p) => receiver.taken().includes(p)));
    await stopHubProcess(hub);
    await receiver.stop();

    const log = readLog();
    const expiries = log.filter((e) => e.type === 'LicenseExpired');
    expect(expiries.map((e) => e.stream).sort()).toEqual(licenseIds.map((id) => `license-${id}`).sort());
    for (const expiry of expiries) expect(JSON.parse(expiry.metadata).actor.roles).toEqual(['system']);

    const taken = receiver.taken();
    const firsts = taken.filter((position, i) => taken.indexOf(position) === i);
    expect(firsts).toEqual(expected);
    for (const request of receiver.received) {
      expect(request.key).toBe(request.position);
      expect(request.signature).toBe(`sha256=${createHmac('sha256', secret).update(request.body).digest('hex')}`);
      expect(request.body).toBe(receiver.received.find((r) => r.key === request.key)!.body);
    }
  }, 240_000);
});
