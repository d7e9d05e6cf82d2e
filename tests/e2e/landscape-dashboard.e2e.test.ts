/// <reference lib="dom" />
/**
 * The dashboard's landscape sections in real Chromium on the fictional landscape fixture: capacity by
 * country and year, plants by status and the top cell makers with their customers, as of a day, each
 * compared with the API's answer; each table's CSV and Excel downloads are read back and must hold the
 * same numbers. Screenshots go to test-artifacts/ (git-ignored).
 */
import ExcelJS from 'exceljs';
import { readFileSync } from 'node:fs';
import type { Locator, Page } from 'playwright-core';
import { parseCsv, unlabelledControls } from './browser';
import { expectClean, FIXTURE, LandscapeSession, shoot, type Answer } from './landscape-session';

jest.setTimeout(180_000);

const session = new LandscapeSession();
beforeAll(async () => {
  await session.start();
  await session.serve(FIXTURE);
}, 240_000);
afterAll(() => session.stop());

const LANDSCAPE = `query($asOf: String, $groupBy: CapacityGroup, $from: Int, $to: Int, $year: Int) {
  dashboard(asOf: $asOf) {
    asOf
    capacity(groupBy: $groupBy, from: $from, to: $to) {
      figures { key year planned operating plants } totals { year planned operating plants } withoutCapacity { name }
    }
    plantsByStatus { key count }
    cellMakers(year: $year) { company { id name } plants planned operating customers { id name } }
  }
}`;

const REGIONS = ['#capacity-region', '#plant-status-region', '#cell-makers-region'];
async function loaded(page: Page): Promise<void> {
  for (const region of REGIONS) await page.waitForSelector(`${region}[aria-busy="false"]`, { timeout: 30_000 });
}

/** The capacity grid's cells as [group, year, planned, operating]. */
function capacityCells(page: Page): Promise<[string, number, number, number][]> {
  return page
    .locator('#capacity-table tr[data-key]')
    .evaluateAll((rows) =>
      rows.flatMap((row) =>
        Array.from(row.querySelectorAll('td[data-year]')).map((td): [string, number, number, number] => [
          row.getAttribute('data-key')!,
          Number(td.getAttribute('data-year')),
          Number(td.getAttribute('data-planned')),
          Number(td.getAttribute('data-operating')),
        ]),
      ),
    );
}

const sorted = <T>(rows: T[]) => [...rows].sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));

async function download(page: Page, link: Locator): Promise<{ name: string; file: string }> {
  const [file] = await Promise.all([page.waitForEvent('download'), link.click()]);
  return { name: file.suggestedFilename(), file: await file.path() };
}

/** A CSV download's rows below its header, numbers as numbers. */
function csvRows(file: string): (string | number)[][] {
  const [, ...rows] = parseCsv(readFileSync(file, 'utf8').replace(/\n$/, ''));
  return rows.map((r) => r.map((v) => (v !== '' && !Number.isNaN(Number(v)) ? Number(v) : v)));
}

async function workbookRows(file: string, sheet = 0): Promise<(string | number)[][]> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(file);
  const rows: (string | number)[][] = [];
  book.worksheets[sheet]!.eachRow((row, n) => {
    if (n > 1) rows.push((row.values as (string | number)[]).slice(1));
  });
  return rows;
}

describe('dashboard / landscape sections', () => {
  test('show capacity by country and year, plants by status and cell makers as the API answers them', async () => {
    const tracked = await session.open('/');
    const { page } = tracked;
    await loaded(page);
    const { dashboard } = await session.api(LANDSCAPE, { year: 2030 });

    const expectedCells = [
      ...dashboard.capacity.figures,
      ...dashboard.capacity.totals.map((t: Answer) => ({ ...t, key: 'TOTAL' })),
    ].map((f: Answer) => [f.key, f.year, f.planned, f.operating]);
    expect(sorted(await capacityCells(page))).toEqual(sorted(expectedCells));
    expect(await page.locator('#capacity-table tbody th').allInnerTexts()).toEqual(['France']);
    expect(await page.locator('#capacity-table td[data-year="2030"]').first().innerText()).toMatch(/^70\b/);

    const statuses = await page
      .locator('#plant-status-table tbody tr')
      .evaluateAll((rows) => rows.map((r) => [r.getAttribute('data-key'), Number(r.getAttribute('data-count'))]));
    expect(statuses).toEqual(dashboard.plantsByStatus.map((c: Answer) => [c.key, c.count]));
    expect(await page.locator('#plant-status-table tbody').innerText()).toContain('Production started');

    const makers = await page
      .locator('#cell-makers-table tbody tr')
      .evaluateAll((rows) =>
        rows.map((r) => [
          r.getAttribute('data-key'),
          Number(r.querySelector('[data-planned]')!.getAttribute('data-planned')),
          Number(r.querySelector('[data-operating]')!.getAttribute('data-operating')),
          Array.from(r.querySelectorAll('td.customers a')).map((a) => a.textContent),
        ]),
      );
    expect(makers).toEqual(
      dashboard.cellMakers.map((m: Answer) => [
        m.company.id,
        m.planned,
        m.operating,
        m.customers.map((c: Answer) => c.name),
      ]),
    );
    expect(makers[0]).toEqual(['voltara-cells', 40, expect.any(Number), ['Nordhaven Motors']]);
    // The as-of field shows the day the figures are for.
    expect(await page.locator('#l-asof').inputValue()).toBe(dashboard.asOf);
    expect(await page.locator('#landscape-summary').innerText()).toContain(
      `As of ${dashboard.asOf}: 3 plants announced`,
    );

    expect(await unlabelledControls(page)).toEqual([]);
    await shoot(page.locator('.landscape'), 'dashboard-landscape');
    expectClean(tracked);
  });

  test('each table downloads as CSV and Excel with the numbers on screen', async () => {
    const tracked = await session.open('/');
    const { page } = tracked;
    await page.locator('#l-asof').fill('2025-12-31');
    await page.waitForSelector('#plant-status-region a[href*="asOf=2025-12-31"]');
    await loaded(page);
    const { dashboard } = await session.api(LANDSCAPE, { asOf: '2025-12-31', year: 2030 });

    const capacity = [
      ...dashboard.capacity.figures,
      ...dashboard.capacity.totals.map((t: Answer) => ({ ...t, key: 'TOTAL' })),
    ].map((f: Answer) => [f.key, f.year, f.planned, f.operating, f.plants]);
    const csv = await download(page, page.locator('#capacity-region a[data-format="csv"]'));
    expect(csv.name).toBe('capacity-by-country-2020-2030-as-of-2025-12-31.csv');
    expect(csvRows(csv.file).map((r) => [r[0], r[2], r[3], r[4], r[5]])).toEqual(capacity);
    const xlsx = await download(page, page.locator('#capacity-region a[data-format="xlsx"]'));
    expect(xlsx.name).toBe('capacity-by-country-2020-2030-as-of-2025-12-31.xlsx');
    expect((await workbookRows(xlsx.file)).map((r) => [r[0], r[2], r[3], r[4], r[5]])).toEqual(capacity);
    const claims = await workbookRows(xlsx.file, 1);
    expect(claims.map((r) => r[11])).toContain('It aims for 40 GWh by 2030.');

    const statuses = dashboard.plantsByStatus.map((c: Answer) => [c.key, c.count]);
    const statusCsv = await download(page, page.locator('#plant-status-region a[data-format="csv"]'));
    expect(statusCsv.name).toBe('plants-by-status-as-of-2025-12-31.csv');
    expect(csvRows(statusCsv.file)).toEqual(statuses);
    const statusXlsx = await download(page, page.locator('#plant-status-region a[data-format="xlsx"]'));
    expect(await workbookRows(statusXlsx.file)).toEqual(statuses);

    const makers = dashboard.cellMakers.map((m: Answer, i: number) => [
      i + 1,
      m.company.id,
      m.company.name,
      m.plants,
      m.planned,
      m.operating,
      m.customers.map((c: Answer) => c.name).join('; '),
    ]);
    const makersCsv = await download(page, page.locator('#cell-makers-region a[data-format="csv"]'));
    expect(makersCsv.name).toBe('cell-makers-2030-as-of-2025-12-31.csv');
    expect(csvRows(makersCsv.file).map((r) => r.slice(0, 7))).toEqual(makers);
    const makersXlsx = await download(page, page.locator('#cell-makers-region a[data-format="xlsx"]'));
    expect((await workbookRows(makersXlsx.file)).map((r) => r.slice(0, 7))).toEqual(makers);
    expectClean(tracked);
  });

  test('as of the end of 2022, by status, and a refused setting named next to the form', async () => {
    const tracked = await session.open('/');
    const { page } = tracked;
    await loaded(page);
    await page.locator('#l-asof').fill('2022-12-31');
    await page.waitForSelector('#plant-status-region a[href*="asOf=2022-12-31"]');
    const { dashboard } = await session.api(LANDSCAPE, { asOf: '2022-12-31' });
    const statuses = await page
      .locator('#plant-status-table tbody tr')
      .evaluateAll((rows) => rows.map((r) => [r.getAttribute('data-key'), Number(r.getAttribute('data-count'))]));
    expect(statuses).toEqual(dashboard.plantsByStatus.map((c: Answer) => [c.key, c.count]));
    expect(statuses).toEqual([
      ['ANNOUNCED', 2],
      ['CONSTRUCTION_STARTED', 1],
    ]);
    // No capacity had been stated by then (the report is from 2024): the grid says so, and lists the plants.
    expect(await page.locator('#capacity-region').innerText()).toContain('No capacity stated');
    expect(await page.locator('#capacity-region .without-capacity').innerText()).toContain(
      'Kelvin Batteries plant in Lyon',
    );

    await page.locator('#l-asof').fill('2025-12-31');
    await page.waitForSelector('#plant-status-region a[href*="asOf=2025-12-31"]');
    await page.locator('#l-group').selectOption('STATUS');
    await page.waitForSelector('#capacity-table[data-group-by="STATUS"]');
    const rows = await page
      .locator('#capacity-table tbody tr')
      .evaluateAll((r) => r.map((x) => x.getAttribute('data-key')));
    expect(rows.sort()).toEqual(['ANNOUNCED', 'PAUSED', 'PRODUCTION_STARTED']);
    expect(await page.locator('#capacity-region a[data-format="csv"]').getAttribute('href')).toContain(
      'groupBy=STATUS',
    );
    await shoot(page.locator('.landscape'), 'dashboard-landscape-by-status');

    await page.locator('#l-from').fill('2031');
    await page.locator('#l-from').press('Enter');
    await page.waitForSelector('#landscape-hint:not(:empty)');
    expect(await page.locator('#landscape-hint').innerText()).toMatch(/Argument "from": must not be after `to`/);
    expect(await page.locator('#error-banner').isHidden()).toBe(true);
    expectClean(tracked);
  });
});
