import { createRequire } from 'node:module';
import { defineConfig } from 'vitest/config';

const require = createRequire(import.meta.url);

export default defineConfig({
  resolve: {
    // graphql 16 ships CommonJS (index.js) and ESM (index.mjs) side by side. Node, and so the
    // libraries vitest leaves to Node, load index.js; vite would hand our own files index.mjs.
    // Two copies of GraphQLError break `instanceof` and Yoga masks every error we throw, so
    // everything here gets the copy Node loads, as in production.
    alias: [{ find: /^graphql$/, replacement: require.resolve('graphql') }],
  },
  test: {
    include: ['test/**/*.test.ts'],
    // Ceilings that turn a hang into a failure, not expectations: on a loaded two-core machine a
    // test that spawns a process can take many times its usual time. Tests wait on signals.
    testTimeout: 300_000,
    hookTimeout: 120_000,
    // Tests that start servers and child processes share two cores; more workers only thrash.
    maxWorkers: 2,
    // Each test file used to load the whole hub (every module, the Pothos schema) afresh: 170 s of a
    // 310 s run was imports. Files in one worker now share those modules. Nothing in the product keeps
    // per-process state a test depends on (each test opens its own hub on its own directory), and the
    // one test that fakes timers restores them in a finally.
    isolate: false,
  },
});
