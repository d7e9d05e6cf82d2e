// Dashboard (/): partnerships by kind and status, timeline, partner network and a filterable table.
// Everything shown comes from POST /graphql; the filters live in the URL query string.
import './styles.css';
import './dashboard.css';
import {
  ArcElement,
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  Legend,
  LinearScale,
  Tooltip,
  type ChartConfiguration,
} from 'chart.js';
import cytoscape from 'cytoscape';
import { gql } from './api';
import { byId, download, h, hideError, humanize, setBusy, setStatus, showError, toCsv } from './ui';
import { cytoscapeTypeStyles, typeStyle } from './types';

Chart.register(BarController, BarElement, ArcElement, CategoryScale, LinearScale, Tooltip, Legend);
Chart.defaults.font.family = getComputedStyle(document.body).fontFamily;
Chart.defaults.color = '#3b4453';

// ---------------------------------------------------------------- types of the API answers

interface CategoryCount {
  key: string;
  count: number;
}
interface YearCount {
  year: number;
  count: number;
}
interface Named {
  id: string;
  name: string;
}
interface CompanyOption extends Named {
  kinds: string[];
}
interface EvidenceRow {
  id: string;
  quote: string;
  source: { id: string; name: string; url: string | null };
}
interface PartnershipRow {
  id: string;
  name: string;
  kind: string;
  status: string;
  binding: string;
  purpose: string | null;
  announced: { value: string; year: number } | null;
  start: { value: string; year: number } | null;
  parties: Array<{ role: string; company: Named }>;
  sites: Array<Named & { kind: string }>;
  milestones: Array<{ id: string; year: number; due: string }>;
  evidence: EvidenceRow[];
}
interface TimelineEntry {
  year: number;
  date: string;
  precision: string;
  kind: 'ANNOUNCEMENT' | 'START' | 'MILESTONE';
  title: string;
  milestone: {
    id: string;
    due: string;
    modality: string;
    bound: string | null;
    measure: { value: number; unit: string; approximate: boolean } | null;
  } | null;
  partnership: { id: string; name: string; kind: string; status: string } | null;
  evidence: Array<{ id: string; quote: string }>;
}
interface Meta {
  dashboard: {
    totals: Record<string, number>;
    partnershipsByKind: CategoryCount[];
    partnershipsByStatus: CategoryCount[];
    partnershipsByBinding: CategoryCount[];
    announcementsByYear: YearCount[];
    milestonesByYear: YearCount[];
  };
  kinds: { enumValues: Array<{ name: string; description: string | null }> } | null;
  statuses: { enumValues: Array<{ name: string; description: string | null }> } | null;
}

// ---------------------------------------------------------------- operations

const META_QUERY = /* GraphQL */ `
  query DashboardMeta {
    dashboard {
      totals {
        companies
        people
        sites
        projects
        partnerships
        milestones
        sources
        evidence
      }
      partnershipsByKind {
        key
        count
      }
      partnershipsByStatus {
        key
        count
      }
      partnershipsByBinding {
        key
        count
      }
      announcementsByYear {
        year
        count
      }
      milestonesByYear {
        year
        count
      }
    }
    kinds: __type(name: "PartnershipKind") {
      enumValues {
        name
        description
      }
    }
    statuses: __type(name: "PartnershipStatus") {
      enumValues {
        name
        description
      }
    }
  }
`;

const COMPANIES_QUERY = /* GraphQL */ `
  query DashboardCompanies($after: String) {
    companies(first: 100, after: $after) {
      nodes {
        id
        name
        kinds
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`;

const PARTNERSHIPS_QUERY = /* GraphQL */ `
  query DashboardPartnerships($filter: PartnershipFilter, $after: String) {
    partnerships(filter: $filter, first: 100, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        id
        name
        kind
        status
        binding
        purpose
        announced {
          value
          year
        }
        start {
          value
          year
        }
        parties {
          role
          company {
            id
            name
          }
        }
        sites {
          id
          name
          kind
        }
        milestones {
          id
          year
          due
        }
        evidence {
          id
          quote
          source {
            id
            name
            url
          }
        }
      }
    }
  }
`;

const TIMELINE_QUERY = /* GraphQL */ `
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
          value
          unit
          approximate
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
`;

const NETWORK_QUERY = /* GraphQL */ `
  query DashboardNetwork($id: ID!) {
    company(id: $id) {
      id
      name
      kinds
      partners {
        company {
          id
          name
          kinds
        }
        partnerships {
          id
          name
          kind
          status
          binding
        }
      }
    }
  }
`;

// ---------------------------------------------------------------- filters in the URL

interface Filters {
  company: string;
  kind: string;
  status: string;
  from: number | null;
  to: number | null;
}

function parseYear(value: string | null): number | null {
  if (value === null || value.trim() === '') return null;
  const year = Number(value);
  return Number.isInteger(year) && year >= 1900 && year <= 2200 ? year : null;
}

function filtersFromUrl(): Filters {
  const params = new URLSearchParams(window.location.search);
  return {
    company: params.get('company') ?? '',
    kind: params.get('kind') ?? '',
    status: params.get('status') ?? '',
    from: parseYear(params.get('from')),
    to: parseYear(params.get('to')),
  };
}

function filtersToSearch(filters: Filters, network: string): string {
  const params = new URLSearchParams();
  if (filters.company) params.set('company', filters.company);
  if (filters.kind) params.set('kind', filters.kind);
  if (filters.status) params.set('status', filters.status);
  if (filters.from !== null) params.set('from', String(filters.from));
  if (filters.to !== null) params.set('to', String(filters.to));
  if (network && network !== filters.company) params.set('network', network);
  const text = params.toString();
  return text ? `?${text}` : '';
}

function isFiltered(filters: Filters): boolean {
  return Boolean(filters.company || filters.kind || filters.status || filters.from !== null || filters.to !== null);
}

function partnershipFilter(filters: Filters): Record<string, unknown> {
  const filter: Record<string, unknown> = {};
  if (filters.company) filter.companyId = filters.company;
  if (filters.kind) filter.kind = filters.kind;
  if (filters.status) filter.status = filters.status;
  if (filters.from !== null) filter.fromYear = filters.from;
  if (filters.to !== null) filter.toYear = filters.to;
  return filter;
}

// ---------------------------------------------------------------- page state

const form = byId<HTMLFormElement>('filters');
const companySelect = byId<HTMLSelectElement>('f-company');
const kindSelect = byId<HTMLSelectElement>('f-kind');
const statusSelect = byId<HTMLSelectElement>('f-status');
const fromInput = byId<HTMLInputElement>('f-from');
const toInput = byId<HTMLInputElement>('f-to');
const hint = byId('f-hint');
const networkSelect = byId<HTMLSelectElement>('network-company');
const exportButton = byId<HTMLButtonElement>('export-csv');

let meta: Meta | null = null;
let companies: CompanyOption[] = [];
let rows: PartnershipRow[] = [];
let current: Filters = filtersFromUrl();
let generation = 0;
const charts: Record<string, Chart> = {};
let networkGraph: cytoscape.Core | null = null;

function companyName(id: string): string {
  return companies.find((c) => c.id === id)?.name ?? id;
}

function writeForm(filters: Filters): void {
  companySelect.value = filters.company;
  kindSelect.value = filters.kind;
  statusSelect.value = filters.status;
  fromInput.value = filters.from === null ? '' : String(filters.from);
  toInput.value = filters.to === null ? '' : String(filters.to);
}

function readForm(): Filters | null {
  const from = parseYear(fromInput.value);
  const to = parseYear(toInput.value);
  if (fromInput.value.trim() && from === null) {
    hint.textContent = 'From year must be a whole year such as 2021.';
    fromInput.focus();
    return null;
  }
  if (toInput.value.trim() && to === null) {
    hint.textContent = 'To year must be a whole year such as 2030.';
    toInput.focus();
    return null;
  }
  if (from !== null && to !== null && from > to) {
    hint.textContent = 'From year is after To year.';
    fromInput.focus();
    return null;
  }
  hint.textContent = '';
  return { company: companySelect.value, kind: kindSelect.value, status: statusSelect.value, from, to };
}

function describeFilters(filters: Filters): string {
  const parts: string[] = [];
  if (filters.company) parts.push(companyName(filters.company));
  if (filters.kind) parts.push(humanize(filters.kind));
  if (filters.status) parts.push(humanize(filters.status));
  if (filters.from !== null && filters.to !== null) {
    parts.push(filters.from === filters.to ? `in ${filters.from}` : `${filters.from}–${filters.to}`);
  } else if (filters.from !== null) parts.push(`from ${filters.from}`);
  else if (filters.to !== null) parts.push(`up to ${filters.to}`);
  return parts.length
    ? `Showing: ${parts.join(' · ')}`
    : 'Showing everything. Filters are kept in the address, so a view can be shared as a link.';
}

function networkCompany(): string {
  const params = new URLSearchParams(window.location.search);
  const wanted = params.get('network') || current.company;
  if (wanted && companies.some((c) => c.id === wanted)) return wanted;
  if (companies.some((c) => c.id === 'renault-group')) return 'renault-group';
  return companies[0]?.id ?? '';
}

// ---------------------------------------------------------------- loading

async function loadMeta(): Promise<void> {
  const totals = byId('totals');
  setStatus(totals, 'loading', 'Loading totals…');
  const [metaData, companyList] = await Promise.all([gql<Meta>(META_QUERY), loadCompanies()]);
  meta = metaData;
  companies = companyList;
  fillSelect(
    companySelect,
    'All companies',
    companies.map((c) => [c.id, c.name]),
  );
  fillSelect(
    networkSelect,
    null,
    companies.map((c) => [c.id, c.name]),
  );
  const kinds = meta.kinds?.enumValues.map((v) => v.name) ?? meta.dashboard.partnershipsByKind.map((c) => c.key);
  const statuses =
    meta.statuses?.enumValues.map((v) => v.name) ?? meta.dashboard.partnershipsByStatus.map((c) => c.key);
  fillSelect(
    kindSelect,
    'All kinds',
    kinds.map((k) => [k, humanize(k)]),
  );
  fillSelect(
    statusSelect,
    'All statuses',
    statuses.map((s) => [s, humanize(s)]),
  );
  renderTotals(meta.dashboard.totals);
}

async function loadCompanies(): Promise<CompanyOption[]> {
  const all: CompanyOption[] = [];
  let after: string | null = null;
  for (let page = 0; page < 50; page++) {
    const data: {
      companies: { nodes: CompanyOption[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } };
    } = await gql(COMPANIES_QUERY, { after });
    all.push(...data.companies.nodes);
    if (!data.companies.pageInfo.hasNextPage || !data.companies.pageInfo.endCursor) break;
    after = data.companies.pageInfo.endCursor;
  }
  return all;
}

async function loadPartnerships(filters: Filters): Promise<{ rows: PartnershipRow[]; total: number }> {
  const all: PartnershipRow[] = [];
  let total = 0;
  let after: string | null = null;
  for (let page = 0; page < 100; page++) {
    const data: {
      partnerships: {
        totalCount: number;
        nodes: PartnershipRow[];
        pageInfo: { hasNextPage: boolean; endCursor: string | null };
      };
    } = await gql(PARTNERSHIPS_QUERY, { filter: partnershipFilter(filters), after });
    total = data.partnerships.totalCount;
    all.push(...data.partnerships.nodes);
    if (!data.partnerships.pageInfo.hasNextPage || !data.partnerships.pageInfo.endCursor) break;
    after = data.partnerships.pageInfo.endCursor;
  }
  return { rows: all, total };
}

function fillSelect(select: HTMLSelectElement, allLabel: string | null, options: Array<[string, string]>): void {
  const value = select.value;
  select.replaceChildren(
    ...(allLabel === null ? [] : [h('option', { value: '' }, allLabel)]),
    ...options.map(([v, label]) => h('option', { value: v }, label)),
  );
  select.value = value;
}

async function loadView(): Promise<void> {
  const mine = ++generation;
  hideError();
  writeForm(current);
  byId('f-summary').textContent = describeFilters(current);
  const network = networkCompany();
  networkSelect.value = network;

  const tbody = byId('partnerships-body');
  tbody.replaceChildren(
    h('tr', {}, h('td', { colspan: 8, className: 'status status-loading', role: 'status' }, 'Loading partnerships…')),
  );
  setBusy(tbody, true);
  exportButton.disabled = true;
  byId('table-count').textContent = '';
  const timelineList = byId('timeline');
  timelineList.replaceChildren(h('li', { className: 'status status-loading', role: 'status' }, 'Loading timeline…'));
  setBusy(timelineList, true);
  for (const id of ['chart-kind-status', 'chart-status-status']) {
    const status = byId(id);
    status.hidden = false;
    status.className = 'status status-loading';
    status.textContent = 'Loading…';
  }

  const failures: unknown[] = [];
  const table = loadPartnerships(current).then(
    (result) => {
      if (mine !== generation) return;
      rows = result.rows;
      renderTable(result.rows, result.total);
      renderCategoryCharts(result.rows);
    },
    (err: unknown) => {
      if (mine !== generation) return;
      failures.push(err);
      rows = [];
      destroyChart('chart-kind');
      destroyChart('chart-status');
      tbody.replaceChildren(
        h('tr', {}, h('td', { colspan: 8, className: 'status status-error' }, 'Partnerships could not be loaded.')),
      );
      setBusy(tbody, false);
      for (const id of ['chart-kind-status', 'chart-status-status']) {
        byId(id).className = 'status status-error';
        byId(id).textContent = 'Could not be loaded.';
      }
    },
  );
  const timeline = gql<{ timeline: TimelineEntry[] }>(TIMELINE_QUERY, {
    from: current.from,
    to: current.to,
    companyId: current.company || null,
  }).then(
    (data) => {
      if (mine === generation) renderTimeline(data.timeline);
    },
    (err: unknown) => {
      if (mine !== generation) return;
      failures.push(err);
      destroyChart('timeline');
      timelineList.replaceChildren(h('li', { className: 'status status-error' }, 'The timeline could not be loaded.'));
      setBusy(timelineList, false);
    },
  );
  const net = loadNetwork(network, mine).catch((err: unknown) => {
    if (mine === generation) failures.push(err);
  });
  await Promise.all([table, timeline, net]);
  if (mine === generation && failures.length > 0) showError(failures[0], () => void loadView());
  if (mine === generation) document.body.dataset.ready = 'true';
}

// ---------------------------------------------------------------- totals and charts

/** Removes a chart so stale numbers never stay on screen next to an error. */
function destroyChart(id: string): void {
  charts[id]?.destroy();
  delete charts[id];
  const canvas = document.getElementById(id === 'timeline' ? 'chart-timeline' : id);
  canvas?.parentElement?.classList.add('chart-empty');
}

function showChart(canvas: HTMLCanvasElement): void {
  canvas.parentElement?.classList.remove('chart-empty');
}

function renderTotals(totals: Record<string, number>): void {
  const region = byId('totals');
  const order: Array<[string, string]> = [
    ['partnerships', 'Partnerships'],
    ['companies', 'Companies'],
    ['sites', 'Sites'],
    ['projects', 'Projects'],
    ['milestones', 'Milestones'],
    ['people', 'People'],
    ['sources', 'Sources'],
    ['evidence', 'Quotes'],
  ];
  region.replaceChildren(
    h(
      'dl',
      { className: 'totals-list' },
      ...order.map(([key, label]) =>
        h('div', { className: 'total' }, h('dt', {}, label), h('dd', {}, String(totals[key] ?? 0))),
      ),
    ),
  );
  setBusy(region, false);
}

function countBy(list: PartnershipRow[], key: 'kind' | 'status'): Map<string, number> {
  const counts = new Map<string, number>();
  for (const row of list) counts.set(row[key], (counts.get(row[key]) ?? 0) + 1);
  return counts;
}

function renderCategoryCharts(list: PartnershipRow[]): void {
  if (!meta) return;
  const filtered = isFiltered(current);
  renderCategoryChart('chart-kind', meta.dashboard.partnershipsByKind, countBy(list, 'kind'), filtered, '#1f6fb4');
  renderCategoryChart(
    'chart-status',
    meta.dashboard.partnershipsByStatus,
    countBy(list, 'status'),
    filtered,
    '#2e7d32',
  );
}

function renderCategoryChart(
  id: string,
  all: CategoryCount[],
  matching: Map<string, number>,
  filtered: boolean,
  color: string,
): void {
  const keys = [...new Set([...all.filter((c) => c.count > 0).map((c) => c.key), ...matching.keys()])];
  const status = byId(`${id}-status`);
  if (keys.length === 0) {
    status.hidden = false;
    status.className = 'status status-empty';
    status.textContent = 'No partnerships in the graph yet.';
  } else {
    status.hidden = true;
  }
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
  showChart(canvas);
  canvas.setAttribute(
    'aria-label',
    `${canvas.closest('section')?.querySelector('h2')?.textContent ?? ''}: ${keys.map((k) => `${humanize(k)} ${matching.get(k) ?? 0}`).join(', ')}`,
  );
  charts[id]?.destroy();
  charts[id] = new Chart(canvas, {
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

// ---------------------------------------------------------------- timeline

const ENTRY_COLORS: Record<TimelineEntry['kind'], string> = {
  ANNOUNCEMENT: '#1f6fb4',
  START: '#6a3d9a',
  MILESTONE: '#00838f',
};

function timelineEntriesForFilters(entries: TimelineEntry[]): TimelineEntry[] {
  // Query.timeline filters by company and years; kind and status are properties of the partnership.
  return entries.filter((e) => {
    if (current.kind && e.partnership?.kind !== current.kind) return false;
    if (current.status && e.partnership?.status !== current.status) return false;
    return true;
  });
}

function formatMeasure(m: NonNullable<TimelineEntry['milestone']>['measure']): string {
  if (!m) return '';
  const value = Number.isInteger(m.value) ? m.value.toLocaleString('en-GB') : String(m.value);
  return `${m.approximate ? '≈ ' : ''}${value} ${m.unit}`;
}

function renderTimeline(all: TimelineEntry[]): void {
  const list = byId('timeline');
  const entries = timelineEntriesForFilters(all);
  setBusy(list, false);
  renderTimelineChart(entries);
  if (entries.length === 0) {
    list.replaceChildren(h('li', { className: 'status status-empty' }, 'No dated events match these filters.'));
    return;
  }
  const byYear = new Map<number, TimelineEntry[]>();
  for (const entry of entries) byYear.set(entry.year, [...(byYear.get(entry.year) ?? []), entry]);
  list.replaceChildren(
    ...[...byYear.entries()]
      .sort((a, b) => a[0] - b[0])
      .map(([year, items]) =>
        h(
          'li',
          { className: 'timeline-year', 'data-year': year },
          h('h3', {}, String(year)),
          h('ul', {}, ...items.map(renderTimelineEntry)),
        ),
      ),
  );
}

function renderTimelineEntry(entry: TimelineEntry): HTMLElement {
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

function renderTimelineChart(entries: TimelineEntry[]): void {
  const years = entries.map((e) => e.year);
  // The axis spans the graph's earliest dated fact to 2030 and beyond, whatever the filters.
  const known = [
    ...years,
    ...(meta?.dashboard.announcementsByYear.map((y) => y.year) ?? []),
    ...(meta?.dashboard.milestonesByYear.map((y) => y.year) ?? []),
  ];
  let first = known.length ? Math.min(...known) : 2020;
  let last = Math.max(2030, ...(known.length ? known : [2030]));
  if (current.from !== null) first = Math.max(first, current.from);
  if (current.to !== null) last = current.to;
  if (first > last) first = last;
  const labels: number[] = [];
  for (let y = first; y <= last; y++) labels.push(y);
  const kinds: Array<TimelineEntry['kind']> = ['ANNOUNCEMENT', 'START', 'MILESTONE'];
  const datasets = kinds.map((kind) => ({
    label: humanize(kind),
    data: labels.map((y) => entries.filter((e) => e.year === y && e.kind === kind).length),
    backgroundColor: ENTRY_COLORS[kind],
    borderRadius: 2,
  }));
  const canvas = byId<HTMLCanvasElement>('chart-timeline');
  showChart(canvas);
  canvas.setAttribute(
    'aria-label',
    `Events per year, ${first} to ${last}: ${labels.map((y) => `${y}: ${entries.filter((e) => e.year === y).length}`).join(', ')}`,
  );
  charts.timeline?.destroy();
  charts.timeline = new Chart(canvas, {
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

// ---------------------------------------------------------------- partner network

interface NetworkData {
  company:
    | (Named & {
        kinds: string[];
        partners: Array<{
          company: Named & { kinds: string[] };
          partnerships: Array<Named & { kind: string; status: string; binding: string }>;
        }>;
      })
    | null;
}

async function loadNetwork(id: string, mine: number): Promise<void> {
  const list = byId('network-list');
  if (!id) {
    setStatus(list, 'empty', 'No companies in the graph yet.');
    return;
  }
  setStatus(list, 'loading', 'Loading partners…');
  let data: NetworkData;
  try {
    data = await gql<NetworkData>(NETWORK_QUERY, { id });
  } catch (err) {
    if (mine === generation) {
      networkGraph?.elements().remove();
      setStatus(list, 'error', 'The partner network could not be loaded.');
    }
    throw err;
  }
  if (mine !== generation) return;
  setBusy(list, false);
  const company = data.company;
  if (!company || company.partners.length === 0) {
    networkGraph?.elements().remove();
    setStatus(list, 'empty', company ? `${company.name} has no partners in the graph.` : `No company with id “${id}”.`);
    return;
  }
  list.replaceChildren(
    h(
      'p',
      { className: 'caption' },
      `${company.name} shares partnerships with ${company.partners.length} ${company.partners.length === 1 ? 'company' : 'companies'}. Select a partner in the graph to see its network.`,
    ),
    h(
      'ul',
      { className: 'partner-list' },
      ...company.partners.map((p) =>
        h(
          'li',
          {},
          h('a', { href: `/explore?id=${encodeURIComponent(p.company.id)}` }, p.company.name),
          ': ',
          ...p.partnerships.flatMap((ps, i) => [
            i > 0 ? '; ' : '',
            `${ps.name} (${humanize(ps.kind)}, ${humanize(ps.status)}) `,
            h('span', { className: `pill binding-${ps.binding}` }, humanize(ps.binding)),
          ]),
        ),
      ),
    ),
  );
  drawNetwork(company);
}

function drawNetwork(company: NonNullable<NetworkData['company']>): void {
  const container = byId('network');
  const elements: cytoscape.ElementDefinition[] = [
    { data: { id: company.id, label: company.name, type: 'Company', center: 1 } },
    ...company.partners.flatMap((p) => [
      { data: { id: p.company.id, label: p.company.name, type: 'Company', center: 0 } },
      {
        data: {
          id: `${company.id}->${p.company.id}`,
          source: company.id,
          target: p.company.id,
          label: [...new Set(p.partnerships.map((ps) => humanize(ps.kind)))].join(', '),
          binding: p.partnerships.some((ps) => ps.binding === 'BINDING')
            ? 'BINDING'
            : p.partnerships.every((ps) => ps.binding === 'NON_BINDING')
              ? 'NON_BINDING'
              : 'UNKNOWN',
        },
      },
    ]),
  ];
  if (!networkGraph) {
    networkGraph = cytoscape({
      container,
      boxSelectionEnabled: false,
      autoungrabify: false,
      minZoom: 0.3,
      maxZoom: 2.5,
      style: [
        {
          selector: 'node',
          style: {
            label: 'data(label)',
            'font-size': 11,
            'text-valign': 'bottom',
            'text-margin-y': 4,
            'text-wrap': 'wrap',
            'text-max-width': '110px',
            width: 26,
            height: 26,
            color: '#1d2430',
            'background-color': typeStyle('Company').color,
          },
        },
        ...cytoscapeTypeStyles(),
        {
          selector: 'node[center = 1]',
          style: { width: 40, height: 40, 'font-weight': 'bold', 'border-width': 3, 'border-color': '#f0a500' },
        },
        {
          selector: 'edge',
          style: {
            width: 2,
            'line-color': '#8da2bb',
            label: 'data(label)',
            'font-size': 9,
            color: '#4a5566',
            'text-rotation': 'autorotate',
            'text-background-color': '#fff',
            'text-background-opacity': 0.85,
            'text-background-padding': '1px',
            'curve-style': 'bezier',
          },
        },
        { selector: 'edge[binding = "NON_BINDING"]', style: { 'line-style': 'dashed', 'line-color': '#d59a2b' } },
        { selector: 'edge[binding = "BINDING"]', style: { 'line-color': '#2e7d32', width: 3 } },
      ],
    });
    networkGraph.on('tap', 'node', (event) => {
      const id = event.target.id() as string;
      if (id !== networkSelect.value) {
        networkSelect.value = id;
        onNetworkChange();
      }
    });
  }
  const cy = networkGraph;
  cy.batch(() => {
    cy.elements().remove();
    cy.add(elements);
  });
  cy.layout({
    name: 'concentric',
    concentric: (node: cytoscape.NodeSingular) => (node.data('center') === 1 ? 2 : 1),
    levelWidth: () => 1,
    minNodeSpacing: 40,
    animate: false,
    padding: 24,
  } as cytoscape.LayoutOptions).run();
  cy.fit(undefined, 24);
}

function onNetworkChange(): void {
  const url = `${window.location.pathname}${filtersToSearch(current, networkSelect.value)}`;
  window.history.replaceState(null, '', url);
  void loadNetwork(networkSelect.value, generation).catch((err: unknown) => showError(err, onNetworkChange));
}

// ---------------------------------------------------------------- table and CSV

function partyText(p: PartnershipRow['parties'][number]): string {
  return p.role && p.role !== 'PARTNER' ? `${p.company.name} (${humanize(p.role)})` : p.company.name;
}

function yearsText(row: PartnershipRow): string {
  const parts: string[] = [];
  if (row.announced) parts.push(`announced ${row.announced.value}`);
  if (row.start) parts.push(`starts ${row.start.value}`);
  const due = [...new Set(row.milestones.map((m) => m.year))].sort();
  if (due.length) parts.push(`due ${due.join(', ')}`);
  return parts.join('; ');
}

function renderTable(list: PartnershipRow[], total: number): void {
  const tbody = byId('partnerships-body');
  setBusy(tbody, false);
  byId('table-count').textContent = `${total} ${total === 1 ? 'partnership' : 'partnerships'}`;
  exportButton.disabled = list.length === 0;
  if (list.length === 0) {
    tbody.replaceChildren(
      h(
        'tr',
        {},
        h(
          'td',
          { colspan: 8, className: 'status status-empty' },
          isFiltered(current) ? 'No partnerships match these filters.' : 'No partnerships in the graph yet.',
        ),
      ),
    );
    return;
  }
  tbody.replaceChildren(
    ...list.map((row) => {
      const [first, ...more] = row.evidence;
      return h(
        'tr',
        { 'data-id': row.id },
        h(
          'th',
          { scope: 'row' },
          h('a', { href: `/explore?id=${encodeURIComponent(row.id)}` }, row.name),
          row.purpose ? h('div', { className: 'caption' }, row.purpose) : null,
        ),
        h('td', {}, humanize(row.kind)),
        h('td', {}, h('ul', { className: 'plain' }, ...row.parties.map((p) => h('li', {}, partyText(p))))),
        h(
          'td',
          {},
          row.sites.length
            ? h('ul', { className: 'plain' }, ...row.sites.map((s) => h('li', {}, s.name)))
            : h('span', { className: 'muted' }, '—'),
        ),
        h('td', {}, humanize(row.status)),
        h('td', {}, h('span', { className: `pill binding-${row.binding}` }, humanize(row.binding))),
        h('td', { className: 'years' }, yearsText(row) || '—'),
        h(
          'td',
          { className: 'quote-cell' },
          first
            ? h(
                'blockquote',
                { className: 'quote' },
                `“${first.quote}”`,
                h('footer', { className: 'caption' }, first.source.name),
              )
            : h('span', { className: 'muted' }, 'No quote'),
          more.length
            ? h(
                'details',
                {},
                h('summary', {}, `${more.length} more ${more.length === 1 ? 'quote' : 'quotes'}`),
                ...more.map((e) => h('blockquote', { className: 'quote' }, `“${e.quote}”`)),
              )
            : null,
        ),
      );
    }),
  );
}

export const CSV_HEADER = [
  'id',
  'partnership',
  'kind',
  'status',
  'binding',
  'parties',
  'sites',
  'announced',
  'start',
  'milestone years',
  'quotes',
  'sources',
];

function exportCsv(): void {
  const data = rows.map((r) => [
    r.id,
    r.name,
    r.kind,
    r.status,
    r.binding,
    r.parties.map(partyText).join('; '),
    r.sites.map((s) => s.name).join('; '),
    r.announced?.value ?? '',
    r.start?.value ?? '',
    [...new Set(r.milestones.map((m) => m.year))].sort().join('; '),
    r.evidence.map((e) => e.quote).join('\n'),
    [...new Set(r.evidence.map((e) => e.source.name))].join('; '),
  ]);
  const suffix = [current.company, current.kind, current.status, current.from ?? '', current.to ?? '']
    .map(String)
    .filter(Boolean)
    .join('-')
    .toLowerCase();
  download(`partnerships${suffix ? `-${suffix}` : ''}.csv`, toCsv(CSV_HEADER, data));
}

// ---------------------------------------------------------------- wiring

function apply(filters: Filters, push: boolean): void {
  current = filters;
  const url = `${window.location.pathname}${filtersToSearch(filters, '')}`;
  if (push && url !== `${window.location.pathname}${window.location.search}`) window.history.pushState(null, '', url);
  void loadView();
}

form.addEventListener('submit', (event) => {
  event.preventDefault();
  const filters = readForm();
  if (filters) apply(filters, true);
});
for (const select of [companySelect, kindSelect, statusSelect]) {
  select.addEventListener('change', () => {
    const filters = readForm();
    if (filters) apply(filters, true);
  });
}
byId('f-reset').addEventListener('click', () => {
  hint.textContent = '';
  apply({ company: '', kind: '', status: '', from: null, to: null }, true);
});
networkSelect.addEventListener('change', onNetworkChange);
exportButton.addEventListener('click', exportCsv);
window.addEventListener('popstate', () => {
  current = filtersFromUrl();
  void loadView();
});

async function start(): Promise<void> {
  try {
    await loadMeta();
  } catch (err) {
    setStatus(byId('totals'), 'error', 'Totals could not be loaded.');
    for (const id of ['chart-kind', 'chart-status', 'timeline']) destroyChart(id);
    for (const id of ['chart-kind-status', 'chart-status-status']) {
      byId(id).className = 'status status-error';
      byId(id).textContent = 'Could not be loaded.';
    }
    byId('partnerships-body').replaceChildren(
      h('tr', {}, h('td', { colspan: 8, className: 'status status-error' }, 'Partnerships could not be loaded.')),
    );
    byId('timeline').replaceChildren(
      h('li', { className: 'status status-error' }, 'The timeline could not be loaded.'),
    );
    setStatus(byId('network-list'), 'error', 'The partner network could not be loaded.');
    showError(err, () => void start());
    document.body.dataset.ready = 'error';
    return;
  }
  await loadView();
}

void start();
