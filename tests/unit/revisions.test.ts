/**
 * How records read in revisions: values compare by meaning, a stored date is one field with its quotes,
 * and every relationship a record can have shows under a field of one of its ends.
 */
import { RELATIONSHIPS } from '../../src/graph/vocabulary';
import { LINK_FIELDS } from '../../src/graph/vocabulary';
import { changedFields, fieldOf, recordFields, sameMeaning } from '../../src/store/revisions';

describe('comparison by meaning', () => {
  it('treats lists as sets, absent as null and key order as nothing', () => {
    expect(sameMeaning(['Verkor SAS', 'Verkor'], ['Verkor', 'Verkor SAS'])).toBe(true);
    expect(
      sameMeaning({ id: 'a', role: undefined, evidenceIds: ['y', 'x'] }, { evidenceIds: ['x', 'y'], id: 'a' }),
    ).toBe(true);
    expect(sameMeaning(undefined, null)).toBe(true);
  });

  it('still tells apart what differs', () => {
    expect(sameMeaning(['Verkor'], ['Verkor', 'Verkor SAS'])).toBe(false);
    expect(sameMeaning([{ id: 'a', role: 'buyer' }], [{ id: 'a', role: 'supplier' }])).toBe(false);
    expect(sameMeaning([], null)).toBe(false);
    expect(sameMeaning(1, '1')).toBe(false);
  });

  it('records only the fields that changed, with JSON before and after', () => {
    const before = { name: 'Verkor', aliases: ['A', 'B'] };
    const after = { name: 'Verkor SAS', aliases: ['B', 'A'] };
    expect(changedFields(['aliases', 'name'], before, after)).toEqual([
      { field: 'name', before: '"Verkor"', after: '"Verkor SAS"' },
    ]);
  });
});

describe('a stored record as revisions show it', () => {
  it('makes one field of a date, with its quotes, and leaves bookkeeping out', () => {
    const fields = recordFields({
      id: 'renault-verkor-batteries',
      name: 'Renault – Verkor',
      status: 'letter-of-intent',
      aliases: ['RV'],
      aliasText: 'RV',
      announcedValue: '2021-06-28',
      announcedPrecision: 'day',
      announcedYear: 2021,
      announcedEvidenceIds: ['ev-b', 'ev-a'],
      measureValue: 10,
      measureUnit: 'GWh',
      updatedAt: '2025-01-01T00:00:00Z',
      stageValues: '{}',
      latitude: 45.2,
    });
    expect(fields).toEqual({
      name: 'Renault – Verkor',
      status: 'LETTER_OF_INTENT',
      aliases: ['RV'],
      announced: { value: '2021-06-28', precision: 'DAY', evidenceIds: ['ev-a', 'ev-b'] },
      measure: { value: 10, unit: 'GWh', approximate: false },
    });
    expect(['announcedYear', 'aliasText', 'text', 'updatedAt'].map(fieldOf)).toEqual([
      'announced',
      'aliases',
      null,
      null,
    ]);
  });

  it('names a field for every relationship between records, on the end a curator edits it from', () => {
    const between = RELATIONSHIPS.filter((r) => r.view !== 'provenance').map((r) => r.type);
    expect(Object.keys(LINK_FIELDS).sort()).toEqual([...between].sort());
    expect(LINK_FIELDS.HAS_PARTY).toEqual({ field: 'parties', on: 'from' });
    expect(LINK_FIELDS.OWNS).toEqual({ field: 'owners', on: 'to' });
    expect(LINK_FIELDS.MILESTONE_OF).toEqual({ field: 'milestones', on: 'to' });
  });
});
