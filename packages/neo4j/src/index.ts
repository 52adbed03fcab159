export { configFromEnv, displayUri, type Neo4jConfig } from './config';
export { connect, applySchema, type Connection } from './connect';
export { resolveNeo4j, startLocalNeo4j, stopLocalNeo4j, REPO_ROOT } from './local';
