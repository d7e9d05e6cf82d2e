/// <reference lib="dom" />
/**
 * The analyst pages in real Chromium (Debian's /usr/bin/chromium via playwright-core) against the real
 * stack: Neo4j with data/ loaded, the API and the pages on a free port. Nothing is mocked.
 * Screenshots go to test-artifacts/ (git-ignored).
 */
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { graphql, startStack } from '../support/stack';
import { analystOperations } from '../../web/src/operations';
import {
  ensureWebBuilt,
  launchChromium,
  openTracked,
  parseCsv,
  screenshot,
  unlabelledControls,
  type TrackedPage,
} from './browser';

jest.setTimeout(180_000);

let stack: { url: string; stop(): Promise<void> } | undefined;
let browser: Browser | undefined;
const opened: TrackedPage[] = [];

beforeAll(async () => {
  ensureWebBuilt();
  stack = await startStack('seed');
  browser = await launchChromium();
}, 240_000);

afterAll(async () => {
  for (const tracked of opened) await tracked.context.close().catch(() => undefined);
  await browser?.close();
  await stack?.stop();
});

function base(): string {
  if (!stack) throw new Error('stack not started');
  return stack.url;
}

async function open(pathAndQuery: string): Promise<TrackedPage> {
  if (!browser) throw new Error('browser not started');
  const tracked = await openTracked(browser, base(), pathAndQuery);
  opened.push(tracked);
  return tracked;
}

async function api<T>(query: string, variables?: Record<string, unknown>): Promise<T> {
  const { status, body } = await graphql<T>(base(), query, variables);
  expect(status).toBe(200);
  expect(body.errors).toBeUndefined();
  return body.data as T;
}

function expectClean(tracked: TrackedPage): void {
  expect(tracked.errors).toEqual([]);
  expect(tracked.foreign).toEqual([]);
}

/** Waits until a region's aria-busy is "false". */
async function idle(page: Page, selector: string): Promise<void> {
  await page.waitForSelector(`${selector}[aria-busy="false"]`, { timeout: 30_000 });
}

// ------------------------------------------------------------------------------------------ dashboard

describe('dashboard /', () => {
  const PARTNERSHIPS_2030 = `
    query ($filter: PartnershipFilter) {
      partnerships(filter: $filter, first: 100) { totalCount nodes { id name kind status binding evidence { quote } } }
    }`;

  test('shows totals, charts, timeline, partner network and the partnership table', async () => {
    const tracked = await open('/');
    const { page } = tracked;
    await idle(page, '#partnerships-body');
    await idle(page, '#timeline');
    await page.waitForSelector('#network-list .partner-list li');

    const expected = await api<{
      dashboard: { totals: { partnerships: number; companies: number } };
      partnerships: { totalCount: number; nodes: Array<{ id: string }> };
      company: { partners: Array<{ company: { name: string } }> };
      timeline: Array<{ year: number }>;
    }>(`{
      dashboard { totals { partnerships companies } }
      partnerships(first: 100) { totalCount nodes { id } }
      company(id: "renault-group") { partners { company { name } } }
      timeline { year }
    }`);

    // Totals and charts (Chart.js draws into the canvases).
    const totals = await page.locator('#totals .total').allInnerTexts();
    expect(totals.join(' ')).toContain(`Partnerships\n${expected.dashboard.totals.partnerships}`);
    for (const id of ['chart-kind', 'chart-status', 'chart-timeline']) {
      const size = await page.locator(`#${id}`).evaluate((c: HTMLCanvasElement) => ({ w: c.width, h: c.height }));
      expect(size.w).toBeGreaterThan(100);
      expect(size.h).toBeGreaterThan(100);
    }
    expect(await page.locator('#chart-kind').getAttribute('aria-label')).toMatch(/Supply 2/);

    // Table: one row per partnership, each with parties, status, binding and a quote.
    const ids = await page
      .locator('#partnerships-body tr[data-id]')
      .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-id')));
    expect(ids.sort()).toEqual(expected.partnerships.nodes.map((n) => n.id).sort());
    expect(await page.locator('#table-count').innerText()).toBe(`${expected.partnerships.totalCount} partnerships`);
    expect(await page.locator('#partnerships-body blockquote.quote').count()).toBeGreaterThanOrEqual(ids.length);

    // Timeline from the earliest dated fact to 2030.
    const years = await page
      .locator('#timeline .timeline-year')
      .evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-year'))));
    expect(years[0]).toBe(Math.min(...expected.timeline.map((t) => t.year)));
    expect(years).toContain(2030);
    expect(await page.locator('#timeline').innerText()).toMatch(/4,500 direct jobs|4500/);

    // Partner network of Renault Group (default company).
    expect(await page.locator('#network-company').inputValue()).toBe('renault-group');
    const partners = await page.locator('#network-list .partner-list > li > a').allInnerTexts();
    expect(partners.sort()).toEqual(expected.company.partners.map((p) => p.company.name).sort());
    expect(await page.locator('#network canvas').count()).toBeGreaterThan(0);

    expect(await unlabelledControls(page)).toEqual([]);
    await screenshot(page, 'dashboard', true);
    expectClean(tracked);
  });

  test('filters to 2030 through the form, keeps the filter in the URL, and exports the table as CSV', async () => {
    const tracked = await open('/');
    const { page } = tracked;
    await idle(page, '#partnerships-body');

    // Keyboard: type the years and submit with Enter.
    await page.locator('#f-from').fill('2030');
    await page.locator('#f-to').fill('2030');
    await page.locator('#f-to').press('Enter');
    await page.waitForURL(/[?&]from=2030&to=2030/);
    await idle(page, '#partnerships-body');
    await idle(page, '#timeline');

    const expected = await api<{
      partnerships: {
        totalCount: number;
        nodes: Array<{
          id: string;
          name: string;
          kind: string;
          status: string;
          binding: string;
          evidence: Array<{ quote: string }>;
        }>;
      };
    }>(PARTNERSHIPS_2030, { filter: { fromYear: 2030, toYear: 2030 } });
    const timeline = await api<{ timeline: Array<{ title: string }> }>('{ timeline(from: 2030, to: 2030) { title } }');
    expect(expected.partnerships.totalCount).toBeGreaterThan(0);

    const ids = await page
      .locator('#partnerships-body tr[data-id]')
      .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-id')));
    expect(ids.sort()).toEqual(expected.partnerships.nodes.map((n) => n.id).sort());
    const years = await page
      .locator('#timeline .timeline-year')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-year')));
    expect(years).toEqual(['2030']);
    expect(await page.locator('#timeline .timeline-entry').count()).toBe(timeline.timeline.length);
    expect(await page.locator('#f-summary').innerText()).toContain('in 2030');
    await screenshot(page, 'dashboard-2030', true);

    // CSV export: a real download with a header row and one properly quoted row per partnership.
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('#export-csv').click()]);
    expect(download.suggestedFilename()).toBe('partnerships-2030-2030.csv');
    const file = await download.path();
    const text = readFileSync(file, 'utf8');
    expect(text.endsWith('\r\n')).toBe(true);
    const [header, ...rows] = parseCsv(text.replace(/\r\n$/, ''));
    expect(header).toEqual([
      'id',
      'partnership',
      'kind',
      'status',
      'binding',
      'parties',
      'sites',
      'announced',
      'start',
      'milestone years',
      'quotes',
      'sources',
    ]);
    expect(rows).toHaveLength(expected.partnerships.totalCount);
    for (const row of rows) {
      expect(row).toHaveLength(header!.length);
      const node = expected.partnerships.nodes.find((n) => n.id === row[0]);
      expect(node).toBeDefined();
      expect(row.slice(1, 5)).toEqual([node!.name, node!.kind, node!.status, node!.binding]);
      expect(row[9]).toContain('2030');
      expect(row[10]).toBe(node!.evidence.map((e) => e.quote).join('\n'));
    }

    // The URL is the shared view: opening it again restores the filter.
    const shared = await open(new URL(page.url()).pathname + new URL(page.url()).search);
    await idle(shared.page, '#partnerships-body');
    expect(await shared.page.locator('#f-from').inputValue()).toBe('2030');
    expect(await shared.page.locator('#f-to').inputValue()).toBe('2030');
    expect(await shared.page.locator('#partnerships-body tr[data-id]').count()).toBe(expected.partnerships.totalCount);

    // A company filter from the select narrows the table and moves the partner network.
    await shared.page.locator('#f-company').selectOption('verkor');
    await shared.page.waitForURL(/company=verkor/);
    await idle(shared.page, '#partnerships-body');
    expect(await shared.page.locator('#network-company').inputValue()).toBe('verkor');
    expectClean(tracked);
    expectClean(shared);
  });
});

// ------------------------------------------------------------------------------------------ explorer

interface ExplorerHandle {
  cy: {
    nodes(selector?: string): { length: number; map<T>(fn: (n: { id(): string }) => T): T[] };
    edges(selector?: string): { length: number };
    getElementById(id: string): {
      length: number;
      renderedPosition(): { x: number; y: number };
      hasClass(c: string): boolean;
    };
    container(): HTMLElement;
    animated(): boolean;
    elements(): { animated(): boolean };
  };
}

async function graphNodeIds(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const handle = (window as unknown as { kgExplorer: ExplorerHandle }).kgExplorer;
    return handle.cy.nodes().map((n) => n.id());
  });
}

/** Clicks a node of the Cytoscape canvas with the real mouse. */
async function clickNode(page: Page, id: string): Promise<void> {
  await page.locator('#btn-fit').click();
  await page.waitForFunction(() => {
    const cy = (window as unknown as { kgExplorer: ExplorerHandle }).kgExplorer.cy;
    return !cy.animated() && !cy.elements().animated();
  });
  const point = await page.evaluate((nodeId) => {
    const cy = (window as unknown as { kgExplorer: ExplorerHandle }).kgExplorer.cy;
    const node = cy.getElementById(nodeId);
    if (node.length === 0) return null;
    const p = node.renderedPosition();
    const box = cy.container().getBoundingClientRect();
    return { x: box.left + p.x, y: box.top + p.y };
  }, id);
  expect(point).not.toBeNull();
  await page.mouse.click(point!.x, point!.y);
}

describe('explorer /explore', () => {
  let tracked: TrackedPage;

  beforeAll(async () => {
    tracked = await open('/explore');
  });

  test('searches for Verkor with the keyboard and opens it with its neighbours and evidence', async () => {
    const { page } = tracked;
    await page.locator('#search-text').focus();
    await page.keyboard.type('Verkor');
    await page.keyboard.press('Enter');
    await page.waitForSelector('#search-results .result[data-id="verkor"]');
    const hits = await api<{ search: Array<{ node: { id: string } }> }>(
      '{ search(text: "Verkor", first: 25) { node { id } } }',
    );
    expect(await page.locator('#search-results .result').count()).toBe(hits.search.length);
    expect(hits.search[0]!.node.id).toBe('verkor');

    // Tab from the search box past the Search button to the first result, then Enter.
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-id'))).toBe('verkor');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.querySelector('#details h2')?.textContent === 'Verkor');
    await page.waitForSelector('#details .evidence-item mark');

    const neighbours = await api<{ neighborhood: { nodes: Array<{ id: string }> } }>(
      '{ neighborhood(id: "verkor") { nodes { id } } }',
    );
    const ids = await graphNodeIds(page);
    expect(ids.sort()).toEqual(neighbours.neighborhood.nodes.map((n) => n.id).sort());
    expect(page.url()).toMatch(/[?&]id=verkor/);

    // The quote is highlighted inside its source text.
    const evidence = await api<{ company: { evidence: Array<{ quote: string }> } }>(
      '{ company(id: "verkor") { evidence { quote } } }',
    );
    const firstItem = page.locator('#details .evidence-item').first();
    const mark = await firstItem.locator('.source-text mark.current').innerText();
    expect(mark).toBe(evidence.company.evidence[0]!.quote);
    expect((await firstItem.locator('.source-text').innerText()).length).toBeGreaterThan(mark.length);
    // The legend names every type with its shape.
    expect(await page.locator('#legend li').allInnerTexts()).toEqual(
      expect.arrayContaining([expect.stringMatching(/^Company\s+\d+$/)]),
    );
    await screenshot(page, 'explore-verkor');
    expect(await unlabelledControls(page)).toEqual([]);
  });

  test('a click on a node expands its neighbourhood and shows it in the side panel', async () => {
    const { page } = tracked;
    const before = await graphNodeIds(page);
    const partnership = 'renault-verkor-batteries';
    expect(before).toContain(partnership);
    const expected = await api<{ neighborhood: { nodes: Array<{ id: string }> }; partnership: { name: string } }>(
      `{ neighborhood(id: "${partnership}") { nodes { id } } partnership(id: "${partnership}") { name } }`,
    );
    await clickNode(page, partnership);
    await page.waitForFunction(
      (name) => document.querySelector('#details h2')?.textContent === name,
      expected.partnership.name,
    );
    await page.waitForFunction(
      (id) =>
        (window as unknown as { kgExplorer: ExplorerHandle }).kgExplorer.cy.getElementById(id).hasClass('expanded'),
      partnership,
    );
    const after = await graphNodeIds(page);
    for (const n of expected.neighborhood.nodes) expect(after).toContain(n.id);
    expect(after.length).toBeGreaterThan(before.length);
    expect(after).toContain('renault-group');
    // The panel lists the parties and the binding of the deal.
    expect(await page.locator('#details').innerText()).toMatch(/Non binding|Binding|Unknown/);
    await screenshot(page, 'explore-expanded');
  });

  test('finds and highlights the shortest path from Verkor to Nissan', async () => {
    const { page } = tracked;
    // Put Nissan on the graph through search, then pick the two ends.
    await page.locator('#search-text').fill('Nissan');
    await page.locator('#search-form button[type=submit]').click();
    await page.locator('#search-results .result[data-id="nissan"]').click();
    await page.waitForFunction(() => document.querySelector('#details h2')?.textContent === 'Nissan');
    await page.locator('#path-from').selectOption('verkor');
    await page.locator('#path-to').selectOption('nissan');
    await page.locator('#path-find').click();
    await page.waitForSelector('#path-result .path-steps li');

    const expected = await api<{ shortestPath: { nodes: Array<{ id: string; name: string }>; edges: unknown[] } }>(
      '{ shortestPath(fromId: "verkor", toId: "nissan") { nodes { id name } edges { source target type } } }',
    );
    const steps = await page.locator('#path-result .path-steps li button').allInnerTexts();
    expect(steps[0]).toBe('Verkor');
    expect(steps[steps.length - 1]).toBe('Nissan');
    expect(steps.sort()).toEqual(expected.shortestPath.nodes.map((n) => n.name).sort());
    const highlighted = await page.evaluate(() => {
      const cy = (window as unknown as { kgExplorer: ExplorerHandle }).kgExplorer.cy;
      return { nodes: cy.nodes('.path').map((n) => n.id()), edges: cy.edges('.path').length };
    });
    expect(highlighted.nodes.sort()).toEqual(expected.shortestPath.nodes.map((n) => n.id).sort());
    expect(highlighted.edges).toBeGreaterThanOrEqual(expected.shortestPath.edges.length);
    expect(page.url()).toMatch(/from=verkor&to=nissan/);
    await screenshot(page, 'explore-path');
    expectClean(tracked);
  });

  test('stays responsive with 1,000 nodes on screen', async () => {
    // Rendering stress check: the page's own addGraph/layout draw 1,000 nodes and 1,500 edges shaped
    // like the API's Graph (tree plus cross links), then the real search must still answer promptly.
    const big = await open('/explore?id=renault-group');
    const { page } = big;
    await page.waitForFunction(() => document.querySelector('#details h2')?.textContent === 'Renault Group');
    const timing = await page.evaluate(async () => {
      const types = ['Company', 'Partnership', 'Site', 'Project', 'Milestone', 'Person'];
      const nodes = Array.from({ length: 1000 }, (_, i) => ({
        __typename: types[i % types.length]!,
        id: `stress-${i}`,
        name: `Stress node ${i}`,
      }));
      // A tree (each node hangs off one of the previous ones) plus 500 cross links: 1,499 edges.
      const edges = [
        ...Array.from({ length: 999 }, (_, k) => ({
          source: `stress-${k + 1}`,
          target: `stress-${Math.floor(k / 4)}`,
          type: 'STRESS',
        })),
        ...Array.from({ length: 500 }, (_, k) => ({
          source: `stress-${k * 2}`,
          target: `stress-${(k * 37 + 11) % 1000}`,
          type: 'STRESS_LINK',
        })),
      ];
      edges.push({ source: 'renault-group', target: 'stress-0', type: 'STRESS' });
      const explorer = (
        window as unknown as { kgExplorer: { addGraph(g: unknown): string[]; layout(root?: string): void } }
      ).kgExplorer;
      const t0 = performance.now();
      explorer.addGraph({ nodes, edges });
      explorer.layout('renault-group');
      await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
      const drawn = performance.now() - t0;
      const t1 = performance.now();
      const cy = (window as unknown as { kgExplorer: { cy: { zoom(level?: number): number; fit(): void } } }).kgExplorer
        .cy;
      cy.zoom(cy.zoom() * 1.5);
      await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
      const zoomed = performance.now() - t1;
      return { drawn, zoomed };
    });
    expect(await page.locator('#graph-count').innerText()).toMatch(/^10\d\d nodes/);
    expect(timing.drawn).toBeLessThan(5000);
    expect(timing.zoomed).toBeLessThan(1000);
    const t0 = Date.now();
    await page.locator('#search-text').fill('Nissan');
    await page.locator('#search-text').press('Enter');
    await page.waitForSelector('#search-results .result[data-id="nissan"]');
    expect(Date.now() - t0).toBeLessThan(3000);
    await page.locator('#btn-fit').click();
    await screenshot(page, 'explore-1000');
    expectClean(big);
  });
});

// ------------------------------------------------------------------------------------------ playground

/** GraphiQL settles the operation name 100 ms after a tab switch (debounced); wait for it before running. */
async function waitForOperation(page: Page, name: string): Promise<void> {
  await page.waitForSelector(`.graphiql-tab-active .graphiql-tab-button:has-text("${name}")`);
  await page.waitForFunction(
    (n) =>
      window.localStorage.getItem('graphiql:operationName') === JSON.stringify(n) ||
      window.localStorage.getItem('graphiql:operationName') === n,
    name,
  );
}

async function responseText(page: Page): Promise<string> {
  return page.evaluate(() => {
    const editor = document.querySelector('.result-window .CodeMirror') as
      (Element & { CodeMirror?: { getValue(): string } }) | null;
    return editor?.CodeMirror?.getValue() ?? '';
  });
}

describe('playground /playground', () => {
  test('a browser opening /graphql lands on the playground', async () => {
    const tracked = await open('/graphql');
    expect(new URL(tracked.page.url()).pathname).toBe('/playground');
    expectClean(tracked);
  });

  test('GraphiQL with explorer and history, preloaded with the analyst operations, runs one', async () => {
    const tracked = await open('/playground');
    const { page } = tracked;
    await page.waitForSelector('.graphiql-container .graphiql-tab-button');
    const tabs = await page.locator('.graphiql-tab-button').allInnerTexts();
    expect(tabs.map((t) => t.trim())).toEqual(analystOperations.map((o) => o.name));
    // Sidebar plugins: our questions, GraphiQL's docs and history, and the explorer plugin.
    for (const title of ['Analyst questions', 'Documentation Explorer', 'History', 'GraphiQL Explorer']) {
      expect(await page.locator(`.graphiql-sidebar button[aria-label$=" ${title}"]`).count()).toBe(1);
    }
    expect(await page.locator('.analyst-questions .question').count()).toBe(analystOperations.length);

    // "What is due in 2030?": switch to its tab, run it, compare with the API's own answer.
    const operation = analystOperations.find((o) => o.name === 'DueIn2030')!;
    await page.locator('.graphiql-tab-button', { hasText: operation.name }).click();
    await waitForOperation(page, operation.name);
    await page.locator('.graphiql-execute-button').click();
    await page.waitForFunction(() => {
      const editor = document.querySelector('.result-window .CodeMirror') as
        (Element & { CodeMirror?: { getValue(): string } }) | null;
      return (editor?.CodeMirror?.getValue() ?? '').includes('"timeline"');
    });
    const shown = JSON.parse(await responseText(page)) as {
      data: { timeline: Array<{ milestone: { measure: { value: number; unit: string } | null } | null }> };
    };
    const expected = await api<typeof shown.data>(operation.query);
    expect(shown.data).toEqual(expected);
    expect(
      shown.data.timeline.some((t) => t.milestone?.measure?.value === 4500 && /jobs/.test(t.milestone.measure.unit)),
    ).toBe(true);
    await screenshot(page, 'playground');

    // The questions list opens a tab: "How is Verkor connected to Nissan?".
    const path = analystOperations.find((o) => o.name === 'VerkorToNissan')!;
    await page.locator(`.analyst-questions button[data-operation="${path.name}"]`).click();
    await waitForOperation(page, path.name);
    await page.locator('.graphiql-execute-button').click();
    await page.waitForFunction(() => {
      const editor = document.querySelector('.result-window .CodeMirror') as
        (Element & { CodeMirror?: { getValue(): string } }) | null;
      return (editor?.CodeMirror?.getValue() ?? '').includes('"shortestPath"');
    });
    const route = JSON.parse(await responseText(page)) as { data: { shortestPath: { nodes: Array<{ id: string }> } } };
    expect(route.data.shortestPath.nodes[0]!.id).toBe('verkor');
    expect(route.data.shortestPath.nodes[route.data.shortestPath.nodes.length - 1]!.id).toBe('nissan');
    await screenshot(page, 'playground-path');
    expectClean(tracked);
  });
});
