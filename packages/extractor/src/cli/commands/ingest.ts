import { applySchema, connect, displayUri, resolveNeo4j } from '@kg/neo4j';
import { DEFAULT_BATCH_ARTICLES, ingest } from '../../ingest';
import { defaultWorkers } from '../../parallel/extract-pool';
import { formatProblem } from '../../read';
import { dateOption, intOption, parse, UsageError } from '../args';
import { boundHeapGrowth } from '../heap';
import { Progress } from '../progress';
import { annotationsSetAside } from '../report';

export const INGEST_USAGE = `kg ingest PATH… [--published YYYY-MM-DD] [--batch N]
  Extracts articles (.txt, .md, .html, .jsonl; folders are walked) and writes
  them to Neo4j: NEO4J_URI (with NEO4J_USER, NEO4J_PASSWORD, NEO4J_DATABASE)
  when set, otherwise the local Neo4j under .kg/ (started if needed).
  Articles already in the database (same text) are passed over.
  --published DATE  publication date for articles that give none
  --batch N         whole articles per transaction (default 200)
  --workers N       extraction threads (default: the number of cores)
  Database errors that may pass (server restarting, deadlock) are retried with
  back-off: KG_RETRIES (default 7) times, from KG_RETRY_DELAY_MS (1000) doubling
  up to KG_RETRY_MAX_DELAY_MS (30000). SIGINT/SIGTERM finish the transaction in
  flight and stop; a second signal stops at once (the transaction rolls back).`;

export async function ingestCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parse(argv, {
    published: { type: 'string' },
    batch: { type: 'string' },
    workers: { type: 'string' },
    'max-article-size': { type: 'string' },
  });
  if (!positionals.length) throw new UsageError('kg ingest needs at least one file or folder');
  boundHeapGrowth();
  const progress = new Progress('ingesting');
  const { config, local } = await resolveNeo4j({ log: (m) => progress.log(m) });
  const conn = await connect(config);
  const controller = new AbortController();
  const stop = (sig: string) => {
    if (controller.signal.aborted) {
      // Closing the connection rolls back the transaction in flight: nothing half-written.
      progress.log(`${sig} again: stopping now; the transaction in flight is rolled back, ${lastCommitted ? `everything up to and including ${lastCommitted} is committed` : 'nothing of this run was committed'}`);
      process.exit(sig === 'SIGINT' ? 130 : 143);
    }
    progress.log(`${sig}: finishing the transaction in flight, then stopping (run the same command again to resume)`);
    controller.abort();
  };
  const onInt = () => stop('SIGINT');
  const onTerm = () => stop('SIGTERM');
  process.on('SIGINT', onInt);
  process.on('SIGTERM', onTerm);
  let lastCommitted: string | undefined;
  const t0 = Date.now();
  try {
    await applySchema(conn);
    const r = await ingest(
      positionals,
      conn,
      {
        published: dateOption(values.published, 'published'),
        batchArticles: intOption(values.batch, 'batch', DEFAULT_BATCH_ARTICLES) || DEFAULT_BATCH_ARTICLES,
        maxArticleBytes: intOption(values['max-article-size'], 'max-article-size', 5 * 1024 * 1024),
        workers: intOption(values.workers, 'workers', defaultWorkers()),
        signal: controller.signal,
      },
      {
        onProblem: (kind, p) => progress.log(`${kind === 'failed' ? 'error' : kind}: ${formatProblem(p)}`),
        onCommit: ({ articles, counts, lastSource }) => {
          lastCommitted = lastSource;
          progress.update(articles, `articles written, ${counts.nodesCreated} nodes created`);
        },
        onRetry: (attempt, delay, e) =>
          progress.log(`${retryReason(e)} (${e.message.split('\n')[0]}); retry ${attempt} in ${(delay / 1000).toFixed(0)} s`),
      },
    );
    progress.done();
    const secs = (Date.now() - t0) / 1000;
    const c = r.counts;
    const lines = [
      `${r.written} article${r.written === 1 ? '' : 's'} written, ${r.alreadyPresent} already in the database, ${r.skipped} skipped, ${r.failed} failed${r.warnings ? `, ${r.warnings} warnings` : ''}${annotationsSetAside(r.annotations)} in ${secs.toFixed(1)} s`,
      `nodes: ${c.nodesCreated} created, ${c.nodesMatched} matched; relationships: ${c.relationshipsCreated} created, ${c.relationshipsMatched} matched`,
      `database: ${displayUri(conn.uri)}${local ? ' (local, data in .kg/neo4j)' : ''}`,
    ];
    if (r.interrupted) lines.push(`interrupted: stopped after ${r.lastCommitted ?? 'no article'}; run the same command again to resume`);
    if (r.error)
      lines.push(
        `error: the database failed (${r.error.message.split('\n')[0]}); everything before ${r.lastCommitted ? `and including ${r.lastCommitted}` : 'this run'} is committed. Run the same command again to resume.`,
      );
    process.stderr.write(`${lines.join('\n')}\n`);
    return r.error || r.interrupted ? 1 : r.failed ? 1 : 0;
  } finally {
    process.off('SIGINT', onInt);
    process.off('SIGTERM', onTerm);
    await conn.close();
  }
}

/** A lost connection and a conflict with another writer are retried alike, but they mean different things to the user. */
function retryReason(e: Error): string {
  const code = (e as { code?: string }).code ?? '';
  if (/DeadlockDetected|LockClient|ConstraintValidationFailed/.test(code)) return 'conflict with a concurrent writer';
  return 'database unavailable';
}
