/**
 * Compiled projections (src/store/projection.ts) read only what a selection needs. Whatever they leave
 * out, the answer must be the one the loaders give from whole records: a company's page of deals,
 * fetched in one compiled statement, is compared field by field with each record read through
 * `node(id)`, whose relations come from complete records.
 */
import type { Stack } from '../../src/stack';
import { graphql, startStack } from '../support/stack';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(() => stack.stop());

const QUOTE = 'id quote start end prefix suffix source { id }';
const DEAL = `id name kind status binding modality announced { value precision }
  parties { role company { id name kinds } evidence { ${QUOTE} } }
  sites { id name kind }
  evidence { ${QUOTE} }`;
const COMPANY = `id name kinds evidence { id quote }`;

type Deal = { id: string; evidence: { quote: string; start: number; end: number; source: { id: string } }[] };

async function ask<T>(query: string, variables?: Record<string, unknown>): Promise<T> {
  const { body } = await graphql<T>(stack.url, query, variables);
  expect(body.errors).toBeUndefined();
  return body.data!;
}

describe('a compiled company page', () => {
  it.each(['verkor', 'stellantis', 'acc'])(
    "answers for %s as whole records do, quotes' offsets included",
    async (id) => {
      const compiled = await ask<{ company: { partnerships: { totalCount: number; nodes: Deal[] } } }>(
        `query ($id: ID!) { company(id: $id) { ${COMPANY} partnerships(first: 50) { totalCount nodes { ${DEAL} } } } }`,
        { id },
      );
      const page = compiled.company.partnerships;
      expect(page.nodes.length).toBeGreaterThan(0);
      const whole = await ask<{ node: Record<string, unknown> }>(
        `query ($id: ID!) { node(id: $id) { ... on Company { ${COMPANY} } } }`,
        { id },
      );
      expect({ ...compiled.company, partnerships: undefined }).toEqual({ ...whole.node, partnerships: undefined });
      for (const deal of page.nodes) {
        const one = await ask<{ node: Deal }>(`query ($id: ID!) { node(id: $id) { ... on Partnership { ${DEAL} } } }`, {
          id: deal.id,
        });
        expect(deal).toEqual(one.node);
      }
      // Offsets point into the stored text: a left-out offset would read as 0 and fail here.
      const quoted = page.nodes.flatMap((d) => d.evidence);
      const text = new Map<string, string>();
      for (const source of new Set(quoted.map((e) => e.source.id))) {
        const read = await ask<{ node: { text: string } }>(
          `query ($id: ID!) { node(id: $id) { ... on Source { text } } }`,
          {
            id: source,
          },
        );
        text.set(source, read.node.text);
      }
      for (const e of quoted) expect(text.get(e.source.id)!.slice(e.start, e.end)).toBe(e.quote);
    },
  );
});

describe('a timeline with its records', () => {
  it("gives each entry's milestone and deal as reading them by id does", async () => {
    type Entry = { kind: string; milestone: { id: string } | null; partnership: { id: string } | null };
    const MILESTONE = 'id name year date precision bound due modality measure { value unit approximate }';
    const DEAL_FIELDS = 'id name kind status announced { value }';
    const { timeline } = await ask<{ timeline: Entry[] }>(
      `{ timeline(companyId: "renault-group") { kind title milestone { ${MILESTONE} } partnership { ${DEAL_FIELDS} } } }`,
    );
    expect(timeline.some((e) => e.milestone)).toBe(true);
    expect(timeline.some((e) => e.partnership)).toBe(true);
    for (const entry of timeline) {
      for (const [record, fields] of [
        [entry.milestone, `... on Milestone { ${MILESTONE} }`],
        [entry.partnership, `... on Partnership { ${DEAL_FIELDS} }`],
      ] as const) {
        if (!record) continue;
        const one = await ask<{ node: unknown }>(`query ($id: ID!) { node(id: $id) { ${fields} } }`, { id: record.id });
        expect(record).toEqual(one.node);
      }
    }
  });
});

describe('a timeline read with and without its quotes and records', () => {
  it('lists the same entries, and the same quotes whenever they are selected', async () => {
    type Entry = { kind: string; date: string; title: string; evidence?: { id: string }[]; partnership?: unknown };
    const ENTRY = 'kind date title';
    const read = async (fields: string) =>
      (await ask<{ timeline: Entry[] }>(`{ timeline(companyId: "renault-group") { ${fields} } }`)).timeline;
    const bare = await read(ENTRY);
    const quoted = await read(`${ENTRY} evidence { id }`);
    const withRecords = await read(`${ENTRY} evidence { id } partnership { id }`);
    expect(bare.length).toBeGreaterThan(0);
    expect(quoted.every((e) => e.evidence!.length > 0)).toBe(true);
    expect(quoted.map(({ evidence: _quotes, ...e }) => e)).toEqual(bare);
    expect(withRecords.map(({ partnership: _deal, ...e }) => e)).toEqual(quoted);
  });
});
