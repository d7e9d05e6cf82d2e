/**
 * The shipped graph follows the seed article's deals past 2021 (data/facts/lifecycle-2021-2025.yaml):
 * stages, the current status derived from them, the deals that never happened, and competing values
 * with the preferred one. Real HTTP, real Neo4j, data/ loaded.
 */
import type { Stack } from '../../src/stack';
import { graphql, startStack } from '../support/stack';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack('seed');
});
afterAll(() => stack.stop());

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Answer = any;

async function ask(query: string, variables?: Record<string, unknown>): Promise<Answer> {
  const { body } = await graphql(stack.url, query, variables);
  expect(body.errors).toBeUndefined();
  return body.data;
}

const HISTORY = `query($id: ID!) {
  dealHistory(id: $id) {
    status
    current { status date { value precision } }
    path { id }
    stages {
      status kind binding modality date { value precision evidence { quote source { publisher url published { value } } } }
      evidence { quote source { id } }
    }
  }
}`;

describe('what is the current status of a deal, and how did it get there?', () => {
  it('the Verkor letter of intent became a binding supply contract in April 2023', async () => {
    const { dealHistory } = await ask(HISTORY, { id: 'renault-verkor-batteries' });
    expect(dealHistory.status).toBe('SIGNED');
    expect(dealHistory.stages.map((s: Answer) => [s.date.value, s.kind, s.binding])).toEqual([
      ['2021-06-28', 'LETTER_OF_INTENT', 'NON_BINDING'],
      ['2023-04-13', 'SUPPLY', 'BINDING'],
    ]);
    expect(dealHistory.current.date).toEqual({ value: '2023-04-13', precision: 'DAY' });
    const sources = dealHistory.stages[1].evidence.map((e: Answer) => e.source.id);
    expect(sources).toContain('electrive-2023-04-13-renault-verkor');
    // The partnership's stored current values follow its latest stage.
    const { partnership } = await ask('{ partnership(id: "renault-verkor-batteries") { kind binding status } }');
    expect(partnership).toEqual({ kind: 'SUPPLY', binding: 'BINDING', status: 'SIGNED' });
  });

  it('the Douai gigafactory was announced in 2021 and opened on 3 June 2025', async () => {
    const { dealHistory } = await ask(HISTORY, { id: 'renault-envision-aesc-douai-gigafactory' });
    expect(dealHistory.status).toBe('ACTIVE');
    expect(dealHistory.stages.map((s: Answer) => [s.status, s.date.value])).toEqual([
      ['ANNOUNCED', '2021-06-28'],
      ['ACTIVE', '2025-06-03'],
    ]);
    const dated = dealHistory.stages[1].date.evidence.map((e: Answer) => e.source);
    expect(dated).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ publisher: 'Caixin Global', published: { value: '2025-06-05' } }),
      ]),
    );
    const { site } = await ask('{ site(id: "douai-gigafactory") { stages { status date { value } } } }');
    expect(site.stages.map((s: Answer) => s.status)).toEqual(['ANNOUNCED', 'ACTIVE']);
  });

  it('answers null for an id that is not a deal', async () => {
    expect(await ask(HISTORY, { id: 'verkor' })).toEqual({ dealHistory: null });
  });
});

describe('which announced deals never happened?', () => {
  it('lists the talks with ACC, which lapsed in September 2021, as reported by ACC', async () => {
    const { unrealizedDeals } = await ask(
      '{ unrealizedDeals { id status currentStage { status modality date { value } evidence { source { publisher } } } } }',
    );
    expect(unrealizedDeals.map((d: Answer) => d.id)).toEqual(['renault-acc-discussions']);
    const [acc] = unrealizedDeals;
    expect(acc.status).toBe('LAPSED');
    expect(acc.currentStage).toMatchObject({ status: 'LAPSED', modality: 'REPORTED', date: { value: '2021-09-27' } });
    expect(acc.currentStage.evidence.map((e: Answer) => e.source.publisher)).toEqual(
      expect.arrayContaining(['ClubAlfa.it', "L'argus"]),
    );
  });
});

describe('conflicting values stay side by side, one preferred by rule', () => {
  it('keeps three capacity targets for the Douai plant and prefers the latest stated', async () => {
    const { site } = await ask(`{
      site(id: "douai-gigafactory") {
        all: claims(property: CAPACITY_TARGET) { value unit year preferred stated { value } evidence { source { publisher } } }
        preferred: claims(preferredOnly: true) { property value unit modality }
      }
    }`);
    expect(site.all.map((c: Answer) => [c.value, c.stated.value, c.preferred])).toEqual([
      [30, '2021-11', true],
      [24, '2021-06-28', false],
      [43, '2021-06-25', false],
    ]);
    expect(site.all.every((c: Answer) => c.evidence.length > 0)).toBe(true);
    const preferred = Object.fromEntries(site.preferred.map((c: Answer) => [c.property, [c.value, c.unit]]));
    expect(preferred).toEqual({
      CAPACITY_TARGET: [30, 'GWh'],
      INITIAL_CAPACITY: [10, 'GWh'],
      JOBS_TARGET: [1000, 'jobs'],
      JOBS_CREATED: [650, 'jobs'],
      INVESTMENT: [1300000000, 'EUR'],
    });
  });

  it('lists the groups whose values differ, each with its preferred value', async () => {
    const { claims } = await ask(`{
      claims(conflictingOnly: true) { subject { id } property conflicting preferred { value } values { value } }
    }`);
    const groups = Object.fromEntries(
      claims.map((g: Answer) => [`${g.subject.id} ${g.property}`, [g.preferred.value, g.values.length]]),
    );
    expect(groups).toEqual({
      'douai-gigafactory CAPACITY_TARGET': [30, 3],
      'douai-gigafactory INITIAL_CAPACITY': [10, 2],
      'douai-gigafactory INVESTMENT': [1300000000, 2],
      'douai-gigafactory JOBS_TARGET': [1000, 2],
      'renault-verkor-batteries SUPPLY_VOLUME': [12, 2],
    });
    expect(claims.every((g: Answer) => g.conflicting)).toBe(true);
  });
});

describe('deals as of a day', () => {
  it('have the status of their latest stage then, and none before they existed', async () => {
    const { verkor, acc } = await ask(`{
      verkor: partnership(id: "renault-verkor-batteries") {
        before: statusAsOf(date: "2021-06-01") loi: statusAsOf(date: "2022-01-01") now: statusAsOf(date: "2025-12-31")
      }
      acc: partnership(id: "renault-acc-discussions") {
        talks: statusAsOf(date: "2021-07-01") lapsed: statusAsOf(date: "2021-12-31")
      }
    }`);
    expect(verkor).toEqual({ before: null, loi: 'SIGNED', now: 'SIGNED' });
    expect(acc).toEqual({ talks: 'IN_DISCUSSION', lapsed: 'LAPSED' });
  });

  it('filter lists and count on the dashboard by their status then', async () => {
    const { inTalks, dashboard, later } = await ask(`{
      inTalks: partnerships(filter: { asOf: "2021-07-01", status: IN_DISCUSSION }) { nodes { id } }
      later: partnerships(filter: { asOf: "2021-12-31", status: IN_DISCUSSION }) { nodes { id } }
      dashboard(asOf: "2021-07-01") { partnershipsByStatus { key count } }
    }`);
    expect(inTalks.nodes.map((p: Answer) => p.id)).toContain('renault-acc-discussions');
    expect(later.nodes.map((p: Answer) => p.id)).not.toContain('renault-acc-discussions');
    const inDiscussion = dashboard.partnershipsByStatus.find((c: Answer) => c.key === 'IN_DISCUSSION');
    expect(inDiscussion.count).toBeGreaterThanOrEqual(1);
  });

  it('refuses a date that is not a day', async () => {
    const { body } = await graphql(stack.url, '{ partnerships(filter: { asOf: "2021" }) { totalCount } }');
    expect(body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'filter.asOf' });
  });
});
