/**
 * The review queue through real HTTP on the real Neo4j: an ingested article's proposals wait in the
 * graph; editors accept, correct or reject them (each decision a revision); links wait for the record
 * at their other end; bad input changes neither the graph nor the queue; accepted proposals export as
 * data files that load into a fresh graph. The articles are fictional (tests/fixtures/ingest/). The
 * decisions are taken on a queue of hand-written proposals (tests/fixtures/review/), so they do not
 * depend on what the extractor finds; ingestion itself is checked on its general promises.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Database } from '../../src/db/neo4j';
import { exportFacts } from '../../src/export/facts';
import { loadData, planFiles } from '../../src/load';
import { clearGraph } from '../support/neo4j';
import {
  linksOf as links,
  QUEUE,
  queueArticle as queue,
  queueSnapshot,
  ReviewStack,
  startReviewStack,
  TEXT,
} from '../support/review-queue';
import { cliPrincipal } from '../../src/auth/principal';
import { BadUserInputError } from '../../src/errors';
import { ingestArticle } from '../../src/ingest';
import type { FactRecord } from '../../src/store/proposals';

const fixture = (...parts: string[]) => readFileSync(path.join(__dirname, '..', 'fixtures', ...parts), 'utf8');
const SUPPLY = fixture('ingest', 'fictional-2023-05-10-supply-contract.txt');
const PROPOSAL = `id section recordId name confidence known status quotes { text start end } record written
  decidedBy entity { id }`;
const INGEST = `mutation ($input: IngestArticleInput!) {
  ingestArticle(input: $input) { created source { id text } proposals { ${PROPOSAL} } }
}`;
const PROPOSALS = `query ($sourceId: ID!, $status: [ProposalStatus!]) {
  proposals(sourceId: $sourceId, status: $status) { ${PROPOSAL} }
}`;
const ACCEPT = `mutation ($input: AcceptProposalsInput!) { acceptProposals(input: $input) { ${PROPOSAL} } }`;
const REJECT = `mutation ($input: RejectProposalsInput!) { rejectProposals(input: $input) { ${PROPOSAL} } }`;
const HISTORY = `query ($id: ID!) { history(id: $id) { operation changedBy reason changes { field before after } } }`;

interface Proposal {
  id: string;
  section: string;
  recordId: string;
  name: string;
  confidence: number;
  known: boolean;
  status: string;
  quotes: { text: string; start: number; end: number }[];
  record: string;
  written: string | null;
  decidedBy: string | null;
  entity: { id: string } | null;
}
let review: ReviewStack;
let db: Database;
let readerKey: string;
/** The article whose hand-written proposals the decisions are taken on. */
const sourceId = 'fictional-2022-03-01-nordhaven-zellfabrik';
let proposals: Proposal[];
/** The article ingested through the API. */
let ingested: { id: string; proposals: Proposal[] };

const post = (query: string, variables: Record<string, unknown>, key?: string) => review.post(query, variables, key);
const asEditor = (query: string, variables: Record<string, unknown>) => post(query, variables, review.editorKey);
const ok = (query: string, variables: Record<string, unknown>) => review.ok(query, variables);
const byRecord = (recordId: string, section?: string) =>
  proposals.find((p) => p.recordId === recordId && (!section || p.section === section))!;
const count = async (cypher: string, params: Record<string, unknown> = {}) =>
  Number((await db.read<{ n: number }>('test', cypher, params))[0]!.n);
const snapshot = () => queueSnapshot(db);
const queueArticle = (id = sourceId, rename?: (record: FactRecord) => FactRecord) => queue(db, id, rename);
const pendingOf = async () => ((await ok(PROPOSALS, { sourceId })).proposals as Proposal[]).map((p) => p.id).sort();

beforeAll(async () => {
  review = await startReviewStack();
  ({ db, readerKey } = review);
  await queueArticle();
  proposals = (await ok(PROPOSALS, { sourceId })).proposals;
  const data = await ok(INGEST, { input: { text: SUPPLY, published: '2023-05-10', publisher: 'Fiction Daily' } });
  ingested = { id: data.ingestArticle.source.id, proposals: data.ingestArticle.proposals };
});

afterAll(() => review?.stop());

describe('an ingested article waits in the queue', () => {
  it('stores the text unchanged and every proposal pending, with quotes located in it', async () => {
    expect(ingested.proposals.length).toBeGreaterThan(0);
    for (const p of ingested.proposals) {
      expect(p).toMatchObject({ status: 'PENDING', decidedBy: null, written: null });
      for (const q of p.quotes) expect(SUPPLY.slice(q.start, q.end)).toBe(q.text);
      expect(JSON.parse(p.record).id).toBe(p.recordId);
    }
    const listed = (await ok(PROPOSALS, { sourceId: ingested.id })).proposals;
    expect(listed).toEqual(ingested.proposals);
    const source = await ok(`query ($id: ID!) { source(id: $id) { text } }`, { id: ingested.id });
    expect(source.source.text).toBe(SUPPLY);
    const queue = (await ok(`{ reviewQueue { source { id } pending } }`, {})).reviewQueue;
    expect(queue).toContainEqual({ source: { id: ingested.id }, pending: ingested.proposals.length });
    expect(queue).toContainEqual({ source: { id: sourceId }, pending: QUEUE.proposals.length });
    // Nothing is in the graph until an editor accepts it.
    const written = ingested.proposals.filter((p) => !p.known && p.entity !== null);
    expect(written).toEqual([]);
  });
});

const DEAL = 'nordhaven-motors-group-zellfabrik-letter-of-intent';
const PLANT = 'testville-gigafactory';
const linksOf = (id: string) => links(db, id);

describe('who may decide', () => {
  it('refuses anonymous callers and readers, and changes nothing', async () => {
    const before = await snapshot();
    const input = { ids: [byRecord('zellfabrik').id] };
    expect((await post(ACCEPT, { input })).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect((await post(REJECT, { input }, readerKey)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(await snapshot()).toEqual(before);
  });
});

describe('decisions', () => {
  it('refuses a deal without its parties, naming the one missing, and writes nothing', async () => {
    const before = await snapshot();
    const reply = await asEditor(ACCEPT, { input: { ids: [byRecord(DEAL, 'PARTNERSHIP').id] } });
    expect(reply.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'input.ids' });
    expect(reply.errors?.[0]?.message).toMatch(/nordhaven-motors-group|zellfabrik/);
    expect(await snapshot()).toEqual(before);
  });

  it('accepts a deal with its parties: records with their quotes, each decision a revision', async () => {
    const ids = [byRecord(DEAL, 'PARTNERSHIP'), byRecord('nordhaven-motors-group'), byRecord('zellfabrik')].map(
      (p) => p.id,
    );
    const decided: Proposal[] = (await ok(ACCEPT, { input: { ids, reason: 'checked against the article' } }))
      .acceptProposals;
    expect(decided.map((p) => [p.id, p.status, p.decidedBy, p.entity?.id])).toEqual(
      ids.map((id) => [id, 'ACCEPTED', 'desk-editor', proposals.find((p) => p.id === id)!.recordId]),
    );
    expect(JSON.parse(decided[0]!.written!)).toEqual(JSON.parse(decided[0]!.record));
    const deal = await ok(
      `query ($id: ID!) { partnership(id: $id) { kind parties { company { id } } evidence { quote source { id } } } }`,
      { id: DEAL },
    );
    expect(deal.partnership.kind).toBe('LETTER_OF_INTENT');
    expect(deal.partnership.parties.map((p: { company: { id: string } }) => p.company.id).sort()).toEqual([
      'nordhaven-motors-group',
      'zellfabrik',
    ]);
    for (const e of deal.partnership.evidence) {
      expect(e.source.id).toBe(sourceId);
      expect(TEXT).toContain(e.quote);
    }
    // Its sites are still pending: those links wait for them.
    expect((await linksOf(DEAL)).filter((l) => l.type === 'AT_SITE')).toEqual([]);
    const history = (await ok(HISTORY, { id: DEAL })).history;
    const decision = history.find((r: { operation: string }) => r.operation === 'acceptProposal');
    expect(decision).toMatchObject({ changedBy: 'desk-editor', reason: 'checked against the article' });
    expect(decision.changes.map((c: { field: string }) => c.field)).toEqual(
      expect.arrayContaining(['proposal', 'evidence', 'links']),
    );
  });

  it('accepts a correction as EDITED, keeps the proposed value in the revision, and writes the waiting link', async () => {
    const plant = byRecord(PLANT);
    const [decided]: Proposal[] = (
      await ok(ACCEPT, { input: { edits: [{ id: plant.id, name: 'Testville cell plant', siteKind: 'FACILITY' }] } })
    ).acceptProposals;
    expect(decided!.status).toBe('EDITED');
    expect(JSON.parse(decided!.written!).name).toBe('Testville cell plant');
    expect(JSON.parse(decided!.record).name).toBe('Testville gigafactory');
    expect((await ok(`query ($id: ID!) { site(id: $id) { name kind } }`, { id: PLANT })).site).toEqual({
      name: 'Testville cell plant',
      kind: 'FACILITY',
    });
    const [edit] = (await ok(HISTORY, { id: PLANT })).history.filter(
      (r: { operation: string }) => r.operation === 'editProposal',
    );
    const proposal = JSON.parse(edit.changes.find((c: { field: string }) => c.field === 'proposal').after);
    expect(proposal).toMatchObject({ status: 'edited', proposed: { name: 'Testville gigafactory' } });
    expect(edit.changes).toContainEqual({ field: 'name', before: null, after: '"Testville cell plant"' });
    // The deal accepted earlier named this plant: the link it left waiting is written now.
    expect(await linksOf(DEAL)).toContainEqual({ type: 'AT_SITE', other: PLANT });
    expect(await linksOf(PLANT)).toEqual([]);
  });

  it('completes the links both ways once the city is accepted', async () => {
    await ok(ACCEPT, { input: { ids: [byRecord('testville').id] } });
    expect(await linksOf(PLANT)).toEqual([{ type: 'LOCATED_IN', other: 'testville' }]);
    expect((await linksOf(DEAL)).filter((l) => l.type === 'AT_SITE')).toEqual([
      { type: 'AT_SITE', other: 'testville' },
      { type: 'AT_SITE', other: PLANT },
    ]);
  });

  it('rejects proposals: nothing written, each kept as REJECTED with a revision on the source', async () => {
    const rejected = proposals.filter((p) => /kobalt/.test(p.recordId) || /discussions/.test(p.recordId));
    expect(rejected.length).toBe(4);
    const decided: Proposal[] = (await ok(REJECT, { input: { ids: rejected.map((p) => p.id), reason: 'speculation' } }))
      .rejectProposals;
    expect(decided.every((p) => p.status === 'REJECTED' && p.written === null && p.entity === null)).toBe(true);
    expect(await count("MATCH (n:Entity) WHERE n.id CONTAINS 'kobalt' RETURN count(n) AS n")).toBe(0);
    const history = (await ok(HISTORY, { id: sourceId })).history;
    expect(history.filter((r: { operation: string }) => r.operation === 'rejectProposal')).toHaveLength(4);
  });

  it('refuses to decide a proposal twice, and changes nothing', async () => {
    const before = await snapshot();
    const again = await asEditor(ACCEPT, { input: { ids: [byRecord('kobalt-cells').id] } });
    expect(again.errors?.[0]).toMatchObject({
      extensions: { code: 'BAD_USER_INPUT', argument: 'input.ids[0]' },
      message: expect.stringMatching(/rejected already/),
    });
    expect(await snapshot()).toEqual(before);
  });

  it('accepts the rest; the queue of the article is then empty', async () => {
    const rest = await pendingOf();
    expect(rest).toHaveLength(3);
    await ok(ACCEPT, { input: { ids: rest } });
    expect(await pendingOf()).toEqual([]);
    const queue = (await ok(`{ reviewQueue { source { id } } }`, {})).reviewQueue;
    expect(queue.map((e: { source: { id: string } }) => e.source.id)).not.toContain(sourceId);
    const claims = await ok(`query ($id: ID!) { site(id: $id) { claims { value unit } } }`, { id: PLANT });
    expect(claims.site.claims).toEqual([{ value: 20, unit: 'GWh' }]);
  });
});

describe('the same article again', () => {
  it('changes nothing when the text is the same', async () => {
    const before = await snapshot();
    const data = await ok(INGEST, { input: { text: SUPPLY, published: '2023-05-10', publisher: 'Fiction Daily' } });
    expect(data.ingestArticle.created).toBe(false);
    expect(data.ingestArticle.source.id).toBe(ingested.id);
    // The same proposals, as they were (their records may have entered the graph through another article).
    const stored = ({ entity: _, ...p }: Proposal) => p;
    expect(data.ingestArticle.proposals.map(stored)).toEqual(ingested.proposals.map(stored));
    expect(await snapshot()).toEqual(before);
  });

  it('stores another text under the same title and date as another source, and keeps the first', async () => {
    const other = SUPPLY.replace('16 GWh', '18 GWh');
    const data = await ok(INGEST, { input: { text: other, published: '2023-05-10', publisher: 'Fiction Daily' } });
    expect(data.ingestArticle.created).toBe(true);
    expect(data.ingestArticle.source.id).not.toBe(ingested.id);
    expect(data.ingestArticle.source.text).toBe(other);
    const first = await ok(`query ($id: ID!) { source(id: $id) { text } }`, { id: ingested.id });
    expect(first.source.text).toBe(SUPPLY);
  });
});

describe('bad input changes neither the graph nor the queue', () => {
  const refused = async (query: string, input: Record<string, unknown>, argument: string | RegExp) => {
    const before = await snapshot();
    const reply = await asEditor(query, input);
    expect(reply.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(reply.errors?.[0]?.extensions?.argument).toMatch(argument);
    expect(await snapshot()).toEqual(before);
    return reply.errors![0]!.message;
  };

  it('refuses empty text, binary text and addresses that are not http(s)', async () => {
    await refused(INGEST, { input: { text: '   \n ' } }, 'input.text');
    const binary = `${TEXT.slice(0, 200)}\u0000\u0001\u0002PK\u0003\u0004${TEXT.slice(200)}`;
    expect(await refused(INGEST, { input: { text: binary } }, 'input.text')).toMatch(/not plain text/);
    await refused(INGEST, { input: { text: TEXT, url: 'ftp://example.org/a.txt' } }, 'input.url');
    await refused(INGEST, { input: { text: TEXT, url: 'javascript:alert(1)' } }, 'input.url');
  });

  it('refuses 5 MB of text: over the request limit through the API, over the text limit directly', async () => {
    const before = await snapshot();
    const huge = 'Battery plant news. '.repeat(250_000);
    const reply = await asEditor(INGEST, { input: { text: huge } });
    expect(reply).toMatchObject({ status: 413, errors: [{ extensions: { code: 'PAYLOAD_TOO_LARGE' } }] });
    const error = await ingestArticle(
      db,
      cliPrincipal('test'),
      { text: huge },
      { auto: false, minConfidence: 0.7 },
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BadUserInputError);
    expect((error as BadUserInputError).message).toMatch(/at most 1000000/);
    expect(await snapshot()).toEqual(before);
  });

  it('refuses an unknown source, an unknown or malformed proposal id, and a correction that does not fit', async () => {
    const unknown = await refused(PROPOSALS, { sourceId: 'no-such-source' }, 'sourceId');
    expect(unknown).toMatch(/no source "no-such-source"/);
    await refused(ACCEPT, { input: { ids: ['p-0000000000000000'] } }, 'input.ids[0]');
    await refused(REJECT, { input: { ids: ['not a proposal'] } }, 'input.ids[0]');
    await refused(ACCEPT, { input: { ids: [] } }, 'input.ids');
    const [pending] = ingested.proposals;
    const site = pending!.section === 'SITE';
    await refused(
      ACCEPT,
      { input: { edits: [{ id: pending!.id, ...(site ? { companyKinds: ['START_UP'] } : { siteKind: 'CITY' }) }] } },
      /^input\.edits\[0\]\./,
    );
    await refused(ACCEPT, { input: { edits: [{ id: pending!.id, name: ' ' }] } }, 'input.edits[0].name');
  });
});

describe('decisions on one article at the same time', () => {
  it('serialises them, so a link waiting for a record accepted meanwhile is not lost', async () => {
    // A second copy of the queue, its places renamed: the plant lies in a city, both still pending.
    const copy = 'fictional-2022-03-01-nordhaven-zellfabrik-copy';
    await queueArticle(copy, (record) => JSON.parse(JSON.stringify(record).replace(/testville/g, 'testburg')));
    const queued: Proposal[] = (await ok(PROPOSALS, { sourceId: copy })).proposals;
    const plant = queued.find((p) => p.recordId === 'testburg-gigafactory')!;
    const city = queued.find((p) => p.recordId === 'testburg')!;
    const replies = await Promise.all([
      asEditor(ACCEPT, { input: { ids: [plant.id] } }),
      asEditor(ACCEPT, { input: { ids: [city.id] } }),
    ]);
    for (const reply of replies) expect(reply.errors).toBeUndefined();
    expect(await linksOf('testburg-gigafactory')).toEqual([{ type: 'LOCATED_IN', other: 'testburg' }]);
  });
});

describe('export', () => {
  it('writes the accepted proposals as data files that load into an empty graph with their quotes', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'kg-export-facts-'));
    try {
      const result = await exportFacts(db, dir);
      expect(result).toMatchObject({ sources: 2, records: 10 });
      const { sources, plans } = planFiles(dir);
      expect(sources.map((s) => s.text)).toEqual([TEXT, TEXT]);
      const plan = plans.find((p) => p.file.endsWith(`${sourceId}.yaml`))!;
      expect(plan.nodes.map((n) => n.id).sort()).toEqual(
        proposals
          .filter((p) => !/kobalt|discussions/.test(p.recordId))
          .map((p) => p.recordId)
          .sort(),
      );

      await clearGraph(db);
      await loadData(db, dir);
      expect((await linksOf(DEAL)).filter((l) => l.type !== 'HAS_STAGE')).toEqual([
        { type: 'AT_SITE', other: 'testville' },
        { type: 'AT_SITE', other: PLANT },
        { type: 'HAS_PARTY', other: 'nordhaven-motors-group' },
        { type: 'HAS_PARTY', other: 'zellfabrik' },
      ]);
      const [plant] = await db.read<{ name: string; quotes: number }>(
        'test',
        `MATCH (s:Site {id: $id}) RETURN s.name AS name, COUNT { (s)-[:SUPPORTED_BY]->(:Evidence) } AS quotes`,
        { id: PLANT },
      );
      expect({ ...plant, quotes: Number(plant!.quotes) }).toEqual({ name: 'Testville cell plant', quotes: 3 });
      expect(await count("MATCH (n:Entity) WHERE n.id CONTAINS 'kobalt' RETURN count(n) AS n")).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
