/**
 * One Neo4j for the whole run: started by tests/support/globalSetup.ts on a free port with a
 * throw-away store (or the server NEO4J_URI names), shared by the integration and browser tests.
 */
const ts = { '^.+\\.tsx?$': ['ts-jest', { tsconfig: 'tsconfig.json', diagnostics: { warnOnly: false } }] };

module.exports = {
  globalSetup: '<rootDir>/tests/support/globalSetup.ts',
  globalTeardown: '<rootDir>/tests/support/globalTeardown.ts',
  projects: [
    { displayName: 'unit', testMatch: ['<rootDir>/tests/unit/**/*.test.ts'], transform: ts, testEnvironment: 'node' },
    {
      displayName: 'integration',
      testMatch: ['<rootDir>/tests/integration/**/*.test.ts'],
      transform: ts,
      testEnvironment: 'node',
    },
    { displayName: 'e2e', testMatch: ['<rootDir>/tests/e2e/**/*.e2e.test.ts'], transform: ts, testEnvironment: 'node' },
  ],
  testTimeout: 120000,
};
