// Plants by status, and the top cell makers with the carmakers that buy their cells.
import type { DashboardLandscapeQuery } from '../__generated__/graphql';
import { h } from '../shared/dom';
import { formatGwh, statusColor, statusLabel } from '../shared/plant-status';

type Landscape = DashboardLandscapeQuery['dashboard'];

const explorerLink = (company: { id: string; name: string }) =>
  h('a', { href: `/explore?id=${encodeURIComponent(company.id)}` }, company.name);

export function plantsByStatusTable(counts: Landscape['plantsByStatus']): HTMLElement {
  const total = counts.reduce((sum, c) => sum + c.count, 0);
  const most = Math.max(1, ...counts.map((c) => c.count));
  return h(
    'table',
    { className: 'data-table status-table', id: 'plant-status-table' },
    h('caption', { className: 'visually-hidden' }, 'Plants by their status on the day'),
    h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Status'), h('th', { scope: 'col' }, 'Plants'))),
    h(
      'tbody',
      {},
      ...counts.map((c) =>
        h(
          'tr',
          { 'data-key': c.key, 'data-count': c.count },
          h(
            'th',
            { scope: 'row' },
            h('span', { className: 'status-dot', style: `background: ${statusColor(c.key)}`, 'aria-hidden': 'true' }),
            statusLabel(c.key === 'UNKNOWN' ? null : c.key),
          ),
          h(
            'td',
            { className: 'count-cell' },
            h('span', { className: 'count-bar', style: `width: ${((c.count / most) * 100).toFixed(1)}%` }),
            h('span', { className: 'count' }, String(c.count)),
          ),
        ),
      ),
    ),
    h('tfoot', {}, h('tr', { 'data-key': 'TOTAL' }, h('th', { scope: 'row' }, 'Total'), h('td', {}, String(total)))),
  );
}

export function cellMakersTable(makers: Landscape['cellMakers'], year: number): HTMLElement {
  return h(
    'table',
    { className: 'data-table makers-table', id: 'cell-makers-table' },
    h(
      'caption',
      { className: 'visually-hidden' },
      `Cell makers by GWh a year planned in ${year}, with their customers`,
    ),
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        h('th', { scope: 'col' }, '#'),
        h('th', { scope: 'col' }, 'Cell maker'),
        h('th', { scope: 'col' }, 'Plants'),
        h('th', { scope: 'col' }, `Planned ${year}`),
        h('th', { scope: 'col' }, `Operating ${year}`),
        h('th', { scope: 'col' }, 'Customers'),
      ),
    ),
    h(
      'tbody',
      {},
      ...makers.map((m, i) =>
        h(
          'tr',
          { 'data-key': m.company.id },
          h('td', {}, String(i + 1)),
          h('th', { scope: 'row' }, explorerLink(m.company)),
          h('td', {}, String(m.plants)),
          h('td', { 'data-planned': m.planned }, formatGwh(m.planned)),
          h('td', { 'data-operating': m.operating }, formatGwh(m.operating)),
          h(
            'td',
            { className: 'customers' },
            ...(m.customers.length === 0
              ? [h('span', { className: 'muted' }, 'none stated')]
              : m.customers.flatMap((c, j) => [j > 0 ? ', ' : '', explorerLink(c)])),
          ),
        ),
      ),
    ),
  );
}
