// Capacity by group and year as a grid: one row per country (or company, status, plant), one column per
// year, each cell the GWh a year planned with what runs beneath it; the totals close the table.
import type { DashboardLandscapeQuery } from '../__generated__/graphql';
import { h } from '../shared/dom';
import { humanize } from '../shared/labels';
import { formatGwh } from '../shared/plant-status';

type Capacity = DashboardLandscapeQuery['dashboard']['capacity'];
type Figure = Pick<Capacity['figures'][number], 'year' | 'planned' | 'operating' | 'plants'>;

const GROUP_NAMES: Record<string, string> = {
  COUNTRY: 'Country',
  COMPANY: 'Operator',
  STATUS: 'Status',
  PLANT: 'Plant',
};

const number = (gwh: number) => formatGwh(gwh).replace(/ GWh$/, '');

function cell(figure: Figure | undefined, largest: number): HTMLElement {
  if (!figure) return h('td', { className: 'capacity-cell muted' }, '–');
  return h(
    'td',
    {
      className: 'capacity-cell',
      'data-year': figure.year,
      'data-planned': figure.planned,
      'data-operating': figure.operating,
      title: `${formatGwh(figure.planned)} a year planned, ${formatGwh(figure.operating)} operating (${figure.plants} plants)`,
      // Shading by size lets the eye find the large figures first.
      style: `--share: ${largest > 0 ? (figure.planned / largest).toFixed(3) : 0}`,
    },
    h('span', { className: 'planned' }, number(figure.planned)),
    figure.operating > 0 ? h('span', { className: 'operating' }, `${number(figure.operating)} run`) : null,
  );
}

export function capacityTable(capacity: Capacity): HTMLElement {
  const years = Array.from({ length: capacity.to - capacity.from + 1 }, (_, i) => capacity.from + i);
  const groups = new Map<string, { label: string; byYear: Map<number, Figure> }>();
  for (const f of capacity.figures) {
    const group = groups.get(f.key) ?? { label: f.label, byYear: new Map() };
    group.byYear.set(f.year, f);
    groups.set(f.key, group);
  }
  const largest = Math.max(0, ...capacity.figures.map((f) => f.planned));
  const last = (g: { byYear: Map<number, Figure> }) => g.byYear.get(capacity.to)?.planned ?? 0;
  // Largest in the last year first: where the capacity will be.
  const rows = [...groups.entries()].sort(([, a], [, b]) => last(b) - last(a) || a.label.localeCompare(b.label));
  const totals = new Map(capacity.totals.map((t) => [t.year, t]));
  const groupName = GROUP_NAMES[capacity.groupBy] ?? 'Group';
  const label = (key: string, text: string) => (capacity.groupBy === 'STATUS' ? humanize(key) : text);
  return h(
    'table',
    { className: 'data-table capacity-table', id: 'capacity-table', 'data-group-by': capacity.groupBy },
    h(
      'caption',
      { className: 'visually-hidden' },
      `Cell capacity by ${groupName.toLowerCase()} and year, GWh a year planned and operating`,
    ),
    h(
      'thead',
      {},
      h('tr', {}, h('th', { scope: 'col' }, groupName), ...years.map((y) => h('th', { scope: 'col' }, String(y)))),
    ),
    h(
      'tbody',
      {},
      ...rows.map(([key, group]) =>
        h(
          'tr',
          { 'data-key': key },
          h('th', { scope: 'row' }, label(key, group.label)),
          ...years.map((y) => cell(group.byYear.get(y), largest)),
        ),
      ),
    ),
    h(
      'tfoot',
      {},
      h('tr', { 'data-key': 'TOTAL' }, h('th', { scope: 'row' }, 'Total'), ...years.map((y) => cell(totals.get(y), 0))),
    ),
  );
}
