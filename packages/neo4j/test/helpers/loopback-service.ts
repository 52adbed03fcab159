import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A service on loopback that only this machine should reach (an admin
 * page, a cloud metadata endpoint, another database's HTTP port): it
 * answers every request with a secret line of CSV and counts the requests,
 * so a test can tell whether Neo4j fetched from it.
 */
export interface LoopbackService {
  url: string;
  secret: string;
  requests: string[];
  close(): Promise<void>;
}

export async function startLoopbackService(): Promise<LoopbackService> {
  const secret = `internal-secret-${process.pid}-${Date.now()}`;
  const requests: string[] = [];
  const server = createServer((req, res) => {
    requests.push(`${req.method} ${req.url}`);
    res.writeHead(200, { 'content-type': 'text/csv' });
    res.end(`${secret},42\n`);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/internal/data.csv`,
    secret,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
