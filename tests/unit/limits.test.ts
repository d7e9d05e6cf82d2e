/**
 * The query limits against the documents the product really sends: the analyst operations, every
 * operation of the web pages (their typed documents, generated from the pages' sources and validated
 * against the schema, so a new or grown query is measured too) and GraphiQL's introspection query. Each
 * must stay under the defaults; the figures are printed so src/server/limits.ts's figures can be checked
 * against them.
 */
import { buildSchema, getIntrospectionQuery, GraphQLSchema, Kind, parse } from 'graphql';
import * as documents from '../../web/src/__generated__/graphql';
import { analystOperations } from '../../web/src/operations';
import { countTokens, DEFAULT_LIMITS, limitsFromEnv, measure, Measure } from '../../src/server/limits';
import { typeDefs } from '../../src/server/schema';

/** The pages' operations (fragments travel inside the operations that spread them). */
function pageOperations(): { name: string; query: string }[] {
  return Object.values(documents)
    .filter((value) => value instanceof String)
    .map(String)
    .flatMap((query) =>
      parse(query)
        .definitions.filter((d) => d.kind === Kind.OPERATION_DEFINITION)
        .map((d) => ({ name: `page ${d.name?.value ?? 'anonymous'}`, query })),
    );
}

let schema: GraphQLSchema;
const measured: (Measure & { name: string })[] = [];

beforeAll(() => {
  schema = buildSchema(typeDefs().join('\n'));
  const documents = [
    ...analystOperations.map((o) => ({ name: `analyst ${o.name}`, query: o.query })),
    ...pageOperations(),
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
    // One measured operation per generated operation document (fragments are documents of their own).
    const operations = Object.keys(documents)
      .filter((key) => key.endsWith('Document'))
      .map((key) => `page ${key.replace(/Document$/, '')}`);
    expect(operations.length).toBeGreaterThan(0);
    expect(measured.filter((m) => m.name.startsWith('page ')).map((m) => m.name)).toEqual(operations);
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
