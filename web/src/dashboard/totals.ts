// The graph's totals: how many partnerships, companies, sites … it holds.
import type { DashboardMetaQuery } from '../__generated__/graphql';
import { byId, h, setBusy, setStatus } from '../shared/dom';

type Totals = DashboardMetaQuery['dashboard']['totals'];

const ORDER: Array<[keyof Totals, string]> = [
  ['partnerships', 'Partnerships'],
  ['companies', 'Companies'],
  ['sites', 'Sites'],
  ['projects', 'Projects'],
  ['milestones', 'Milestones'],
  ['people', 'People'],
  ['sources', 'Sources'],
  ['evidence', 'Quotes'],
];

export function showTotalsLoading(): void {
  setStatus(byId('totals'), 'loading', 'Loading totals…');
}

export function showTotalsFailed(): void {
  setStatus(byId('totals'), 'error', 'Totals could not be loaded.');
}

export function renderTotals(totals: Totals): void {
  const region = byId('totals');
  region.replaceChildren(
    h(
      'dl',
      { className: 'totals-list' },
      ...ORDER.map(([key, label]) =>
        h('div', { className: 'total' }, h('dt', {}, label), h('dd', {}, String(totals[key] ?? 0))),
      ),
    ),
  );
  setBusy(region, false);
}
