// Commands whose rules read beyond their own stream (a licence number is unique in the registry; a
// programme has one pending application) must not interleave their check with their append, or two
// of them could both pass the check. One hub process owns the store (a lock on the data directory
// says so), so queueing those commands in the process is enough: each one checks the registry,
// appends and waits for the registry to include its events before the next one checks.
// Only commands whose checks can contradict each other need to queue, so the queue is per key: the
// fact the check reads (one programme, one licence number). Commands on other keys run meanwhile,
// and their appends can share a commit (src/eventstore/group-commit.ts).
export type Gate = {
  /** Runs `work` once every earlier work on the same key has settled; other keys do not wait. */
  run<T>(key: string, work: () => Promise<T>): Promise<T>;
};

export function createGate(): Gate {
  /** The last work queued on each key; dropped once it settles with nothing queued behind it. */
  const tails = new Map<string, Promise<unknown>>();
  return {
    run(key, work) {
      const result = (tails.get(key) ?? Promise.resolve()).then(work);
      // A refused command must not stop the queue behind it.
      const tail = result.catch(() => undefined);
      tails.set(key, tail);
      void tail.then(() => {
        if (tails.get(key) === tail) tails.delete(key);
      });
      return result;
    },
  };
}

const gates = new WeakMap<object, Gate>();

/** The one gate of whatever owns the appends (a hub's store), made on first use. */
export function gateOf(owner: object): Gate {
  let gate = gates.get(owner);
  if (!gate) gates.set(owner, (gate = createGate()));
  return gate;
}
