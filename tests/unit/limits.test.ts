/**
 * The query limits against the documents the product really sends: the analyst operations, every
 * query of the dashboard, explorer and playground (read from their sources, so a new or grown query is
 * measured too) and GraphiQL's introspection query. Each must stay under the defaults; the figures are
 * printed so the README's table can be checked against them.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { buildSchema, getIntrospectionQuery, GraphQLSchema, parse } from 'graphql';
import { analystOperations } from '../../web/src/operations';
import { countTokens, DEFAULT_LIMITS, limitsFromEnv, measure, Measure } from '../../src/server/limits';
import { typeDefs } from '../../src/server/schema';

const WEB_SRC = path.resolve(__dirname, '..', '..', 'web', 'src');

/** The `/* GraphQL *\/` templates and inline gql('…') strings of a page, with its string constants filled in. */
function pageQueries(file: string): { name: string; query: string }[] {
  const text = readFileSync(path.join(WEB_SRC, file), 'utf8');
  const constants = new Map([...text.matchAll(/^const ([A-Z_]+) = '([^']*)';$/gm)].map((m) => [m[1]!, m[2]!]));
  const fill = (t: string) =>
    t.replace(/\$\{([A-Z_]+)\}/g, (_m, name: string) => {
      const value = constants.get(name);
      if (value === undefined) throw new Error(`${file}: cannot resolve \${${name}} in a query`);
      return value;
    });
  const templates = [...text.matchAll(/\/\* GraphQL \*\/ `([^`]*)`/g)].map((m) => fill(m[1]!));
  const inline = [...text.matchAll(/\bgql(?:<[^>]*>)?\('([^']+)'/g)].map((m) => m[1]!);
  return [...templates, ...inline].map((query) => ({
    name: `${file} ${/(?:query|mutation)\s+(\w+)/.exec(query)?.[1] ?? 'anonymous'}`,
    query,
  }));
}

let schema: GraphQLSchema;
const measured: (Measure & { name: string })[] = [];

beforeAll(() => {
  schema = buildSchema(typeDefs().join('\n'));
  const documents = [
    ...analystOperations.map((o) => ({ name: `analyst ${o.name}`, query: o.query })),
    ...pageQueries('dashboard.ts'),
    ...pageQueries('explore.ts'),
    ...pageQueries('playground.tsx'),
    ...pageQueries('map/queries.ts'),
    {
      name: 'GraphiQL introspection',
      query: getIntrospectionQuery({ descriptions: true, inputValueDeprecation: true, schemaDescription: true }),
    },
  ];
  for (const { name, query } of documents) measured.push({ name, ...measure(schema, parse(query), query) });
  console.log(
    'Measured against the limits ' +
      JSON.stringify(DEFAULT_LIMITS) +
      ':\n' +
      measured
        .map(
          (m) =>
            `${m.name.padEnd(40)} depth ${String(m.depth).padStart(2)}  cost ${String(m.cost).padStart(6)}  aliases ${m.aliases}  directives ${m.directives}  tokens ${m.tokens}`,
        )
        .join('\n'),
  );
});

describe('the limits hold every real query', () => {
  it('finds every operation the pages define', () => {
    expect(measured.filter((m) => m.name.startsWith('analyst '))).toHaveLength(analystOperations.length);
    for (const file of ['dashboard.ts', 'explore.ts', 'playground.tsx', 'map/queries.ts']) {
      const defined = readFileSync(path.join(WEB_SRC, file), 'utf8').match(/\b(?:query|mutation) [A-Z]\w*/g) ?? [];
      expect(defined.length).toBeGreaterThan(0);
      expect(measured.filter((m) => m.name.startsWith(`${file} `))).toHaveLength(defined.length);
    }
  });

  it('keeps each query under every default limit', () => {
    const over = measured.filter(
      (m) =>
        m.depth > DEFAULT_LIMITS.maxDepth ||
        m.cost > DEFAULT_LIMITS.maxCost ||
        m.aliases > DEFAULT_LIMITS.maxAliases ||
        m.directives > DEFAULT_LIMITS.maxDirectives ||
        m.tokens > DEFAULT_LIMITS.maxTokens,
    );
    expect(over).toEqual([]);
  });

  it('leaves headroom above the largest real query, so a page can grow a little without a limit change', () => {
    const largest = (key: keyof Measure) => Math.max(...measured.map((m) => m[key]));
    expect(largest('depth')).toBeLessThanOrEqual(DEFAULT_LIMITS.maxDepth - 3);
    expect(largest('cost')).toBeLessThanOrEqual((DEFAULT_LIMITS.maxCost * 2) / 3);
    expect(largest('aliases')).toBeLessThanOrEqual(DEFAULT_LIMITS.maxAliases / 2);
    expect(largest('tokens')).toBeLessThanOrEqual(DEFAULT_LIMITS.maxTokens / 2);
  });
});

describe('limits from the environment', () => {
  it('reads KG_MAX_* and rejects values that would open a limit by mistake', () => {
    expect(limitsFromEnv({ KG_MAX_DEPTH: '9', KG_MAX_COST: '100' })).toMatchObject({ maxDepth: 9, maxCost: 100 });
    expect(() => limitsFromEnv({ KG_MAX_TOKENS: 'lots' })).toThrow(/KG_MAX_TOKENS must be a positive whole number/);
    expect(() => limitsFromEnv({ KG_MAX_ALIASES: '0' })).toThrow(/KG_MAX_ALIASES/);
  });

  it('hides field suggestions in production unless told otherwise', () => {
    expect(limitsFromEnv({}).blockFieldSuggestions).toBe(false);
    expect(limitsFromEnv({ NODE_ENV: 'production' }).blockFieldSuggestions).toBe(true);
    expect(limitsFromEnv({ NODE_ENV: 'production', KG_FIELD_SUGGESTIONS: 'true' }).blockFieldSuggestions).toBe(false);
    expect(limitsFromEnv({ KG_FIELD_SUGGESTIONS: 'false' }).blockFieldSuggestions).toBe(true);
  });

  it('counts tokens as the parser does, without comments', () => {
    expect(countTokens('# a comment\n{ company(id: "x") { name } }')).toBe(11);
  });
});
