import { describe, expect, it } from 'vitest';
import { heapKinds } from '../../../bench/lib/heap-snapshot.js';

// A heap snapshot's layout as V8 writes it: flat node records described by `meta.node_fields`.
const meta: { node_fields: string[]; node_types: [string[]] } = {
  node_fields: ['type', 'name', 'id', 'self_size', 'edge_count', 'trace_node_id', 'detachedness'],
  node_types: [
    [
      'hidden',
      'array',
      'string',
      'object',
      'code',
      'closure',
      'regexp',
      'number',
      'native',
      'synthetic',
      'concatenated string',
      'sliced string',
      'symbol',
      'bigint',
      'object shape',
    ],
  ],
};
const node = (type: string, selfSize: number) => [meta.node_types[0]!.indexOf(type), 0, 0, selfSize, 0, 0, 0];

describe("the soak's heap snapshot kinds", () => {
  it('tells JavaScript objects from compiled code and Blink objects, and leaves out the synthetic roots', () => {
    const nodes = [
      node('synthetic', 0),
      node('object', 100),
      node('closure', 40),
      node('string', 20),
      node('hidden', 8),
      node('code', 500),
      node('native', 300),
      node('synthetic', 7),
    ].flat();
    expect(heapKinds({ snapshot: { meta }, nodes })).toEqual({ jsObjectBytes: 168, codeBytes: 500, nativeBytes: 300 });
  });
});
