/**
 * Four projects (see tests/README.md): unit (no JVM, no network), integration and e2e (the real
 * Neo4j, HTTP and Chromium), and slow (fuzzing, model-based, fault, outage and scale-out suites).
 * `make test` runs the first three, `make test-slow` the last; `npx jest` runs all four.
 *
 * The Neo4j is started by tests/support/globalSetup.ts. Jest runs a setup module once per run however
 * many projects name it, and only when one of them has tests to run: so the projects that need the
 * database share one, and a unit-only run starts no JVM.
 *
 * SWC only strips the types (no decorators, no jest.mock to hoist); `make check` type-checks.
 */
const transform = {
  '^.+\\.tsx?$': [
    '@swc/jest',
    {
      jsc: { parser: { syntax: 'typescript', tsx: true }, target: 'es2022' },
      module: { type: 'commonjs' },
    },
  ],
};

const withNeo4j = {
  globalSetup: '<rootDir>/tests/support/globalSetup.ts',
  globalTeardown: '<rootDir>/tests/support/globalTeardown.ts',
};

const project = (displayName, testMatch, extra = {}) => ({
  displayName,
  testMatch: [`<rootDir>/tests/${testMatch}`],
  transform,
  testEnvironment: 'node',
  ...extra,
});

module.exports = {
  projects: [
    project('unit', 'unit/**/*.test.ts'),
    project('integration', 'integration/**/*.test.ts', withNeo4j),
    project('e2e', 'e2e/**/*.e2e.test.ts', withNeo4j),
    project('slow', 'slow/**/*.test.ts', withNeo4j),
  ],
  testTimeout: 120000,
};
