import { newWriteToken } from './corrections-api';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { Connection } from '@kg/neo4j';
import { DEFAULT_GRAPH_LIMIT, handleApi } from './api';
import { graphJson } from './graph-json';
import { fileSource } from './file-source';
import { neo4jSource } from './neo4j-source';
import { requestGuard } from './request-guard';
import { serveStatic } from './static';
import type { GraphSource } from './source';

/** packages/viewer/dist, where scripts/build.mjs writes the web app. */
export const DIST_DIR = path.resolve(__dirname, '../../dist');

export type ViewerSource = { kind: 'neo4j'; connection: Connection } | { kind: 'file'; path: string } | { kind: 'source'; source: GraphSource };

export interface ViewerServerOptions {
  source: ViewerSource;
  host?: string;
  /** 0 picks a free port. */
  port?: number;
  /** Where the built web app is; tests may point elsewhere. */
  distDir?: string;
  /** Host names to answer to besides 127.0.0.1, localhost, [::1] and `host` (default: KG_VIEW_ALLOWED_HOSTS). */
  allowedHosts?: readonly string[];
}

export interface ViewerServer {
  url: string;
  /** The host names it answers to (request-guard.ts). */
  hosts: readonly string[];
  close(): Promise<void>;
}

/**
 * Serves the web app and its JSON API. Listens on 127.0.0.1 unless told
 * otherwise: the API exposes the whole database to whoever can reach it.
 * Every request first passes the request guard (Host, and Origin for POSTs).
 * close() stops the server; a Neo4j connection passed in stays open (its
 * owner closes it), a file source is dropped.
 */
export async function startViewerServer(opts: ViewerServerOptions): Promise<ViewerServer> {
  const src = opts.source;
  const source: GraphSource =
    src.kind === 'neo4j' ? neo4jSource(src.connection) : src.kind === 'file' ? await fileSource(src.path) : src.source;
  const dist = path.resolve(opts.distDir ?? DIST_DIR);
  // A file never changes under the server: the first graph every page asks for is prepared once, now,
  // rather than while the first reader's browser waits for it (and for the app files queued behind it).
  if (source.kind === 'file') graphJson((await source.graph(DEFAULT_GRAPH_LIMIT)).graph, true);

  const host = opts.host ?? '127.0.0.1';
  const guard = requestGuard({ bindHost: host, allowedHosts: opts.allowedHosts });
  // the session's write token for corrections (corrections-api.ts): new at every start
  const writeToken = newWriteToken();
  const server = createServer((req, res) => {
    // Before any route, static files included: a DNS-rebinding page must get nothing at all.
    if (!guard.admit(req, res)) return;
    const url = new URL(req.url ?? '/', 'http://localhost');
    handleApi(source, req, res, url, { connection: src.kind === 'neo4j' ? src.connection : undefined, writeToken })
      .then((handled) => (handled ? undefined : serveStatic(dist, url.pathname, res)))
      .catch((e: unknown) => {
        console.error(`[kg view] ${(e as Error).stack ?? e}`);
        if (!res.headersSent) res.writeHead(500);
        res.end();
      });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const shownHost = host.includes(':') ? `[${host}]` : host === '0.0.0.0' ? '127.0.0.1' : host;
  return {
    url: `http://${shownHost}:${port}/`,
    hosts: guard.hosts,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
