import { once } from 'node:events';
import type { Writable } from 'node:stream';
import type Graph from 'graphology';

/**
 * Writes `graph.export()` as JSON, node by node, so a large graph never has
 * to exist as one giant string. The result is exactly what
 * `JSON.stringify(graph.export())` would give, and what graph.import() and
 * the scorer read.
 */
export async function writeGraphJson(graph: Graph, out: Writable, close = true): Promise<void> {
  const write = async (s: string) => {
    if (!out.write(s)) await once(out, 'drain');
  };
  const { options, attributes } = graph.export();
  await write(`{"options":${JSON.stringify(options)},"attributes":${JSON.stringify(attributes ?? {})},"nodes":[`);
  let first = true;
  for (const { node, attributes: a } of graph.nodeEntries()) {
    await write(`${first ? '' : ','}\n${JSON.stringify({ key: node, attributes: a })}`);
    first = false;
  }
  await write('\n],"edges":[');
  first = true;
  for (const { edge, source, target, attributes: a } of graph.edgeEntries()) {
    await write(`${first ? '' : ','}\n${JSON.stringify({ key: edge, source, target, attributes: a })}`);
    first = false;
  }
  await write('\n]}\n');
  if (close) {
    out.end();
    await once(out, 'finish');
  }
}
