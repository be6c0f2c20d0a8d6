// Requests over HTTP against their floor (issue 16, rows 1 and 2): the hub and a bare graphql-yoga
// server (bench/baseline-yoga.ts) run side by side as child processes, and the load alternates
// between them round by round, so both see the same machine; the ratio of medians is the result.
//
//   npx tsx bench/http.bench.ts        (ROUNDS=5 SECONDS=5 CLIENTS=10 LICENCES=2000 by default)
//   PARTS=writes (or reads) runs only that half; the reads still seed LICENCES licences first.
// Both servers run with NODE_ENV=production, as deployed (graphql-js checks its types more slowly
// otherwise); BENCH_NODE_ENV=test runs them as the tests do. Each round also reads both servers' CPU
// time, and the CPU per request is printed beside the rates: on a shared machine it varies far less.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { signToken } from '../src/auth/tokens.ts';
import { fmt, gql, load, type LoadResult, median, newProgrammeApplication, SECRET, startHub, startServer } from './support.ts';

const ROUNDS = Number(process.env.ROUNDS ?? 5);
const SECONDS = Number(process.env.SECONDS ?? 5);
const CLIENTS = Number(process.env.CLIENTS ?? 10);
const LICENCES = Number(process.env.LICENCES ?? 2000);
const PARTS = (process.env.PARTS ?? 'writes,reads').split(',');

const APPLY = `mutation($input: ApplyForLicenseInput!) { applyForLicense(input: $input) { __typename } }`;
const BARE_APPLY = `mutation($input: ApplicationInput!) { applyForLicense(input: $input) }`;
// The same 15 fields from both servers.
const PAGE = `{ licenses(first: 50) { edges { cursor node { id licenseId programmeCode programmeName { ky ru en } level formOfStudy
  faculty status capacity requestedCapacity submittedOn grantedOn validUntil licenseNumber revision updatedAt } } pageInfo { hasNextPage endCursor } } }`;

let programmes = 0;
/** Each application is for a programme never applied for, as the hub refuses a second pending one. */
const application = () => newProgrammeApplication(programmes++);

type Pair = { sapat: LoadResult[]; bare: LoadResult[] };

function report(title: string, target: string, pair: Pair): void {
  const sapat = median(pair.sapat.map((r) => r.perSecond));
  const bare = median(pair.bare.map((r) => r.perSecond));
  const p99 = median(pair.sapat.map((r) => r.p99));
  console.log(`${title}: Sapat ${fmt(sapat)} req/s (p99 ${fmt(p99, 1)} ms), bare yoga ${fmt(bare)} req/s, ratio ${fmt(sapat / bare, 2)} (target ${target})`);
  console.log(`  rounds, Sapat: ${pair.sapat.map((r) => fmt(r.perSecond)).join(', ')}; bare: ${pair.bare.map((r) => fmt(r.perSecond)).join(', ')}`);
  // CPU per request varies far less than requests per second when other work shares the cores.
  const sapatCpu = median(pair.sapat.map((r) => r.cpuMsPerRequest));
  const bareCpu = median(pair.bare.map((r) => r.cpuMsPerRequest));
  console.log(`  server CPU per request: Sapat ${fmt(sapatCpu, 2)} ms, bare yoga ${fmt(bareCpu, 2)} ms, ratio ${fmt(bareCpu / sapatCpu, 2)}`);
}

async function main(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'sapat-http-bench-'));
  const [hub, bare] = await Promise.all([startHub(dataDir), startServer('bench/baseline-yoga.ts')]);
  try {
    const director = await signToken({ secret: SECRET }, { id: 'bench-director', name: 'Bench Director', roles: ['director'] }, '2h');
    // Seed the registry the reads page through, at the concurrency the benchmark uses.
    let seeded = 0;
    const seedTo = PARTS.includes('reads') ? LICENCES : CLIENTS * 20;
    await Promise.all(
      Array.from({ length: CLIENTS }, async () => {
        while (seeded < seedTo) {
          seeded++;
          await gql(hub.url, director, APPLY, { input: application() });
        }
      }),
    );
    const reads: Pair = { sapat: [], bare: [] };
    const writes: Pair = { sapat: [], bare: [] };
    if (PARTS.includes('reads')) {
      const first = await gql(hub.url, director, PAGE);
      if (first.licenses.edges.length !== 50) throw new Error('the hub did not serve a page of 50 licences');
      // A short warm-up of each, not counted (JIT, statement caches, connection pools).
      await load(1, CLIENTS, () => gql(hub.url, director, PAGE));
      await load(1, CLIENTS, () => gql(bare.url, undefined, PAGE));
      for (let round = 0; round < ROUNDS; round++) {
        reads.sapat.push(await load(SECONDS, CLIENTS, () => gql(hub.url, director, PAGE), hub));
        reads.bare.push(await load(SECONDS, CLIENTS, () => gql(bare.url, undefined, PAGE), bare));
      }
    }
    if (PARTS.includes('writes')) {
      for (let round = 0; round < ROUNDS; round++) {
        writes.sapat.push(await load(SECONDS, CLIENTS, () => gql(hub.url, director, APPLY, { input: application() }), hub));
        writes.bare.push(await load(SECONDS, CLIENTS, () => gql(bare.url, undefined, BARE_APPLY, { input: application() }), bare));
      }
    }
    console.log(`Node ${process.version}, ${CLIENTS} concurrent clients, ${ROUNDS} interleaved rounds of ${SECONDS} s, medians`);
    if (PARTS.includes('writes')) report(`applyForLicense`, '≥ 0.40', writes);
    if (PARTS.includes('reads')) report(`licenses(first: 50), 15 fields, ${LICENCES} licences`, '≥ 0.60', reads);
  } finally {
    await Promise.all([hub.stop(), bare.stop()]);
    rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
