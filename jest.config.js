/** @type {import('jest').Config} */
const swc = ['@swc/jest', { jsc: { parser: { syntax: 'typescript' }, target: 'es2022' }, module: { type: 'commonjs' } }];

module.exports = {
  testEnvironment: 'node',
  transform: { '^.+\\.(t|j|mj)sx?$': swc },
  // sigma and a few graphology helpers ship ES modules only
  transformIgnorePatterns: ['/node_modules/(?!(sigma|@sigma|graphology-[^/]+)/)'],
  roots: ['<rootDir>/graph-schema', '<rootDir>/packages'],
  testMatch: ['**/test/**/*.test.ts'],
  globalSetup: '<rootDir>/scripts/jest/global-setup.cjs',
  globalTeardown: '<rootDir>/scripts/jest/global-teardown.cjs',
  testTimeout: 60000,
  // Neo4j community has one user database: test files take turns with it.
  maxWorkers: 1,
};
