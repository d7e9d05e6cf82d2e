/**
 * The extractor on a report it has never seen: tests/fixtures/ingest/fictional-2024-09-12-plant-report.txt
 * (fictional companies, people and figures; real towns). A plant is tied to its operator and city,
 * places are never months or acronyms, organisations and people are typed, every record is named
 * readably and its id follows from its name.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { extract, extractScored } from '../../src/ingest/extract';
import { cityNamed, namedPlaces } from '../../src/ingest/gazetteer';

const text = readFileSync(
  path.join(__dirname, '..', 'fixtures', 'ingest', 'fictional-2024-09-12-plant-report.txt'),
  'utf8',
);
const found = extract(text, { entities: [], deals: [] }, 2024, { title: 'Kelvin Batteries picks Lyon' });
const named = (label: string) =>
  found.entities
    .filter((e) => e.label === label)
    .map((e) => e.name)
    .sort();

describe('a plant in an unseen report', () => {
  it('is a facility tied to its operator and its city', () => {
    const plant = found.entities.find((e) => e.plant);
    expect(plant).toMatchObject({
      id: 'kelvin-batteries-lyon',
      name: 'Kelvin Batteries gigafactory in Lyon',
      label: 'Site',
      kinds: ['facility'],
      plant: { operator: 'kelvin-batteries' },
      locatedIn: ['lyon'],
    });
    expect(found.entities.find((e) => e.id === 'lyon')).toMatchObject({ label: 'Site', kinds: ['city'] });
    expect(found.entities.find((e) => e.id === 'kelvin-batteries')).toMatchObject({ label: 'Company' });
  });

  it('carries the capacity, jobs and investment of "the plant" and "the site"', () => {
    const claims = found.claims.map((c) => [c.subject, c.property, c.value, c.unit, c.year]);
    expect(claims).toEqual(
      expect.arrayContaining([
        ['kelvin-batteries-lyon', 'initial-capacity', 8, 'GWh', null],
        ['kelvin-batteries-lyon', 'capacity-target', 16, 'GWh', 2028],
        ['kelvin-batteries-lyon', 'investment', 900000000, 'EUR', null],
      ]),
    );
    expect(found.claims.find((c) => c.value === 16)?.name).toBe(
      'Kelvin Batteries gigafactory in Lyon capacity target 16 GWh (2028)',
    );
  });
});

describe('places', () => {
  it('are never months, acronyms or words', () => {
    const sites = named('Site');
    expect(sites).toEqual(expect.arrayContaining(['France', 'Lyon', 'Nantes']));
    for (const word of ['July', 'November', 'Thursday', 'EV', 'ST', 'Mobility', 'The'])
      expect(sites.join('|')).not.toMatch(new RegExp(`\\b${word}\\b`));
    expect(namedPlaces('In July, the EV maker ST Mobility met the US and the UK.').map((p) => p.place.id)).toEqual([
      'united-states',
      'united-kingdom',
    ]);
  });

  it('come from the gazetteer, in the country the report names when towns share a name', () => {
    expect(cityNamed('Valencia', new Set(['ES']))).toMatchObject({ name: 'Valencia', country: 'ES' });
    expect(cityNamed('Surany')).toMatchObject({ id: 'surany', name: 'Šurany', country: 'SK' });
    expect(cityNamed('November')).toBeNull();
  });
});

describe('organisations and people', () => {
  it('are typed as what they are', () => {
    expect(named('Company')).toEqual(['Kelvin Batteries', 'Nordhaven Motors', 'ST Mobility']);
    expect(named('Person')).toEqual(['Anna Berg']);
    expect(found.entities.find((e) => e.name === 'Kelvin Batteries')?.kinds).toEqual(['start-up']);
    expect(found.entities.find((e) => e.name === 'Nordhaven Motors')?.kinds).toEqual(['automaker']);
  });
});

describe('names', () => {
  it('are readable titles, never sentence fragments, and ids follow from them', () => {
    const deals = found.deals.map((d) => [d.id, d.name, d.kind]);
    expect(deals).toEqual(
      expect.arrayContaining([
        ['nordhaven-motors-kelvin-batteries-supply', 'Kelvin Batteries supplies Nordhaven Motors', 'supply'],
        [
          'nordhaven-motors-kelvin-batteries-joint-venture',
          'Nordhaven Motors and Kelvin Batteries joint venture',
          'joint-venture',
        ],
      ]),
    );
    expect(found.milestones.map((m) => [m.id, m.name])).toEqual(
      expect.arrayContaining([
        ['kelvin-batteries-lyon-starts-construction-in-2025', 'Kelvin Batteries Lyon starts construction in 2025'],
      ]),
    );
    for (const record of [...found.entities, ...found.deals, ...found.milestones, ...found.claims]) {
      expect(record.name.length).toBeLessThanOrEqual(80);
      expect(record.name).not.toMatch(/\b(said|which|this|the first|is targeting)\b/);
    }
  });
});

describe('two companies a sentence with an agreement names, in wording no pattern knows (fictional)', () => {
  // The sentence is not the report's first, and the graph lists the companies in another order than the
  // text names them: the words between them are read all the same.
  const report =
    'The news came from Lyon.\nVoltara Cells GmbH, under a supply agreement signed on Monday, will equip the next vans of Nordhaven Motors GmbH from 2027.';
  // Both are companies the graph knows, so the test is about the agreement, not about finding them.
  const company = (id: string, name: string) => ({ id, label: 'Company' as const, name, aliases: [], kinds: [] });
  const known = {
    entities: [company('nordhaven-motors', 'Nordhaven Motors GmbH'), company('voltara-cells', 'Voltara Cells GmbH')],
    deals: [],
  };
  const { scored } = extractScored(report, known, 2024, {}, 0);
  const candidates = scored.filter((s) => s.family === 'partnership');

  it('are a candidate described by the words between them, for the confidence to weigh', () => {
    expect(candidates).toHaveLength(1);
    expect(candidates[0]!.features).toMatchObject({
      'pattern:cooccur': 1,
      'between:deal': 1,
      'between:supply': 1,
      'between:sign': 1,
    });
    expect(
      (candidates[0]!.proposal as { parties: { company: string }[] }).parties.map((p) => p.company).sort(),
    ).toEqual(['nordhaven-motors', 'voltara-cells']);
  });
});
