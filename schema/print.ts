// `npm run schema:print` writes schema/schema.graphql; `npm run schema:check` fails when it is stale.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { printedSchema } from './index.ts';

const file = fileURLToPath(new URL('./schema.graphql', import.meta.url));
const sdl = printedSchema();

if (process.argv.includes('--check')) {
  let committed = '';
  try {
    committed = readFileSync(file, 'utf8');
  } catch {
    // a missing file is stale too
  }
  if (committed !== sdl) {
    console.error('schema/schema.graphql is out of date with the code: run `npm run schema:print` and commit it.');
    process.exit(1);
  }
  console.log('schema/schema.graphql matches the code.');
} else {
  writeFileSync(file, sdl);
  console.log(`wrote ${file}`);
}
