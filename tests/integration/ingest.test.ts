/**
 * `kg ingest` on the real Neo4j: the seed article merges into the records data/ holds once its
 * proposals are accepted, and two fictional articles (tests/fixtures/ingest/, marked fictional in the
 * files) create a deal, then move it on (letter of intent → binding supply contract), end talks and
 * revise a plant's capacity.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { cliPrincipal } from '../../src/auth/principal';
import type { Database } from '../../src/db/neo4j';
import { BadUserInputError } from '../../src/errors';
import { ingestArticle, IngestResult } from '../../src/ingest';
import { acceptProposals, proposalsOf } from '../../src/ingest/review';
import { DEFAULT_DATA_DIR, loadData } from '../../src/load';
import { claimGroups, unrealizedDeals } from '../../src/store/lifecycle';
import { relatedByIds } from '../../src/store/nodes';
import { clearGraph, testDatabase } from '../support/neo4j';
import { seedDataDir } from '../support/stack';

let db: Database;
const editor = cliPrincipal('ingest-test');
const fixture = (name: string) => readFileSync(path.join(__dirname, '..', 'fixtures', 'ingest', name), 'utf8');
const seedText = readFileSync(path.join(DEFAULT_DATA_DIR, 'sources', 'renault-battery-partnerships.txt'), 'utf8');

beforeAll(async () => {
  db = testDatabase();
  await clearGraph(db);
  // The seed article's world: the assertions are about re-ingesting that article.
  await loadData(db, seedDataDir());
});
afterAll(() => db.close());

const count = async (cypher: string, params: Record<string, unknown> = {}) =>
  Number((await db.read<{ n: number }>('test', cypher, params))[0]!.n);
const sourcesOf = (id: string) =>
  count(
    'MATCH (:Entity {id: $id})-[:SUPPORTED_BY]->(:Evidence)-[:QUOTED_FROM]->(s:Source) RETURN count(DISTINCT s) AS n',
    { id },
  );

describe('the seed article, ingested again', () => {
  let result: IngestResult;
  let renaultSources: number;
  beforeAll(async () => {
    renaultSources = await sourcesOf('renault-group');
    result = await ingestArticle(
      db,
      editor,
      { text: seedText, title: 'Renault: 2 new partnerships (second copy)', publisher: 'Test copy' },
      { auto: false, minConfidence: 0.7 },
    );
  });

  it('stores the source and queues every proposal for review without writing any record', async () => {
    expect(await count('MATCH (s:Source {id: $id}) RETURN count(s) AS n', { id: result.sourceId })).toBe(1);
    expect(result.created).toBe(true);
    expect(result.proposals.every((p) => p.status === 'pending')).toBe(true);
    expect(await proposalsOf(db, result.sourceId)).toEqual(result.proposals);
    const companies = result.proposals.filter((p) => p.section === 'companies');
    expect(companies.every((c) => Number(c.record.confidence) > 0 && Number(c.record.confidence) <= 1)).toBe(true);
    expect(await sourcesOf('renault-group')).toBe(renaultSources);
  });

  it('proposes records the graph knows under their ids, and nothing from the reader comment', () => {
    const known = result.proposals.filter((p) => p.known).map((p) => p.recordId);
    expect(known).toEqual(
      expect.arrayContaining(['renault-group', 'envision-aesc', 'verkor', 'renault-verkor-batteries', 'douai']),
    );
    const commentStart = seedText.indexOf('Related articles');
    const quotes = result.proposals.flatMap((p) => p.quotes);
    expect(quotes.length).toBeGreaterThan(20);
    for (const q of quotes) {
      expect(seedText.slice(q.start, q.end)).toBe(q.text);
      expect(q.end).toBeLessThanOrEqual(commentStart);
    }
    expect(result.proposals.some((p) => /nuclear|Musicman|Nogo/i.test(p.name))).toBe(false);
  });

  it('once accepted, adds a second piece of evidence instead of a duplicate, and keeps what the graph said', async () => {
    const companies = await count('MATCH (c:Company) RETURN count(c) AS n');
    const fields =
      'MATCH (c:Company {id: $id}) RETURN c.name + "|" + coalesce(c.description, "") + "|" + c.kinds[0] AS n';
    const [renault] = await db.read<{ n: string }>('test', fields, { id: 'renault-group' });
    await acceptProposals(db, editor, { ids: result.proposals.map((p) => p.id) });
    expect(await db.read('test', fields, { id: 'renault-group' })).toEqual([renault]);
    expect(await count('MATCH (c:Company) RETURN count(c) AS n')).toBe(companies);
    expect(await sourcesOf('renault-group')).toBe(renaultSources + 1);
    expect(await sourcesOf('verkor')).toBeGreaterThanOrEqual(2);
    expect(await count("MATCH (p:Partnership {id: 'renault-verkor-batteries'}) RETURN count(p) AS n")).toBe(1);
  });
});

describe('two fictional articles about one deal', () => {
  let first: IngestResult;
  let second: IngestResult;
  beforeAll(async () => {
    first = await ingestArticle(
      db,
      editor,
      {
        text: fixture('fictional-2022-03-01-letter-of-intent.txt'),
        published: '2022-03-01',
        publisher: 'Fiction Daily',
      },
      { auto: true, minConfidence: 0.5 },
    );
    second = await ingestArticle(
      db,
      editor,
      {
        text: fixture('fictional-2023-05-10-supply-contract.txt'),
        published: '2023-05-10',
        publisher: 'Fiction Daily',
      },
      { auto: true, minConfidence: 0.5 },
    );
  });

  it('accepts the confident proposals, leaves the rest pending and reader comments out', async () => {
    expect(first.proposals.some((p) => p.status === 'accepted')).toBe(true);
    expect(first.proposals.every((p) => p.status === 'accepted' || p.status === 'pending')).toBe(true);
    // Accepted means confident enough; a confident proposal left pending lacks a record it cannot be
    // written without (a deal's party, a stage's deal, a claim's subject) that stayed pending.
    const accepted = new Set(first.proposals.filter((p) => p.status === 'accepted').map((p) => p.recordId));
    const inGraph = async (id: string) =>
      accepted.has(id) || (await count('MATCH (n:Entity {id: $id}) RETURN count(n) AS n', { id })) > 0;
    for (const p of first.proposals) {
      if (p.status === 'accepted') expect(p.confidence).toBeGreaterThanOrEqual(0.5);
      else if (p.confidence >= 0.5) {
        const { parties, partnership, subject } = p.record as {
          parties?: { company: string }[];
          partnership?: string;
          subject?: string;
        };
        const needed = [...(parties ?? []).map((x) => x.company), partnership, subject].filter(
          (id): id is string => !!id,
        );
        expect((await Promise.all(needed.map(inGraph))).includes(false)).toBe(true);
      }
    }
    expect(await count("MATCH (n:Entity) WHERE n.name =~ '(?i).*(fakecorp|mockville).*' RETURN count(n) AS n")).toBe(0);
    expect(await count("MATCH (c:Company {id: 'zellfabrik'}) RETURN count(c) AS n")).toBe(1);
  });

  it('merges the same company named by its alias into one node with evidence from both articles', async () => {
    expect(await count("MATCH (c:Company) WHERE c.name STARTS WITH 'Nordhaven' RETURN count(c) AS n")).toBe(1);
    expect(second.proposals.find((p) => p.recordId === 'nordhaven-motors-group')?.known).toBe(true);
    expect(await sourcesOf('nordhaven-motors-group')).toBe(2);
    // The plant is named after its operator and city, not a sentence fragment; the second report's
    // "its Testville gigafactory" is the same plant, run by the start-up that builds it.
    const plant = first.proposals.find((p) => p.section === 'sites' && p.recordId.endsWith('-testville'));
    expect(plant).toMatchObject({ recordId: 'zellfabrik-testville', name: 'Zellfabrik gigafactory in Testville' });
    expect(plant?.record).toMatchObject({ kind: 'facility', locatedIn: ['testville'] });
    expect(second.proposals.find((p) => p.recordId === 'zellfabrik-testville')?.known).toBe(true);
    expect(await sourcesOf('zellfabrik-testville')).toBe(2);
  });

  it('links the stages: the letter of intent became a binding supply contract', async () => {
    const id = 'nordhaven-motors-group-zellfabrik-letter-of-intent';
    const stages = (await relatedByIds(db, 'stagesOf', [id])).get(id)!.map((r) => r.node);
    expect(stages.map((s) => s.__typename === 'Stage' && [s.date.value, s.kind, s.status])).toEqual([
      ['2022-03-01', 'LETTER_OF_INTENT', 'SIGNED'],
      ['2023-05-10', 'SUPPLY', 'SIGNED'],
    ]);
    const [deal] = await db.read<{ kind: string; binding: string }>(
      'test',
      'MATCH (p:Partnership {id: $id}) RETURN p.kind AS kind, p.binding AS binding',
      { id },
    );
    expect(deal).toEqual({ kind: 'supply', binding: 'binding' });
  });

  it('lists the talks that ended among the deals that never happened', async () => {
    const ids = (await unrealizedDeals(db)).map((d) => d.id);
    expect(ids).toContain('nordhaven-motors-group-kobalt-cells-discussion');
    expect(ids).not.toContain('nordhaven-motors-group-zellfabrik-letter-of-intent');
  });

  it('keeps both capacities of the plant side by side and prefers the later one', async () => {
    const [group] = await claimGroups(db, 'zellfabrik-testville', 'CAPACITY_TARGET');
    expect(group!.values.map((c) => [c.value, c.stated.value, c.preferred])).toEqual([
      [16, '2023-05-10', true],
      [20, '2022-03-01', false],
    ]);
  });

  it('rejects malformed input with the argument named', async () => {
    const error = await ingestArticle(
      db,
      editor,
      { text: fixture('fictional-2022-03-01-letter-of-intent.txt'), published: '1 March 2022' },
      { auto: false, minConfidence: 0.5 },
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BadUserInputError);
    expect((error as BadUserInputError).extensions.argument).toBe('published');
  });
});
