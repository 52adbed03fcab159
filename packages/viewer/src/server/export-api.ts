import type { IncomingMessage, ServerResponse } from 'node:http';
import { crc32, deflateRawSync } from 'node:zlib';
import neo4j from 'neo4j-driver';
import { createGraph, NODE_LABELS, parseNodeKey, type NodeLabel } from '@kg/graph-schema';
import { explainQueryError, queryDefaults, toJson, type Connection, type QueryNode, type QueryRelationship } from '@kg/neo4j';
import { SubgraphBuilder, toCsv, toCypherScript, toGexf, toGraphJson, toGraphml, type Subgraph } from '@kg/export';
import { EXPORT_FORMATS, type ExportFormatName } from '../shared/query-types';
import { isPlainObject, readJsonPost, sendJson, type PostContext } from './query-api';
import { BadRequestError, type GraphSource } from './source';

/**
 * POST /api/export {format, keys, name?}: the nodes with those keys (the
 * viewer's current view or selection) and every relationship among them,
 * written by @kg/export's writers and sent as a download. The data come from
 * the source, not from the browser: from Neo4j in one read transaction, or
 * from the graph file the server holds. CSV (several files) comes as a zip.
 */

const MAX_EXPORT_BODY = 32 << 20;
const MAX_KEYS = 250_000;

const CONTENT_TYPE: Record<ExportFormatName, string> = {
  gexf: 'application/gexf+xml; charset=utf-8',
  graphml: 'application/graphml+xml; charset=utf-8',
  json: 'application/json; charset=utf-8',
  csv: 'application/zip',
  cypher: 'text/plain; charset=utf-8',
};
export const EXPORT_EXTENSION: Record<ExportFormatName, string> = { gexf: '.gexf', graphml: '.graphml', json: '.json', csv: '.zip', cypher: '.cypher' };

export async function handleExportApi(source: GraphSource, req: IncomingMessage, res: ServerResponse, ctx: PostContext): Promise<true> {
  const body = await readJsonPost(req, MAX_EXPORT_BODY);
  const { format, keys, name } = parseExportBody(body);
  const g = ctx.connection ? await neo4jSubgraph(ctx.connection, keys) : await sourceSubgraph(source, keys);
  if (!g.order) return sendJson(res, 404, { error: 'none of these nodes is in the source any more' });
  const content = render(g, format);
  res.writeHead(200, {
    'content-type': CONTENT_TYPE[format],
    'content-length': content.length,
    'content-disposition': `attachment; filename="${name}${EXPORT_EXTENSION[format]}"`,
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
    'x-kg-export': `nodes=${g.order}; relationships=${g.size}`,
  });
  res.end(content);
  return true;
}

export function parseExportBody(body: unknown): { format: ExportFormatName; keys: string[]; name: string } {
  if (!isPlainObject(body)) throw new BadRequestError('send {"format": "gexf", "keys": ["Actor:…", …]}');
  const { format, keys, name } = body;
  if (typeof format !== 'string' || !(EXPORT_FORMATS as readonly string[]).includes(format))
    throw new BadRequestError(`format must be one of ${EXPORT_FORMATS.join(', ')}`);
  if (!Array.isArray(keys) || !keys.length) throw new BadRequestError('keys must be a non-empty list of node keys');
  if (keys.length > MAX_KEYS) throw new BadRequestError(`at most ${MAX_KEYS} nodes per export`);
  if (!keys.every((k) => typeof k === 'string' && k.length > 0 && k.length <= 1000)) throw new BadRequestError('keys must be node keys (Label:id)');
  const safeName = typeof name === 'string' && /^[A-Za-z0-9_-]{1,80}$/.test(name) ? name : 'kg-export';
  return { format: format as ExportFormatName, keys: [...new Set(keys as string[])], name: safeName };
}

function render(g: Subgraph, format: ExportFormatName): Buffer {
  switch (format) {
    case 'gexf':
      return Buffer.from(toGexf(g));
    case 'graphml':
      return Buffer.from(toGraphml(g));
    case 'json':
      return Buffer.from(toGraphJson(g));
    case 'cypher':
      return Buffer.from(toCypherScript(g));
    case 'csv': {
      const csv = toCsv(g);
      return zip(Object.entries(csv.files).map(([file, text]) => ({ name: `kg-csv/${file}`, data: Buffer.from(text) })));
    }
  }
}

/** From Neo4j, in one read transaction: each label's nodes by id (the id constraint's index), then the relationships among them. */
async function neo4jSubgraph(conn: Connection, keys: string[]): Promise<Subgraph> {
  const byLabel = new Map<NodeLabel, string[]>();
  for (const key of keys) {
    let ref;
    try {
      ref = parseNodeKey(key);
    } catch {
      continue; // not a kg node (a query can return others): it is not in the database under a kg key either
    }
    byLabel.set(ref.label, [...(byLabel.get(ref.label) ?? []), ref.id]);
  }
  const timeoutMs = queryDefaults().timeoutMs * 10;
  const session = conn.driver.session({ database: conn.database, defaultAccessMode: neo4j.session.READ });
  try {
    return await session.executeRead(
      async (tx) => {
        const b = new SubgraphBuilder();
        const eids: string[] = [];
        for (const label of NODE_LABELS) {
          const ids = byLabel.get(label);
          if (!ids) continue;
          // The label comes from graph-schema's list, never from the request.
          for await (const rec of tx.run(`UNWIND $ids AS id MATCH (n:${label} {id: id}) RETURN n`, { ids })) {
            const n = toJson(rec.get('n')) as QueryNode;
            b.addNode(n);
            eids.push(n.elementId);
          }
        }
        if (eids.length)
          for await (const rec of tx.run('UNWIND $ids AS id MATCH (n) WHERE elementId(n) = id MATCH (n)-[r]->(m) WHERE elementId(m) IN $ids RETURN r', { ids: eids }))
            b.addEdge(toJson(rec.get('r')) as QueryRelationship);
        return b.graph;
      },
      { timeout: timeoutMs || undefined },
    );
  } catch (e) {
    throw explainQueryError(e, timeoutMs);
  } finally {
    await session.close();
  }
}

/** From the graph the server holds (a graph file): the nodes and the edges between two of them. */
async function sourceSubgraph(source: GraphSource, keys: string[]): Promise<Subgraph> {
  const { graph } = await source.graph(Number.MAX_SAFE_INTEGER);
  const keep = new Set(keys);
  const g = createGraph();
  for (const n of graph.nodes) if (keep.has(n.key)) g.addNode(n.key, { ...n.attributes });
  for (const e of graph.edges) {
    if (!g.hasNode(e.source) || !g.hasNode(e.target)) continue;
    const key = e.key ?? `${String(e.attributes.type)}:${e.source}->${e.target}`;
    if (!g.hasEdge(key)) g.addEdgeWithKey(key, e.source, e.target, { ...e.attributes });
  }
  return g;
}

/** A zip archive (deflate), enough for a folder of CSV files; file names are ASCII. */
export function zip(files: { name: string; data: Buffer }[]): Buffer {
  const parts: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  const now = new Date();
  const dosTime = (now.getHours() << 11) | (now.getMinutes() << 5) | Math.floor(now.getSeconds() / 2);
  const dosDate = ((now.getFullYear() - 1980) << 9) | ((now.getMonth() + 1) << 5) | now.getDate();
  for (const f of files) {
    const name = Buffer.from(f.name, 'utf8');
    const packed = deflateRawSync(f.data);
    const crc = crc32(f.data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4); // version needed
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(8, 8); // deflate
    local.writeUInt16LE(dosTime, 10);
    local.writeUInt16LE(dosDate, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(f.data.length, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(0, 28);
    const entry = Buffer.alloc(46);
    entry.writeUInt32LE(0x02014b50, 0);
    entry.writeUInt16LE(20, 4); // version made by
    entry.writeUInt16LE(20, 6);
    entry.writeUInt16LE(0x0800, 8);
    entry.writeUInt16LE(8, 10);
    entry.writeUInt16LE(dosTime, 12);
    entry.writeUInt16LE(dosDate, 14);
    entry.writeUInt32LE(crc, 16);
    entry.writeUInt32LE(packed.length, 20);
    entry.writeUInt32LE(f.data.length, 24);
    entry.writeUInt16LE(name.length, 28);
    entry.writeUInt32LE(offset, 42);
    parts.push(local, name, packed);
    central.push(entry, name);
    offset += local.length + name.length + packed.length;
  }
  const dir = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(files.length, 8);
  end.writeUInt16LE(files.length, 10);
  end.writeUInt32LE(dir.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...parts, dir, end]);
}
