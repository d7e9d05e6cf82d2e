// Shortest paths: the API's path between two nodes, highlighted on the graph and listed step by step.
import { graphql } from '../__generated__';
import type { NodeRefFragment, SubgraphFragment } from '../__generated__/graphql';
import { execute } from '../shared/api';
import { hideError, showError } from '../shared/banner';
import { byId, h } from '../shared/dom';
import { typeIcon } from '../shared/node-types';
import { edgeId, type ExplorerGraph } from './graph';
import type { NodePickers } from './node-pickers';

const PathQuery = graphql(`
  query ExplorerPath($fromId: ID!, $toId: ID!) {
    shortestPath(fromId: $fromId, toId: $toId) {
      ...Subgraph
    }
  }
`);

interface Step {
  node: NodeRefFragment;
  via: string | null;
}

/** Walks the path's edges from `fromId` so the steps read in order. */
export function orderPath(path: SubgraphFragment, fromId: string): Step[] {
  const byNode = new Map(path.nodes.map((n) => [n.id, n]));
  const steps: Step[] = [];
  const used = new Set<number>();
  let at = fromId;
  let via: string | null = null;
  for (let guard = 0; guard <= path.edges.length; guard++) {
    const node = byNode.get(at);
    if (!node) break;
    steps.push({ node, via });
    const next = path.edges.findIndex((e, i) => !used.has(i) && (e.source === at || e.target === at));
    const edge = path.edges[next];
    if (!edge) break;
    used.add(next);
    via = edge.type;
    at = edge.source === at ? edge.target : edge.source;
  }
  if (steps.length !== path.nodes.length) return path.nodes.map((node) => ({ node, via: null }));
  return steps;
}

export class PathFinder {
  private readonly result = byId('path-result');

  constructor(
    private readonly graph: ExplorerGraph,
    private readonly pickers: NodePickers,
    private readonly select: (id: string) => void,
    private readonly updateUrl: () => void,
  ) {}

  /** True while a path is highlighted. */
  shown(): boolean {
    return this.graph.cy.elements('.path').nonempty();
  }

  clear(): void {
    this.graph.cy.elements().removeClass('path faded');
    this.result.textContent = '';
    this.updateUrl();
  }

  /** Forgets the listed path (the graph it was drawn on is gone). */
  forget(): void {
    this.result.textContent = '';
  }

  async find(fromId: string, toId: string): Promise<void> {
    const { graph, result } = this;
    const cy = graph.cy;
    if (!fromId || !toId) {
      result.textContent = 'Choose both ends of the path.';
      return;
    }
    if (fromId === toId) {
      result.textContent = 'Choose two different nodes.';
      return;
    }
    result.replaceChildren(h('span', { className: 'status status-loading', role: 'status' }, 'Looking for a path…'));
    graph.setBusy(1, 'Looking for a path…');
    try {
      const path = (await execute(PathQuery, { fromId, toId })).shortestPath;
      hideError();
      cy.elements().removeClass('path faded');
      const name = (id: string) => (cy.getElementById(id).data('name') as string | undefined) ?? id;
      if (!path || path.nodes.length === 0) {
        result.textContent = `No path between ${name(fromId)} and ${name(toId)} within 8 hops.`;
        this.updateUrl();
        return;
      }
      const fresh = graph.addGraph(path);
      if (fresh.length) graph.layout(fromId);
      let pathEles = cy.collection();
      for (const id of new Set(path.nodes.map((n) => n.id))) pathEles = pathEles.union(cy.getElementById(id));
      for (const e of path.edges) {
        pathEles = pathEles.union(cy.getElementById(edgeId(e)));
        pathEles = pathEles.union(cy.getElementById(edgeId({ source: e.target, target: e.source, type: e.type })));
      }
      cy.batch(() => {
        cy.elements().addClass('faded');
        pathEles.removeClass('faded').addClass('path');
      });
      this.pickers.pathFrom.value = fromId;
      this.pickers.pathTo.value = toId;
      cy.animate({ fit: { eles: pathEles, padding: 60 } }, { duration: 250 });
      result.replaceChildren(
        h('strong', {}, `${path.edges.length} ${path.edges.length === 1 ? 'hop' : 'hops'}: `),
        h(
          'ol',
          { className: 'path-steps' },
          ...orderPath(path, fromId).map((step) =>
            h(
              'li',
              {},
              typeIcon(step.node.__typename, 14),
              ' ',
              h(
                'button',
                { type: 'button', className: 'link-button', onclick: () => this.select(step.node.id) },
                step.node.name,
              ),
              step.via ? h('span', { className: 'caption' }, ` via ${step.via}`) : null,
            ),
          ),
        ),
      );
      this.updateUrl();
    } catch (err) {
      result.textContent = 'The path could not be loaded.';
      showError(err, () => void this.find(fromId, toId));
    } finally {
      graph.setBusy(-1);
    }
  }
}
