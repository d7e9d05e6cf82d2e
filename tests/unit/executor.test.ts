/**
 * The graphql-jit executor behind Apollo Server answers as graphql-js would: the codes, messages and
 * logging of src/server/errors.ts, and input defaults applied. A fictional schema of its own.
 */
import { ApolloServer } from '@apollo/server';
import { makeExecutableSchema } from '@graphql-tools/schema';
import { formatError } from '../../src/server/errors';
import { jitGateway } from '../../src/server/executor';

const schema = makeExecutableSchema({
  typeDefs: `
    input EchoInput { ids: [ID!]! = [], kind: Kind = A }
    enum Kind { A B }
    type Query {
      boom: String
      missing: String!
      echo(input: EchoInput!): String!
    }
    type Mutation { first: Int! second: Int! }`,
  resolvers: {
    Query: {
      boom: () => {
        throw new Error('fictional failure with a secret');
      },
      missing: () => null,
      echo: (_: unknown, { input }: { input: { ids: string[]; kind: string } }) =>
        `${input.kind}:${input.ids.join(',')}`,
    },
    Mutation: (() => {
      let calls = 0;
      const next = async () => {
        await new Promise((resolve) => setTimeout(resolve, 5));
        return ++calls;
      };
      return { first: next, second: next };
    })(),
  },
});

let server: ApolloServer;
let logged: jest.SpyInstance;

beforeAll(async () => {
  server = new ApolloServer({ gateway: jitGateway(schema), formatError, includeStacktraceInErrorResponses: false });
  await server.start();
});
afterAll(() => server.stop());
beforeEach(() => {
  logged = jest.spyOn(console, 'error').mockImplementation(() => undefined);
});
afterEach(() => logged.mockRestore());

async function run(query: string, variables?: Record<string, unknown>, operationName?: string) {
  const response = await server.executeOperation({ query, variables, operationName });
  if (response.body.kind !== 'single') throw new Error('expected a single result');
  return { status: response.http.status, ...response.body.singleResult };
}

describe('the graphql-jit executor', () => {
  it('masks a resolver failure with the documented code, keeps its place, and logs the cause', async () => {
    const reply = await run('{ boom }');
    expect(reply.data).toEqual({ boom: null });
    expect(reply.errors).toEqual([
      {
        message: 'Internal server error. The failure was logged; please retry or report it.',
        locations: [{ line: 1, column: 3 }],
        path: ['boom'],
        extensions: { code: 'INTERNAL_SERVER_ERROR' },
      },
    ]);
    expect(JSON.stringify(reply)).not.toContain('secret');
    expect(String(logged.mock.calls[0]?.[1])).toContain('fictional failure with a secret');
  });

  it('masks a null in a non-null field the same way', async () => {
    const reply = await run('{ missing }');
    expect(reply.data).toBeNull();
    expect(reply.errors?.map((e) => [e.extensions?.code, e.path])).toEqual([['INTERNAL_SERVER_ERROR', ['missing']]]);
    expect(logged).toHaveBeenCalledTimes(1);
  });

  it("applies input fields' defaults and refuses bad variables as bad user input", async () => {
    expect((await run('query ($i: EchoInput!) { echo(input: $i) }', { i: {} })).data).toEqual({ echo: 'A:' });
    expect((await run('query ($i: EchoInput!) { echo(input: $i) }', { i: { ids: 'x', kind: 'B' } })).data).toEqual({
      echo: 'B:x',
    });
    const bad = await run('query ($i: EchoInput!) { echo(input: $i) }', { i: { kind: 'C' } });
    expect([bad.status, bad.errors?.[0]?.extensions?.code]).toEqual([400, 'BAD_USER_INPUT']);
  });

  it('answers an unknown operation name as graphql-js does, running nothing', async () => {
    const reply = await run('query A { boom }', undefined, 'B');
    expect([reply.status, reply.errors?.[0]?.extensions?.code]).toEqual([400, 'OPERATION_RESOLUTION_FAILURE']);
    expect(logged).not.toHaveBeenCalled();
  });

  it("runs a mutation's fields one after another", async () => {
    expect((await run('mutation { b: second a: first }')).data).toEqual({ b: 1, a: 2 });
  });
});
