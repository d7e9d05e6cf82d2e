// Explorer (/explore): full-text search, a Cytoscape graph that grows by clicks, shortest paths, and a
// side panel with the selected node's properties, partnerships and evidence (quote highlighted in its
// source text). Everything comes from POST /graphql. This entry module is the page's only one with side
// effects: styles, listeners, the debugging handle and the first load.
import '../shared/styles.css';
import './explore.css';
import type cytoscape from 'cytoscape';
import { byId } from '../shared/dom';
import type { ExplorerGraph } from './graph';
import { ExplorerPage } from './page';

const page = new ExplorerPage();
const { graph, pickers } = page;

graph.cy.on('tap', 'node', (event) => {
  const original = event.originalEvent as MouseEvent | undefined;
  page.tapNode(event.target.id() as string, Boolean(original?.shiftKey));
});
byId<HTMLFormElement>('search-form').addEventListener('submit', (event) => {
  event.preventDefault();
  void page.search(byId<HTMLInputElement>('search-text').value);
});
byId<HTMLFormElement>('path-form').addEventListener('submit', (event) => {
  event.preventDefault();
  void page.path.find(pickers.pathFrom.value, pickers.pathTo.value);
});
byId('path-clear').addEventListener('click', () => page.path.clear());
pickers.node.addEventListener('change', () => {
  if (pickers.node.value) page.select(pickers.node.value, true);
});
byId('btn-expand').addEventListener('click', () => {
  if (page.selected) void page.expand(page.selected);
});
byId('btn-expand-more').addEventListener('click', () => {
  if (page.selected) void page.expand(page.selected, 3, 1000);
});
byId('btn-fit').addEventListener('click', () => graph.fitView());
byId('btn-layout').addEventListener('click', () => page.relayout());
byId('btn-clear').addEventListener('click', () => page.clear());
for (const button of document.querySelectorAll<HTMLButtonElement>('[data-open]')) {
  button.addEventListener('click', () => void page.open(button.dataset.open ?? ''));
}

/** A handle for debugging in the console and for the browser tests' stress check. */
declare global {
  interface Window {
    kgExplorer?: {
      cy: cytoscape.Core;
      addGraph: ExplorerGraph['addGraph'];
      layout: ExplorerGraph['layout'];
      open: ExplorerPage['open'];
      findPath: (fromId: string, toId: string) => Promise<void>;
    };
  }
}
window.kgExplorer = {
  cy: graph.cy,
  addGraph: (data, around) => graph.addGraph(data, around),
  layout: (root, animate) => graph.layout(root, animate),
  open: (node) => page.open(node),
  findPath: (fromId, toId) => page.path.find(fromId, toId),
};

void page.start();
