export { startViewerServer, DIST_DIR, type ViewerServer, type ViewerServerOptions, type ViewerSource } from './server/index';
export { viewCommand, VIEW_USAGE, ensureBuilt } from './cli';
export { fileSource, memorySource, loadGraphFile } from './server/file-source';
export { neo4jSource } from './server/neo4j-source';
export type { GraphSource } from './server/source';
