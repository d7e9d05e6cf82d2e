// The timeline: dated events (announcements, starts, milestones) by year, listed and charted per year.
import { graphql } from '../__generated__';
import type { DashboardTimelineQuery, TimelineEntryKind } from '../__generated__/graphql';
import { execute } from '../shared/api';
import { byId, h, setBusy } from '../shared/dom';
import { formatMeasure, humanize } from '../shared/labels';
import type { ChartSlots } from './charts';
import type { Filters } from './filters';
import type { Meta } from './meta';

type TimelineEntry = DashboardTimelineQuery['timeline'][number];

const TimelineQuery = graphql(`
  query DashboardTimeline($from: Int, $to: Int, $companyId: ID) {
    timeline(from: $from, to: $to, companyId: $companyId) {
      year
      date
      precision
      kind
      title
      milestone {
        id
        due
        modality
        bound
        measure {
          ...MeasureValue
        }
      }
      partnership {
        id
        name
        kind
        status
      }
      evidence {
        id
        quote
      }
    }
  }
`);

const ENTRY_COLORS: Partial<Record<TimelineEntryKind, string>> = {
  ANNOUNCEMENT: '#1f6fb4',
  START: '#6a3d9a',
  MILESTONE: '#00838f',
};
const CHARTED_KINDS: TimelineEntryKind[] = ['ANNOUNCEMENT', 'START', 'MILESTONE'];
const CANVAS = 'chart-timeline';

export async function loadTimeline(filters: Filters): Promise<TimelineEntry[]> {
  const data = await execute(TimelineQuery, {
    from: filters.from,
    to: filters.to,
    companyId: filters.company || null,
  });
  return data.timeline;
}

export class Timeline {
  private readonly list = byId('timeline');

  constructor(private readonly charts: ChartSlots) {}

  showLoading(): void {
    this.list.replaceChildren(h('li', { className: 'status status-loading', role: 'status' }, 'Loading timeline…'));
    setBusy(this.list, true);
  }

  showFailed(): void {
    this.charts.clear(CANVAS);
    this.list.replaceChildren(h('li', { className: 'status status-error' }, 'The timeline could not be loaded.'));
    setBusy(this.list, false);
  }

  render(all: TimelineEntry[], filters: Filters, meta: Meta | null): void {
    // Query.timeline filters by company and years; kind and status are properties of the partnership.
    const entries = all.filter(
      (e) =>
        (!filters.kind || e.partnership?.kind === filters.kind) &&
        (!filters.status || e.partnership?.status === filters.status),
    );
    setBusy(this.list, false);
    this.renderChart(entries, filters, meta);
    if (entries.length === 0) {
      this.list.replaceChildren(h('li', { className: 'status status-empty' }, 'No dated events match these filters.'));
      return;
    }
    const byYear = new Map<number, TimelineEntry[]>();
    for (const entry of entries) byYear.set(entry.year, [...(byYear.get(entry.year) ?? []), entry]);
    this.list.replaceChildren(
      ...[...byYear.entries()]
        .sort((a, b) => a[0] - b[0])
        .map(([year, items]) =>
          h(
            'li',
            { className: 'timeline-year', 'data-year': year },
            h('h3', {}, String(year)),
            h('ul', {}, ...items.map(timelineEntry)),
          ),
        ),
    );
  }

  private renderChart(entries: TimelineEntry[], filters: Filters, meta: Meta | null): void {
    // The axis spans the graph's earliest dated fact to 2030 and beyond, whatever the filters.
    const known = [
      ...entries.map((e) => e.year),
      ...(meta?.dashboard.announcementsByYear.map((y) => y.year) ?? []),
      ...(meta?.dashboard.milestonesByYear.map((y) => y.year) ?? []),
    ];
    let first = known.length ? Math.min(...known) : 2020;
    let last = Math.max(2030, ...(known.length ? known : [2030]));
    if (filters.from !== null) first = Math.max(first, filters.from);
    if (filters.to !== null) last = filters.to;
    if (first > last) first = last;
    const labels: number[] = [];
    for (let y = first; y <= last; y++) labels.push(y);
    const datasets = CHARTED_KINDS.map((kind) => ({
      label: humanize(kind),
      data: labels.map((y) => entries.filter((e) => e.year === y && e.kind === kind).length),
      backgroundColor: ENTRY_COLORS[kind],
      borderRadius: 2,
    }));
    const canvas = byId<HTMLCanvasElement>(CANVAS);
    canvas.setAttribute(
      'aria-label',
      `Events per year, ${first} to ${last}: ${labels.map((y) => `${y}: ${entries.filter((e) => e.year === y).length}`).join(', ')}`,
    );
    this.charts.draw(canvas, {
      type: 'bar',
      data: { labels: labels.map(String), datasets },
      options: {
        animation: false,
        responsive: true,
        maintainAspectRatio: false,
        plugins: { legend: { position: 'bottom' }, tooltip: { mode: 'index' } },
        scales: {
          x: { stacked: true, grid: { display: false } },
          y: { stacked: true, beginAtZero: true, ticks: { precision: 0 } },
        },
      },
    });
  }
}

function timelineEntry(entry: TimelineEntry): HTMLElement {
  const m = entry.milestone;
  const details: Array<Node | string> = [];
  if (m) {
    const tags = [humanize(m.modality), m.bound ? humanize(m.bound) : ''].filter(Boolean).join(', ');
    details.push(h('span', { className: 'entry-due' }, m.due), ' ');
    if (m.measure) details.push(h('strong', { className: 'entry-measure' }, formatMeasure(m.measure)), ' ');
    if (tags) details.push(h('span', { className: 'pill' }, tags));
  }
  const quote = entry.evidence[0]?.quote;
  return h(
    'li',
    { className: `timeline-entry kind-${entry.kind}` },
    h('span', { className: 'entry-kind', style: `--kind-color:${ENTRY_COLORS[entry.kind]}` }, humanize(entry.kind)),
    h('span', { className: 'entry-date' }, entry.date),
    h(
      'div',
      { className: 'entry-body' },
      h('span', { className: 'entry-title' }, entry.title),
      details.length ? h('div', { className: 'entry-details' }, ...details) : null,
      entry.partnership
        ? h(
            'div',
            { className: 'entry-partnership' },
            'Partnership: ',
            h('a', { href: `/explore?id=${encodeURIComponent(entry.partnership.id)}` }, entry.partnership.name),
          )
        : null,
      quote ? h('blockquote', { className: 'quote' }, `“${quote}”`) : null,
    ),
  );
}
