// What tests need to run the hub for real: a temporary data directory, a configuration pointing at
// it, actors with the department's roles, and tokens signed the way the hub verifies them.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { signToken } from '../../src/auth/tokens.ts';
import { loadConfig, type Config } from '../../src/config.ts';
import type { Actor } from '../../src/domain/decider.ts';

export const TEST_SECRET = 'sapat-test-secret-with-at-least-32-characters';

export function temporaryDirectory(): { path: string; remove: () => void } {
  const path = mkdtempSync(join(tmpdir(), 'sapat-test-'));
  return { path, remove: () => rmSync(path, { recursive: true, force: true }) };
}

export const testConfig = (dataDir: string, overrides: Record<string, string> = {}): Config =>
  loadConfig({
    NODE_ENV: 'test',
    SAPAT_DATA_DIR: dataDir,
    SAPAT_JWT_SECRET: TEST_SECRET,
    SAPAT_LOG_LEVEL: 'silent',
    PORT: '0',
    HOST: '127.0.0.1',
    ...overrides,
  });

export const director: Actor = { id: 'u-director', name: 'Gulnara Asanova', roles: ['director'] };
export const sectorHead: Actor = { id: 'u-sector-head', name: 'Bakyt Toktogulov', roles: ['head_of_accreditation_sector'] };
export const inspector: Actor = { id: 'u-inspector', name: 'Aizada Sydykova', roles: ['inspector'] };
export const teacher: Actor = { id: 'u-teacher', name: 'Nurlan Abdyrakhmanov', roles: ['teacher'], unit: 'faculty-economics' };

export const tokenFor = (actor: Actor, expiresIn: string | number = '1h', secret = TEST_SECRET): Promise<string> => signToken({ secret }, actor, expiresIn);

/** Temporary directories made one by one during a test file and removed together at its end. */
export function temporaryDirectories(): { newDir: () => string; removeAll: () => void } {
  const made: ReturnType<typeof temporaryDirectory>[] = [];
  return {
    newDir: () => {
      const dir = temporaryDirectory();
      made.push(dir);
      return dir.path;
    },
    removeAll: () => {
      for (const dir of made.splice(0)) dir.remove();
    },
  };
}
