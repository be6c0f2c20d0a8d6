// Commands whose rules read beyond their own stream (a licence number is unique in the registry; a
// programme has one pending application) must not interleave their check with their append, or two
// of them could both pass the check. One hub process owns the store (a lock on the data directory
// says so), so queueing those commands in the process is enough: each one checks the registry,
// appends and waits for the registry to include its events before the next one checks.
export type Gate = { run<T>(work: () => Promise<T>): Promise<T> };

export function createGate(): Gate {
  let tail: Promise<unknown> = Promise.resolve();
  return {
    run(work) {
      const result = tail.then(work);
      // A refused command must not stop the queue behind it.
      tail = result.catch(() => undefined);
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
