import { once } from 'node:events';
import type { Writable } from 'node:stream';
import type { Subgraph } from '../subgraph';

/**
 * graph-schema's graph file: `graph.export()` as JSON, exactly what
 * `kg extract --out` writes and `parseSerializedGraph` reads. Written node
 * by node, so a large subgraph never becomes one giant string.
 */
export async function writeGraphJson(g: Subgraph, out: Writable): Promise<void> {
  const write = async (s: string) => {
    if (!out.write(s)) await once(out, 'drain');
  };
  const { options, attributes } = g.export();
  await write(`{"options":${JSON.stringify(options)},"attributes":${JSON.stringify(attributes ?? {})},"nodes":[`);
  let first = true;
  for (const { node, attributes: a } of g.nodeEntries()) {
    await write(`${first ? '' : ','}\n${JSON.stringify({ key: node, attributes: a })}`);
    first = false;
  }
  await write('\n],"edges":[');
  first = true;
  for (const { edge, source, target, attributes: a } of g.edgeEntries()) {
    await write(`${first ? '' : ','}\n${JSON.stringify({ key: edge, source, target, attributes: a })}`);
    first = false;
  }
  await write('\n]}\n');
}

export const toGraphJson = (g: Subgraph): string => `${JSON.stringify(g.export())}\n`;
