// The explorer's state and actions: which node is selected, opening and expanding nodes, the address
// (?id=…&from=…&to=…) that restores a view, and the views kept in step with the graph.
import type { NodeRefFragment } from '../__generated__/graphql';
import { graphql } from '../__generated__';
import { ApiError, execute } from '../shared/api';
import { showError } from '../shared/banner';
import { byId } from '../shared/dom';
import { DetailsPanel } from './details/panel';
import { BIG, ExplorerGraph } from './graph';
import { renderLegend } from './legend';
import { NodePickers } from './node-pickers';
import { PathFinder } from './path';
import { search } from './search';

const NeighborhoodQuery = graphql(`
  query ExplorerNeighborhood($id: ID!, $depth: Int, $limit: Int) {
    neighborhood(id: $id, depth: $depth, limit: $limit) {
      ...Subgraph
    }
  }
`);

export class ExplorerPage {
  readonly pickers = new NodePickers();
  readonly graph = new ExplorerGraph(byId('graph'), byId('graph-busy'), () => this.graphChanged());
  readonly path = new PathFinder(
    this.graph,
    this.pickers,
    (id) => this.select(id, true),
    () => this.updateUrl(),
  );
  readonly details = new DetailsPanel({
    open: (ref) => void this.open(ref),
    expand: (id) => void this.expand(id),
    isExpanded: (id) => this.graph.expanded.has(id),
    inGraph: (id) => this.graph.has(id),
    pathFrom: (id) => {
      this.pickers.pathFrom.value = id;
      this.pickers.pathTo.focus();
    },
    pathTo: (id) => {
      this.pickers.pathTo.value = id;
      if (this.pickers.pathFrom.value) void this.path.find(this.pickers.pathFrom.value, id);
      else this.pickers.pathFrom.focus();
    },
  });
  private readonly searchResults = byId('search-results');
  private readonly searchText = byId<HTMLInputElement>('search-text');
  selected: string | null = null;

  /** Restores the view the address describes: a search, a path, a selected node. */
  async start(): Promise<void> {
    this.graphChanged();
    const params = new URLSearchParams(window.location.search);
    const id = params.get('id');
    const from = params.get('from');
    const to = params.get('to');
    const text = params.get('q');
    try {
      if (text) {
        this.searchText.value = text;
        await this.search(text);
      }
      if (from && to) {
        await this.open(from);
        await this.path.find(from, to);
      }
      if (id) await this.open(id);
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
      showError(err);
    }
    document.body.dataset.ready = 'true';
  }

  search(text: string): Promise<void> {
    return search(this.searchResults, text, (node) => void this.open(node));
  }

  /** Loads a node's neighbourhood onto the graph (`depth` hops, at most `limit` nodes). */
  async expand(id: string, depth = 1, limit = 200): Promise<void> {
    const graph = this.graph;
    graph.setBusy(1, depth > 1 ? `Loading everything within ${depth} hops…` : 'Loading neighbours…');
    try {
      const data = await execute(NeighborhoodQuery, { id, depth, limit });
      const fresh = graph.addGraph(data.neighborhood, id);
      graph.expanded.add(id);
      graph.cy.getElementById(id).addClass('expanded');
      if (fresh.length) graph.layout(id);
      byId('graph-count').textContent += fresh.length ? ` (+${fresh.length} new)` : ' (no new neighbours)';
    } catch (err) {
      showError(err, () => void this.expand(id, depth, limit));
    } finally {
      graph.setBusy(-1);
    }
  }

  /** Puts a node on the graph (with its neighbours) and selects it. */
  async open(node: NodeRefFragment | string): Promise<void> {
    const id = typeof node === 'string' ? node : node.id;
    if (typeof node !== 'string' && !this.graph.has(id)) this.graph.addGraph({ nodes: [node], edges: [] });
    if (!this.graph.expanded.has(id)) await this.expand(id);
    if (this.graph.has(id)) this.select(id, true);
  }

  select(id: string, centre = false): void {
    const cy = this.graph.cy;
    const node = cy.getElementById(id);
    if (node.empty()) return;
    this.selected = id;
    cy.nodes(':selected').unselect();
    node.select();
    this.pickers.node.value = id;
    this.pickers.enableExpand(true);
    cy.edges().removeClass('labelled');
    node.connectedEdges().addClass('labelled');
    if (centre) cy.animate({ center: { eles: node } }, { duration: 200 });
    this.updateUrl();
    void this.details.show(id);
  }

  /** A click on a node selects and expands it; with Shift, finds the path from the selection to it. */
  tapNode(id: string, shiftKey: boolean): void {
    if (shiftKey && this.selected && this.selected !== id) {
      void this.path.find(this.selected, id);
      return;
    }
    this.select(id);
    if (!this.graph.expanded.has(id)) void this.expand(id);
  }

  relayout(): void {
    this.graph.layout(this.selected ?? undefined, this.graph.cy.nodes().length <= BIG);
  }

  clear(): void {
    this.selected = null;
    this.path.forget();
    this.details.showEmpty();
    this.graph.clear();
    this.updateUrl();
  }

  private updateUrl(): void {
    const params = new URLSearchParams();
    if (this.selected) params.set('id', this.selected);
    if (this.pickers.pathFrom.value && this.pickers.pathTo.value && this.path.shown()) {
      params.set('from', this.pickers.pathFrom.value);
      params.set('to', this.pickers.pathTo.value);
    }
    const search = params.toString();
    window.history.replaceState(null, '', `${window.location.pathname}${search ? `?${search}` : ''}`);
  }

  private graphChanged(): void {
    const cy = this.graph.cy;
    const count = cy.nodes().length;
    byId('graph-empty').hidden = count > 0;
    byId('graph-count').textContent = count ? `${count} nodes, ${cy.edges().length} edges` : '';
    this.pickers.sync(cy, this.selected);
    renderLegend(byId('legend'), cy);
  }
}
