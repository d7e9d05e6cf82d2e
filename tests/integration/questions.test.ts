/**
 * The analyst questions of the README (the playground's preloaded operations, web/src/operations.ts),
 * run through HTTP against the real Neo4j with data/ loaded, and their answers checked.
 */
import { analystOperations } from '../../web/src/operations';
import type { Stack } from '../../src/stack';
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

it('the README has at least 12 analyst questions', () => {
  expect(analystOperations.length).toBeGreaterThanOrEqual(12);
});

test('Which companies partner with Renault, and how binding is each deal?', async () => {
  const { company } = await ask('RenaultPartners');
  const partners = Object.fromEntries(company.partners.map((p: Answer) => [p.company.id, p.partnerships]));
  expect(Object.keys(partners).sort()).toEqual(['acc', 'alliance', 'envision-aesc', 'lg-chem', 'verkor']);
  // Current values, from each deal's latest stage (data/facts/lifecycle-2021-2025.yaml).
  expect(partners.verkor[0]).toMatchObject({ kind: 'SUPPLY', binding: 'BINDING' });
  expect(partners.acc[0]).toMatchObject({ kind: 'DISCUSSION', status: 'LAPSED', binding: 'NON_BINDING' });
  expect(partners['envision-aesc'][0]).toMatchObject({ kind: 'STRATEGIC_COOPERATION', status: 'ACTIVE' });
  expect(partners['lg-chem'][0]).toMatchObject({ kind: 'SUPPLY', status: 'ACTIVE' });
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

test('Which deals are not binding yet?', async () => {
  const { partnerships } = await ask('NonBindingDeals');
  expect(partnerships.totalCount).toBe(1);
  expect(partnerships.nodes.map((p: Answer) => p.kind)).toEqual(['DISCUSSION']);
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
  expect(dashboard.totals).toMatchObject({ companies: 8, partnerships: 6, milestones: 5 });
  expect(dashboard.partnershipsByBinding).toEqual(
    expect.arrayContaining([
      { key: 'NON_BINDING', count: 1 },
      { key: 'BINDING', count: 1 },
    ]),
  );
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
  expect(unrealizedDeals.map((d: Answer) => [d.name, d.status])).toEqual([[expect.stringContaining('ACC'), 'LAPSED']]);
  expect(unrealizedDeals[0].currentStage.evidence.length).toBeGreaterThan(0);
});

test('Which values do sources disagree on?', async () => {
  const { claims } = await ask('ConflictingValues');
  const douai = claims.find((g: Answer) => g.subject.name.includes('Douai') && g.property === 'CAPACITY_TARGET');
  expect(douai.values.length).toBeGreaterThan(1);
  expect(douai.values.map((v: Answer) => v.value)).toContain(douai.preferred.value);
});

test('each answer is backed by quotes: ids are stable slugs', async () => {
  const { body } = await graphql<{ companies: { nodes: { id: string }[] } }>(
    stack.url,
    '{ companies(first: 50) { nodes { id } } }',
  );
  expect(ids(body.data!.companies.nodes)).toEqual([
    'acc',
    'alliance',
    'envision-aesc',
    'lg-chem',
    'mitsubishi',
    'nissan',
    'renault-group',
    'verkor',
  ]);
});

test('When were the two deals announced, and who says so?', async () => {
  const { partnerships } = await ask('AnnouncementDates');
  const announced = partnerships.nodes.filter((p: Answer) => p.announced);
  expect(announced).toHaveLength(2);
  for (const p of announced) {
    expect(p.announced).toMatchObject({ value: '2021-06-28', precision: 'DAY' });
    expect(p.announced.evidence.map((e: Answer) => e.source.publisher)).toEqual(
      expect.arrayContaining(['Republic World']),
    );
  }
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
