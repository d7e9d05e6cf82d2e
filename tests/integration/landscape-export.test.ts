/**
 * The dashboard's landscape tables as files (GET /export/<table>.csv|xlsx) over real HTTP on the real
 * Neo4j, with the fictional landscape fixture: each file is read back (exceljs for both formats) and its
 * numbers must equal what the GraphQL API answers for the same arguments; bad parameters get the API's
 * error code and name the parameter.
 */
import ExcelJS from 'exceljs';
import path from 'node:path';
import { Readable } from 'node:stream';
import type { Database } from '../../src/db/neo4j';
import { freshGraph, testDatabase } from '../support/neo4j';
import { graphql, serveApp } from '../support/stack';

const FIXTURE = path.join(__dirname, '..', 'fixtures', 'landscape');
let db: Database;
let api: { url: string; close(): Promise<void> };

beforeAll(async () => {
  db = testDatabase();
  await freshGraph(db, FIXTURE);
  api = await serveApp(db);
});
afterAll(async () => {
  await api?.close();
  await db?.close();
});

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Answer = any;
type Row = (string | number | null)[];

async function ask(query: string, variables?: Record<string, unknown>): Promise<Answer> {
  const { body } = await graphql(api.url, query, variables);
  expect(body.errors).toBeUndefined();
  return body.data;
}

async function download(file: string): Promise<Response> {
  const response = await fetch(`${api.url}/export/${file}`);
  if (response.status !== 200) throw new Error(`${file}: HTTP ${response.status} ${await response.text()}`);
  return response;
}

/** A sheet's rows as plain values (exceljs numbers its cells from 1; the header row is dropped). */
function values(sheet: ExcelJS.Worksheet): Row[] {
  const rows: Row[] = [];
  sheet.eachRow((row, n) => {
    if (n > 1) rows.push((row.values as Row).slice(1).map((v) => (v === undefined ? null : v)));
  });
  return rows;
}

async function xlsx(file: string): Promise<ExcelJS.Workbook> {
  const response = await download(file);
  expect(response.headers.get('content-type')).toBe(
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  );
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(await response.arrayBuffer());
  return book;
}

/** The CSV read by exceljs's own CSV reader (numbers come back as numbers, empty cells as null). */
async function csv(file: string): Promise<{ header: Row; rows: Row[]; disposition: string | null }> {
  const response = await download(file);
  expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
  const book = new ExcelJS.Workbook();
  const sheet = await book.csv.read(Readable.from([await response.text()]));
  const all: Row[] = [];
  sheet.eachRow({ includeEmpty: false }, (row) => {
    const cells = (row.values as Row).slice(1);
    all.push(Array.from({ length: sheet.columnCount }, (_, i) => cells[i] ?? null));
  });
  return { header: all[0]!, rows: all.slice(1), disposition: response.headers.get('content-disposition') };
}

const CAPACITY = `query($groupBy: CapacityGroup!, $from: Int!, $to: Int!, $asOf: String) {
  capacity(groupBy: $groupBy, from: $from, to: $to, asOf: $asOf) {
    figures { key label year planned operating plants
      claims { id value unit evidence { quote source { publisher url published { value } } } } }
    totals { key label year planned operating plants }
  }
}`;

const figureRow = (f: Answer): Row => [f.key, f.label, f.year, f.planned, f.operating, f.plants];

describe('capacity by group and year', () => {
  it.each(['COUNTRY', 'COMPANY', 'STATUS', 'PLANT'])(
    'by %s: CSV and workbook hold the API’s figures, then its totals',
    async (groupBy) => {
      const parameters = { groupBy, from: 2024, to: 2030, asOf: '2025-12-31' };
      const { capacity } = await ask(CAPACITY, parameters);
      const expected = [...capacity.figures, ...capacity.totals].map(figureRow);
      expect(capacity.figures.length).toBeGreaterThan(0);
      const query = new URLSearchParams(Object.entries(parameters).map(([k, v]) => [k, String(v)]));

      const fromCsv = await csv(`capacity.csv?${query}`);
      expect(fromCsv.header).toEqual([
        'Group id',
        'Group',
        'Year',
        'Planned GWh a year',
        'Operating GWh a year',
        'Plants',
      ]);
      expect(fromCsv.rows).toEqual(expected);
      expect(fromCsv.disposition).toBe(
        `attachment; filename=capacity-by-${groupBy.toLowerCase()}-2024-2030-as-of-2025-12-31.csv`,
      );

      const book = await xlsx(`capacity.xlsx?${query}`);
      expect(book.worksheets.map((s) => s.name)).toEqual(['Capacity', 'Claims', 'About']);
      expect(values(book.getWorksheet('Capacity')!)).toEqual(expected);
    },
  );

  it('by plant: one figure per plant with capacity that year, keyed by the plant’s id', async () => {
    const { capacity } = await ask(CAPACITY, { groupBy: 'PLANT', from: 2026, to: 2026, asOf: '2025-12-31' });
    expect(capacity.figures.map((f: Answer) => [f.key, f.planned, f.operating])).toEqual([
      ['ostwerk-atlantis', 10, 0],
      ['voltara-douai', 8, 8],
    ]);
  });

  it('traces every figure to its claims and their quotes in the Claims sheet', async () => {
    const { capacity } = await ask(CAPACITY, { groupBy: 'COUNTRY', from: 2024, to: 2030, asOf: '2025-12-31' });
    const expected = capacity.figures.flatMap((f: Answer) =>
      f.claims.flatMap((c: Answer) =>
        c.evidence.map((e: Answer) => [
          f.key,
          f.year,
          c.id,
          c.value,
          c.unit,
          e.quote,
          e.source.publisher,
          e.source.url,
          e.source.published.value,
        ]),
      ),
    );
    const book = await xlsx('capacity.xlsx?from=2024&to=2030&asOf=2025-12-31');
    const trace = values(book.getWorksheet('Claims')!).map((r) => [
      r[0],
      r[2],
      r[5],
      r[6],
      r[7],
      r[11],
      r[12],
      r[13],
      r[14],
    ]);
    expect(trace.sort()).toEqual(expected.sort());
    expect(trace).toContainEqual([
      'fictional-france',
      2030,
      'claim-voltara-target-2030',
      40,
      'GWh',
      'It aims for 40 GWh by 2030.',
      'Fictional Test Press',
      'https://example.org/fictional/cell-plants',
      '2024-07-01',
    ]);
    const about = Object.fromEntries(values(book.getWorksheet('About')!).map((r) => [r[0], r[1]]));
    expect(about).toMatchObject({ groupBy: 'COUNTRY', from: 2024, to: 2030, asOf: '2025-12-31' });
  });

  it('without parameters has the dashboard’s defaults, as of today', async () => {
    const { dashboard } = await ask(`{ dashboard {
      asOf capacity { groupBy from to figures { key label year planned operating plants } totals { key label year planned operating plants } }
    } }`);
    const { rows, disposition } = await csv('capacity.csv');
    expect(rows).toEqual([...dashboard.capacity.figures, ...dashboard.capacity.totals].map(figureRow));
    expect(disposition).toContain(`capacity-by-country-2020-2030-as-of-${dashboard.asOf}.csv`);
  });
});

describe('plants by status and cell makers', () => {
  it.each(['2022-12-31', '2025-12-31'])('plants by status as of %s equal the dashboard’s', async (asOf) => {
    const { dashboard } = await ask(
      'query($asOf: String) { dashboard(asOf: $asOf) { plantsByStatus { key count } } }',
      {
        asOf,
      },
    );
    const expected = dashboard.plantsByStatus.map((c: Answer) => [c.key, c.count]);
    expect(expected.length).toBeGreaterThan(1);
    expect((await csv(`plants-by-status.csv?asOf=${asOf}`)).rows).toEqual(expected);
    expect(values((await xlsx(`plants-by-status.xlsx?asOf=${asOf}`)).worksheets[0]!)).toEqual(expected);
  });

  it('cell makers with their customers equal the dashboard’s', async () => {
    const { dashboard } = await ask(`{ dashboard(asOf: "2025-12-31") {
      cellMakers(year: 2030, first: 2) { company { id name } plants planned operating customers { id name } }
    } }`);
    const expected = dashboard.cellMakers.map((m: Answer, i: number) => [
      i + 1,
      m.company.id,
      m.company.name,
      m.plants,
      m.planned,
      m.operating,
      m.customers.map((c: Answer) => c.name).join('; ') || null,
      m.customers.map((c: Answer) => c.id).join('; ') || null,
    ]);
    expect(expected).toHaveLength(2);
    // Operating GWh (column 6) is compared with the API's below, whatever the rollup's rule gives.
    expect([...expected[0].slice(0, 5), ...expected[0].slice(6)]).toEqual([
      1,
      'voltara-cells',
      'Voltara Cells',
      1,
      40,
      'Nordhaven Motors',
      'nordhaven-motors',
    ]);
    const query = 'asOf=2025-12-31&year=2030&first=2';
    const fromCsv = await csv(`cell-makers.csv?${query}`);
    expect(fromCsv.rows).toEqual(expected);
    expect(fromCsv.disposition).toContain('cell-makers-2030-as-of-2025-12-31.csv');
    // In the workbook an empty cell is an empty string, not a missing one.
    const sheet = values((await xlsx(`cell-makers.xlsx?${query}`)).worksheets[0]!);
    expect(sheet).toEqual(expected.map((r: Row) => r.map((v) => v ?? '')));
  });
});

describe('bad parameters', () => {
  async function refused(file: string): Promise<{ code: unknown; argument: unknown; message: string }> {
    const response = await fetch(`${api.url}/export/${file}`);
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    const body = (await response.json()) as { errors: { message: string; extensions: Record<string, unknown> }[] };
    expect(body.errors).toHaveLength(1);
    const [error] = body.errors;
    return { code: error!.extensions.code, argument: error!.extensions.argument, message: error!.message };
  }

  it.each([
    ['capacity.csv?from=2030&to=2024', 'from'],
    ['capacity.xlsx?from=2024&to=2030&asOf=31/12/2025', 'asOf'],
    ['capacity.csv?asOf=2025-02-30', 'asOf'],
    ['capacity.csv?from=1200', 'from'],
    ['capacity.csv?to=2200&from=2100', 'to'],
  ])('%s is refused like the API refuses it, naming %s', async (file, argument) => {
    const query = new URLSearchParams(file.split('?')[1]);
    const variables = { groupBy: 'COUNTRY', from: 2020, to: 2030, ...Object.fromEntries(query) };
    for (const key of ['from', 'to'] as const) variables[key] = Number(variables[key]);
    const { body } = await graphql(api.url, CAPACITY, variables);
    expect(body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument });
    expect(await refused(file)).toEqual({ code: 'BAD_USER_INPUT', argument, message: body.errors![0]!.message });
  });

  it.each([
    ['capacity.csv?groupBy=PLANET', 'groupBy'],
    ['capacity.csv?groupBy=country', 'groupBy'],
    ['capacity.csv?from=twenty', 'from'],
    ['capacity.xlsx?to=2030.5', 'to'],
    ['capacity.csv?planet=earth', 'planet'],
    ['capacity.csv?from=2024&from=2025', 'from'],
    ['plants-by-status.csv?asOf=yesterday', 'asOf'],
    ['plants-by-status.xlsx?asOf=', 'asOf'],
    ['plants-by-status.csv?year=2030', 'year'],
    ['cell-makers.csv?first=101', 'first'],
    ['cell-makers.xlsx?first=-1', 'first'],
    ['cell-makers.csv?year=1850', 'year'],
  ])('%s: BAD_USER_INPUT naming %s', async (file, argument) => {
    expect(await refused(file)).toMatchObject({ code: 'BAD_USER_INPUT', argument });
  });

  it('an unknown table is not found; the export needs a credential where the API does', async () => {
    expect((await fetch(`${api.url}/export/companies.csv`)).status).toBe(404);
    const closed = await serveApp(db, { auth: { publicReads: false, jwt: undefined } });
    try {
      const response = await fetch(`${closed.url}/export/capacity.csv`);
      expect(response.status).toBe(401);
      expect(await response.json()).toMatchObject({ errors: [{ extensions: { code: 'UNAUTHENTICATED' } }] });
    } finally {
      await closed.close();
    }
  });
});
