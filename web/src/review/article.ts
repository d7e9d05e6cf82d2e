// The article's text with every proposal's quotes marked: one <mark> per stretch of text, naming the
// proposals that quote it (quotes of several proposals often overlap: a deal and its parties).
import { h } from '../shared/dom';
import type { ProposalView } from './queries';

interface Stretch {
  start: number;
  end: number;
  proposals: ProposalView[];
}

/** Cuts the text at every quote boundary and lists which proposals cover each piece. */
export function stretches(length: number, proposals: readonly ProposalView[]): Stretch[] {
  const cuts = new Set([0, length]);
  for (const p of proposals) {
    for (const q of p.quotes) {
      cuts.add(Math.max(0, Math.min(length, q.start)));
      cuts.add(Math.max(0, Math.min(length, q.end)));
    }
  }
  const sorted = [...cuts].sort((a, b) => a - b);
  return sorted.slice(1).map((end, i) => {
    const start = sorted[i]!;
    const covering = proposals.filter((p) => p.quotes.some((q) => q.start <= start && end <= q.end));
    return { start, end, proposals: covering };
  });
}

export function articleView(text: string, proposals: readonly ProposalView[]): HTMLElement {
  const body = h('div', { className: 'article-text' });
  for (const { start, end, proposals: covering } of stretches(text.length, proposals)) {
    const piece = text.slice(start, end);
    if (covering.length === 0) {
      body.append(piece);
      continue;
    }
    const pending = covering.some((p) => p.status === 'PENDING');
    body.append(
      h(
        'mark',
        {
          className: pending ? 'quote-mark pending' : 'quote-mark decided',
          'data-proposals': covering.map((p) => p.id).join(' '),
          title: covering.map((p) => `${p.name} (${p.section.toLowerCase()})`).join(', '),
        },
        piece,
      ),
    );
  }
  return body;
}

/** Emphasises the marks of one proposal (or none). */
export function emphasise(article: HTMLElement, proposalId: string | null): void {
  article.querySelectorAll<HTMLElement>('mark.quote-mark').forEach((mark) => {
    const ids = (mark.dataset.proposals ?? '').split(' ');
    mark.classList.toggle('active', proposalId !== null && ids.includes(proposalId));
  });
}
