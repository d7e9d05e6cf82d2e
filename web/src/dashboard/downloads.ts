// Download links for a table the server exports (/export/<table>.csv|xlsx): the file is computed on the
// server from the same parameters as the table on screen, so it holds the same numbers.
import { h } from '../shared/dom';

export type ExportTable = 'capacity' | 'plants-by-status' | 'cell-makers';

export function exportLinks(
  table: ExportTable,
  parameters: Record<string, string | number>,
  label: string,
): HTMLElement {
  const query = new URLSearchParams(Object.entries(parameters).map(([k, v]) => [k, String(v)]));
  return h(
    'div',
    { className: 'downloads', role: 'group', 'aria-label': `Download ${label}` },
    h(
      'a',
      { className: 'button-link', href: `/export/${table}.csv?${query}`, download: '', 'data-format': 'csv' },
      'CSV',
    ),
    h(
      'a',
      { className: 'button-link', href: `/export/${table}.xlsx?${query}`, download: '', 'data-format': 'xlsx' },
      'Excel',
    ),
  );
}
