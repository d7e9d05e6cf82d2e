import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import graphql from '@graphql-eslint/eslint-plugin';

export default tseslint.config(
  {
    ignores: [
      'node_modules/',
      'dist/',
      'web/dist/',
      'bench/.data/',
      'db/',
      'src/__generated__/',
      'web/src/__generated__/',
      'coverage/',
      'test-artifacts/',
    ],
  },
  {
    files: ['**/*.{js,mjs,cjs,ts,tsx}'],
    extends: [js.configs.recommended, ...tseslint.configs.recommended],
    languageOptions: {
      globals: {
        console: 'readonly',
        process: 'readonly',
        require: 'readonly',
        module: 'writable',
        __dirname: 'readonly',
      },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-require-imports': 'off',
    },
  },
  // The API's SDL: descriptions, naming and one Relay connection shape.
  {
    files: ['schema/*.graphql'],
    languageOptions: { parser: graphql.parser, parserOptions: { graphQLConfig: { schema: 'schema/*.graphql' } } },
    plugins: { '@graphql-eslint': graphql },
    rules: {
      ...graphql.configs['flat/schema-recommended'].rules,
      ...graphql.configs['flat/schema-relay'].rules,
      // Off: one-line descriptions are "inline" strings and longer ones """block""" strings; the rule
      // wants a single style for both.
      '@graphql-eslint/description-style': 'off',
      // Off: entities implement Node (id: ID!); value types (DateValue, Measure, Party, PageInfo,
      // connections and edges) have no identity of their own, so an id on each would be invented.
      '@graphql-eslint/strict-id-in-types': 'off',
      // Lists are forward only (first/after); no field offers last/before.
      '@graphql-eslint/relay-arguments': ['error', { includeBoth: false }],
      // Plain lists ([Site!]!, a connection's `nodes`) are part of the API; only connections page.
      '@graphql-eslint/relay-edge-types': ['error', { listTypeCanWrapOnlyEdgeType: false }],
    },
  },
);
