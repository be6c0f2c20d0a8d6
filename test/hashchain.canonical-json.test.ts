// canonicalJson writes common primitives itself instead of calling JSON.stringify for each
// (src/eventstore/hashchain.ts); what it writes must stay exactly what JSON.stringify writes, or
// every hash of the chain would change.
import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../src/eventstore/hashchain.ts';

const strings = [
  '',
  'plain',
  'a"quote',
  'back\\slash',
  'ctl\u0001',
  'new\nline',
  'tab\t',
  '\u001f',
  '\u007f',
  '\u2028\u2029',
  'pair 😀',
  'lone \ud800 high',
  'lone \udc00 low',
  'ошсу',
];
const numbers = [
  0,
  -0,
  1,
  -1.5,
  0.1 + 0.2,
  1e21,
  1e-7,
  2 ** 53 + 2,
  Number.MAX_VALUE,
  Number.MIN_VALUE,
  Number.NaN,
  Number.POSITIVE_INFINITY,
  Number.NEGATIVE_INFINITY,
];

describe('canonicalJson', () => {
  it('writes strings, numbers, booleans and null as JSON.stringify does, as values and as keys', () => {
    for (const value of [...strings, ...numbers, true, false, null]) {
      expect(canonicalJson(value)).toBe(JSON.stringify(value));
      expect(canonicalJson([value])).toBe(JSON.stringify([value]));
    }
    for (const key of strings) expect(canonicalJson({ [key]: 1 })).toBe(JSON.stringify({ [key]: 1 }));
  });

  it('sorts keys at every depth and otherwise follows JSON.stringify', () => {
    const value = { b: [1, undefined, () => 1, 'x'], a: { d: new Date(0), c: undefined, e: { toJSON: () => 'tj' } } };
    expect(canonicalJson(value)).toBe('{"a":{"d":"1970-01-01T00:00:00.000Z","e":"tj"},"b":[1,null,null,"x"]}');
    expect(() => canonicalJson({ n: 1n })).toThrow(TypeError);
  });
});
