// Every test that touches the database runs against a real Neo4j: the one
// NEO4J_URI names, or else a local one started here (its own home and port,
// wiped each run, so a developer's .kg/neo4j data is never touched).
const path = require('node:path');
const { pathToFileURL } = require('node:url');

const ROOT = path.resolve(__dirname, '../..');

module.exports = async () => {
  if (process.env.NEO4J_URI) return;
  const { startNeo4j } = await import(pathToFileURL(path.join(ROOT, 'tools/neo4j-local/neo4j-local.mjs')).href);
  const port = Number(process.env.KG_TEST_NEO4J_PORT ?? 7697);
  // A home per port, so test runs on different ports can run side by side.
  const home = path.join(ROOT, port === 7697 ? '.kg/neo4j-test' : `.kg/neo4j-test-${port}`);
  const started = await startNeo4j({ home, port, fresh: true, log: (m) => process.stderr.write(`[neo4j-local] ${m}\n`) });
  process.env.NEO4J_URI = started.uri;
  // The password stays in its file (mode 0600); test code and the kg processes tests start read it there.
  process.env.NEO4J_PASSWORD_FILE = started.passwordFile;
  process.env.NEO4J_USER = 'neo4j';
  delete process.env.NEO4J_PASSWORD;
  process.env.KG_TEST_NEO4J_HOME = home;
  process.env.KG_TEST_NEO4J_PORT = String(port);
  globalThis.__KG_STOP_NEO4J__ = started.stop;
};
