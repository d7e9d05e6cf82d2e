// Partnerships by kind and by status: bars for the whole graph, and for the rows matching the filters.
import type { ChartConfiguration } from 'chart.js';
import { byId } from '../shared/dom';
import { humanize } from '../shared/labels';
import type { ChartSlots } from './charts';
import type { Meta } from './meta';
import type { PartnershipRow } from './table';

interface CategoryCount {
  key: string;
  count: number;
}

const CHARTS = [
  { id: 'chart-kind', key: 'kind', all: (meta: Meta) => meta.dashboard.partnershipsByKind, color: '#1f6fb4' },
  { id: 'chart-status', key: 'status', all: (meta: Meta) => meta.dashboard.partnershipsByStatus, color: '#2e7d32' },
] as const;

function setNote(id: string, kind: 'loading' | 'empty' | 'error', text: string): void {
  const note = byId(`${id}-status`);
  note.hidden = false;
  note.className = `status status-${kind}`;
  note.textContent = text;
}

export function showBreakdownLoading(): void {
  for (const chart of CHARTS) setNote(chart.id, 'loading', 'Loading…');
}

export function showBreakdownFailed(charts: ChartSlots): void {
  for (const chart of CHARTS) {
    charts.clear(chart.id);
    setNote(chart.id, 'error', 'Could not be loaded.');
  }
}

export function renderBreakdown(charts: ChartSlots, meta: Meta, rows: PartnershipRow[], filtered: boolean): void {
  for (const chart of CHARTS) {
    const matching = new Map<string, number>();
    for (const row of rows) matching.set(row[chart.key], (matching.get(row[chart.key]) ?? 0) + 1);
    renderCategoryChart(charts, chart.id, chart.all(meta), matching, filtered, chart.color);
  }
}

function renderCategoryChart(
  charts: ChartSlots,
  id: string,
  all: CategoryCount[],
  matching: Map<string, number>,
  filtered: boolean,
  color: string,
): void {
  const keys = [...new Set([...all.filter((c) => c.count > 0).map((c) => c.key), ...matching.keys()])];
  if (keys.length === 0) setNote(id, 'empty', 'No partnerships in the graph yet.');
  else byId(`${id}-status`).hidden = true;
  const datasets: ChartConfiguration<'bar'>['data']['datasets'] = [
    {
      label: 'All partnerships',
      data: keys.map((k) => all.find((c) => c.key === k)?.count ?? 0),
      backgroundColor: filtered ? '#c9d3df' : color,
      borderRadius: 3,
    },
  ];
  if (filtered) {
    datasets.push({
      label: 'Matching the filters',
      data: keys.map((k) => matching.get(k) ?? 0),
      backgroundColor: color,
      borderRadius: 3,
    });
  }
  const canvas = byId<HTMLCanvasElement>(id);
  canvas.setAttribute(
    'aria-label',
    `${canvas.closest('section')?.querySelector('h2')?.textContent ?? ''}: ${keys.map((k) => `${humanize(k)} ${matching.get(k) ?? 0}`).join(', ')}`,
  );
  charts.draw(canvas, {
    type: 'bar',
    data: { labels: keys.map(humanize), datasets },
    options: {
      indexAxis: 'y',
      animation: false,
      responsive: true,
      maintainAspectRatio: false,
      plugins: { legend: { display: filtered, position: 'bottom' } },
      scales: { x: { beginAtZero: true, ticks: { precision: 0 } }, y: { grid: { display: false } } },
    },
  });
}
