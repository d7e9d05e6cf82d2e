/**
 * The analyst questions of the README (the playground's preloaded operations, web/src/operations.ts),
 * run through HTTP against the real Neo4j with data/ loaded, and their answers checked.
 */
import { analystOperations } from '../../web/src/operations';
import type { Stack } from '../../src/stack';
import { declared } from '../support/declared';
import { graphql, startStack } from '../support/stack';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(() => stack.stop());

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Answer = any;

async function ask(name: string): Promise<Answer> {
  const operation = analystOperations.find((o) => o.name === name);
  if (!operation) throw new Error(`no analyst operation named ${name}`);
  const { body } = await graphql(
    stack.url,
    operation.query,
    operation.variables ? JSON.parse(operation.variables) : undefined,
  );
  expect(body.errors).toBeUndefined();
  return body.data;
}

const ids = (list: { id: string }[]) => list.map((x) => x.id).sort();

it('the docs have at least 25 analyst questions, each with its answer', () => {
  expect(analystOperations.length).toBeGreaterThanOrEqual(25);
});

test('Which companies partner with Renault, and how binding is each deal?', async () => {
  const { company } = await ask('RenaultPartners');
  const partners = Object.fromEntries(company.partners.map((p: Answer) => [p.company.id, p.partnerships]));
  // The seed article's partners, and those the landscape's reports add (Ampere, LG Energy Solution, and
  // the funds beside Renault in Verkor's 2023 round).
  expect(Object.keys(partners).sort()).toEqual([
    'acc',
    'alliance',
    'ampere',
    'envision-aesc',
    'lg-chem',
    'lg-energy-solution',
    'macquarie-asset-management',
    'meridiam',
    'verkor',
  ]);
  // Current values, from each deal's latest stage (data/facts/lifecycle-2021-2025.yaml).
  expect(partners.verkor).toContainEqual(expect.objectContaining({ kind: 'SUPPLY', binding: 'BINDING' }));
  expect(partners.acc).toContainEqual(
    expect.objectContaining({ kind: 'DISCUSSION', status: 'LAPSED', binding: 'NON_BINDING' }),
  );
  expect(partners['envision-aesc']).toContainEqual(
    expect.objectContaining({ kind: 'STRATEGIC_COOPERATION', status: 'ACTIVE' }),
  );
  expect(partners['lg-chem']).toContainEqual(expect.objectContaining({ kind: 'SUPPLY', status: 'ACTIVE' }));
});

test('What is due in 2030?', async () => {
  const { timeline } = await ask('DueIn2030');
  const measures = timeline.map((e: Answer) => e.milestone?.measure).filter(Boolean);
  expect(measures).toEqual(
    expect.arrayContaining([
      { value: 4500, unit: 'direct jobs', approximate: true },
      { value: 1000000, unit: 'electric cars', approximate: false },
    ]),
  );
  expect(timeline.every((e: Answer) => e.date.startsWith('2030'))).toBe(true);
  expect(timeline.some((e: Answer) => /ASSB|solid-state/i.test(e.title))).toBe(true);
  expect(timeline.every((e: Answer) => e.evidence.length > 0)).toBe(true);
});

test('How is Verkor connected to Nissan?', async () => {
  const { shortestPath } = await ask('VerkorToNissan');
  const path = shortestPath.nodes.map((n: Answer) => n.id);
  expect(path[0]).toBe('verkor');
  expect(path[path.length - 1]).toBe('nissan');
  // Four hops: through Renault and the Alliance, or through the deals announced together and
  // Envision AESC's partnership with Nissan (both are shortest).
  expect(path).toHaveLength(5);
  expect(shortestPath.edges).toHaveLength(4);
});

test('Where will the gigafactory be?', async () => {
  const { site } = await ask('GigafactorySite');
  expect(site.locatedIn).toMatchObject({ name: 'Douai', kind: 'CITY', locatedIn: { name: 'France', kind: 'COUNTRY' } });
  expect(site.near.map((s: Answer) => s.name)).toContain('Renault ElectriCity');
  const parties = site.partnerships.flatMap((p: Answer) => p.parties.map((x: Answer) => x.company.name));
  expect(parties).toEqual(expect.arrayContaining(['Envision AESC', 'Renault Group']));
});

test('Which of Renault’s deals are not binding yet?', async () => {
  const { partnerships } = await ask('NonBindingDeals');
  expect(partnerships.totalCount).toBe(partnerships.nodes.length);
  expect(partnerships.nodes.map((p: Answer) => p.kind)).toContain('DISCUSSION');
  for (const deal of partnerships.nodes) {
    expect(deal.parties.map((p: Answer) => p.company.name)).toContain('Renault Group');
    expect(deal.evidence.length).toBeGreaterThan(0);
  }
});

test('When might ACC join the ecosystem, and how sure is it?', async () => {
  const { company } = await ask('WhenMightAccJoin');
  const deal = company.partnerships.nodes[0];
  expect(deal).toMatchObject({ kind: 'DISCUSSION', modality: 'POSSIBLE' });
  expect(deal.milestones).toEqual([expect.objectContaining({ year: 2027, bound: 'FROM', modality: 'POSSIBILITY' })]);
});

test('What is the ASSB project and when does the research start?', async () => {
  const { project } = await ask('AssbResearch');
  expect(project.aliases).toContain('All Solid State Battery Technology');
  expect(project.kind).toBe('RESEARCH_PROGRAMME');
  expect(project.milestones).toEqual([expect.objectContaining({ year: 2030, bound: 'FROM' })]);
});

test('What did Renault’s CEO say, and where?', async () => {
  const { person } = await ask('CeoStatements');
  expect(person.positions).toEqual([{ title: 'CEO', organization: { name: 'Renault Group' } }]);
  expect(person.statements.some((s: Answer) => s.quote.includes('one million electric cars'))).toBe(true);
});

test('Which facts mention the gigafactory?', async () => {
  const { search } = await ask('FindFacts');
  expect(search.length).toBeGreaterThan(0);
  expect(search.map((h: Answer) => h.node.id)).toContain('douai-gigafactory');
});

test('What does the landscape look like?', async () => {
  const { dashboard } = await ask('Landscape');
  // The totals are the records the fact files declare (each id once, wherever it is mentioned again).
  expect(dashboard.totals).toMatchObject({
    companies: declared('companies').size,
    partnerships: declared('partnerships').size,
    milestones: declared('milestones').size,
  });
  const byBinding = dashboard.partnershipsByBinding.reduce((n: number, c: Answer) => n + c.count, 0);
  expect(byBinding).toBe(declared('partnerships').size);
});

test('What became of the Verkor deal, and how did it get there?', async () => {
  const { dealHistory } = await ask('VerkorDealHistory');
  expect(dealHistory.status).toBe('SIGNED');
  expect(dealHistory.stages.map((s: Answer) => [s.date.value, s.kind, s.binding])).toEqual([
    ['2021-06-28', 'LETTER_OF_INTENT', 'NON_BINDING'],
    ['2023-04-13', 'SUPPLY', 'BINDING'],
  ]);
  const publishers = dealHistory.stages.flatMap((s: Answer) => s.evidence.map((e: Answer) => e.source.publisher));
  expect(publishers).toContain('electrive.com');
});

test('Which announced deals never happened?', async () => {
  const { unrealizedDeals } = await ask('UnrealizedDeals');
  expect(unrealizedDeals.map((d: Answer) => d.name)).toContain(
    'Renault Group discussions with ACC about joining the battery ecosystem',
  );
  for (const deal of unrealizedDeals) {
    expect(['LAPSED', 'CANCELLED']).toContain(deal.status);
    expect(deal.currentStage.evidence.length).toBeGreaterThan(0);
  }
});

test('Which values do sources disagree on?', async () => {
  const { claims } = await ask('ConflictingValues');
  const douai = claims.find((g: Answer) => g.subject.name.includes('Douai') && g.property === 'CAPACITY_TARGET');
  expect(douai.values.length).toBeGreaterThan(1);
  expect(douai.values.map((v: Answer) => v.value)).toContain(douai.preferred.value);
});

test('each answer is backed by quotes: ids are stable slugs', async () => {
  const { body } = await graphql<{ companies: { totalCount: number; nodes: { id: string }[] } }>(
    stack.url,
    '{ companies(first: 100) { totalCount nodes { id } } }',
  );
  expect(body.data!.companies.totalCount).toBeLessThanOrEqual(100);
  expect(ids(body.data!.companies.nodes)).toEqual([...declared('companies')].sort());
  for (const { id } of body.data!.companies.nodes) expect(id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
});

test('When were the two deals of the seed article announced, and who says so?', async () => {
  const { partnerships } = await ask('AnnouncementDates');
  const byName = Object.fromEntries(partnerships.nodes.map((p: Answer) => [p.name, p.announced]));
  // The seed article's two deals; the landscape adds Renault's stake in Verkor, announced the same day.
  for (const name of [
    'Renault Group and Envision AESC strategic cooperation for a battery gigafactory in Douai',
    'Renault Group and Verkor agreement to develop and manufacture high-performance batteries',
  ]) {
    expect(byName[name]).toMatchObject({ value: '2021-06-28', precision: 'DAY' });
    expect(byName[name].evidence.map((e: Answer) => e.source.publisher)).toContain('Republic World');
  }
  expect(byName['Renault Group stake in Verkor']).toMatchObject({ value: '2021-06-28' });
});

test('What does LG Chem supply, and for which car?', async () => {
  const { company } = await ask('LgChemSupply');
  const [deal] = company.partnerships.nodes;
  expect(deal.kind).toBe('SUPPLY');
  expect(deal.parties).toEqual(
    expect.arrayContaining([
      { role: 'SUPPLIER', company: { name: 'LG Chem' } },
      { role: 'BUYER', company: { name: 'Renault Group' } },
    ]),
  );
  expect(deal.projects).toEqual([{ name: 'Megane', kind: 'VEHICLE' }]);
  expect(deal.evidence[0].quote).toContain('provides battery modules for Renault and for the coming Megane');
});

describe("Europe's battery-cell landscape", () => {
  it('capacity by country: figures sum to the totals and trace to their claims', async () => {
    const { capacity } = await ask('CapacityByCountry');
    expect(capacity.asOf).toBe('2025-12-31');
    const germany = Object.fromEntries(
      capacity.figures.filter((f: Answer) => f.label === 'Germany').map((f: Answer) => [f.year, f]),
    );
    expect([germany[2030].planned, germany[2030].plants]).toEqual([85, 9]);
    expect(germany[2025].operating).toBe(39);
    for (const total of capacity.totals) {
      const figures = capacity.figures.filter((f: Answer) => f.year === total.year);
      const sum = (key: string) => figures.reduce((n: number, f: Answer) => n + f[key], 0);
      expect(sum('planned')).toBeCloseTo(total.planned, 6);
      expect(sum('plants')).toBe(total.plants);
    }
    for (const figure of capacity.figures) {
      expect(figure.claims).toHaveLength(figure.plants);
      for (const claim of figure.claims) expect(claim.evidence[0].source.url).toMatch(/^https?:\/\//);
    }
  });

  it('Stellantis buys cells from ACC and SVOLT', async () => {
    const { partnerships } = await ask('StellantisCellSuppliers');
    const suppliers = partnerships.nodes.flatMap((p: Answer) =>
      p.parties.filter((x: Answer) => x.role === 'SUPPLIER').map((x: Answer) => x.company.id),
    );
    expect(suppliers.sort()).toEqual(['acc', 'svolt']);
    for (const deal of partnerships.nodes) {
      expect(deal.parties).toContainEqual({ role: 'BUYER', company: { id: 'stellantis', name: 'Stellantis' } });
    }
  });

  it('paused and cancelled plants, each with the stage that says so', async () => {
    const { paused, cancelled } = await ask('PausedOrCancelledPlants');
    expect([paused.totalCount, cancelled.totalCount]).toEqual([5, 9]);
    const names = cancelled.nodes.map((p: Answer) => p.name).join(' | ');
    for (const word of ['Kaiserslautern', 'Termoli', 'Britishvolt', 'Italvolt']) expect(names).toContain(word);
    for (const plant of [...paused.nodes, ...cancelled.nodes]) {
      expect(['PAUSED', 'CANCELLED']).toContain(plant.stages.at(-1).status);
    }
  });

  it('the pipeline at the end of 2022 and at the end of 2025', async () => {
    const { then, now } = await ask('PipelineThenAndNow');
    const count = (d: Answer) => Object.fromEntries(d.plantsByStatus.map((c: Answer) => [c.key, c.count]));
    const total = (d: Answer) => d.plantsByStatus.reduce((n: number, c: Answer) => n + c.count, 0);
    expect([total(then), total(now)]).toEqual([40, 52]);
    expect(count(then).CANCELLED).toBeUndefined();
    expect(count(now)).toMatchObject({ CANCELLED: 7, PAUSED: 6, PRODUCTION_STARTED: 12, EXPANDED: 2 });
  });

  it('top cell makers for 2030 with their customers', async () => {
    const { dashboard } = await ask('TopCellMakers');
    const [first, second, third] = dashboard.cellMakers;
    expect(first).toMatchObject({ company: { name: 'LG Energy Solution' }, planned: 115 });
    expect(first.customers.map((c: Answer) => c.name)).toEqual(['Ampere', 'Renault Group']);
    expect(second).toMatchObject({ company: { name: 'ACC' }, planned: 104 });
    expect(second.customers.map((c: Answer) => c.name)).toEqual(['Mercedes-Benz', 'Stellantis']);
    expect(third).toMatchObject({ company: { name: 'Northvolt' }, planned: 60, operating: 0 });
    expect(third.customers.map((c: Answer) => c.name)).toEqual(['BMW Group', 'Volkswagen Group', 'Volvo Cars']);
    const planned = dashboard.cellMakers.map((m: Answer) => m.planned);
    expect(planned).toEqual([...planned].sort((a, b) => b - a));
  });

  it("ACC's plants belong to Mercedes-Benz, Stellantis and TotalEnergies, a third each", async () => {
    const { company } = await ask('AccOwners');
    const billy = company.operatedPlants.find((p: Answer) => p.name.includes('Billy-Berclau'));
    expect(billy.status).toBe('PRODUCTION_STARTED');
    expect(billy.owners.map((o: Answer) => [o.company.name, o.stake])).toEqual([
      ['Mercedes-Benz', 33.33],
      ['Stellantis', 33.33],
      ['TotalEnergies', 33.33],
    ]);
    expect(billy.owners.every((o: Answer) => o.evidence.length > 0)).toBe(true);
  });

  it('Northvolt Ett: first cell in December 2021, stopped and sold in 2025', async () => {
    const { plant } = await ask('NorthvoltEttHistory');
    expect(plant.aliases).toContain('Northvolt Ett');
    expect(plant.status).toBe('SOLD');
    expect(plant.stages.map((s: Answer) => [s.status, s.date.value])).toEqual([
      ['PRODUCTION_STARTED', '2021-12-28'],
      ['PAUSED', '2025'],
      ['SOLD', '2025-08'],
    ]);
  });

  it('five plants in Hungary, each placed on the map', async () => {
    const { plants } = await ask('HungaryPlants');
    expect(plants.totalCount).toBe(5);
    expect(Object.fromEntries(plants.nodes.map((p: Answer) => [p.operator.name, p.status]))).toMatchObject({
      'Samsung SDI': 'EXPANDED',
      'EVE Energy': 'CONSTRUCTION_STARTED',
      Sunwoda: 'ANNOUNCED',
    });
    for (const plant of plants.nodes) expect(plant.location.latitude).toBeGreaterThan(45);
  });

  it('plant events in 2025 are on the timeline with their stages', async () => {
    const { timeline } = await ask('PlantEventsIn2025');
    const opened = timeline
      .filter((e: Answer) => e.kind === 'STAGE' && e.stage.plant && e.stage.status === 'PRODUCTION_STARTED')
      .map((e: Answer) => [e.date, e.stage.plant.name]);
    expect(opened).toEqual(
      expect.arrayContaining([
        ['2025-06-03', 'Douai battery gigafactory (Envision AESC)'],
        ['2025-12-16', expect.stringContaining('Sunderland')],
      ]),
    );
    expect(timeline.every((e: Answer) => e.date.startsWith('2025') && e.evidence.length > 0)).toBe(true);
  });

  it("Verkor's plant: 16 GWh at the start, 50 GWh by 2030, sources agreeing", async () => {
    const { claims } = await ask('VerkorCapacityClaims');
    const byProperty = Object.fromEntries(claims.map((g: Answer) => [g.property, g]));
    expect(byProperty.INITIAL_CAPACITY.preferred).toMatchObject({ value: 16, unit: 'GWh', year: 2025 });
    expect(byProperty.CAPACITY_TARGET.preferred).toMatchObject({ value: 50, unit: 'GWh', year: 2030 });
    expect(byProperty.CAPACITY_TARGET.conflicting).toBe(false);
    expect(byProperty.INITIAL_CAPACITY.values.length).toBeGreaterThan(1);
  });

  it('CATL runs Arnstadt and deals with Stellantis, BMW, Mercedes-Benz and Ampere', async () => {
    const { company } = await ask('CatlInEurope');
    expect(company.operatedPlants).toEqual([
      { name: expect.stringContaining('Arnstadt'), status: 'PRODUCTION_STARTED', country: { name: 'Germany' } },
    ]);
    const partners = new Set(
      company.partnerships.nodes.flatMap((p: Answer) => p.parties.map((x: Answer) => x.company.name)),
    );
    for (const name of ['Stellantis', 'BMW Group', 'Mercedes-Benz', 'Ampere']) expect(partners).toContain(name);
    const jv = company.partnerships.nodes.find((p: Answer) => p.kind === 'JOINT_VENTURE');
    expect(jv.parties.map((x: Answer) => x.company.name).sort()).toEqual(['CATL', 'Stellantis']);
  });
});
