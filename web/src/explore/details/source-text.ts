// A source's stored text with its quotes marked, scrolled to the quote in question. Texts are fetched
// once per source and page.
import { graphql } from '../../__generated__';
import type { ExplorerSourceQuery } from '../../__generated__/graphql';
import { execute } from '../../shared/api';
import { showError } from '../../shared/banner';
import { h } from '../../shared/dom';

type SourceText = ExplorerSourceQuery['source'];

/** Where a quote stands in its source's text. */
export interface QuoteRange {
  id: string;
  start: number;
  end: number;
  quote: string;
}

const SourceQuery = graphql(`
  query ExplorerSource($id: ID!) {
    source(id: $id) {
      id
      name
      url
      publisher
      text
      evidence {
        id
        start
        end
        quote
      }
    }
  }
`);

export class SourceTexts {
  private readonly cache = new Map<string, Promise<SourceText>>();

  private load(id: string): Promise<SourceText> {
    let pending = this.cache.get(id);
    if (!pending) {
      pending = execute(SourceQuery, { id }).then((d) => d.source);
      pending.catch(() => this.cache.delete(id));
      this.cache.set(id, pending);
    }
    return pending;
  }

  /** Fills `box` with the source's text, `ranges` marked; `focus` is the quote to scroll to. */
  async fill(box: HTMLElement, sourceId: string, ranges: QuoteRange[], focus?: string): Promise<void> {
    box.replaceChildren(h('span', { className: 'status status-loading', role: 'status' }, 'Loading the source text…'));
    try {
      const source = await this.load(sourceId);
      if (!source) {
        box.replaceChildren(h('span', { className: 'status status-empty' }, 'The source is not in the graph.'));
        return;
      }
      box.replaceChildren(highlighted(source.text, ranges, focus));
      scrollToMark(box);
    } catch (err) {
      box.replaceChildren(h('span', { className: 'status status-error' }, 'The source text could not be loaded.'));
      showError(err);
    }
  }
}

/** The text with quotes marked; a quote whose offsets drifted is found by its words. */
export function highlighted(text: string, ranges: QuoteRange[], focus?: string): DocumentFragment {
  const fixed = ranges
    .map((r) => {
      if (text.slice(r.start, r.end) === r.quote) return r;
      const at = text.indexOf(r.quote);
      return at >= 0 ? { ...r, start: at, end: at + r.quote.length } : null;
    })
    .filter((r): r is NonNullable<typeof r> => r !== null && r.end > r.start)
    .sort((a, b) => a.start - b.start || (a.id === focus ? -1 : 1));
  const fragment = document.createDocumentFragment();
  let at = 0;
  for (const r of fixed) {
    if (r.start < at) continue; // overlapping quotes: keep the first
    fragment.appendChild(document.createTextNode(text.slice(at, r.start)));
    fragment.appendChild(
      h(
        'mark',
        { className: r.id === focus ? 'current' : undefined, 'data-evidence': r.id },
        text.slice(r.start, r.end),
      ),
    );
    at = r.end;
  }
  fragment.appendChild(document.createTextNode(text.slice(at)));
  return fragment;
}

function scrollToMark(box: HTMLElement): void {
  const mark = box.querySelector<HTMLElement>('mark.current') ?? box.querySelector<HTMLElement>('mark');
  if (mark) box.scrollTop = Math.max(0, mark.offsetTop - box.offsetTop - box.clientHeight / 3);
}
