import { readPasswordFile } from './password-file';

/**
 * Where the database is. With NEO4J_URI set, kg uses that server (a Docker
 * container, Aura, a company instance); without it, kg starts its own local
 * Neo4j (tools/neo4j-local) and keeps the data under .kg/.
 */
export interface Neo4jConfig {
  uri: string;
  user: string;
  password: string;
  database: string | undefined;
}

export function configFromEnv(env: NodeJS.ProcessEnv = process.env): Neo4jConfig | undefined {
  if (!env.NEO4J_URI) return undefined;
  return {
    uri: env.NEO4J_URI,
    user: env.NEO4J_USER ?? env.NEO4J_USERNAME ?? 'neo4j',
    // A file keeps the password out of the environment (and of what child processes inherit).
    password: env.NEO4J_PASSWORD ?? (env.NEO4J_PASSWORD_FILE ? readPasswordFile(env.NEO4J_PASSWORD_FILE) : ''),
    database: env.NEO4J_DATABASE || undefined,
  };
}

/** The URI with any password it carries hidden, for messages. */
export const displayUri = (uri: string) => uri.replace(/\/\/[^@/]*@/, '//***@');
