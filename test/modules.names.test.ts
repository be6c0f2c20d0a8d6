// Modules are written side by side, and a projection picks its events by type name alone: an event
// type two modules both declare would be folded by the other module's projection, with data it cannot
// read. The same holds for command names, which are mutation names. This guards both across every
// domain file, so a clash fails here with both owners named instead of as a poisoned read model.
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const domain = new URL('../src/domain/', import.meta.url);

async function declaredKeys(suffix: RegExp): Promise<Map<string, string[]>> {
  const owners = new Map<string, string[]>();
  for (const file of readdirSync(domain).filter((f) => f.endsWith('.ts'))) {
    const module = (await import(new URL(file, domain).href)) as Record<string, unknown>;
    for (const [exported, value] of Object.entries(module)) {
      if (!suffix.test(exported) || typeof value !== 'object' || value === null) continue;
      for (const key of Object.keys(value)) owners.set(key, [...(owners.get(key) ?? []), `${file} ${exported}`]);
    }
  }
  return owners;
}

const clashes = (owners: Map<string, string[]>) => [...owners].filter(([, where]) => where.length > 1).map(([name, where]) => `${name}: ${where.join(', ')}`);

describe('names across modules', () => {
  it('gives every event type one owner', async () => {
    const owners = await declaredKeys(/EventSchemas$/);
    expect(owners.size).toBeGreaterThan(100);
    expect(clashes(owners)).toEqual([]);
  });

  it('gives every command one owner', async () => {
    const owners = await declaredKeys(/Permissions$/);
    expect(owners.has('applyForLicense')).toBe(true);
    expect(clashes(owners)).toEqual([]);
  });
});
