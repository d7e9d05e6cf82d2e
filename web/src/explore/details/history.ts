// Curators' corrections, oldest first: what changed, from what to what, who changed it and why.
import { h } from '../../shared/dom';
import type { Revision } from './queries';
import { section } from './sections';

/** A stored JSON value in plain words: `["a","b"]` reads [a,b]; no value reads —. */
function plain(json: string | null): string {
  return json === null ? '—' : JSON.stringify(JSON.parse(json)).replace(/"/g, '');
}

export function historySection(history: Revision[]): HTMLElement | null {
  if (history.length === 0) return null;
  return section(
    'Curated changes',
    h(
      'ol',
      { className: 'history-list' },
      ...history.map((r) =>
        h(
          'li',
          { 'data-revision': r.id },
          h('div', {}, `${r.changedAt.slice(0, 16).replace('T', ' ')} UTC · ${r.changedBy} · ${r.operation}`),
          h('ul', {}, ...r.changes.map((c) => h('li', {}, `${c.field}: ${plain(c.before)} → ${plain(c.after)}`))),
          r.reason ? h('div', { className: 'history-reason' }, `Why: ${r.reason}`) : null,
        ),
      ),
    ),
    history.length,
  );
}
