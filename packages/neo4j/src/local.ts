import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { configFromEnv, type Neo4jConfig } from './config';
import { readPasswordFile } from './password-file';

/** The repo root: this file lives in packages/neo4j/src. */
export const REPO_ROOT = path.resolve(__dirname, '../../..');

/** What tools/neo4j-local/neo4j-local.mjs's startNeo4j returns. */
export interface StartedNeo4j {
  uri: string;
  pid: number;
  reused: boolean;
  /** The neo4j user's password (mode 0600); undefined only for unsafeOpenForTests. */
  passwordFile?: string;
  stop(): Promise<void>;
}

interface Launcher {
  startNeo4j(opts: LocalOptions & { home: string; port: number; timeoutMs?: number }): Promise<StartedNeo4j>;
  stopNeo4j(opts: { home: string }): Promise<void>;
}

async function launcher(): Promise<Launcher> {
  // The launcher is plain ESM with no dependencies, shared with npm scripts.
  const url = pathToFileURL(path.join(REPO_ROOT, 'tools/neo4j-local/neo4j-local.mjs')).href;
  return (await import(/* webpackIgnore: true */ url)) as Launcher;
}

export interface LocalOptions {
  home?: string;
  port?: number;
  fresh?: boolean;
  log?: (m: string) => void;
  /** Neo4j as kg ran it before it had a password (no auth, no URL blocklist): only for tests that show what that allowed. */
  unsafeOpenForTests?: boolean;
}

/** The connection settings for a local Neo4j that the launcher started: user neo4j, the password from its file. */
export function localConfig(started: Pick<StartedNeo4j, 'uri' | 'passwordFile'>): Neo4jConfig {
  const password = started.passwordFile
    ? readPasswordFile(started.passwordFile, `delete it and run "npm run neo4j:stop": the next start makes a new one`)
    : '';
  return { uri: started.uri, user: 'neo4j', password, database: undefined };
}

/**
 * The configured server when NEO4J_URI is set, otherwise the local one,
 * started if it is not running yet (and left running for the next command).
 */
export async function resolveNeo4j(opts: LocalOptions = {}): Promise<{ config: Neo4jConfig; local: boolean }> {
  const fromEnv = configFromEnv();
  if (fromEnv) return { config: fromEnv, local: false };
  const { startNeo4j } = await launcher();
  const started = await startNeo4j({
    home: opts.home ?? path.join(REPO_ROOT, '.kg/neo4j'),
    port: opts.port ?? Number(process.env.KG_NEO4J_PORT ?? 7687),
    fresh: opts.fresh,
    log: opts.log,
  });
  return { config: localConfig(started), local: true };
}

export async function startLocalNeo4j(opts: Required<Pick<LocalOptions, 'home' | 'port'>> & LocalOptions): Promise<StartedNeo4j> {
  const { startNeo4j } = await launcher();
  return startNeo4j(opts);
}

export async function stopLocalNeo4j(home: string): Promise<void> {
  const { stopNeo4j } = await launcher();
  await stopNeo4j({ home });
}
