#!/usr/bin/env node
// Starts/stops the embedded Neo4j launcher (Launcher.java) as a detached background process so
// `npm start` and `npm test` get a real Neo4j without Docker. Builtins only: this must run before
// `npm install` has ever succeeded.
//
// API:  startNeo4j({ home, port, fresh, timeoutMs, log }) -> { uri, pid, reused, passwordFile, stop() }
//       stopNeo4j({ home }), statusNeo4j({ home }), waitForPort(host, port, timeoutMs), passwordFileOf(home)
// CLI:  node tools/neo4j-local/neo4j-local.mjs start|stop|status|restart [--home DIR] [--port N] [--fresh]

import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const HOST = '127.0.0.1';
const TOOL_DIR = path.dirname(fileURLToPath(import.meta.url));
const REPO_ROOT = path.resolve(TOOL_DIR, '..', '..');
const TARGET = path.join(TOOL_DIR, 'target');
// Written only after a successful Maven run, so an interrupted build is never mistaken for a good one.
const BUILD_STAMP = path.join(TARGET, '.build-ok');

export const DEFAULT_HOME = path.join(REPO_ROOT, '.kg', 'neo4j');
export const DEFAULT_PORT = 7687;

const JVM_OPTS = [
  '-Xms256m',
  '-Xmx1g', // + 256m page cache (off-heap, set in Launcher.java)
  '-XX:+UseG1GC',
  // C1 only: on a 2-core runner C2 compilation competes with Neo4j for CPU. Measured there: start
  // ~5.5 s instead of ~6.5-10 s, and short test-style workloads 10-25% faster, not slower.
  '-XX:TieredStopAtLevel=1',
  '-XX:-OmitStackTraceInFastThrow',
  // Also passed by Neo4j's own server scripts; without them the page cache and tx-log native access
  // fall back to slower paths and debug.log fills with warnings.
  '--add-opens=java.base/java.nio=ALL-UNNAMED',
  '--add-opens=java.base/java.io=ALL-UNNAMED',
  '--add-opens=java.base/sun.nio.ch=ALL-UNNAMED',
  '-Dio.netty.tryReflectionSetAccessible=true',
  // Escape hatch, e.g. KG_NEO4J_JAVA_OPTS="-Xmx4g -XX:TieredStopAtLevel=4" for big local imports.
  ...(process.env.KG_NEO4J_JAVA_OPTS ?? '').split(/\s+/).filter(Boolean),
];

const files = (home) => ({
  log: path.join(home, 'launcher.log'),
  pid: path.join(home, 'launcher.pid'),
  port: path.join(home, 'launcher.port'),
  password: path.join(home, 'password'),
});

/** The file holding the password of the `neo4j` user of the instance in `home` (mode 0600). */
export const passwordFileOf = (home) => files(path.resolve(home)).password;

// One password per home, made on first start and kept: Launcher.java sets it on every start, so it
// also protects a home from a kg version without auth. Only this user may enter the home at all.
function ensurePasswordFile(home) {
  fs.mkdirSync(home, { recursive: true, mode: 0o700 });
  fs.chmodSync(home, 0o700);
  const file = files(home).password;
  try {
    // 'wx' + mode: created readable by this user only, never overwritten, no window in between.
    fs.writeFileSync(file, `${randomBytes(32).toString('base64url')}\n`, { flag: 'wx', mode: 0o600 });
  } catch (e) {
    if (e.code !== 'EEXIST') throw e;
  }
  return file;
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const defaultLog = (msg) => console.error(`[neo4j-local] ${msg}`);

/** Resolves true once a TCP connection to host:port succeeds, false after timeoutMs. */
export async function waitForPort(host, port, timeoutMs = 10_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await canConnect(host, port)) return true;
    if (Date.now() >= deadline) return false;
    await sleep(200);
  }
}

function canConnect(host, port, timeoutMs = 1000) {
  return new Promise((resolve) => {
    const sock = net.connect({ host, port });
    const done = (ok) => {
      sock.destroy();
      resolve(ok);
    };
    sock.setTimeout(timeoutMs, () => done(false));
    sock.once('connect', () => done(true));
    sock.once('error', () => done(false));
  });
}

function portIsFree(port) {
  return new Promise((resolve) => {
    const srv = net.createServer();
    srv.once('error', () => resolve(false));
    srv.listen({ host: HOST, port, exclusive: true }, () => srv.close(() => resolve(true)));
  });
}

function readInt(file) {
  try {
    const n = Number.parseInt(fs.readFileSync(file, 'utf8').trim(), 10);
    return Number.isFinite(n) ? n : undefined;
  } catch {
    return undefined;
  }
}

// kill(pid, 0) alone is fooled by zombies and by pid reuse after a reboot; /proc settles both on Linux.
function isLauncherAlive(pid) {
  if (!pid) return false;
  try {
    process.kill(pid, 0);
  } catch (e) {
    return e.code === 'EPERM';
  }
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    if (stat.slice(stat.lastIndexOf(')') + 2).startsWith('Z')) return false;
    return fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('kg.neo4jlocal.Launcher');
  } catch {
    return true; // no /proc (macOS): trust kill(pid, 0)
  }
}

function tail(file, lines = 40) {
  try {
    const text = fs.readFileSync(file, 'utf8').trimEnd();
    return text ? text.split('\n').slice(-lines).join('\n') : '(log is empty)';
  } catch {
    return '(no log)';
  }
}

// --fresh is rm -rf; refuse if a mistyped --home points at something that is not a Neo4j home.
function assertLooksLikeHome(home) {
  const entries = fs.existsSync(home) ? fs.readdirSync(home) : [];
  // Neo4j's standard home subdirectories plus our launcher.* files; keep in sync with Launcher.java.
  const known = new Set(['data', 'logs', 'plugins', 'import', 'run', 'certificates', 'launcher.log', 'launcher.pid', 'launcher.port', 'launcher.auth', 'password']);
  const foreign = entries.filter((e) => !known.has(e));
  if (foreign.length) {
    throw new Error(`refusing --fresh: ${home} holds files a neo4j-local home never has (${foreign.slice(0, 5).join(', ')})`);
  }
}

function newestMtime(p) {
  const st = fs.statSync(p);
  if (!st.isDirectory()) return st.mtimeMs;
  return fs.readdirSync(p).reduce((m, f) => Math.max(m, newestMtime(path.join(p, f))), st.mtimeMs);
}

function needsBuild() {
  if (!fs.existsSync(BUILD_STAMP) || !fs.existsSync(path.join(TARGET, 'classes')) || !fs.existsSync(path.join(TARGET, 'lib'))) {
    return true;
  }
  const sources = Math.max(newestMtime(path.join(TOOL_DIR, 'pom.xml')), newestMtime(path.join(TOOL_DIR, 'src')));
  return sources > fs.statSync(BUILD_STAMP).mtimeMs;
}

async function ensureBuilt(log) {
  if (!needsBuild()) return;
  log('building the Neo4j launcher with Maven (one-time, ~10-60 s)...');
  // copy-dependencies never deletes jars, so a version bump would leave two Neo4j versions on the classpath.
  fs.rmSync(path.join(TARGET, 'lib'), { recursive: true, force: true });
  fs.rmSync(BUILD_STAMP, { force: true });
  const output = [];
  const code = await new Promise((resolve, reject) => {
    const mvn = spawn('mvn', ['-q', '-B', '-Dstyle.color=never', '-f', path.join(TOOL_DIR, 'pom.xml'), 'package', '-DskipTests'], {
      cwd: TOOL_DIR,
      stdio: ['ignore', 'pipe', 'pipe'],
      // Maven's own JVM does little work here; C1-only + serial GC shave seconds off its startup.
      env: { ...process.env, MAVEN_OPTS: `${process.env.MAVEN_OPTS ?? ''} -XX:TieredStopAtLevel=1 -XX:+UseSerialGC`.trim() },
    });
    for (const s of [mvn.stdout, mvn.stderr]) {
      s.on('data', (d) => {
        // Maven 3.8 emits stray ANSI resets even with -B -q; drop them so success stays silent.
        const text = d.toString().replace(/\x1b\[[0-9;]*m/g, '');
        output.push(text);
        if (text.trim()) process.stderr.write(text); // -q: only errors/warnings reach here
      });
    }
    mvn.once('error', (e) => reject(new Error(`cannot run mvn (is Maven installed and on PATH?): ${e.message}`)));
    mvn.once('exit', resolve);
  });
  if (code !== 0) {
    const out = output.join('').trim().split('\n').slice(-40).join('\n');
    throw new Error(`Maven build of tools/neo4j-local failed (exit ${code}):\n${out}`);
  }
  fs.writeFileSync(BUILD_STAMP, new Date().toISOString() + '\n');
}

/** Reports whether a launcher is running for `home`, and where. */
export async function statusNeo4j({ home = DEFAULT_HOME } = {}) {
  home = path.resolve(home);
  const f = files(home);
  const pid = readInt(f.pid);
  const port = readInt(f.port);
  const alive = isLauncherAlive(pid);
  const listening = alive && port ? await canConnect(HOST, port) : false;
  return {
    running: alive && listening,
    starting: alive && !listening,
    pid: alive ? pid : undefined,
    port,
    uri: port ? `bolt://${HOST}:${port}` : undefined,
    // 'on', 'off' (started for a test of the old configuration), or undefined: not ready yet, or a
    // launcher from before auth, whose READY line says nothing about it.
    auth: alive ? readyAuth(f.log) : undefined,
    home,
    log: f.log,
  };
}

function readyAuth(logFile) {
  let text = '';
  try {
    text = fs.readFileSync(logFile, 'utf8');
  } catch {}
  return /^READY bolt:\/\/\S+ auth=(on|off)$/m.exec(text)?.[1];
}

/**
 * Starts (or reuses) the launcher for `home`. `stop()` on the result stops it even when it was
 * reused; callers that did not start it (reused: true) usually should leave it running.
 * The `neo4j` user's password is in `passwordFile` (made on the first start, mode 0600).
 * `unsafeOpenForTests` starts Neo4j as kg did before it had a password (no auth, no URL
 * blocklist), for the tests that show what that allowed; it has no CLI flag on purpose.
 */
export async function startNeo4j({ home = DEFAULT_HOME, port = DEFAULT_PORT, fresh = false, timeoutMs = 120_000, log = defaultLog, unsafeOpenForTests = false } = {}) {
  home = path.resolve(home);
  const f = files(home);
  const stop = () => stopNeo4j({ home, log });

  let st = await statusNeo4j({ home });
  if (st.running && st.auth !== 'on' && !unsafeOpenForTests) {
    log(`restarting the Neo4j of ${home}: it runs without a password (started by an older kg, or for a test)`);
    await stopNeo4j({ home, log });
    st = await statusNeo4j({ home });
  }
  if (fresh && (st.running || st.starting)) {
    await stopNeo4j({ home, log });
  } else if (st.running || st.starting) {
    if (st.port !== port) {
      throw new Error(`a launcher for ${home} already runs on port ${st.port} (pid ${st.pid}), not ${port}; stop it first`);
    }
    // Another caller may have just spawned it; give it the same time budget to come up.
    if (st.starting && !(await waitForReady(f.log, st.pid, port, timeoutMs))) {
      throw new Error(`existing launcher (pid ${st.pid}) did not become ready; last log lines:\n${tail(f.log)}`);
    }
    return { uri: `bolt://${HOST}:${port}`, pid: st.pid, reused: true, passwordFile: f.password, stop };
  }

  await ensureBuilt(log);

  if (!(await portIsFree(port))) {
    throw new Error(`port ${port} on ${HOST} is in use by another process (not a neo4j-local launcher for ${home}); ` +
      `stop it (e.g. a Docker neo4j) or pass another port`);
  }

  if (fresh) {
    assertLooksLikeHome(home);
    fs.rmSync(home, { recursive: true, force: true });
  }
  if (unsafeOpenForTests) fs.mkdirSync(home, { recursive: true });
  else ensurePasswordFile(home);
  fs.rmSync(f.pid, { force: true });

  const logFd = fs.openSync(f.log, 'w'); // truncate: a READY line from a previous run must not count
  const java = process.env.JAVA_HOME ? path.join(process.env.JAVA_HOME, 'bin', 'java') : 'java';
  const cp = [path.join(TARGET, 'classes'), path.join(TARGET, 'lib', '*')].join(path.delimiter);
  // The path, never the password: other users can read a process's arguments.
  const auth = unsafeOpenForTests ? ['--unsafe-open-for-tests'] : ['--password-file', f.password];
  const child = spawn(java, [...JVM_OPTS, '-cp', cp, 'kg.neo4jlocal.Launcher', '--home', home, '--port', String(port), ...auth], {
    cwd: home,
    detached: true, // own process group: Ctrl-C in the terminal that ran `npm start` must not kill it
    stdio: ['ignore', logFd, logFd],
  });
  fs.closeSync(logFd);
  let exitInfo;
  child.once('exit', (code, signal) => (exitInfo = { code, signal }));
  const spawnError = new Promise((resolve) => child.once('error', resolve));
  const early = await Promise.race([spawnError, sleep(50)]);
  if (early instanceof Error) throw new Error(`cannot run ${java} (is Java 17+ installed?): ${early.message}`);

  fs.writeFileSync(f.pid, `${child.pid}\n`);
  fs.writeFileSync(f.port, `${port}\n`);

  const ready = await waitForReady(f.log, child.pid, port, timeoutMs, () => exitInfo);
  if (!ready) {
    const why = exitInfo ? `exited early (code ${exitInfo.code}, signal ${exitInfo.signal})` : `not ready after ${timeoutMs} ms`;
    if (!exitInfo) await stopNeo4j({ home, log: () => {} });
    fs.rmSync(f.pid, { force: true });
    throw new Error(`Neo4j launcher ${why}; last lines of ${f.log}:\n${tail(f.log)}`);
  }
  child.unref(); // let the CLI (or test runner) exit while Neo4j keeps running
  return { uri: `bolt://${HOST}:${port}`, pid: child.pid, reused: false, passwordFile: unsafeOpenForTests ? undefined : f.password, stop };
}

// Ready = the launcher printed READY (default database available) AND Bolt accepts connections.
async function waitForReady(logFile, pid, port, timeoutMs, exited = () => undefined) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (exited() || !isLauncherAlive(pid)) return false;
    let text = '';
    try {
      text = fs.readFileSync(logFile, 'utf8');
    } catch {}
    if (/^READY bolt:\/\//m.test(text)) return waitForPort(HOST, port, Math.max(1000, deadline - Date.now()));
    await sleep(200);
  }
  return false;
}

/** SIGTERM (clean Neo4j shutdown), escalating to SIGKILL after 30 s. No-op if nothing runs. */
export async function stopNeo4j({ home = DEFAULT_HOME, log = defaultLog } = {}) {
  home = path.resolve(home);
  const f = files(home);
  const pid = readInt(f.pid);
  if (!isLauncherAlive(pid)) {
    log(`not running (home ${home})`);
    fs.rmSync(f.pid, { force: true });
    return false;
  }
  process.kill(pid, 'SIGTERM');
  const deadline = Date.now() + 30_000;
  while (isLauncherAlive(pid) && Date.now() < deadline) await sleep(100);
  if (isLauncherAlive(pid)) {
    log(`pid ${pid} ignored SIGTERM for 30 s; sending SIGKILL (next start will run recovery)`);
    try {
      process.kill(pid, 'SIGKILL');
    } catch {}
    while (isLauncherAlive(pid)) await sleep(100);
  }
  fs.rmSync(f.pid, { force: true });
  log(`stopped (pid ${pid})`);
  return true;
}

function parseArgs(argv) {
  const opts = { home: DEFAULT_HOME, port: DEFAULT_PORT, fresh: false };
  const [cmd, ...rest] = argv;
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i];
    if (a === '--fresh') opts.fresh = true;
    else if (a === '--home' && rest[i + 1]) opts.home = path.resolve(rest[++i]);
    else if (a === '--port' && /^\d+$/.test(rest[i + 1] ?? '')) opts.port = Number(rest[++i]);
    else throw new Error(`bad argument: ${a}`);
  }
  return { cmd, opts };
}

async function main(argv) {
  const usage = 'usage: neo4j-local.mjs start|stop|status|restart [--home DIR] [--port N] [--fresh]';
  const { cmd, opts } = parseArgs(argv);
  switch (cmd) {
    case 'restart':
      await stopNeo4j(opts);
    // fall through
    case 'start': {
      const t0 = Date.now();
      const r = await startNeo4j(opts);
      defaultLog(r.reused ? `already running (pid ${r.pid})` : `started (pid ${r.pid}) in ${((Date.now() - t0) / 1000).toFixed(1)} s; data and logs in ${opts.home}`);
      defaultLog(`user neo4j, password in ${r.passwordFile}`);
      console.log(r.uri);
      return 0;
    }
    case 'stop':
      await stopNeo4j(opts);
      return 0;
    case 'status': {
      const s = await statusNeo4j(opts);
      console.log(s.running ? `running pid=${s.pid} ${s.uri} home=${s.home}` : s.starting ? `starting pid=${s.pid} home=${s.home}` : `stopped home=${s.home}`);
      return s.running ? 0 : 1;
    }
    default:
      console.error(usage);
      return 1;
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (err) => {
      console.error(`[neo4j-local] ${err.message}`);
      process.exit(1);
    },
  );
}
