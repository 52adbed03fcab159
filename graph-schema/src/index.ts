export * from './nodes';
export * from './relationships';
export * from './records';
export * from './merge';
export * from './cypher';
export * from './export-format';
export * from './gold';
