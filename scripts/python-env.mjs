#!/usr/bin/env node
/**
 * The Python readers the export tests open kg's files with (networkx, igraph),
 * in a virtual environment at .kg/venv, so nothing is installed system-wide.
 *
 *   npm run python:env
 *
 * Idempotent: a venv that already holds the pinned versions is left as it is.
 * Versions are pinned so that a test failing means kg's file changed, not the
 * reader.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const VENV = path.join(ROOT, '.kg/venv');
export const PYTHON = path.join(VENV, 'bin/python');
/** The readers analysts script with; the import name follows each pin. */
const PINNED = [
  { pip: 'networkx==3.6.1', module: 'networkx', version: '3.6.1' },
  { pip: 'igraph==0.11.8', module: 'igraph', version: '0.11.8' },
];

const say = (m) => process.stdout.write(`python:env: ${m}\n`);

function installedVersions() {
  const code = `import importlib.metadata as m, json\nout = {}\nfor n in ${JSON.stringify(PINNED.map((p) => p.module))}:\n    try: out[n] = m.version(n)\n    except m.PackageNotFoundError: out[n] = None\nprint(json.dumps(out))`;
  const r = spawnSync(PYTHON, ['-c', code], { encoding: 'utf8' });
  return r.status === 0 ? JSON.parse(r.stdout) : {};
}

function main() {
  if (!existsSync(PYTHON)) {
    say(`creating the virtual environment ${path.relative(ROOT, VENV)} (python3 -m venv)`);
    execFileSync('python3', ['-m', 'venv', VENV], { stdio: 'inherit' });
  } else say(`virtual environment ${path.relative(ROOT, VENV)} exists`);
  const have = installedVersions();
  const missing = PINNED.filter((p) => have[p.module] !== p.version);
  if (missing.length === 0) {
    say(`already installed: ${PINNED.map((p) => p.pip).join(', ')}`);
    return;
  }
  say(`installing ${missing.map((p) => p.pip).join(', ')} (pip, from PyPI)`);
  execFileSync(PYTHON, ['-m', 'pip', 'install', '--quiet', '--disable-pip-version-check', ...missing.map((p) => p.pip)], { stdio: 'inherit' });
  const now = installedVersions();
  const still = PINNED.filter((p) => now[p.module] !== p.version);
  if (still.length) throw new Error(`python:env: still missing after pip install: ${still.map((p) => p.pip).join(', ')}`);
  say(`ready: ${PYTHON}`);
}

main();
