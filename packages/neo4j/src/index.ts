export { configFromEnv, displayUri, type Neo4jConfig } from './config';
export { connect, applySchema, type Connection } from './connect';
export { resolveNeo4j, startLocalNeo4j, stopLocalNeo4j, localConfig, REPO_ROOT, type StartedNeo4j } from './local';
export { readPasswordFile } from './password-file';
export { findUrlLoading, REFUSED_PROCEDURES } from './url-loading';
export {
  runReadQuery,
  explainQueryError,
  queryDefaults,
  toJson,
  QueryError,
  DEFAULT_ROW_LIMIT,
  DEFAULT_TIMEOUT_MS,
  type QueryResult,
  type QueryValue,
  type QueryNode,
  type QueryRelationship,
  type QueryPath,
  type QueryPoint,
  type ReadQueryOptions,
} from './query';
