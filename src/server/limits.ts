/**
 * Limits on the shape of a GraphQL document, checked before anything reaches Neo4j: tokens while
 * parsing (graphql-js's own parser limit), then depth, cost, aliases and directives as validation
 * rules from graphql-armor. A document over a limit is answered HTTP 400 with the limit's name and value.
 *
 * Defaults were chosen by measuring what the product really sends (tests/unit/limits.test.ts prints
 * and checks it): the explorer's node details is the largest (depth 9, cost 29,310 because it pages
 * 100 partnerships inside a node, 6 aliases, 374 tokens), then the dashboard's partnership table (cost
 * 17,642). Each default leaves headroom above that, yet stops what no page needs: a second level of
 * 100-item pages (cost above 100,000), nesting past 12 levels, alias batteries, megabyte documents.
 */
import { ApolloArmor } from '@escape.tech/graphql-armor';
import type { ApolloServerPlugin } from '@apollo/server';
import { DocumentNode, GraphQLError, GraphQLSchema, Lexer, Source, TokenKind, ValidationRule, validate } from 'graphql';

export interface QueryLimits {
  /** Nesting of selections below the operation (fragments count as one level). */
  maxDepth: number;
  /** graphql-armor cost: objects 2, scalars 1, ×1.5 per level, × `first` of a list. */
  maxCost: number;
  maxAliases: number;
  maxDirectives: number;
  /** Lexical tokens of the document; stops the parser itself. */
  maxTokens: number;
  /** Hide "Did you mean …?" hints, which spell out the schema. */
  blockFieldSuggestions: boolean;
}

export const DEFAULT_LIMITS: Omit<QueryLimits, 'blockFieldSuggestions'> = {
  maxDepth: 12,
  maxCost: 50000,
  maxAliases: 15,
  maxDirectives: 10,
  maxTokens: 1000,
};

const ENV: Record<keyof typeof DEFAULT_LIMITS, string> = {
  maxDepth: 'KG_MAX_DEPTH',
  maxCost: 'KG_MAX_COST',
  maxAliases: 'KG_MAX_ALIASES',
  maxDirectives: 'KG_MAX_DIRECTIVES',
  maxTokens: 'KG_MAX_TOKENS',
};

export const isProduction = (env: NodeJS.ProcessEnv = process.env): boolean => env.NODE_ENV === 'production';

/** Limits from KG_MAX_* variables; a malformed value is a start-up error, never a silently open limit. */
export function limitsFromEnv(env: NodeJS.ProcessEnv = process.env): QueryLimits {
  const limits = { ...DEFAULT_LIMITS };
  for (const key of Object.keys(ENV) as (keyof typeof DEFAULT_LIMITS)[]) {
    const raw = env[ENV[key]];
    if (raw === undefined || raw === '') continue;
    const value = Number(raw);
    if (!Number.isInteger(value) || value < 1)
      throw new Error(`${ENV[key]} must be a positive whole number, got "${raw}"`);
    limits[key] = value;
  }
  const suggestions = env.KG_FIELD_SUGGESTIONS?.toLowerCase();
  const blockFieldSuggestions =
    suggestions === undefined || suggestions === '' ? isProduction(env) : suggestions === 'false';
  return { ...limits, blockFieldSuggestions };
}

const LIMIT_NAMES = {
  maxDepth: ['depth', 'Query depth limit of'],
  maxCost: ['cost', 'Query Cost limit of'],
  maxAliases: ['aliases', 'Aliases limit of'],
  maxDirectives: ['directives', 'Directives limit of'],
} as const;

/**
 * Replaces graphql-armor's "Syntax Error: … limit of N exceeded, found M." with a message that says
 * what to change; Apollo sends validation errors as GRAPHQL_VALIDATION_FAILED with HTTP 400.
 */
function rejectWith(key: keyof typeof LIMIT_NAMES, max: number) {
  const [limit, prefix] = LIMIT_NAMES[key];
  return (ctx: { reportError(error: GraphQLError): void } | null, error: GraphQLError) => {
    const found = new RegExp(`${prefix} \\d+ exceeded, found (\\d+(?:\\.\\d+)?)`).exec(error.message)?.[1];
    ctx?.reportError(
      new GraphQLError(
        `The query's ${limit} is ${found ?? 'over the limit'}, above the server's limit of ${max}. ` +
          'Ask for fewer nested fields, aliases or list items (a smaller `first`), or split the query.',
        { extensions: { limit, max, found: found === undefined ? undefined : Number(found) } },
      ),
    );
  };
}

function armorConfig(
  limits: QueryLimits,
  onAccept: Partial<Record<keyof typeof LIMIT_NAMES, (n: number) => void>> = {},
) {
  const accept = (key: keyof typeof LIMIT_NAMES) => {
    const record = onAccept[key];
    return record ? [(_ctx: unknown, details: { n: number }) => record(details.n)] : [];
  };
  const common = (key: keyof typeof LIMIT_NAMES) => ({
    n: limits[key],
    exposeLimits: true,
    propagateOnRejection: false,
    onReject: [rejectWith(key, limits[key])],
    onAccept: accept(key),
  });
  const config: ConstructorParameters<typeof ApolloArmor>[0] = {
    maxDepth: { ...common('maxDepth'), ignoreIntrospection: true },
    maxAliases: common('maxAliases'),
    maxDirectives: common('maxDirectives'),
    costLimit: {
      maxCost: limits.maxCost,
      exposeLimits: true,
      propagateOnRejection: false,
      onReject: [rejectWith('maxCost', limits.maxCost)],
      onAccept: accept('maxCost'),
    },
    // Tokens are limited by graphql-js's parser (parseOptions.maxTokens), which answers a parse error;
    // graphql-armor's Apollo variant throws from a hook, which Apollo turns into a 500.
    maxTokens: { enabled: false },
    // graphql-armor's mask misses "Did you mean the enum value …?" and leaves a stray "?": see hideSuggestions.
    blockFieldSuggestion: { enabled: false },
  };
  return config;
}

export interface LimitSettings {
  plugins: ApolloServerPlugin[];
  validationRules: ValidationRule[];
  parseOptions: { maxTokens: number };
}

/** Removes every "Did you mean …?" hint (fields, arguments, types, enum values), which spell out the schema. */
const hideSuggestions: ApolloServerPlugin = {
  async requestDidStart() {
    return {
      async didEncounterErrors({ errors }) {
        for (const error of errors) error.message = error.message.replace(/ ?Did you mean [^?]*\?/g, '');
      },
    };
  },
};

/** What createApp hands to ApolloServer. */
export function queryLimits(limits: QueryLimits): LimitSettings {
  const { plugins, validationRules } = new ApolloArmor(armorConfig(limits)).protect();
  return {
    plugins: limits.blockFieldSuggestions ? [...plugins, hideSuggestions] : plugins,
    validationRules,
    parseOptions: { maxTokens: limits.maxTokens },
  };
}

export interface Measure {
  depth: number;
  cost: number;
  aliases: number;
  directives: number;
  tokens: number;
}

/** Tokens as graphql-js's parser counts them (comments excluded). */
export function countTokens(source: string): number {
  const lexer = new Lexer(new Source(source));
  let tokens = 0;
  while (lexer.advance().kind !== TokenKind.EOF) tokens += 1;
  return tokens;
}

/** Measures a document with the same rules the server applies, so defaults can be checked against real queries. */
export function measure(schema: GraphQLSchema, document: DocumentNode, source: string): Measure {
  const found: Measure = { depth: 0, cost: 0, aliases: 0, directives: 0, tokens: countTokens(source) };
  const unlimited: QueryLimits = {
    maxDepth: Number.MAX_SAFE_INTEGER,
    maxCost: Number.MAX_SAFE_INTEGER,
    maxAliases: Number.MAX_SAFE_INTEGER,
    maxDirectives: Number.MAX_SAFE_INTEGER,
    maxTokens: Number.MAX_SAFE_INTEGER,
    blockFieldSuggestions: false,
  };
  const keep = (key: keyof Omit<Measure, 'tokens'>) => (n: number) => {
    found[key] = Math.max(found[key], n);
  };
  const { validationRules } = new ApolloArmor(
    armorConfig(unlimited, {
      maxDepth: keep('depth'),
      maxCost: keep('cost'),
      maxAliases: keep('aliases'),
      maxDirectives: keep('directives'),
    }),
  ).protect();
  const errors = validate(schema, document, validationRules);
  if (errors.length > 0) throw new Error(errors.map((e) => e.message).join('; '));
  return found;
}
