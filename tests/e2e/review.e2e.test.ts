/// <reference lib="dom" />
/**
 * The review page (/review) in real Chromium against the real stack: an editor gives an API key,
 * picks an ingested article from the queue, sees each proposal's quotes marked in its text, and
 * accepts one proposal, corrects and accepts another, rejects a third. After each decision the graph
 * and the record's history are read back through the API. Then it merges a proposed company of another
 * article into a company the graph knows under another name, and adds a partnership a third article states
 * that was not proposed, quoting the words selected in its text. The articles are FICTIONAL
 * (tests/fixtures/ingest/fictional-*.txt say so in their first line), and so is the known company.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { createKey } from '../../src/auth/keys';
import { startStack, type Stack } from '../../src/stack';
import { clearGraph, testDatabase, testNeo4j } from '../support/neo4j';
import {
  ensureWebBuilt,
  launchChromium,
  openTracked,
  screenshot,
  unlabelledControls,
  type TrackedPage,
} from './browser';

jest.setTimeout(180_000);

const article = (name: string) => readFileSync(path.join(__dirname, '..', 'fixtures', 'ingest', name), 'utf8');
const ARTICLE = article('fictional-2024-09-12-plant-report.txt');
const LETTER = article('fictional-2022-03-01-letter-of-intent.txt');
const PILOT_LINE = article('fictional-2024-10-01-pilot-line.txt');
const EDITOR = 'reviewer-eve';

let browser: Browser | undefined;
let stack: Stack | undefined;
let tracked: TrackedPage | undefined;
let editorKey: string;

interface Proposal {
  id: string;
  section: string;
  recordId: string;
  name: string;
  quotes: { text: string; start: number; end: number }[];
  record: string;
}
const PROPOSAL = 'id section recordId name quotes { text start end } record';
interface Revision {
  operation: string;
  changedBy: string;
  reason: string | null;
  changes: { field: string; before: string | null; after: string | null }[];
}

async function api<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const response = await fetch(`${stack!.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${editorKey}` },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: T; errors?: unknown[] };
  expect(body.errors).toBeUndefined();
  return body.data!;
}

/** Ingests an article through the API, as `kg ingest` or a client would. */
const ingest = async (text: string, published: string, publisher: string) =>
  (
    await api<{ ingestArticle: { source: { id: string }; proposals: Proposal[] } }>(
      `mutation ($input: IngestArticleInput!) {
        ingestArticle(input: $input) { source { id } proposals { ${PROPOSAL} } }
      }`,
      { input: { text, published, publisher } },
    )
  ).ingestArticle;

const node = async (id: string) =>
  (await api<{ node: { id: string; name: string } | null }>('query ($id: ID!) { node(id: $id) { id name } }', { id }))
    .node;
const history = async (id: string) =>
  (
    await api<{ history: Revision[] }>(
      'query ($id: ID!) { history(id: $id) { operation changedBy reason changes { field before after } } }',
      { id },
    )
  ).history;

/** Waits until the page shows the proposal with the given status (the page reloads after a decision). */
async function shows(page: Page, proposal: Proposal, status: string): Promise<void> {
  await page.waitForSelector(`#proposals[aria-busy="false"] li[data-id="${proposal.id}"][data-status="${status}"]`, {
    timeout: 30_000,
  });
}

beforeAll(async () => {
  ensureWebBuilt();
  const db = testDatabase();
  try {
    await clearGraph(db);
    editorKey = (await createKey(db, EDITOR, 'editor')).key;
  } finally {
    await db.close();
  }
  stack = await startStack({ port: 0, neo4j: testNeo4j(), auth: { publicReads: true, jwt: undefined } });
  browser = await launchChromium();
}, 240_000);

afterAll(async () => {
  await tracked?.context.close().catch(() => undefined);
  await browser?.close();
  await stack?.stop();
});

it('accepts, corrects and rejects proposals of an ingested article, each a revision by the key', async () => {
  const ingestArticle = await ingest(ARTICLE, '2024-09-12', 'Fictional Wire');
  const sourceId = ingestArticle.source.id;
  // Companies need no other record, so each can be decided on its own.
  const companies = ingestArticle.proposals.filter((p) => p.section === 'COMPANY');
  expect(companies.length).toBeGreaterThanOrEqual(3);
  const [accepted, edited, rejected] = companies as [Proposal, Proposal, Proposal];
  for (const p of companies) expect(await node(p.recordId)).toBeNull();

  tracked = await openTracked(browser!, stack!.url, '/review');
  const { page } = tracked;
  await page.fill('#api-key', editorKey);
  await page.click('#key-form button[type="submit"]');
  await page.waitForSelector('#key-state:not([hidden])');
  expect(await page.evaluate(() => sessionStorage.getItem('kg.review.apiKey'))).toBe(editorKey);

  await page.click(`#queue button[data-source="${sourceId}"]`);
  await page.waitForSelector(`#proposals[aria-busy="false"] li[data-id="${accepted.id}"]`, { timeout: 30_000 });
  expect(await page.locator('#proposals li.proposal').count()).toBe(ingestArticle.proposals.length);
  expect(page.url()).toContain(`source=${encodeURIComponent(sourceId)}`);

  // Every quote of a proposal is marked: its marks, joined, cover the quoted sentences exactly.
  for (const p of [accepted, edited, rejected]) {
    const marked = await page
      .locator(`#article mark[data-proposals~="${p.id}"]`)
      .evaluateAll((marks) => marks.map((m) => m.textContent).join(''));
    expect(marked).toBe(p.quotes.map((q) => q.text).join(''));
  }
  await page.hover(`li[data-id="${accepted.id}"] .proposal-name`);
  expect(await page.locator('#article mark.active').count()).toBeGreaterThan(0);
  expect(await unlabelledControls(page)).toEqual([]);

  // Accept one as proposed.
  await page.fill('#reason', 'named in the article');
  await page.click(`li[data-id="${accepted.id}"] button.accept`);
  await shows(page, accepted, 'ACCEPTED');
  expect(await node(accepted.recordId)).toEqual({ id: accepted.recordId, name: accepted.name });
  expect(await history(accepted.recordId)).toEqual([
    expect.objectContaining({ operation: 'acceptProposal', changedBy: EDITOR, reason: 'named in the article' }),
  ]);

  // Correct one's name, then accept it.
  const newName = `${edited.name} Holding`;
  await page.fill('#reason', 'full name from the register');
  await page.click(`li[data-id="${edited.id}"] button.edit`);
  await page.fill(`li[data-id="${edited.id}"] form input[name="name"]`, newName);
  await page.click(`li[data-id="${edited.id}"] form button[type="submit"]`);
  await shows(page, edited, 'EDITED');
  expect(await node(edited.recordId)).toEqual({ id: edited.recordId, name: newName });
  expect(await page.textContent(`li[data-id="${edited.id}"] .graph-name`)).toBe(`In the graph as ${newName}`);
  const [editRevision, ...otherEdits] = await history(edited.recordId);
  expect(otherEdits).toEqual([]);
  expect(editRevision).toMatchObject({
    operation: 'editProposal',
    changedBy: EDITOR,
    reason: 'full name from the register',
  });
  expect(editRevision!.changes).toContainEqual({ field: 'name', before: null, after: JSON.stringify(newName) });

  // Reject one picked by its box, with the batch button.
  await page.fill('#reason', 'not a company of this deal');
  await page.check(`li[data-id="${rejected.id}"] input.pick`);
  await page.click('#reject-picked');
  await shows(page, rejected, 'REJECTED');
  expect(await page.textContent('#decision-status')).toBe('Rejected 1 proposal.');
  expect(await node(rejected.recordId)).toBeNull();
  const rejection = (await history(sourceId)).find((r) => r.operation === 'rejectProposal');
  expect(rejection).toMatchObject({ changedBy: EDITOR, reason: 'not a company of this deal' });
  expect(JSON.parse(rejection!.changes[0]!.after!)).toMatchObject({ id: rejected.id, status: 'rejected' });

  // The queue counts what is left.
  const pendingLeft = ingestArticle.proposals.length - 3;
  await page.waitForSelector(`#queue button[data-source="${sourceId}"]`);
  expect(await page.textContent(`#queue button[data-source="${sourceId}"]`)).toContain(`${pendingLeft} pending`);

  await screenshot(page, 'review', true);
  expect(tracked.errors).toEqual([]);
  expect(tracked.foreign).toEqual([]);
});

it('refuses decisions without a key and says why', async () => {
  const page = tracked!.page;
  await page.click('#forget-key');
  await page.waitForSelector('#key-form:not([hidden])');
  const pending = await page.locator('#proposals li[data-status="PENDING"]').first().getAttribute('data-id');
  await page.click(`li[data-id="${pending}"] button.accept`);
  await page.waitForSelector('#error-banner:not([hidden])');
  expect(await page.getAttribute('#error-banner', 'data-code')).toBe('UNAUTHENTICATED');
  expect(await page.getAttribute(`li[data-id="${pending}"]`, 'data-status')).toBe('PENDING');
});

it('merges a proposed company into the company the graph knows under another name', async () => {
  const ingestArticle = await ingest(LETTER, '2022-03-01', 'Fiction Daily');
  const sourceId = ingestArticle.source.id;
  const proposed = ingestArticle.proposals.find((p) => p.section === 'COMPANY' && p.name === 'Zellfabrik')!;
  expect(proposed).toBeDefined();
  const deal = ingestArticle.proposals.find(
    (p) =>
      p.section === 'PARTNERSHIP' &&
      (JSON.parse(p.record) as { parties: { company: string }[] }).parties.some(
        (party) => party.company === proposed.recordId,
      ),
  )!;
  expect(deal).toBeDefined();
  // The graph learns the company under its registered name after the article was ingested.
  await api(`mutation ($input: CompanyInput!) { upsertCompany(input: $input) { id } }`, {
    input: { id: 'zellfabrik-gmbh', name: 'Zellfabrik GmbH', kinds: ['START_UP'] },
  });

  const own = await openTracked(browser!, stack!.url, `/review?source=${encodeURIComponent(sourceId)}`);
  try {
    const { page } = own;
    await page.fill('#api-key', editorKey);
    await page.click('#key-form button[type="submit"]');
    await page.waitForSelector(`#proposals[aria-busy="false"] li[data-id="${proposed.id}"]`, { timeout: 30_000 });
    // Only a company proposal can be merged.
    expect(await page.locator(`li[data-id="${deal.id}"] button.merge`).count()).toBe(0);

    await page.fill('#reason', 'the same start-up, registered name');
    await page.click(`li[data-id="${proposed.id}"] button.merge`);
    const form = `li[data-id="${proposed.id}"] form.merge-form`;
    // The search starts with the proposed name and offers the known companies it finds.
    await page.waitForSelector(`${form} select[name="into"] option[value="zellfabrik-gmbh"]`, {
      state: 'attached',
      timeout: 30_000,
    });
    expect(await page.inputValue(`${form} input[name="merge-text"]`)).toBe('Zellfabrik');
    expect(await unlabelledControls(page)).toEqual([]);
    await screenshot(page, 'review-merge', true);
    await page.selectOption(`${form} select[name="into"]`, 'zellfabrik-gmbh');
    await page.click(`${form} button[type="submit"]`);
    await shows(page, proposed, 'MERGED');
    expect(await page.textContent('#decision-status')).toBe('Merged 1 proposal.');
    expect(await page.textContent(`li[data-id="${proposed.id}"] .merged-into`)).toBe(
      'Merged into Zellfabrik GmbH (zellfabrik-gmbh)',
    );
    expect(own.errors).toEqual([]);
    expect(own.foreign).toEqual([]);
  } finally {
    await own.context.close();
  }

  // Nothing new in the graph; the known company has the article's quote and the proposed name.
  expect(await node(proposed.recordId)).toBeNull();
  const { company } = await api<{
    company: { aliases: string[]; evidence: { quote: string; source: { id: string } }[] };
  }>('query { company(id: "zellfabrik-gmbh") { aliases evidence { quote source { id } } } }');
  expect(company.aliases).toEqual(['Zellfabrik']);
  expect(company.evidence.map((e) => e.quote).sort()).toEqual(proposed.quotes.map((q) => q.text).sort());
  expect(company.evidence.every((e) => e.source.id === sourceId)).toBe(true);
  const merges = (await history('zellfabrik-gmbh')).filter((r) => r.operation === 'mergeProposal');
  expect(merges).toEqual([
    expect.objectContaining({ changedBy: EDITOR, reason: 'the same start-up, registered name' }),
  ]);
  expect(JSON.parse(merges[0]!.changes[0]!.after!)).toMatchObject({
    id: proposed.id,
    status: 'merged',
    mergedInto: 'zellfabrik-gmbh',
  });

  // The deal, accepted with its other parties, links the known company.
  const others = (JSON.parse(deal.record) as { parties: { company: string }[] }).parties
    .map((party) => ingestArticle.proposals.find((p) => p.section === 'COMPANY' && p.recordId === party.company))
    .filter((p): p is Proposal => p !== undefined && p.id !== proposed.id);
  await api(`mutation ($input: AcceptProposalsInput!) { acceptProposals(input: $input) { id } }`, {
    input: { ids: [deal.id, ...others.map((p) => p.id)] },
  });
  const { partnership } = await api<{ partnership: { parties: { company: { id: string } }[] } }>(
    'query ($id: ID!) { partnership(id: $id) { parties { company { id } } } }',
    { id: deal.recordId },
  );
  expect(partnership.parties.map((p) => p.company.id)).toContain('zellfabrik-gmbh');
});

it('adds a partnership the article states that was not proposed, quoted from the selected words', async () => {
  // The graph knows the carmaker; the article names it and a start-up it holds a stake in, which
  // ingestion does not read as a deal.
  await api(`mutation ($input: CompanyInput!) { upsertCompany(input: $input) { id } }`, {
    input: { id: 'nordhaven-motors', name: 'Nordhaven Motors', kinds: ['AUTOMAKER'] },
  });
  const ingestArticle = await ingest(PILOT_LINE, '2024-10-01', 'Fiction Daily');
  const sourceId = ingestArticle.source.id;
  expect(ingestArticle.proposals.filter((p) => p.section === 'PARTNERSHIP')).toEqual([]);
  const startUp = ingestArticle.proposals.find((p) => p.section === 'COMPANY' && p.name === 'Kobalt Cells')!;
  expect(startUp).toBeDefined();
  await api(`mutation ($input: AcceptProposalsInput!) { acceptProposals(input: $input) { id } }`, {
    input: { ids: [startUp.id] },
  });
  const sentence =
    'Nordhaven Motors, which has held a fifth of the start-up since 2019, will test the first cells this autumn.';
  const deals = async () =>
    (await api<{ partnerships: { totalCount: number } }>('query { partnerships { totalCount } }')).partnerships
      .totalCount;
  const dealsBefore = await deals();
  let name = '';

  const own = await openTracked(browser!, stack!.url, `/review?source=${encodeURIComponent(sourceId)}`);
  try {
    const { page } = own;
    await page.fill('#api-key', editorKey);
    await page.click('#key-form button[type="submit"]');
    await page.waitForSelector('#missed form.missed-form', { timeout: 30_000 });
    // The article's companies now in the graph are the parties on offer.
    const offered = await page
      .locator('#missed-party-1 option')
      .evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value));
    expect(offered).toEqual(expect.arrayContaining(['nordhaven-motors', startUp.recordId]));
    expect(await unlabelledControls(page)).toEqual([]);

    // A quote the article does not hold is refused, and nothing is written.
    await page.fill('#missed-quote', 'Nordhaven Motors owns Kobalt Cells.');
    await page.selectOption('#missed-party-1', 'nordhaven-motors');
    await page.selectOption('#missed-role-1', 'INVESTOR');
    await page.selectOption('#missed-party-2', startUp.recordId);
    await page.selectOption('#missed-kind', 'EQUITY_STAKE');
    await page.selectOption('#missed-status', 'ACTIVE');
    await page.click('#missed button[type="submit"]');
    await page.waitForSelector('#error-banner:not([hidden])');
    expect(await page.getAttribute('#error-banner', 'data-code')).toBe('BAD_USER_INPUT');
    expect(await deals()).toBe(dealsBefore);

    // Select the sentence in the article (it spans the marks of the proposals quoting it) and quote it.
    await page.evaluate((words) => {
      const article = document.querySelector('#article')!;
      const walker = document.createTreeWalker(article, NodeFilter.SHOW_TEXT);
      const nodes: Text[] = [];
      for (let n = walker.nextNode(); n; n = walker.nextNode()) nodes.push(n as Text);
      const whole = nodes.map((n) => n.data).join('');
      const at = (offset: number): [Text, number] => {
        for (const n of nodes) {
          if (offset <= n.data.length) return [n, offset];
          offset -= n.data.length;
        }
        throw new Error('offset beyond the article');
      };
      const start = whole.indexOf(words);
      const range = document.createRange();
      range.setStart(...at(start));
      range.setEnd(...at(start + words.length));
      window.getSelection()!.removeAllRanges();
      window.getSelection()!.addRange(range);
    }, sentence);
    await page.click('#missed button.secondary');
    expect(await page.inputValue('#missed-quote')).toBe(sentence);
    await screenshot(page, 'review-missed', true);
    await page.fill('#reason', 'a stake the article states in passing');
    await page.click('#missed button[type="submit"]');
    await page.waitForFunction(
      () => document.querySelector('#decision-status')?.textContent?.startsWith('Added partnership'),
      undefined,
      { timeout: 30_000 },
    );
    // Named after its parties and kind, as the extractor names deals.
    name = /^Added partnership (.+)\.$/.exec((await page.textContent('#decision-status'))!)![1]!;
    expect(name).toBe('Nordhaven Motors and Kobalt Cells equity stake');
    expect(own.errors).toEqual([]);
    expect(own.foreign).toEqual([]);
  } finally {
    await own.context.close();
  }
  expect(await deals()).toBe(dealsBefore + 1);
  const { search } = await api<{ search: { node: { __typename: string; id: string } }[] }>(
    'query ($text: String!) { search(text: $text, first: 5) { node { __typename id } } }',
    { text: name },
  );
  const id = search.map((hit) => hit.node).find((n) => n.__typename === 'Partnership')!.id;

  const { partnership } = await api<{
    partnership: {
      kind: string;
      status: string;
      parties: { company: { id: string } }[];
      evidence: { quote: string; source: { id: string } }[];
    } | null;
  }>(
    'query ($id: ID!) { partnership(id: $id) { kind status parties { company { id } } evidence { quote source { id } } } }',
    { id },
  );
  expect(partnership).toMatchObject({ kind: 'EQUITY_STAKE', status: 'ACTIVE' });
  expect(partnership!.parties.map((p) => p.company.id).sort()).toEqual(['nordhaven-motors', startUp.recordId].sort());
  expect(partnership!.evidence).toEqual([{ quote: sentence, source: { id: sourceId } }]);
  expect(await history(id)).toEqual([
    expect.objectContaining({
      operation: 'createPartnership',
      changedBy: EDITOR,
      reason: 'a stake the article states in passing',
    }),
  ]);
});
