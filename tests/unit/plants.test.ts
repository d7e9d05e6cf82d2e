/**
 * Plants named without a place, and plants a carmaker seems to run: fictional sentences (invented
 * companies, real towns), read with no confidence floor so that the candidates themselves are checked.
 */
import { EntityProposal, extractScored } from '../../src/ingest/extract';

const plantsOf = (text: string) =>
  extractScored(text, { entities: [], deals: [] }, 2025, {}, 0)
    .scored.filter((s) => s.family === 'plant')
    .map((s) => ({ ...(s.proposal as EntityProposal), features: s.features }));

describe('a facility noun its sentence does not place (fictional)', () => {
  it('is a plant in the first town the report names', () => {
    const plants = plantsOf(
      'There is a boom-town feel in Lyon, where the battery maker Zellwerk Batteries is hiring. ' +
        'The Zellwerk Batteries gigafactory will employ 900 people from 2027.',
    );
    expect(plants).toContainEqual(
      expect.objectContaining({
        locatedIn: ['lyon'],
        plant: { operator: 'zellwerk-batteries' },
        features: expect.objectContaining({ 'pattern:report-town': 1 }),
      }),
    );
  });
});

describe('a battery plant a carmaker would run only by its place in the sentence (fictional)', () => {
  it('is run by the battery maker named last before it', () => {
    const plants = plantsOf(
      'The battery maker Zellwerk Batteries signed a deal with Renault. ' +
        'According to Renault, a new battery gigafactory in Douai will open in 2027.',
    );
    const douai = plants.find((p) => p.locatedIn[0] === 'douai');
    expect(douai?.plant).toEqual({ operator: 'zellwerk-batteries' });
  });
});
