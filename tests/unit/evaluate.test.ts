/**
 * `kg evaluate`: the matching rules on a small fictional case, and the gold corpus's test split
 * measured against the targets of issue #12 (entity F1 ≥ 0.85, partnership F1 ≥ 0.70, plant F1 ≥ 0.70).
 */
import type { EntityProposal, Extraction } from '../../src/ingest/extract';
import { corpusJson, evaluateCorpus, scoreDocument } from '../../src/ingest/evaluate';
import type { FactFile } from '../../src/load/plan';

const entity = (e: Partial<EntityProposal> & Pick<EntityProposal, 'id' | 'label' | 'name'>): EntityProposal => ({
  aliases: [],
  kinds: [],
  known: false,
  confidence: 0.9,
  quotes: [],
  locatedIn: [],
  basedIn: [],
  position: null,
  plant: null,
  ...e,
});

describe('matching a proposal with the gold record (fictional records)', () => {
  const gold = {
    source: 'fictional',
    companies: [
      {
        id: 'voltara-cells',
        name: 'Voltara Cells GmbH',
        aliases: ['Voltara'],
        kinds: ['battery-maker'],
        evidence: ['x'],
      },
      { id: 'nordhaven-motors', name: 'Nordhaven Motors', kinds: ['automaker'], evidence: ['x'] },
    ],
    sites: [
      { id: 'douai', name: 'Douai', kind: 'city', evidence: ['x'] },
      {
        id: 'voltara-douai',
        name: 'Voltara plant in Douai',
        kind: 'facility',
        locatedIn: ['douai'],
        plant: { operator: 'voltara-cells' },
        evidence: ['x'],
      },
    ],
    partnerships: [
      {
        id: 'supply',
        name: 'x',
        kind: 'supply',
        status: 'signed',
        binding: 'unknown',
        parties: [
          { company: 'nordhaven-motors', role: 'buyer' },
          { company: 'voltara-cells', role: 'supplier' },
        ],
        evidence: ['x'],
      },
    ],
    claims: [
      { id: 'c', subject: 'voltara-douai', property: 'capacity-target', value: 16, unit: 'GWh', evidence: ['x'] },
    ],
  } as unknown as FactFile;
  const proposal: Extraction = {
    entities: [
      entity({ id: 'voltara', label: 'Company', name: 'Voltara Cells' }),
      entity({ id: 'nordhaven', label: 'Company', name: 'Nordhaven Motors' }),
      entity({ id: 'douai', label: 'Site', name: 'Douai', kinds: ['city'] }),
      entity({ id: 'douai-region', label: 'Site', name: 'Douai', kinds: ['region'] }),
      entity({
        id: 'voltara-douai',
        label: 'Site',
        name: 'Voltara Cells gigafactory in Douai',
        kinds: ['facility'],
        locatedIn: ['douai'],
        plant: { operator: 'voltara' },
      }),
    ],
    deals: [
      {
        id: 'd',
        name: 'Voltara Cells supplies Nordhaven Motors',
        kind: 'supply',
        status: 'signed',
        binding: 'unknown',
        modality: 'asserted',
        parties: [
          { company: 'nordhaven', role: 'buyer' },
          { company: 'voltara', role: 'supplier' },
        ],
        sites: [],
        projects: [],
        known: false,
        confidence: 0.9,
        quotes: [],
        stage: null,
      },
    ],
    milestones: [],
    claims: [
      {
        id: 'c',
        name: 'x',
        subject: 'voltara-douai',
        property: 'capacity-target',
        value: 16,
        unit: 'GWh',
        approximate: false,
        year: 2030,
        bound: 'by',
        modality: 'target',
        confidence: 0.9,
        quote: 'x',
      },
    ],
  };

  it('by name without legal forms, kind for sites, operator and place for plants, parties and kind for deals', () => {
    const result = scoreDocument('fictional', proposal, gold);
    expect(result.counts).toEqual({
      entities: { proposed: 5, expected: 4, matched: 4 },
      partnerships: { proposed: 1, expected: 1, matched: 1 },
      plants: { proposed: 1, expected: 1, matched: 1 },
      milestones: { proposed: 0, expected: 0, matched: 0 },
      // The gold claim gives no year: the proposal's year does not count against it.
      claims: { proposed: 1, expected: 1, matched: 1 },
    });
    expect(result.errors).toEqual([
      { kind: 'spurious Site:region (gold has it as Site:city)', text: 'Douai [gold has it as Site:city]' },
    ]);
  });
});

describe('the gold corpus, test split (measured; tuned on dev only)', () => {
  const figures = corpusJson(evaluateCorpus('test'));

  it('covers every test report and prints precision, recall and F1 for each kind', () => {
    expect(figures.documents).toBe(22);
    for (const kind of ['entities', 'partnerships', 'plants', 'milestones', 'claims'] as const)
      expect(Object.keys(figures[kind]).sort()).toEqual(['f1', 'precision', 'recall']);
  });

  // Of the targets of issue #12, entity F1 (>= 0.85) is met on the test split; partnership and plant F1
  // (>= 0.70) are not (docs/ingestion.md gives dev and test side by side). The other figures are floors
  // at what the test split measures today: the extractor must not get worse on reports it was never
  // tuned on.
  it('meets the entity target and stays at or above what it measures today on the test split', () => {
    expect(figures.entities.f1).toBeGreaterThanOrEqual(0.85);
    expect(figures.partnerships.f1).toBeGreaterThanOrEqual(0.39);
    expect(figures.plants.f1).toBeGreaterThanOrEqual(0.61);
    expect(figures.claims.f1).toBeGreaterThanOrEqual(0.72);
  });
});
