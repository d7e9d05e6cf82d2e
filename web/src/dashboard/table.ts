// The partnership table: every partnership matching the filters, with parties, sites, dates and quotes,
// and its CSV export.
import { graphql } from '../__generated__';
import type { DashboardPartnershipsQuery } from '../__generated__/graphql';
import { execute } from '../shared/api';
import { download, toCsv } from '../shared/csv';
import { byId, h, setBusy } from '../shared/dom';
import { bindingPill, humanize, partyLabel } from '../shared/labels';
import { allPages } from '../shared/paging';
import { exportFileName, isFiltered, partnershipFilter, type Filters } from './filters';

export type PartnershipRow = DashboardPartnershipsQuery['partnerships']['nodes'][number];

const PartnershipsQuery = graphql(`
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
            ...SourceLink
          }
        }
      }
    }
  }
`);

export async function loadPartnerships(filters: Filters): Promise<{ rows: PartnershipRow[]; total: number }> {
  const filter = partnershipFilter(filters);
  const { nodes, last } = await allPages(
    100,
    async (after) => (await execute(PartnershipsQuery, { filter, after })).partnerships,
  );
  return { rows: nodes, total: last?.totalCount ?? 0 };
}

const COLUMNS = 8;

function statusRow(kind: 'loading' | 'error', text: string): HTMLElement {
  return h(
    'tr',
    {},
    h(
      'td',
      { colspan: COLUMNS, className: `status status-${kind}`, role: kind === 'loading' ? 'status' : undefined },
      text,
    ),
  );
}

export class PartnershipTable {
  private readonly body = byId('partnerships-body');
  private readonly count = byId('table-count');
  readonly exportButton = byId<HTMLButtonElement>('export-csv');
  private rows: PartnershipRow[] = [];

  showLoading(): void {
    this.body.replaceChildren(statusRow('loading', 'Loading partnerships…'));
    setBusy(this.body, true);
    this.exportButton.disabled = true;
    this.count.textContent = '';
  }

  showFailed(): void {
    this.rows = [];
    this.body.replaceChildren(statusRow('error', 'Partnerships could not be loaded.'));
    setBusy(this.body, false);
  }

  render(rows: PartnershipRow[], total: number, filters: Filters): void {
    this.rows = rows;
    setBusy(this.body, false);
    this.count.textContent = `${total} ${total === 1 ? 'partnership' : 'partnerships'}`;
    this.exportButton.disabled = rows.length === 0;
    if (rows.length === 0) {
      this.body.replaceChildren(
        h(
          'tr',
          {},
          h(
            'td',
            { colspan: COLUMNS, className: 'status status-empty' },
            isFiltered(filters) ? 'No partnerships match these filters.' : 'No partnerships in the graph yet.',
          ),
        ),
      );
      return;
    }
    this.body.replaceChildren(...rows.map(tableRow));
  }

  /** Downloads the rows on screen as CSV, named after the filters. */
  exportCsv(filters: Filters): void {
    download(exportFileName(filters), toCsv(CSV_HEADER, this.rows.map(csvRow)));
  }
}

function milestoneYears(row: PartnershipRow): number[] {
  return [...new Set(row.milestones.map((m) => m.year))].sort();
}

function yearsText(row: PartnershipRow): string {
  const parts: string[] = [];
  if (row.announced) parts.push(`announced ${row.announced.value}`);
  if (row.start) parts.push(`starts ${row.start.value}`);
  const due = milestoneYears(row);
  if (due.length) parts.push(`due ${due.join(', ')}`);
  return parts.join('; ');
}

function tableRow(row: PartnershipRow): HTMLElement {
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
    h('td', {}, h('ul', { className: 'plain' }, ...row.parties.map((p) => h('li', {}, partyLabel(p))))),
    h(
      'td',
      {},
      row.sites.length
        ? h('ul', { className: 'plain' }, ...row.sites.map((s) => h('li', {}, s.name)))
        : h('span', { className: 'muted' }, '—'),
    ),
    h('td', {}, humanize(row.status)),
    h('td', {}, bindingPill(row.binding)),
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
}

const CSV_HEADER = [
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

function csvRow(r: PartnershipRow): unknown[] {
  return [
    r.id,
    r.name,
    r.kind,
    r.status,
    r.binding,
    r.parties.map(partyLabel).join('; '),
    r.sites.map((s) => s.name).join('; '),
    r.announced?.value ?? '',
    r.start?.value ?? '',
    milestoneYears(r).join('; '),
    r.evidence.map((e) => e.quote).join('\n'),
    [...new Set(r.evidence.map((e) => e.source.name))].join('; '),
  ];
}
