// Full-text search over every node type; each hit is a button that puts the node on the graph.
import { graphql } from '../__generated__';
import type { NodeRefFragment } from '../__generated__/graphql';
import { execute } from '../shared/api';
import { hideError, showError } from '../shared/banner';
import { h, setStatus } from '../shared/dom';
import { typeBadge, typeIcon } from '../shared/node-types';

const SearchQuery = graphql(`
  query ExplorerSearch($text: String!) {
    search(text: $text, first: 25) {
      score
      node {
        ...NodeRef
      }
    }
  }
`);

export async function search(results: HTMLElement, text: string, open: (node: NodeRefFragment) => void): Promise<void> {
  const query = text.trim();
  if (!query) {
    setStatus(results, 'empty', 'Type a name or a word to search for.');
    return;
  }
  setStatus(results, 'loading', `Searching for “${query}”…`);
  try {
    const data = await execute(SearchQuery, { text: query });
    hideError();
    results.setAttribute('aria-busy', 'false');
    if (data.search.length === 0) {
      setStatus(results, 'empty', `Nothing found for “${query}”.`);
      return;
    }
    results.replaceChildren(
      h(
        'p',
        { className: 'caption' },
        `${data.search.length} ${data.search.length === 1 ? 'result' : 'results'} for “${query}”. Choose one to put it on the graph.`,
      ),
      h(
        'ul',
        { className: 'result-list' },
        ...data.search.map((hit) =>
          h(
            'li',
            {},
            h(
              'button',
              { type: 'button', className: 'result', 'data-id': hit.node.id, onclick: () => open(hit.node) },
              typeIcon(hit.node.__typename, 16),
              h('span', { className: 'result-name' }, hit.node.name),
              typeBadge(hit.node.__typename),
            ),
          ),
        ),
      ),
    );
  } catch (err) {
    setStatus(results, 'error', 'Search failed.');
    showError(err, () => void search(results, text, open));
  }
}
