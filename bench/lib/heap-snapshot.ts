/**
 * What a page's heap holds, by kind, from a V8 heap snapshot (CDP `HeapProfiler.takeHeapSnapshot`)
 * after a forced GC: the memory soak's way to tell the app's own objects from the code V8 compiles.
 *
 * - `jsObjectBytes`: everything JavaScript can hold: objects, closures, arrays, strings, numbers,
 *   and V8's bookkeeping for them (hidden classes, feedback). An app leak grows this.
 * - `codeBytes`: compiled code (bytecode and the JIT's optimised code). It grows while V8 keeps
 *   tiering up hot functions on a long run, and is bounded by the amount of code, not of sessions.
 * - `nativeBytes`: Blink's own objects the snapshot sees (DOM, CSS, performance entries, DevTools'
 *   buffers), which `Runtime.getHeapUsage` does not count.
 */
import type { CDPSession } from 'playwright-core';

export interface HeapKinds {
  jsObjectBytes: number;
  codeBytes: number;
  nativeBytes: number;
}

interface Snapshot {
  snapshot: { meta: { node_fields: string[]; node_types: [string[], ...unknown[]] } };
  nodes: number[];
}

/** Sums the self sizes of a snapshot's nodes by kind. Exported for its test. */
export function heapKinds(snapshot: Snapshot): HeapKinds {
  const fields = snapshot.snapshot.meta.node_fields;
  const typeNames = snapshot.snapshot.meta.node_types[0];
  const [typeAt, sizeAt, width] = [fields.indexOf('type'), fields.indexOf('self_size'), fields.length];
  const kinds: HeapKinds = { jsObjectBytes: 0, codeBytes: 0, nativeBytes: 0 };
  for (let node = 0; node < snapshot.nodes.length; node += width) {
    const type = typeNames[snapshot.nodes[node + typeAt]!];
    const size = snapshot.nodes[node + sizeAt]!;
    if (type === 'code') kinds.codeBytes += size;
    else if (type === 'native') kinds.nativeBytes += size;
    else if (type !== 'synthetic') kinds.jsObjectBytes += size;
  }
  return kinds;
}

/** Takes a heap snapshot of the page (the GC it forces first is V8's own) and sums it by kind. */
export async function takeHeapKinds(cdp: CDPSession): Promise<HeapKinds> {
  const chunks: string[] = [];
  const onChunk = ({ chunk }: { chunk: string }) => chunks.push(chunk);
  await cdp.send('HeapProfiler.enable');
  cdp.on('HeapProfiler.addHeapSnapshotChunk', onChunk);
  try {
    await cdp.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
  } finally {
    cdp.off('HeapProfiler.addHeapSnapshotChunk', onChunk);
  }
  return heapKinds(JSON.parse(chunks.join('')) as Snapshot);
}
