/// <reference lib="dom" />
/**
 * The landscape pages in real Chromium against the real stack loaded with the fictional landscape
 * fixture (tests/fixtures/landscape: plants in Douai and Lyon, and one in Atlantis, which no gazetteer
 * knows), so every year's picture is known: the map page (plants drawn, the year slider, the plant
 * panel with its quotes, unplaced plants listed). What the page shows is compared with the API's answer.
 * Screenshots go to test-artifacts/ (git-ignored).
 */
import type { Page } from 'playwright-core';
import { screenshot, unlabelledControls } from './browser';
import { expectClean, FIXTURE, LandscapeSession, type Answer } from './landscape-session';

jest.setTimeout(180_000);

const session = new LandscapeSession();
beforeAll(() => session.start(), 240_000);
afterAll(() => session.stop());
const open = (pathAndQuery: string) => session.open(pathAndQuery);
const api = (query: string, variables?: Record<string, unknown>) => session.api(query, variables);

interface Drawn {
  id: string;
  status: string;
  planned: string;
}

/** Waits for the map to show `year` and reads its circles. */
async function drawnPlants(page: Page, year: number): Promise<Drawn[]> {
  await page.waitForSelector(`#map[data-year="${year}"][aria-busy="false"]`, { timeout: 30_000 });
  return page.locator('#map circle.plant').evaluateAll((circles) =>
    circles
      .map((c) => ({
        id: c.getAttribute('data-id') ?? '',
        status: c.getAttribute('data-status') ?? '',
        planned: c.getAttribute('data-planned') ?? '',
      }))
      .sort((a, b) => a.id.localeCompare(b.id)),
  );
}

/** What the API says the map must show at the end of `year`: placed plants and the unplaced ones. */
async function expectedYear(year: number): Promise<{ drawn: Drawn[]; unplaced: string[] }> {
  const asOf = `${year}-12-31`;
  const { plants, capacity } = await api(
    `query($asOf: String!, $year: Int!) {
      plants(asOf: $asOf, first: 100) { nodes { id status(asOf: $asOf) location { latitude } } }
      capacity(groupBy: PLANT, from: $year, to: $year, asOf: $asOf) { figures { key planned } }
    }`,
    { asOf, year },
  );
  const planned = new Map(capacity.figures.map((f: Answer) => [f.key, String(f.planned)]));
  return {
    drawn: plants.nodes
      .filter((p: Answer) => p.location !== null)
      .map((p: Answer) => ({ id: p.id, status: p.status ?? '', planned: planned.get(p.id) ?? '' }))
      .sort((a: Drawn, b: Drawn) => a.id.localeCompare(b.id)),
    unplaced: plants.nodes.filter((p: Answer) => p.location === null).map((p: Answer) => p.id),
  };
}

const unplacedIds = (page: Page) =>
  page.locator('#unplaced li[data-id]').evaluateAll((items) => items.map((i) => i.getAttribute('data-id')));

describe('map /map', () => {
  beforeAll(() => session.serve(FIXTURE), 240_000);

  test('draws Europe and the plants of the year, sized by capacity and coloured by status; lists the unplaced', async () => {
    const tracked = await open('/map?year=2025');
    const { page } = tracked;
    const drawn = await drawnPlants(page, 2025);
    const expected = await expectedYear(2025);
    expect(drawn).toEqual(expected.drawn);
    expect(drawn).toEqual([
      { id: 'kelvin-lyon', status: 'PAUSED', planned: '' },
      { id: 'voltara-douai', status: 'PRODUCTION_STARTED', planned: '8' },
    ]);
    expect(await unplacedIds(page)).toEqual(['ostwerk-atlantis']);
    expect(await page.locator('#unplaced').innerText()).toContain('Ostwerk Energy plant in Atlantis');

    // Europe itself: country shapes from the bundled atlas, Douai placed in northern France.
    expect(await page.locator('#map path.country').count()).toBeGreaterThan(40);
    const douai = page.locator('#map circle[data-id="voltara-douai"]');
    const lyon = page.locator('#map circle[data-id="kelvin-lyon"]');
    const [d, l] = [await douai.boundingBox(), await lyon.boundingBox()];
    expect(d!.y).toBeLessThan(l!.y); // Douai (50.4° N) lies north of Lyon (45.8° N)
    // Colour by status, size by capacity: a producing plant is filled green, a plant with no capacity that year hollow.
    expect(await douai.getAttribute('fill')).toBe('#009e73');
    expect(await lyon.getAttribute('fill')).toBe('#ffffff');
    expect(Number(await douai.getAttribute('r'))).toBeGreaterThan(Number(await lyon.getAttribute('r')));
    expect(await douai.getAttribute('aria-label')).toMatch(/Production started, 8 GWh a year planned for 2025/);
    expect(await page.locator('#map-summary').innerText()).toContain('3 plants announced by the end of 2025');

    expect(await unlabelledControls(page)).toEqual([]);
    await screenshot(page, 'map-2025', true);
    expectClean(tracked);
  });

  test('the year slider changes which plants are drawn, their status and their size', async () => {
    const tracked = await open('/map?year=2030');
    const { page } = tracked;
    const sizes: Record<number, Drawn[]> = { 2030: await drawnPlants(page, 2030) };
    const lists: Record<number, string> = {};
    expect(sizes[2030]).toEqual((await expectedYear(2030)).drawn);
    expect(sizes[2030]!.find((p) => p.id === 'kelvin-lyon')!.planned).toBe('20');
    const big = Number(await page.locator('#map circle[data-id="voltara-douai"]').getAttribute('r'));

    for (const year of [2022, 2021, 2024]) {
      await page.locator('#year').fill(String(year));
      const drawn = await drawnPlants(page, year);
      const expected = await expectedYear(year);
      expect(drawn).toEqual(expected.drawn);
      expect((await unplacedIds(page)).sort()).toEqual(expected.unplaced.sort());
      expect(await page.locator('#year-value').innerText()).toBe(String(year));
      expect(page.url()).toContain(`year=${year}`);
      sizes[year] = drawn;
      lists[year] = await page.locator('#unplaced').innerText();
    }
    // 2022: both placed plants announced or building, no capacity stated yet; Atlantis announced, unplaced.
    expect(sizes[2022]).toEqual([
      { id: 'kelvin-lyon', status: 'ANNOUNCED', planned: '' },
      { id: 'voltara-douai', status: 'CONSTRUCTION_STARTED', planned: '' },
    ]);
    // 2021: only Lyon was announced; every plant of that year is on the map.
    expect(sizes[2021]).toEqual([{ id: 'kelvin-lyon', status: 'ANNOUNCED', planned: '' }]);
    expect(lists[2021]).toBe('Every plant announced by the end of 2021 is on the map.');
    expect(lists[2022]).toContain('Ostwerk Energy plant in Atlantis');
    // 2024: Douai produces 8 GWh, a smaller circle than its 40 GWh of 2030.
    expect(sizes[2024]!.find((p) => p.id === 'voltara-douai')).toEqual({
      id: 'voltara-douai',
      status: 'PRODUCTION_STARTED',
      planned: '8',
    });
    expect(Number(await page.locator('#map circle[data-id="voltara-douai"]').getAttribute('r'))).toBeLessThan(big);

    // The keyboard moves the slider too.
    await page.locator('#year').focus();
    await page.keyboard.press('ArrowRight');
    expect(await drawnPlants(page, 2025)).toEqual((await expectedYear(2025)).drawn);
    await screenshot(page, 'map-slider-2025');
    expectClean(tracked);
  });

  test('a click opens the plant panel with operator, owners, stages and capacity claims with their quotes', async () => {
    const tracked = await open('/map?year=2025');
    const { page } = tracked;
    await drawnPlants(page, 2025);
    await page.locator('#map circle[data-id="voltara-douai"]').click();
    await page.waitForSelector('#plant-panel[data-plant="voltara-douai"][aria-busy="false"]');
    expect(page.url()).toContain('plant=voltara-douai');

    const { plant } = await api(`{
      plant(id: "voltara-douai") {
        name operator { name } owners { company { name } stake }
        stages { date { value } evidence { quote } }
        claims { id evidence { quote source { publisher url published { value } } } }
      }
    }`);
    const panel = page.locator('#plant-panel');
    expect(await panel.locator('h2').innerText()).toBe(plant.name);
    expect(await panel.locator('[data-field="operator"]').innerText()).toBe(plant.operator.name);
    const owners = await panel.locator('.owners > li').allInnerTexts();
    expect(owners.map((o) => o.split('\n')[0])).toEqual(
      plant.owners.map((o: Answer) => `${o.company.name} ${o.stake}%`),
    );
    expect(await panel.locator('.plant-status').innerText()).toContain('Production started at the end of 2025');

    // Every claim with every quote and where it comes from.
    for (const claim of plant.claims) {
      const item = panel.locator(`li.claim[data-claim="${claim.id}"]`);
      expect(await item.locator('blockquote').allInnerTexts()).toEqual(claim.evidence.map((e: Answer) => e.quote));
      const source = claim.evidence[0].source;
      const caption = await item.locator('figcaption').first().innerText();
      expect(caption).toContain(`${source.publisher}, ${source.published.value}`);
      expect(await item.locator('figcaption a').first().getAttribute('href')).toBe(source.url);
    }
    expect(await panel.locator('li.claim', { hasText: 'counted for 2025' }).getAttribute('data-claim')).toBe(
      'claim-voltara-initial-2024',
    );
    expect(await panel.locator('li.claim[data-claim="claim-voltara-target-2030"]').innerText()).toContain(
      '40 GWh by 2030',
    );
    expect(await panel.locator('.stages time').allInnerTexts()).toEqual(plant.stages.map((s: Answer) => s.date.value));
    expect(await panel.locator('.stages').innerText()).toContain('The plant started production in June 2024');
    expect(await page.locator('#map circle.selected').getAttribute('data-id')).toBe('voltara-douai');
    await screenshot(page, 'map-panel', true);

    // Moving the year keeps the plant and shows it as of then: in 2022 it was being built.
    await page.locator('#year').fill('2022');
    await drawnPlants(page, 2022);
    await page.waitForSelector('#plant-panel .plant-status[data-status="CONSTRUCTION_STARTED"]');
    expect(await panel.locator('.stage-later').count()).toBe(1);
    expectClean(tracked);
  });

  test('a plant without a position opens from the list; a shared link restores year and plant', async () => {
    const tracked = await open('/map?year=2026&plant=kelvin-lyon');
    const { page } = tracked;
    await drawnPlants(page, 2026);
    await page.waitForSelector('#plant-panel[data-plant="kelvin-lyon"][aria-busy="false"]');
    expect(await page.locator('#year').inputValue()).toBe('2026');
    expect(await page.locator('#plant-panel .plant-status').innerText()).toContain('Paused at the end of 2026');

    await page.locator('#unplaced li[data-id="ostwerk-atlantis"] button').click();
    await page.waitForSelector('#plant-panel[data-plant="ostwerk-atlantis"][aria-busy="false"]');
    const panel = await page.locator('#plant-panel').innerText();
    expect(panel).toContain('No position: its city is not in the gazetteer.');
    expect(panel).toContain('Atlantis, France');
    expect(panel).toContain('with 10 GWh by 2026');
    expect(await page.locator('#unplaced li[data-id="ostwerk-atlantis"]').innerText()).toContain('10 GWh');
    await screenshot(page, 'map-unplaced', true);
    expectClean(tracked);
  });
});

describe('the real landscape (data/)', () => {
  beforeAll(() => session.serve(), 240_000);

  test('every plant announced by the year is drawn or listed beside the map; overlapping plants offer a choice', async () => {
    const tracked = await open('/map?year=2025');
    const { page } = tracked;
    const drawn = await drawnPlants(page, 2025);
    const expected = await expectedYear(2025);
    expect(drawn.length).toBeGreaterThan(30);
    expect(drawn).toEqual(expected.drawn);
    expect((await unplacedIds(page)).sort()).toEqual(expected.unplaced.sort());
    await screenshot(page, 'map-real-2025', true);

    // Neighbours such as Douai and Billy-Berclau overlap at this scale: a click where a disc covers
    // another's centre lists both, and each opens from the list.
    const overlap = await page.locator('#map circle.plant').evaluateAll((circles) => {
      const discs = circles.map((c) => ({
        id: c.getAttribute('data-id')!,
        x: Number(c.getAttribute('cx')),
        y: Number(c.getAttribute('cy')),
        r: Number(c.getAttribute('r')),
      }));
      for (const under of discs) {
        const over = discs.find((d) => d !== under && Math.hypot(d.x - under.x, d.y - under.y) < d.r - 1);
        if (over) return { under: under.id, over: over.id };
      }
      return null;
    });
    expect(overlap).not.toBeNull();
    const box = (await page.locator(`#map circle[data-id="${overlap!.under}"]`).boundingBox())!;
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    await page.waitForSelector('#plant-panel .plant-choice');
    const offered = await page
      .locator('#plant-panel .plant-choice li')
      .evaluateAll((items) => items.map((i) => i.getAttribute('data-id')));
    expect(offered).toEqual(expect.arrayContaining([overlap!.under, overlap!.over]));
    await screenshot(page, 'map-real-choice');
    await page.locator(`#plant-panel .plant-choice li[data-id="${overlap!.under}"] button`).click();
    await page.waitForSelector(`#plant-panel[data-plant="${overlap!.under}"][aria-busy="false"]`);
    expect(await page.locator('#plant-panel blockquote').count()).toBeGreaterThan(0);
    expectClean(tracked);
  });

  test('the dashboard shows the landscape as the API answers it', async () => {
    const tracked = await open('/');
    const { page } = tracked;
    for (const region of ['#capacity-region', '#plant-status-region', '#cell-makers-region']) {
      await page.waitForSelector(`${region}[aria-busy="false"]`, { timeout: 30_000 });
    }
    const { dashboard } = await api(`{ dashboard {
      capacity { figures { key year planned } totals { year planned } }
      plantsByStatus { key count }
      cellMakers { company { id } customers { name } }
    } }`);
    const cells = await page
      .locator('#capacity-table tr[data-key] td[data-year]')
      .evaluateAll((tds) =>
        tds.map((td) => [
          td.closest('tr')!.getAttribute('data-key'),
          Number(td.getAttribute('data-year')),
          Number(td.getAttribute('data-planned')),
        ]),
      );
    const expected = [
      ...dashboard.capacity.figures.map((f: Answer) => [f.key, f.year, f.planned]),
      ...dashboard.capacity.totals.map((t: Answer) => ['TOTAL', t.year, t.planned]),
    ];
    expect(cells.length).toBeGreaterThan(100);
    expect(cells.map((c) => JSON.stringify(c)).sort()).toEqual(expected.map((c) => JSON.stringify(c)).sort());
    const statuses = await page
      .locator('#plant-status-table tbody tr')
      .evaluateAll((rows) => rows.map((r) => [r.getAttribute('data-key'), Number(r.getAttribute('data-count'))]));
    expect(statuses).toEqual(dashboard.plantsByStatus.map((c: Answer) => [c.key, c.count]));
    const makers = await page
      .locator('#cell-makers-table tbody tr')
      .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-key')));
    expect(makers).toEqual(dashboard.cellMakers.map((m: Answer) => m.company.id));
    expect(dashboard.cellMakers.some((m: Answer) => m.customers.length > 0)).toBe(true);
    await screenshot(page, 'dashboard-real', true);
    expectClean(tracked);
  });
});
