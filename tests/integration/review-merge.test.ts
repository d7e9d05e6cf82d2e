/**
 * Merging a company proposal into a company the graph holds, through real HTTP on the real Neo4j:
 * nothing new is created, the known company gains the proposal's quote and name, the article's other
 * proposals name the known company (so accepting a deal afterwards links it, and a link an accepted
 * proposal left waiting is written to it), each merge is a revision in the known company's history,
 * and bad input changes neither the graph nor the queue. Everything here is FICTIONAL: the article
 * and its hand-written proposals (tests/support/review-queue.ts) and the known companies made below.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Database } from '../../src/db/neo4j';
import { exportFacts } from '../../src/export/facts';
import { loadData } from '../../src/load';
import { clearGraph } from '../support/neo4j';
import { linksOf as links, queueArticle, queueSnapshot, ReviewStack, startReviewStack } from '../support/review-queue';

const PROPOSAL = `id section recordId name status record written decidedBy entity { id } mergedInto { id name }`;
const PROPOSALS = `query ($sourceId: ID!, $status: [ProposalStatus!]) {
  proposals(sourceId: $sourceId, status: $status) { ${PROPOSAL} }
}`;
const MERGE = `mutation ($input: MergeProposalsInput!) { mergeProposals(input: $input) { ${PROPOSAL} } }`;
const ACCEPT = `mutation ($input: AcceptProposalsInput!) { acceptProposals(input: $input) { ${PROPOSAL} } }`;
const HISTORY = `query ($id: ID!) { history(id: $id) { operation changedBy reason changes { field before after } } }`;
const COMPANY = `query ($id: ID!) {
  company(id: $id) { name aliases evidence { id quote source { id } } partnerships { nodes { id } } }
}`;
const UPSERT = `mutation ($input: CompanyInput!) { upsertCompany(input: $input) { id } }`;

interface Proposal {
  id: string;
  section: string;
  recordId: string;
  name: string;
  status: string;
  record: string;
  written: string | null;
  decidedBy: string | null;
  entity: { id: string } | null;
  mergedInto: { id: string; name: string } | null;
}
interface Revision {
  operation: string;
  changedBy: string;
  reason: string | null;
  changes: { field: string; before: string | null; after: string | null }[];
}

const sourceId = 'fictional-2022-03-01-nordhaven-zellfabrik';
/** The same article again under another id: its proposals name companies merged already. */
const copyId = `${sourceId}-again`;
/** Once more, where the extractor proposed the start-up twice (its second name stands in Kobalt Cells' place). */
const thirdId = `${sourceId}-third`;
const KOBALT = 'In parallel, there are ongoing discussions with Kobalt Cells, possibly from 2026.';
const DEAL = 'nordhaven-motors-group-zellfabrik-letter-of-intent';
const DISCUSSION = 'nordhaven-motors-group-kobalt-cells-discussion';
const MILESTONE = 'nordhaven-kobalt-cells-from-2026';
const STATEMENT =
  'The carmaker Nordhaven Motors Group has announced the signing of a letter of intent with the start-up Zellfabrik with the aim of building a battery gigafactory in Testville.';

let review: ReviewStack;
let db: Database;
let proposals: Proposal[];
let copies: Proposal[];

const post = (query: string, variables: Record<string, unknown>, key?: string) => review.post(query, variables, key);
const ok = (query: string, variables: Record<string, unknown>) => review.ok(query, variables);
const snapshot = () => queueSnapshot(db);
const of = (list: Proposal[], recordId: string, section = 'COMPANY') =>
  list.find((p) => p.recordId === recordId && p.section === section)!;
const proposalNow = async (id: string): Promise<Proposal> =>
  (await ok(`query ($id: ID!) { proposal(id: $id) { ${PROPOSAL} } }`, { id })).proposal;
const historyOf = async (id: string): Promise<Revision[]> => (await ok(HISTORY, { id })).history;
const merges = async (history: Revision[]) => history.filter((r) => r.operation === 'mergeProposal');
const after = (revision: Revision, field: string) =>
  JSON.parse(revision.changes.find((c) => c.field === field)!.after!) as unknown;
const linksOf = (id: string) => links(db, id);
const entityCount = async (id: string) =>
  Number((await db.read<{ n: number }>('test', 'MATCH (n:Entity {id: $id}) RETURN count(n) AS n', { id }))[0]!.n);

beforeAll(async () => {
  review = await startReviewStack();
  db = review.db;
  // The companies the graph knows, by names the article does not use.
  await ok(UPSERT, { input: { id: 'zellfabrik-gmbh', name: 'Zellfabrik GmbH', kinds: ['START_UP'] } });
  await ok(UPSERT, { input: { id: 'kobalt-cells-ag', name: 'Kobalt Cells AG', aliases: ['KCAG'], kinds: ['OTHER'] } });
  await queueArticle(db, sourceId);
  await queueArticle(db, copyId);
  proposals = (await ok(PROPOSALS, { sourceId })).proposals;
  copies = (await ok(PROPOSALS, { sourceId: copyId })).proposals;
});

afterAll(() => review?.stop());

describe('who may merge', () => {
  it('refuses anonymous callers and readers, and changes nothing', async () => {
    const before = await snapshot();
    const input = { merges: [{ id: of(proposals, 'zellfabrik').id, into: 'zellfabrik-gmbh' }] };
    expect((await post(MERGE, { input })).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect((await post(MERGE, { input }, review.readerKey)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(await snapshot()).toEqual(before);
  });
});

describe('merging a proposed company into a known one', () => {
  it('creates nothing; the known company gains the quote and the name as an alias; a revision in its history', async () => {
    const proposal = of(proposals, 'zellfabrik');
    const deal = of(proposals, DEAL, 'PARTNERSHIP');
    const [merged]: Proposal[] = (
      await ok(MERGE, {
        input: { merges: [{ id: proposal.id, into: 'zellfabrik-gmbh' }], reason: 'the registered name' },
      })
    ).mergeProposals;
    expect(merged).toMatchObject({
      id: proposal.id,
      status: 'MERGED',
      decidedBy: 'desk-editor',
      entity: null,
      mergedInto: { id: 'zellfabrik-gmbh', name: 'Zellfabrik GmbH' },
    });
    expect(await proposalNow(proposal.id)).toEqual(merged);
    expect(await entityCount('zellfabrik')).toBe(0);

    const company = (await ok(COMPANY, { id: 'zellfabrik-gmbh' })).company;
    expect(company.name).toBe('Zellfabrik GmbH');
    expect(company.aliases).toEqual(['Zellfabrik']);
    expect(company.evidence).toMatchObject([{ quote: STATEMENT, source: { id: sourceId } }]);

    const [revision, ...others] = await merges(await historyOf('zellfabrik-gmbh'));
    expect(others).toEqual([]);
    expect(revision).toMatchObject({ changedBy: 'desk-editor', reason: 'the registered name' });
    expect(revision!.changes).toContainEqual({ field: 'aliases', before: null, after: '["Zellfabrik"]' });
    expect(after(revision!, 'proposal')).toMatchObject({
      id: proposal.id,
      recordId: 'zellfabrik',
      status: 'merged',
      mergedInto: 'zellfabrik-gmbh',
      repointed: [deal.id],
    });

    // The deal still pending names the known company now.
    const { parties } = JSON.parse((await proposalNow(deal.id)).record) as { parties: { company: string }[] };
    expect(parties.map((p) => p.company)).toEqual(['nordhaven-motors-group', 'zellfabrik-gmbh']);
  });

  it('accepting the deal afterwards links the known company as its party', async () => {
    const ids = [of(proposals, DEAL, 'PARTNERSHIP'), of(proposals, 'nordhaven-motors-group')].map((p) => p.id);
    await ok(ACCEPT, { input: { ids } });
    expect((await linksOf(DEAL)).filter((l) => l.type === 'HAS_PARTY')).toEqual([
      { type: 'HAS_PARTY', other: 'nordhaven-motors-group' },
      { type: 'HAS_PARTY', other: 'zellfabrik-gmbh' },
    ]);
    expect((await ok(COMPANY, { id: 'zellfabrik-gmbh' })).company.partnerships.nodes).toEqual([{ id: DEAL }]);
    expect(await entityCount('zellfabrik')).toBe(0);
  });

  it('writes to the known company the link an accepted proposal left waiting for the proposed one', async () => {
    // The milestone concerns the proposed company, still pending: that link waits.
    await ok(ACCEPT, { input: { ids: [of(proposals, MILESTONE, 'MILESTONE').id] } });
    expect(await linksOf(MILESTONE)).toEqual([]);

    const proposal = of(proposals, 'kobalt-cells');
    await ok(MERGE, { input: { merges: [{ id: proposal.id, into: 'kobalt-cells-ag' }] } });
    expect(await linksOf(MILESTONE)).toEqual([{ type: 'CONCERNS', other: 'kobalt-cells-ag' }]);
    const milestone = await proposalNow(of(proposals, MILESTONE, 'MILESTONE').id);
    expect(JSON.parse(milestone.written!).companies).toEqual(['kobalt-cells-ag']);
    const [revision] = await merges(await historyOf('kobalt-cells-ag'));
    expect(after(revision!, 'links')).toEqual([{ type: 'CONCERNS', from: MILESTONE, to: 'kobalt-cells-ag' }]);
    expect((await ok(COMPANY, { id: 'kobalt-cells-ag' })).company.aliases).toEqual(['KCAG', 'Kobalt Cells']);

    // The discussion and its stage, accepted now, link the known company; the milestone joins the deal.
    const ids = [
      of(proposals, DISCUSSION, 'PARTNERSHIP'),
      of(proposals, `stage-discussion-nordhaven-kobalt-2022-03-01`, 'STAGE'),
    ];
    await ok(ACCEPT, { input: { ids: ids.map((p) => p.id) } });
    expect((await linksOf(DISCUSSION)).filter((l) => l.type === 'HAS_PARTY')).toEqual([
      { type: 'HAS_PARTY', other: 'kobalt-cells-ag' },
      { type: 'HAS_PARTY', other: 'nordhaven-motors-group' },
    ]);
    expect(await linksOf(MILESTONE)).toEqual([
      { type: 'CONCERNS', other: 'kobalt-cells-ag' },
      { type: 'MILESTONE_OF', other: DISCUSSION },
    ]);
    expect(await entityCount('kobalt-cells')).toBe(0);
  });

  it('adds no alias the known company has already, and keeps each article’s quote', async () => {
    await ok(MERGE, { input: { merges: [{ id: of(copies, 'zellfabrik').id, into: 'zellfabrik-gmbh' }] } });
    const company = (await ok(COMPANY, { id: 'zellfabrik-gmbh' })).company;
    expect(company.aliases).toEqual(['Zellfabrik']);
    expect(company.evidence.map((e: { source: { id: string } }) => e.source.id).sort()).toEqual(
      [sourceId, copyId].sort(),
    );
    const [first, second] = await merges(await historyOf('zellfabrik-gmbh'));
    expect(first!.changes.map((c) => c.field)).toContain('aliases');
    expect(second!.changes.map((c) => c.field)).toEqual(['proposal', 'evidence']);
    expect(after(second!, 'proposal')).toMatchObject({ source: copyId, mergedInto: 'zellfabrik-gmbh' });
    // Each merge records the company's whole list of quotes before and after, so history replays to it.
    const evidence = (r: typeof first) => r!.changes.find((c) => c.field === 'evidence')!;
    expect(evidence(second).before).toBe(evidence(first).after);
    expect(JSON.parse(evidence(second).after!)).toEqual(company.evidence.map((e: { id: string }) => e.id).sort());
  });

  it('merges two proposals of one article into one company in one call, each a revision', async () => {
    await queueArticle(db, thirdId, (record) =>
      record.id === 'kobalt-cells' ? { ...record, id: 'zellfabrik-ag', name: 'Zellfabrik AG' } : record,
    );
    const third: Proposal[] = (await ok(PROPOSALS, { sourceId: thirdId })).proposals;
    const input = {
      merges: [of(third, 'zellfabrik'), of(third, 'zellfabrik-ag')].map((p) => ({ id: p.id, into: 'zellfabrik-gmbh' })),
    };
    const decided: Proposal[] = (await ok(MERGE, { input })).mergeProposals;
    expect(decided.map((p) => [p.recordId, p.status, p.mergedInto?.id])).toEqual([
      ['zellfabrik', 'MERGED', 'zellfabrik-gmbh'],
      ['zellfabrik-ag', 'MERGED', 'zellfabrik-gmbh'],
    ]);
    expect((await ok(COMPANY, { id: 'zellfabrik-gmbh' })).company.aliases).toEqual(['Zellfabrik', 'Zellfabrik AG']);
    // One call's revisions share their time, so they are told apart by the proposal they decided.
    const decidedIn = (r: Revision) => {
      const { source, recordId } = after(r, 'proposal') as { source: string; recordId: string };
      return `${source} ${recordId}`;
    };
    const byRecord = new Map((await merges(await historyOf('zellfabrik-gmbh'))).map((r) => [decidedIn(r), r]));
    expect(byRecord.get(`${thirdId} zellfabrik`)!.changes.map((c) => c.field)).toEqual(['proposal', 'evidence']);
    expect(byRecord.get(`${thirdId} zellfabrik-ag`)!.changes).toContainEqual({
      field: 'aliases',
      before: '["Zellfabrik"]',
      after: '["Zellfabrik","Zellfabrik AG"]',
    });
  });

  it('lists merged proposals under MERGED', async () => {
    const merged: Proposal[] = (await ok(PROPOSALS, { sourceId, status: ['MERGED'] })).proposals;
    expect(merged.map((p) => [p.recordId, p.mergedInto?.id]).sort()).toEqual([
      ['kobalt-cells', 'kobalt-cells-ag'],
      ['zellfabrik', 'zellfabrik-gmbh'],
    ]);
  });
});

describe('bad input changes neither the graph nor the queue', () => {
  const refused = async (merges: unknown, argument: string, message?: RegExp) => {
    const before = await snapshot();
    const reply = await post(MERGE, { input: { merges } }, review.editorKey);
    expect(reply.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument });
    if (message) expect(reply.errors![0]!.message).toMatch(message);
    expect(await snapshot()).toEqual(before);
  };
  const pending = () => of(copies, 'kobalt-cells').id;

  it('refuses a target that is unknown, not a company or not an id', async () => {
    await refused([{ id: pending(), into: 'no-such-company' }], 'input.merges[0].into', /no company "no-such-company"/);
    await refused([{ id: pending(), into: copyId }], 'input.merges[0].into', /not a company/);
    await refused([{ id: pending(), into: 'Not An Id!' }], 'input.merges[0].into');
  });

  it('refuses a proposal that is not a company’s, decided already, unknown or malformed', async () => {
    const stage = of(copies, 'stage-discussion-nordhaven-kobalt-2022-03-01', 'STAGE').id;
    await refused([{ id: stage, into: 'kobalt-cells-ag' }], 'input.merges[0].id', /not a company/);
    await refused(
      [{ id: of(copies, 'zellfabrik').id, into: 'zellfabrik-gmbh' }],
      'input.merges[0].id',
      /merged already/,
    );
    await refused([{ id: 'p-0000000000000000', into: 'kobalt-cells-ag' }], 'input.merges[0].id', /no proposal/);
    await refused([{ id: 'not a proposal', into: 'kobalt-cells-ag' }], 'input.merges[0].id');
    await refused([], 'input.merges');
  });

  it('refuses the whole call when one merge of it is bad', async () => {
    const stage = of(copies, 'stage-discussion-nordhaven-kobalt-2022-03-01', 'STAGE').id;
    await refused(
      [
        { id: pending(), into: 'kobalt-cells-ag' },
        { id: stage, into: 'kobalt-cells-ag' },
      ],
      'input.merges[1].id',
    );
    expect((await proposalNow(pending())).status).toBe('PENDING');
  });
});

describe('export', () => {
  it('writes what a merge added as the known company’s record, which loads into an empty graph', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'kg-export-merge-'));
    try {
      await exportFacts(db, dir);
      await clearGraph(db);
      await loadData(db, dir);
      expect((await linksOf(DEAL)).filter((l) => l.type === 'HAS_PARTY')).toEqual([
        { type: 'HAS_PARTY', other: 'nordhaven-motors-group' },
        { type: 'HAS_PARTY', other: 'zellfabrik-gmbh' },
      ]);
      expect(await linksOf(MILESTONE)).toContainEqual({ type: 'CONCERNS', other: 'kobalt-cells-ag' });
      const [company] = await db.read<{ name: string; aliases: string[]; quotes: string[] }>(
        'test',
        `MATCH (c:Company {id: 'zellfabrik-gmbh'})-[:SUPPORTED_BY]->(e:Evidence)-[:QUOTED_FROM]->(s:Source)
         WITH c, s.id + ': ' + e.quote AS quote ORDER BY quote
         RETURN c.name AS name, c.aliases AS aliases, collect(quote) AS quotes`,
      );
      // Every article's quote; the article that named the start-up twice gives one record with both.
      expect(company).toEqual({
        name: 'Zellfabrik GmbH',
        aliases: ['Zellfabrik', 'Zellfabrik AG'],
        quotes: [
          `${sourceId}: ${STATEMENT}`,
          `${copyId}: ${STATEMENT}`,
          `${thirdId}: ${KOBALT}`,
          `${thirdId}: ${STATEMENT}`,
        ].sort(),
      });
      expect(await entityCount('zellfabrik')).toBe(0);
      expect(await entityCount('kobalt-cells')).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
