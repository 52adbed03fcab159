import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';
import { connect, resolveNeo4j, type Connection } from '@kg/neo4j';
import { DIST_DIR, startViewerServer, type ViewerSource } from './server/index';

export const VIEW_USAGE = `kg view [graph.json] [--port N] [--host H] [--no-open]
  Opens the graph in the browser. With a graph file, shows that file (no
  database needed); without, shows the graph in Neo4j (NEO4J_URI, or the
  local Neo4j that kg starts).
  --port N     port to listen on (default: a free one)
  --host H     address to listen on (default 127.0.0.1: only this machine);
               the viewer answers only requests for 127.0.0.1, localhost,
               [::1], this address, and the names in KG_VIEW_ALLOWED_HOSTS
  --no-open    print the URL but do not open a browser`;

/** Builds the web app when dist/ is missing, so `kg view` works from a fresh clone. */
export async function ensureBuilt(): Promise<void> {
  if (existsSync(path.join(DIST_DIR, 'index.html'))) return;
  const script = pathToFileURL(path.resolve(__dirname, '../scripts/build.mjs')).href;
  const { build } = (await import(/* webpackIgnore: true */ script)) as { build(): Promise<unknown> };
  await build();
}

function openBrowser(url: string): void {
  const cmd = process.platform === 'darwin' ? 'open' : process.platform === 'win32' ? 'cmd' : 'xdg-open';
  const args = process.platform === 'win32' ? ['/c', 'start', '', url] : [url];
  try {
    const child = spawn(cmd, args, { detached: true, stdio: 'ignore' });
    child.on('error', () => {}); // no desktop (a server, CI): the printed URL is enough
    child.unref();
  } catch {
    /* same */
  }
}

/**
 * `kg view`: serves the viewer until Ctrl-C. Resolves with the exit code once
 * the server has stopped; `signal` lets a caller (the `npm start` script, a
 * test) stop it without a signal.
 */
export async function viewCommand(argv: string[], opts: { signal?: AbortSignal; onListening?: (url: string) => void } = {}): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    options: { port: { type: 'string' }, host: { type: 'string' }, 'no-open': { type: 'boolean' }, open: { type: 'boolean' } },
    allowPositionals: true,
    strict: true,
  });
  if (positionals.length > 1) throw new Error('kg view takes at most one graph file');
  const port = values.port === undefined ? 0 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port takes a port number, not "${values.port}"`);

  await ensureBuilt();
  let connection: Connection | undefined;
  let source: ViewerSource;
  const [file] = positionals;
  if (file) source = { kind: 'file', path: path.resolve(file) };
  else {
    const { config } = await resolveNeo4j({ log: (m) => process.stderr.write(`${m}\n`) });
    connection = await connect(config);
    source = { kind: 'neo4j', connection };
  }
  const server = await startViewerServer({ source, host: values.host, port });
  process.stdout.write(`kg viewer: ${server.url}\n`);
  opts.onListening?.(server.url);
  if (!values['no-open']) openBrowser(server.url);

  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
    opts.signal?.addEventListener('abort', stop, { once: true });
  });
  await server.close();
  await connection?.close();
  return 0;
}
