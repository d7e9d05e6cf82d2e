// The dashboard's filters: kept in the address (so a view can be shared as a link), read and worded here.
import type { PartnershipFilter } from '../__generated__/graphql';
import { humanize } from '../shared/labels';

export interface Filters {
  company: string;
  kind: string;
  status: string;
  from: number | null;
  to: number | null;
}

export const NO_FILTERS: Filters = { company: '', kind: '', status: '', from: null, to: null };

export function parseYear(value: string | null): number | null {
  if (value === null || value.trim() === '') return null;
  const year = Number(value);
  return Number.isInteger(year) && year >= 1900 && year <= 2200 ? year : null;
}

export function filtersFromSearch(search: string): Filters {
  const params = new URLSearchParams(search);
  return {
    company: params.get('company') ?? '',
    kind: params.get('kind') ?? '',
    status: params.get('status') ?? '',
    from: parseYear(params.get('from')),
    to: parseYear(params.get('to')),
  };
}

/** The query string of a view; `network` is kept only when it differs from the company filter. */
export function filtersToSearch(filters: Filters, network: string): string {
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

export function isFiltered(filters: Filters): boolean {
  return Boolean(filters.company || filters.kind || filters.status || filters.from !== null || filters.to !== null);
}

/** The API's partnership filter for the view (the form only offers the API's own enum values). */
export function partnershipFilter(filters: Filters): PartnershipFilter {
  const filter: PartnershipFilter = {};
  if (filters.company) filter.companyId = filters.company;
  if (filters.kind) filter.kind = filters.kind as PartnershipFilter['kind'];
  if (filters.status) filter.status = filters.status as PartnershipFilter['status'];
  if (filters.from !== null) filter.fromYear = filters.from;
  if (filters.to !== null) filter.toYear = filters.to;
  return filter;
}

export function describeFilters(filters: Filters, companyName: (id: string) => string): string {
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

/** The file name of a view's CSV export, e.g. `partnerships-2030-2030.csv`. */
export function exportFileName(filters: Filters): string {
  const suffix = [filters.company, filters.kind, filters.status, filters.from ?? '', filters.to ?? '']
    .map(String)
    .filter(Boolean)
    .join('-')
    .toLowerCase();
  return `partnerships${suffix ? `-${suffix}` : ''}.csv`;
}
