// The registry gate (src/commands/gate.ts): commands whose checks read the same fact run one after
// another; commands on other facts do not wait for them.
import { describe, expect, it } from 'vitest';
import { createGate } from '../src/commands/gate.ts';

/** A promise settled from outside, to hold a work open while the test looks at what else runs. */
function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

const turn = () => new Promise((resolve) => setImmediate(resolve));

describe('the registry gate', () => {
  it('queues works on one key and lets other keys run meanwhile', async () => {
    const gate = createGate();
    const started: string[] = [];
    const first = deferred();
    const a1 = gate.run('programme-1', async () => {
      started.push('a1');
      await first.promise;
    });
    const a2 = gate.run('programme-1', async () => {
      started.push('a2');
    });
    const b1 = gate.run('programme-2', async () => {
      started.push('b1');
    });
    await b1;
    await turn();
    // programme-2 ran while programme-1's first work was still open; programme-1's second waits.
    expect(started).toEqual(['a1', 'b1']);
    first.resolve();
    await Promise.all([a1, a2]);
    expect(started).toEqual(['a1', 'b1', 'a2']);
  });

  it('goes on with the queue after a refused work', async () => {
    const gate = createGate();
    const refused = gate.run('number-7', async () => {
      throw new Error('refused');
    });
    const next = gate.run('number-7', async () => 'ran');
    await expect(refused).rejects.toThrow('refused');
    expect(await next).toBe('ran');
  });
});
