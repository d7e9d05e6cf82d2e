/** How the review page cuts an article into marked stretches when proposals quote overlapping text. */
import { stretches } from '../../web/src/review/article';
import type { ProposalView } from '../../web/src/review/queries';

const proposal = (id: string, quotes: [number, number][]): ProposalView => ({
  id,
  section: 'COMPANY',
  recordId: id,
  name: id,
  confidence: 0.9,
  known: false,
  status: 'PENDING',
  record: '{}',
  decidedBy: null,
  entity: null,
  mergedInto: null,
  quotes: quotes.map(([start, end]) => ({ start, end })),
});

it('cuts at every quote boundary and names the proposals covering each piece', () => {
  const deal = proposal('deal', [[10, 30]]);
  const party = proposal('party', [
    [20, 40],
    [50, 60],
  ]);
  const pieces = stretches(70, [deal, party]).map((s) => [s.start, s.end, s.proposals.map((p) => p.id)]);
  expect(pieces).toEqual([
    [0, 10, []],
    [10, 20, ['deal']],
    [20, 30, ['deal', 'party']],
    [30, 40, ['party']],
    [40, 50, []],
    [50, 60, ['party']],
    [60, 70, []],
  ]);
});

it('keeps quotes that run past the text inside it', () => {
  const pieces = stretches(5, [proposal('p', [[3, 9]])]);
  expect(pieces.map((s) => [s.start, s.end, s.proposals.length])).toEqual([
    [0, 3, 0],
    [3, 5, 1],
  ]);
});
