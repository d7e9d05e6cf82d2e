/**
 * Plants, capacity rollups and as-of views on a fictional fixture (tests/fixtures/landscape: three
 * invented plants in real French cities, and one in Atlantis, which no gazetteer knows). Real Neo4j,
 * real HTTP.
 */
import path from 'node:path';
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
  await api.close();
  await db.close();
});

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Answer = any;
async function ask(query: string, variables?: Record<string, unknown>): Promise<Answer> {
  const { body } = await graphql(api.url, query, variables);
  expect(body.errors).toBeUndefined();
  return body.data;
}

const CAPACITY = `query($groupBy: CapacityGroup!, $from: Int!, $to: Int!, $asOf: String) {
  capacity(groupBy: $groupBy, from: $from, to: $to, asOf: $asOf) {
    asOf
    figures { key label year planned operating plants claims { id value evidence { quote source { publisher url } } } }
    totals { year planned operating plants }
    withoutCapacity { id }
  }
}`;

describe('a plant', () => {
  it('has its operator, owners with stakes, stages, city, country and gazetteer position', async () => {
    const { plant } = await ask(`{
      plant(id: "voltara-douai") {
        name operator { id } owners { company { id } stake evidence { quote } }
        status stages { status date { value precision } plant { id } partnership { id } }
        city { id } country { name } location { latitude longitude source }
        partnerships { id } claims(preferredOnly: true) { property value unit year }
        site { kind plant { id } }
      }
    }`);
    expect(plant.operator.id).toBe('voltara-cells');
    expect(plant.owners).toEqual([
      { company: { id: 'nordhaven-motors' }, stake: 60, evidence: [{ quote: 'owned 60% by Nordhaven Motors' }] },
      { company: { id: 'zellfabrik' }, stake: 40, evidence: [{ quote: '40% by Zellfabrik' }] },
    ]);
    expect(plant.status).toBe('PRODUCTION_STARTED');
    expect(plant.stages.map((s: Answer) => [s.status, s.date.value, s.plant.id, s.partnership])).toEqual([
      ['CONSTRUCTION_STARTED', '2022-03', 'voltara-douai', null],
      ['PRODUCTION_STARTED', '2024-06', 'voltara-douai', null],
    ]);
    expect(plant.city.id).toBe('fictional-douai');
    expect(plant.country.name).toBe('France');
    // Douai in GeoNames: 50.37 N, 3.08 E.
    expect(plant.location.latitude).toBeCloseTo(50.37, 1);
    expect(plant.location.longitude).toBeCloseTo(3.08, 1);
    expect(plant.location.source).toMatch(/GeoNames \d+ \(Douai, FR\)/);
    expect(plant.partnerships.map((p: Answer) => p.id)).toEqual(['nordhaven-voltara-supply']);
    expect(plant.site).toEqual({ kind: 'FACILITY', plant: { id: 'voltara-douai' } });
  });

  it('in a city the gazetteer does not know has no position, but is still listed', async () => {
    const { plant, plants } = await ask(`{
      plant(id: "ostwerk-atlantis") { location { latitude } city { name } }
      plants(first: 10) { totalCount nodes { id } edges { cursor node { id } } }
    }`);
    expect(plant).toEqual({ location: null, city: { name: 'Atlantis' } });
    expect(plants.totalCount).toBe(3);
    expect(plants.nodes.map((p: Answer) => p.id)).toEqual(['kelvin-lyon', 'ostwerk-atlantis', 'voltara-douai']);
  });

  it('as of a date has the status of its latest stage then', async () => {
    const { early, mid, late, none } = await ask(`{
      early: plant(id: "voltara-douai") { status(asOf: "2022-12-31") }
      mid: plant(id: "kelvin-lyon") { status(asOf: "2022-06-30") }
      late: plant(id: "kelvin-lyon") { status(asOf: "2025-12-31") }
      none: plant(id: "ostwerk-atlantis") { status(asOf: "2021-12-31") }
    }`);
    expect([early.status, mid.status, late.status, none.status]).toEqual([
      'CONSTRUCTION_STARTED',
      'ANNOUNCED',
      'PAUSED',
      null,
    ]);
  });

  it('lists filter by country, operator and status as of a date', async () => {
    const { inFrance, paused, producing2023, byOperator } = await ask(`{
      inFrance: plants(siteId: "fictional-france") { totalCount }
      paused: plants(status: PAUSED) { nodes { id } }
      producing2023: plants(status: PRODUCTION_STARTED, asOf: "2023-12-31") { totalCount }
      byOperator: plants(operatorId: "voltara-cells") { nodes { id } }
    }`);
    expect(inFrance.totalCount).toBe(3);
    expect(paused.nodes).toEqual([{ id: 'kelvin-lyon' }]);
    expect(producing2023.totalCount).toBe(0);
    expect(byOperator.nodes).toEqual([{ id: 'voltara-douai' }]);
  });

  it('is on the timeline with its stages, and on its operator', async () => {
    const { timeline, company } = await ask(`{
      timeline(from: 2024, to: 2024, companyId: "voltara-cells") { kind date title stage { id plant { id } } }
      company(id: "voltara-cells") { operatedPlants { id } }
    }`);
    expect(timeline).toEqual([
      {
        kind: 'STAGE',
        date: '2024-06',
        title: 'voltara-douai: production-started (2024-06)',
        stage: { id: 'stage-voltara-douai-production-started-2024', plant: { id: 'voltara-douai' } },
      },
    ]);
    expect(company.operatedPlants).toEqual([{ id: 'voltara-douai' }]);
  });
});

describe('the capacity rollup', () => {
  it('sums GWh by country and year, planned vs operating, each figure with its claims', async () => {
    const { capacity } = await ask(CAPACITY, { groupBy: 'COUNTRY', from: 2024, to: 2030, asOf: '2025-12-31' });
    const byYear = Object.fromEntries(
      capacity.figures.map((f: Answer) => [f.year, [f.key, f.planned, f.operating, f.plants]]),
    );
    // Voltara: 8 GWh from 2024 (producing), 40 planned from 2030 (8 of them running as of 2025); Kelvin
    // (paused): 20 from 2027; Ostwerk: 10 from 2026.
    expect(byYear).toEqual({
      2024: ['fictional-france', 8, 8, 1],
      2025: ['fictional-france', 8, 8, 1],
      2026: ['fictional-france', 18, 8, 2],
      2027: ['fictional-france', 38, 8, 3],
      2028: ['fictional-france', 38, 8, 3],
      2029: ['fictional-france', 38, 8, 3],
      2030: ['fictional-france', 70, 8, 3],
    });
    const f2030 = capacity.figures.find((f: Answer) => f.year === 2030);
    expect(f2030.claims.map((c: Answer) => c.id).sort()).toEqual([
      'claim-kelvin-target-2027',
      'claim-ostwerk-target-2026',
      'claim-voltara-target-2030',
    ]);
    expect(f2030.claims[0].evidence[0].source.publisher).toBe('Fictional Test Press');
    expect(capacity.totals.at(-1)).toEqual({ year: 2030, planned: 70, operating: 8, plants: 3 });
  });

  it('by company and by status', async () => {
    const { capacity: byCompany } = await ask(CAPACITY, {
      groupBy: 'COMPANY',
      from: 2030,
      to: 2030,
      asOf: '2025-12-31',
    });
    expect(byCompany.figures.map((f: Answer) => [f.key, f.planned])).toEqual([
      ['kelvin-batteries', 20],
      ['ostwerk-energy', 10],
      ['voltara-cells', 40],
    ]);
    const { capacity: byStatus } = await ask(CAPACITY, { groupBy: 'STATUS', from: 2030, to: 2030, asOf: '2025-12-31' });
    expect(byStatus.figures.map((f: Answer) => [f.key, f.planned])).toEqual([
      ['ANNOUNCED', 10],
      ['PAUSED', 20],
      ['PRODUCTION_STARTED', 40],
    ]);
  });

  it('as of a date before any capacity was stated has no figures, and lists the plants without capacity', async () => {
    const { capacity } = await ask(CAPACITY, { groupBy: 'COUNTRY', from: 2024, to: 2030, asOf: '2023-01-01' });
    expect(capacity.figures).toEqual([]);
    expect(capacity.withoutCapacity.map((p: Answer) => p.id).sort()).toEqual([
      'kelvin-lyon',
      'ostwerk-atlantis',
      'voltara-douai',
    ]);
  });

  it.each([
    [{ groupBy: 'COUNTRY', from: 2030, to: 2024 }, 'from'],
    [{ groupBy: 'COUNTRY', from: 2024, to: 2030, asOf: '31/12/2025' }, 'asOf'],
    [{ groupBy: 'COUNTRY', from: 2024, to: 2030, asOf: '2025-02-30' }, 'asOf'],
    [{ groupBy: 'COUNTRY', from: 1200, to: 2030 }, 'from'],
  ])('refuses bad arguments %j naming %s', async (variables, argument) => {
    const { body } = await graphql(api.url, CAPACITY, variables);
    expect(body.data).toBeNull();
    expect(body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument });
  });

  it('refuses an unknown groupBy as bad user input', async () => {
    const { body } = await graphql(api.url, CAPACITY, { groupBy: 'PLANET', from: 2024, to: 2030 });
    expect(body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(body.errors?.[0]?.message).toContain('groupBy');
  });
});

describe('the dashboard as of a day', () => {
  it('counts plants by status, ranks cell makers with their customers, and rolls up capacity', async () => {
    const { dashboard } = await ask(`{
      dashboard(asOf: "2025-12-31") {
        asOf
        plantsByStatus { key count }
        cellMakers(year: 2030) { company { id } plants planned operating customers { id } }
        capacity(from: 2030, to: 2030) { totals { planned operating } }
      }
    }`);
    expect(dashboard.asOf).toBe('2025-12-31');
    expect(dashboard.plantsByStatus).toEqual([
      { key: 'ANNOUNCED', count: 1 },
      { key: 'PAUSED', count: 1 },
      { key: 'PRODUCTION_STARTED', count: 1 },
    ]);
    expect(dashboard.cellMakers).toEqual([
      {
        company: { id: 'voltara-cells' },
        plants: 1,
        planned: 40,
        operating: 8,
        customers: [{ id: 'nordhaven-motors' }],
      },
      { company: { id: 'kelvin-batteries' }, plants: 1, planned: 20, operating: 0, customers: [] },
      { company: { id: 'ostwerk-energy' }, plants: 1, planned: 10, operating: 0, customers: [] },
    ]);
    expect(dashboard.capacity.totals).toEqual([{ planned: 70, operating: 8 }]);
  });

  it('at the end of 2022 sees only what had happened by then', async () => {
    const { dashboard } = await ask(`{ dashboard(asOf: "2022-12-31") { plantsByStatus { key count } } }`);
    expect(dashboard.plantsByStatus).toEqual([
      { key: 'ANNOUNCED', count: 2 },
      { key: 'CONSTRUCTION_STARTED', count: 1 },
    ]);
  });

  it('refuses an as-of that is not a day', async () => {
    const { body } = await graphql(api.url, '{ dashboard(asOf: "yesterday") { asOf } }');
    expect(body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'asOf' });
  });
});
