import { connect, displayUri, resolveNeo4j } from '@kg/neo4j';
import { FORMATS, selectSubgraph, subgraphCounts, writeExport, type ExportFormat, type Selection } from '@kg/export';
import { dateOption, intOption, parse, UsageError } from '../args';
import { parseParams } from './query';

export const EXPORT_USAGE = `kg export --format gexf|graphml|json|csv|cypher [--out PATH] [WHAT]
  Exports the graph, or part of it, from Neo4j (NEO4J_URI, else the local one).
  WHAT (default: the whole graph):
  --actor NAME [--hops N]  an actor (name or alias) and everything within N
                           relationships of it (default 2), provenance aside
  --from DATE --to DATE    meetings dated in the window, who attended, where,
                           and those actors' positions in the window with issues
  --query "MATCH …"        the nodes and relationships a read-only query returns
      [--param NAME=VALUE]…  its parameters (JSON when valid JSON, else text)
  --no-articles            leave out the articles and MENTIONED_IN (actor, window)
  --include-rejected       keep the facts analysts rejected (kg curate reject), flagged rejected
  --format F   gexf (Gephi, with layout and colours), graphml, json (the kg
               graph file), csv (a folder for neo4j-admin import, with README),
               cypher (a script recreating the subgraph in another Neo4j)
  --out PATH   file, or folder for csv (default: standard output; csv needs --out)
  --limit N    row limit for --query (default KG_QUERY_ROW_LIMIT or 10000)
  --timeout MS transaction time-out (default KG_QUERY_TIMEOUT_MS or 30000)
  --seed N     seed of the GEXF layout's start positions (default 42)`;

export async function exportCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parse(argv, {
    format: { type: 'string', short: 'f' },
    out: { type: 'string', short: 'o' },
    actor: { type: 'string' },
    hops: { type: 'string' },
    from: { type: 'string' },
    to: { type: 'string' },
    query: { type: 'string', short: 'q' },
    param: { type: 'string', short: 'p', multiple: true },
    'no-articles': { type: 'boolean' },
    'include-rejected': { type: 'boolean' },
    limit: { type: 'string' },
    timeout: { type: 'string' },
    seed: { type: 'string' },
  });
  if (positionals.length) throw new UsageError(`unexpected argument "${positionals[0]}"`);
  const format = values.format as ExportFormat | undefined;
  if (!format || !FORMATS.includes(format)) throw new UsageError(`--format takes one of ${FORMATS.join(', ')}${format ? `, not "${format}"` : ''}`);
  if (format === 'csv' && (!values.out || values.out === '-')) throw new UsageError('--format csv writes a folder: give --out FOLDER');
  const chosen = [values.actor !== undefined, values.from !== undefined || values.to !== undefined, values.query !== undefined].filter(Boolean).length;
  if (chosen > 1) throw new UsageError('choose one of --actor, --from/--to and --query');
  if (values.param && values.query === undefined) throw new UsageError('--param goes with --query');
  if (values.hops !== undefined && values.actor === undefined) throw new UsageError('--hops goes with --actor');
  let selection: Selection = { kind: 'all' };
  if (values.actor !== undefined) selection = { kind: 'actor', name: values.actor, hops: intOption(values.hops, 'hops', 2) };
  else if (values.query !== undefined) selection = { kind: 'query', cypher: values.query, params: parseParams(values.param ?? []) };
  else if (values.from !== undefined || values.to !== undefined) {
    const from = dateOption(values.from, 'from');
    const to = dateOption(values.to, 'to');
    if (!from || !to) throw new UsageError('a date window needs both --from and --to');
    if (from > to) throw new UsageError(`--from ${from} is after --to ${to}`);
    selection = { kind: 'window', from, to };
  }

  const t0 = Date.now();
  const { config, local } = await resolveNeo4j({ log: (m) => process.stderr.write(`${m}\n`) });
  const conn = await connect(config);
  try {
    const sel = await selectSubgraph(conn, selection, {
      provenance: !values['no-articles'],
      includeRejected: values['include-rejected'] === true,
      limit: values.limit === undefined ? undefined : intOption(values.limit, 'limit', 0),
      timeoutMs: values.timeout === undefined ? undefined : intOption(values.timeout, 'timeout', 0),
    });
    const written = await writeExport(sel.graph, format, values.out, { seed: values.seed === undefined ? undefined : intOption(values.seed, 'seed', 42) });
    const c = subgraphCounts(sel.graph);
    const lines = [...sel.warnings, ...written.warnings].map((w) => `warning: ${w}`);
    if (sel.matched) lines.push(`actor: ${sel.matched.map((m) => `${m.name} (${m.id}, by ${m.how})`).join('; ')}`);
    lines.push(
      `${c.nodes} nodes (${Object.entries(c.byLabel)
        .map(([l, n]) => `${n} ${l}`)
        .join(', ')}), ${c.relationships} relationships as ${format}${written.paths.length ? ` written to ${format === 'csv' ? values.out : written.paths[0]}` : ''} in ${((Date.now() - t0) / 1000).toFixed(1)} s from ${displayUri(conn.uri)}${local ? ' (local)' : ''}`,
    );
    process.stderr.write(`${lines.join('\n')}\n`);
    return 0;
  } finally {
    await conn.close();
  }
}
