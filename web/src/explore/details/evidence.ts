// Quotes in the side panel: each with its source and, on demand, its place in the source's text; a
// source shows its whole text with every quote marked.
import type { QuoteFragment } from '../../__generated__/graphql';
import { h } from '../../shared/dom';
import type { SourceTexts } from './source-text';

function evidenceItem(texts: SourceTexts, e: QuoteFragment, openNow: boolean): HTMLElement {
  const box = h('div', {
    className: 'source-text',
    tabindex: 0,
    'aria-label': `Text of ${e.source.name}, quote highlighted`,
  });
  const summary = h('summary', {}, 'Show the quote in its source');
  const more = h('details', { className: 'in-source' }, summary, box);
  let loaded = false;
  more.addEventListener('toggle', () => {
    if (more.open && !loaded) {
      loaded = true;
      void texts.fill(box, e.source.id, [e], e.id);
    }
  });
  if (openNow) more.open = true;
  return h(
    'li',
    { className: 'evidence-item', 'data-evidence': e.id },
    h('blockquote', { className: 'quote' }, `“${e.quote}”`),
    h(
      'div',
      { className: 'caption' },
      e.speaker ? `${e.speaker.name}, in ` : '',
      e.source.url
        ? h('a', { href: e.source.url, rel: 'noreferrer noopener', target: '_blank' }, e.source.name)
        : e.source.name,
      ` · characters ${e.start}–${e.end}`,
    ),
    more,
  );
}

/** A titled list of quotes; the first opens in its source at once. */
export function evidenceSection(texts: SourceTexts, title: string, list: QuoteFragment[]): HTMLElement {
  return h(
    'section',
    { className: 'detail-section' },
    h('h3', {}, `${title} (${list.length})`),
    list.length
      ? h('ol', { className: 'evidence-list' }, ...list.map((e, i) => evidenceItem(texts, e, i === 0)))
      : h('p', { className: 'status status-empty' }, 'No quotes.'),
  );
}

export function sourceSection(texts: SourceTexts, source: { id: string; evidence: QuoteFragment[] }): HTMLElement {
  const box = h('div', {
    className: 'source-text tall',
    tabindex: 0,
    'aria-label': 'Source text with every quote highlighted',
  });
  void texts.fill(box, source.id, source.evidence);
  return h(
    'section',
    { className: 'detail-section' },
    h('h3', {}, `Text, with its ${source.evidence.length} quotes highlighted`),
    box,
  );
}
