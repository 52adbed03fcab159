#!/usr/bin/env node
// `npm start`: ingest the sample corpus (data/seeds) into Neo4j, then serve
// the viewer on it. With NEO4J_URI unset, the local Neo4j under .kg/ is used
// (started on first use). KG_START_NO_VIEW=1 stops after the ingest.
import { spawnSync, spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const kg = path.join(root, 'packages/extractor/bin/kg.cjs');
const corpus = process.argv[2] ?? path.join(root, 'data/seeds');

const step = (title) => process.stderr.write(`\n== ${title}\n`);

step(`Building the viewer`);
const build = spawnSync('npm', ['run', '--silent', 'build'], { cwd: root, stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);

step(`Ingesting ${path.relative(root, corpus) || corpus} into Neo4j`);
const ingest = spawnSync(process.execPath, [kg, 'ingest', corpus], { cwd: root, stdio: 'inherit' });
if (ingest.status !== 0) process.stderr.write(`kg ingest reported problems (exit ${ingest.status}); the graph holds what was read.\n`);

const uri = process.env.NEO4J_URI ?? `bolt://127.0.0.1:${process.env.KG_NEO4J_PORT ?? 7687}`;
const login = process.env.NEO4J_URI
  ? 'with NEO4J_USER and NEO4J_PASSWORD'
  : `user neo4j, password in ${path.relative(process.cwd(), path.join(root, '.kg/neo4j/password')) || '.kg/neo4j/password'} (readable by you only)`;
process.stderr.write(`
Where to look:
  - Cypher:  npx kg query "MATCH (a:Actor)-[:ATTENDED]->(m:Meeting)<-[:ATTENDED]-(b:Actor) WHERE a.id < b.id RETURN a.name, b.name, m.date, m.place"
  - Bolt:    ${uri}  (any Neo4j client; ${login})
`);
if (process.env.KG_START_NO_VIEW) process.exit(ingest.status ?? 0);

step('Starting the viewer (Ctrl-C to stop)');
const view = spawn(process.execPath, [kg, 'view', '--port', process.env.KG_VIEW_PORT ?? '4173'], { cwd: root, stdio: 'inherit' });
const forward = (sig) => view.kill(sig);
process.on('SIGINT', forward);
process.on('SIGTERM', forward);
view.on('exit', (code) => process.exit(code ?? 0));
