/**
 * Issue 10, attack 2: the viewer answered any Host, so a DNS-rebinding page
 * (evil.example, re-pointed at 127.0.0.1) could read the whole graph and run
 * queries; its Origin matched its Host. On the real server, over real HTTP,
 * with the seed articles ingested by the real `kg ingest`: the requests that
 * name a host the viewer serves get the graph; the same requests naming
 * another host get 403 on every route, static files included. In Chromium,
 * with evil.example resolving to 127.0.0.1, the rebinding page gets nothing.
 */
import http from 'node:http';
import net from 'node:net';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { REPO_ROOT, type Connection } from '@kg/neo4j';
import { freshTestDatabase } from '@kg/neo4j/testing';
import { ensureBuilt } from '../src/cli';
import { startViewerServer, type ViewerServer } from '../src/server/index';
import { launchBrowser } from './helpers/browser';
import { ingestWithCli } from './helpers/neo4j';

jest.setTimeout(180_000);

let conn: Connection;
let server: ViewerServer;
let port: number;
let browser: Browser;
beforeAll(async () => {
  conn = await freshTestDatabase();
  await ingestWithCli(conn.uri, path.join(REPO_ROOT, 'data/seeds'));
  await ensureBuilt();
  server = await startViewerServer({ source: { kind: 'neo4j', connection: conn }, allowedHosts: [] });
  port = Number(new URL(server.url).port);
  // As after a DNS rebinding: evil.example's name now leads to this machine.
  browser = await launchBrowser(['--host-resolver-rules=MAP evil.example 127.0.0.1']);
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
  await conn?.close();
});

/** One request to the viewer on 127.0.0.1, with the Host (and other headers) the test chooses. */
function request(target: ViewerServer | number, opts: { path: string; host?: string; method?: string; headers?: Record<string, string>; body?: string }): Promise<{ status: number; body: string }> {
  const p = typeof target === 'number' ? target : Number(new URL(target.url).port);
  const address = typeof target === 'number' ? '127.0.0.1' : new URL(target.url).hostname;
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: address, port: p, path: opts.path, method: opts.method ?? 'GET', headers: { ...(opts.host ? { host: opts.host } : {}), ...opts.headers }, setHost: opts.host === undefined },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (d: string) => (body += d));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      },
    );
    req.on('error', reject);
    req.end(opts.body);
  });
}

const QUERY = JSON.stringify({ cypher: 'MATCH (a:Actor) RETURN a.name AS name ORDER BY name' });
const postQuery = (host: string, origin: string, target: ViewerServer | number = server) =>
  request(target, { path: '/api/query', method: 'POST', host, headers: { 'content-type': 'application/json', origin }, body: QUERY });

test('the names the viewer serves get the graph, and its queries run: what a rebinding page was after', async () => {
  for (const host of [`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`]) {
    const graph = await request(server, { path: '/api/graph', host });
    expect(graph.status).toBe(200);
    expect(graph.body.length).toBeGreaterThan(20_000);
    expect(graph.body).toContain('Vladimir Putin');
    const q = await postQuery(host, `http://${host}`);
    expect(q.status).toBe(200);
    expect(q.body).toContain('Vladimir Putin');
  }
  expect((await request(server, { path: '/', host: `localhost:${port}` })).body).toMatch(/<!doctype html>/i);
});

test('Host evil.example:PORT gets 403 on every route, static files included, and not a byte of the graph', async () => {
  const host = `evil.example:${port}`;
  const routes = ['/', '/index.html', '/app.js', '/app.css', '/no-such-page', '/api/graph', '/api/info', '/api/search?q=Putin', '/api/neighbours?key=Actor:vladimir-putin', '/api/query'];
  for (const route of routes) {
    const r = await request(server, { path: route, host });
    expect([route, r.status]).toEqual([route, 403]);
    expect(r.body).toMatch(/^This kg viewer answers only to 127\.0\.0\.1, localhost, \[::1\]; the request named another host\. .*KG_VIEW_ALLOWED_HOSTS/);
    expect(r.body).not.toContain('Putin');
  }
  // Its Origin matches its Host, as a rebinding page's does: the old same-origin check let this through.
  const q = await postQuery(host, `http://${host}`);
  expect(q.status).toBe(403);
  expect(q.body).not.toContain('Putin');
  const exp = await request(server, { path: '/api/export', method: 'POST', host, headers: { 'content-type': 'application/json', origin: `http://${host}` }, body: JSON.stringify({ format: 'json', keys: ['Actor:vladimir-putin'] }) });
  expect(exp.status).toBe(403);
  expect(exp.body).not.toContain('Putin');
});

test('names that only look like ours, and requests with no Host or a malformed one, get 403', async () => {
  for (const host of ['localhost.evil.example', `127.0.0.1.nip.io:${port}`, `evil.localhost:${port}`, `localhost.:${port}`, 'localhost@evil.example', `[::1]x:${port}`]) {
    expect([host, (await request(server, { path: '/api/graph', host })).status]).toEqual([host, 403]);
  }
  // HTTP/1.0 allows no Host at all.
  const raw = await new Promise<string>((resolve) => {
    const s = net.connect({ host: '127.0.0.1', port }, () => s.write('GET /api/graph HTTP/1.0\r\n\r\n'));
    let text = '';
    s.on('data', (d) => (text += d.toString()));
    s.on('end', () => resolve(text));
    s.on('error', () => resolve(text));
  });
  expect(raw).toMatch(/^HTTP\/1\.[01] 403 /);
  expect(raw).not.toContain('Putin');
});

test("on an allowed Host, a foreign Origin or another site (Sec-Fetch-Site) is refused; the viewer's own page is not", async () => {
  const host = `127.0.0.1:${port}`;
  expect((await postQuery(host, 'http://evil.example')).status).toBe(403);
  expect((await postQuery(host, `http://localhost:${port}`)).status).toBe(403); // another origin, same machine
  expect((await postQuery(host, 'null')).status).toBe(403);
  expect((await request(server, { path: '/api/graph', host, headers: { 'sec-fetch-site': 'cross-site' } })).status).toBe(403);
  expect((await request(server, { path: '/api/graph', host, headers: { 'sec-fetch-site': 'same-site' } })).status).toBe(403);
  expect((await request(server, { path: '/api/graph', host, headers: { 'sec-fetch-site': 'same-origin' } })).status).toBe(200);
  // A link from another site may still open the viewer itself.
  expect((await request(server, { path: '/', host, headers: { 'sec-fetch-site': 'cross-site' } })).status).toBe(200);
});

test('KG_VIEW_ALLOWED_HOSTS adds names (host, or host:port for one port), and the --host address is served under its own name', async () => {
  const saved = process.env.KG_VIEW_ALLOWED_HOSTS;
  process.env.KG_VIEW_ALLOWED_HOSTS = 'kg.lan, analysis.example:8443';
  // 127.0.0.2 is loopback too on Linux: a --host that is not one of the default names.
  const other = await startViewerServer({ source: { kind: 'neo4j', connection: conn }, host: '127.0.0.2' }).finally(() => {
    if (saved === undefined) delete process.env.KG_VIEW_ALLOWED_HOSTS;
    else process.env.KG_VIEW_ALLOWED_HOSTS = saved;
  });
  try {
    const p = Number(new URL(other.url).port);
    expect(other.hosts).toEqual(['127.0.0.1', 'localhost', '[::1]', '127.0.0.2', 'kg.lan', 'analysis.example:8443']);
    for (const [host, status] of [
      [`127.0.0.2:${p}`, 200],
      [`kg.lan:${p}`, 200],
      ['analysis.example:8443', 200],
      [`analysis.example:${p}`, 403],
      [`evil.example:${p}`, 403],
    ] as const)
      expect([host, (await request(other, { path: '/api/info', host })).status]).toEqual([host, status]);
    expect((await postQuery(`kg.lan:${p}`, `http://kg.lan:${p}`, other)).status).toBe(200);
  } finally {
    await other.close();
  }
});

test('Chromium: the rebinding page at http://evil.example:PORT reaches this server and is refused; the viewer at 127.0.0.1 fetches the same URLs fine', async () => {
  const evil = `http://evil.example:${port}/`;
  const page = await browser.newPage();
  const attack = (base: string) =>
    page.evaluate(async (b) => {
      const graph = await fetch(`${b}api/graph`);
      const query = await fetch(`${b}api/query`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ cypher: 'MATCH (n) RETURN count(n) AS c' }) });
      return { origin: location.origin, graph: graph.status, graphText: await graph.text(), query: query.status, queryText: await query.text() };
    }, base);
  try {
    // After the rebinding the page's own address leads here: even its document is refused. Its script
    // (served before the switch, by the attacker) runs in that origin; page.evaluate stands for it.
    const doc = await page.goto(evil);
    expect(doc?.status()).toBe(403);
    const r = await attack(evil);
    expect(r.origin).toBe(`http://evil.example:${port}`);
    expect({ graph: r.graph, query: r.query }).toEqual({ graph: 403, query: 403 });
    expect(r.graphText).toMatch(/^This kg viewer answers only to/); // it did reach the viewer
    expect(r.graphText).not.toContain('Putin');
    // The same script on the viewer's own page: answered.
    await page.goto(server.url);
    const own = await attack(server.url);
    expect({ graph: own.graph, query: own.query }).toEqual({ graph: 200, query: 200 });
    expect(own.graphText).toContain('Vladimir Putin');
  } finally {
    await page.close();
  }
});
