// The demo university, loaded in process into a temporary data directory as `npm run demo` loads it:
// every registry has rows, every licence state and accreditation stage is there, the log's hash
// chains hold, the records were made by the department's people (and the hub's automation) with
// their roles, and a second load, in process or by `npm run demo`, is refused.
import { execFile } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyLog } from '../src/audit/verify.ts';
import { demoModules } from '../src/demo/modules.ts';
import { DemoRefusedError, loadDemo, openDemoHub, type DemoReport } from '../src/demo/load.ts';
import { licenseStatus } from '../src/domain/licensing.ts';
import { accreditationStage } from '../src/domain/accreditation-terms.ts';
import { exampleOperations } from '../src/http/graphiql-examples.ts';
import { localDateOf } from '../src/domain/values.ts';
import type { Hub } from '../src/hub.ts';
import { createGraphQLHandler } from '../src/server.ts';
import { director, TEST_SECRET, temporaryDirectory, testConfig, tokenFor } from './support/fixtures.ts';
import { yogaClient } from './support/graphql.ts';
import { repository } from './support/hub-process.ts';

let dir: ReturnType<typeof temporaryDirectory>;
let hub: Hub;
let report: DemoReport;
let closed = false;

// About two thousand commands; some seconds alone, longer on a machine shared by several test runs.
const LOAD_TIMEOUT = 180_000;

beforeAll(async () => {
  dir = temporaryDirectory();
  hub = await openDemoHub(testConfig(dir.path));
  report = await loadDemo(hub);
}, LOAD_TIMEOUT);
afterAll(async () => {
  if (!closed) await hub?.close();
  dir?.remove();
});

const countsBy = (table: string, column: string): Record<string, number> =>
  Object.fromEntries(
    (hub.readModels.prepare(`SELECT ${column} AS key, count(*) AS n FROM ${table} GROUP BY ${column}`).all() as { key: string; n: number }[]).map((r) => [
      r.key,
      Number(r.n),
    ]),
  );
const count = (table: string): number => Number((hub.readModels.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n);

describe('the demo university', () => {
  it('loads every module through the command pipeline', () => {
    expect(report.modules.map((m) => m.name)).toEqual(demoModules.map((m) => m.name));
    for (const module of report.modules) expect(module.commands, module.name).toBeGreaterThan(0);
    expect(report.commands).toBeGreaterThan(1000);
    // Commands and the follow-ups the automation sent in answer: at least one event each.
    expect(report.events).toBeGreaterThanOrEqual(report.commands);
  });

  it('fills the registries and read models', () => {
    expect(count('licenses')).toBeGreaterThanOrEqual(60);
    expect(count('programmes')).toBeGreaterThanOrEqual(40);
    expect(count('agencies')).toBe(3);
    expect(count('evidence')).toBeGreaterThan(0);
    expect(count('strategic_plans')).toBe(1);
    expect(count('indicators')).toBeGreaterThanOrEqual(12);
    expect(count('indicator_measurements')).toBeGreaterThanOrEqual(40);
    expect(count('indicator_deviations')).toBeGreaterThan(0);
    expect(count('rating_entries')).toBeGreaterThanOrEqual(200);
    expect(count('documents')).toBeGreaterThanOrEqual(8);
    expect(count('monitorings')).toBeGreaterThanOrEqual(3);
    expect(count('swot_analyses')).toBeGreaterThanOrEqual(2);
    expect(count('proposals')).toBeGreaterThanOrEqual(3);
    expect(count('quality_plans')).toBe(1);
    expect(count('deadlines')).toBeGreaterThan(0);
  });

  it('has a licence in every state and an accreditation case at every stage', () => {
    expect(Object.keys(countsBy('licenses', 'status')).sort()).toEqual([...licenseStatus.options].sort());
    expect(countsBy('licenses', 'status').active).toBeGreaterThan(30);
    expect(Object.keys(countsBy('accreditations', 'stage')).sort()).toEqual([...accreditationStage.options].sort());
  });

  it('has corrective actions at every step and a published rating with entries of every status', () => {
    expect(Object.keys(countsBy('corrective_actions', 'status')).sort()).toEqual(['cancelled', 'done', 'in_progress', 'planned', 'verified_effective']);
    expect(countsBy('rating_campaigns', 'status')).toEqual({ draft: 1, published: 1 });
    expect(Object.keys(countsBy('rating_entries', 'status')).sort()).toEqual(['draft', 'returned', 'verified']);
    expect(Object.keys(countsBy('documents', 'status')).sort()).toEqual(['draft', 'in_force', 'retired']);
  });

  it('has rankings with three years of editions, a submission at every step, results with a trend and a measure', () => {
    expect(count('ranking_organisations')).toBe(4);
    expect(countsBy('ranking_organisations', 'kind')).toEqual({ international: 3, national_ministry: 1 });
    expect(count('ranking_agreements')).toBe(1);
    const year = Number(localDateOf(new Date(hub.clock.now()).toISOString()).slice(0, 4));
    expect(countsBy('ranking_editions', 'year')).toEqual({ [year - 2]: 4, [year - 1]: 4, [year]: 4 });
    expect(Object.keys(countsBy('ranking_editions', 'submission_status')).sort()).toEqual([
      'acknowledged',
      'approved',
      'not_required',
      'submitted',
      'verified',
    ]);
    expect(Object.keys(countsBy('ranking_editions', 'trend')).sort()).toEqual(expect.arrayContaining(['declined', 'first_result', 'improved', 'unchanged']));
    expect(countsBy('ranking_values', 'status')).toEqual({ verified: count('ranking_values') });
    expect(hub.readModels.prepare('SELECT strategy_indicator_id FROM ranking_measures').all()).toEqual([{ strategy_indicator_id: expect.any(String) }]);
    expect(countsBy('ranking_cooperation_activities', 'status')).toEqual({ cancelled: 1, done: 2, planned: 2 });
    expect(count('ranking_cooperation_activities WHERE overdue_on IS NOT NULL')).toBe(1);
  });

  it('staffs the department by proposal, consent and order, with one vacancy, an acting director in the past, tasks and working time', () => {
    expect(count('staffing_positions WHERE person_id IS NOT NULL')).toBe(9);
    expect(count('staffing_positions WHERE person_id IS NULL')).toBe(1);
    expect(countsBy('staff_cases', 'status')).toEqual({ declined: 1, ordered: 8 });
    expect(countsBy('acting_designations', 'status')).toEqual({ ended: 1 });
    expect(countsBy('organisation_tasks', 'status')).toEqual({ assigned: 2, done: 2, in_progress: 1 });
    expect(count('organisation_tasks WHERE overdue_on IS NOT NULL')).toBe(2);
    expect(count('working_schedules')).toBe(1);
    expect(count('overtime_entries')).toBe(3);
    expect(count('time_off_entries')).toBe(2);
  });

  it('keeps the secretariat’s records and surveys with results', () => {
    const requests = hub.readModels.prepare('SELECT state FROM data_requests').all() as { state: string }[];
    const statuses = requests.map((r) => JSON.parse(r.state) as { status: string; overdueOn: string | null });
    expect(statuses.map((r) => r.status).sort()).toEqual(['accepted', 'accepted', 'accepted', 'returned', 'sent', 'sent']);
    expect(statuses.filter((r) => r.overdueOn !== null)).toHaveLength(1);
    expect(count('umo_sessions')).toBe(1);
    expect(count('meetings')).toBe(1);
    expect(count('analytical_reports')).toBe(1);
    expect(count('publications')).toBe(1);
    expect(hub.readModels.prepare('SELECT latest_version, published_version FROM assessment_instruments').all()).toEqual([
      { latest_version: 2, published_version: 2 },
    ]);
    expect(countsBy('survey_rounds', 'status')).toEqual({ cancelled: 1, closed: 3, open: 1, planned: 1 });
    expect(count("survey_rounds WHERE results IS NOT NULL AND results <> '[]'")).toBe(3);
  });

  it('writes a log whose hash chains hold, as the department’s people and the hub’s automation', async () => {
    const { report: integrity } = await verifyLog(hub.rawStore);
    expect(integrity.intact).toBe(true);
    expect(integrity.eventsChecked).toBe(report.events);
    const actors = new Map<string, string[]>();
    for await (const event of hub.store.readAll()) {
      const actor = event.metadata.actor as { id: string; roles: string[] };
      actors.set(actor.id, actor.roles);
    }
    expect(actors.get('demo-director')).toEqual(['director']);
    expect(actors.get('demo-rating-head')).toEqual(['head_of_rating_division']);
    expect(actors.get('sapat-system')).toEqual(['system']);
    expect([...actors.values()].filter((roles) => roles.includes('teacher')).length).toBeGreaterThanOrEqual(200);
    // Nothing the automation sent in answer was refused.
    expect(hub.automation.prepare('SELECT count(*) AS n FROM follow_up_refusals').get()).toEqual({ n: 0 });
  });

  it('answers every GraphiQL example with data, as the director', async () => {
    const gql = yogaClient(createGraphQLHandler(hub, { secret: TEST_SECRET }));
    const token = await tokenFor(director);
    for (const example of exampleOperations) {
      const answer = await gql(example.query, example.variables ?? {}, { token });
      expect(answer.errors, example.title).toBeUndefined();
      for (const [field, value] of Object.entries(answer.data!)) {
        // A connection's edges, the log's events, or a plain list (the staffing table).
        const rows = Array.isArray(value) ? value : ((value as { edges?: unknown[] }).edges ?? (value as { events?: unknown[] }).events);
        if (rows) expect(rows.length, `${example.title}: ${field}`).toBeGreaterThan(0);
        else expect((value as { __typename: string }).__typename, example.title).toMatch(/Payload$/);
      }
    }
  });

  it('refuses to load into a log that holds events, and changes nothing', async () => {
    const head = await hub.store.headPosition();
    await expect(loadDemo(hub)).rejects.toThrow(DemoRefusedError);
    expect(await hub.store.headPosition()).toEqual(head);
  });

  it('npm run demo refuses a data directory that holds events: exit status 2 and one line', async () => {
    await hub.close();
    closed = true;
    const outcome = await new Promise<{ code: number; stdout: string; stderr: string }>((resolve) =>
      execFile(
        process.execPath,
        ['--import', 'tsx', 'src/cli/demo.ts'],
        { cwd: repository, env: { ...process.env, SAPAT_DATA_DIR: dir.path, NODE_ENV: 'development' } },
        (error, stdout, stderr) => resolve({ code: error ? Number(error.code) : 0, stdout, stderr }),
      ),
    );
    expect(outcome.code).toBe(2);
    expect(outcome.stdout).toBe('');
    expect(outcome.stderr.trim().split('\n')).toEqual([expect.stringMatching(/^demo: the event store in .* already holds events/)]);
  }, 120_000);
});
