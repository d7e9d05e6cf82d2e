// The explorer's graph: nodes and edges from the API added in batches, laid out cheaply when big, and
// which nodes have been expanded. Views that depend on its content listen through `onChange`.
import cytoscape from 'cytoscape';
import type { SubgraphFragment } from '../__generated__/graphql';
import { GRAPH_STYLE } from './graph-style';

type GraphEdge = SubgraphFragment['edges'][number];

/** Above this many nodes the graph draws straight edges without arrows and lays out in rings. */
export const BIG = 300;

export function edgeId(e: GraphEdge): string {
  return `${e.source}|${e.type}|${e.target}`;
}

export class ExplorerGraph {
  readonly cy: cytoscape.Core;
  readonly expanded = new Set<string>();
  private busyCount = 0;

  constructor(
    readonly container: HTMLElement,
    private readonly busy: HTMLElement,
    private readonly onChange: () => void,
  ) {
    this.cy = cytoscape({
      container,
      boxSelectionEnabled: false,
      selectionType: 'single',
      minZoom: 0.05,
      maxZoom: 3,
      pixelRatio: 1,
      motionBlur: false,
      style: GRAPH_STYLE,
    });
  }

  has(id: string): boolean {
    return this.cy.getElementById(id).nonempty();
  }

  /** Counts running loads; the busy note shows while any runs. */
  setBusy(delta: number, text = 'Loading…'): void {
    this.busyCount = Math.max(0, this.busyCount + delta);
    this.busy.hidden = this.busyCount === 0;
    this.busy.textContent = text;
    this.container.setAttribute('aria-busy', this.busyCount > 0 ? 'true' : 'false');
  }

  /** Adds nodes and edges in one batch; new nodes start around `around`. Returns the ids of new nodes. */
  addGraph(graph: SubgraphFragment, around?: string): string[] {
    const cy = this.cy;
    const fresh: cytoscape.ElementDefinition[] = [];
    const freshIds: string[] = [];
    const seen = new Set<string>();
    for (const n of graph.nodes) {
      if (seen.has(n.id) || cy.getElementById(n.id).nonempty()) continue;
      seen.add(n.id);
      freshIds.push(n.id);
      fresh.push({ group: 'nodes', data: { id: n.id, label: n.name, name: n.name, type: n.__typename } });
    }
    const centre = around ? cy.getElementById(around) : null;
    const origin = centre && centre.nonempty() ? centre.position() : { x: 0, y: 0 };
    const radius = 60 + 12 * Math.sqrt(fresh.length);
    fresh.forEach((el, i) => {
      const angle = (2 * Math.PI * i) / Math.max(1, fresh.length);
      el.position = { x: origin.x + radius * Math.cos(angle), y: origin.y + radius * Math.sin(angle) };
    });
    const edges: cytoscape.ElementDefinition[] = [];
    for (const e of graph.edges) {
      const id = edgeId(e);
      if (seen.has(id) || cy.getElementById(id).nonempty()) continue;
      if (!seen.has(e.source) && cy.getElementById(e.source).empty()) continue;
      if (!seen.has(e.target) && cy.getElementById(e.target).empty()) continue;
      seen.add(id);
      edges.push({ group: 'edges', data: { id, source: e.source, target: e.target, type: e.type } });
    }
    cy.batch(() => {
      cy.add(fresh);
      cy.add(edges);
    });
    if (fresh.length || edges.length) this.changed();
    return freshIds;
  }

  /** Empties the graph. */
  clear(): void {
    this.cy.elements().remove();
    this.expanded.clear();
    this.changed();
  }

  /** Cheap layouts for big graphs, force-directed for small ones. */
  layout(root?: string, animate = false): void {
    const cy = this.cy;
    const n = cy.nodes().length;
    if (n === 0) return;
    let options: cytoscape.LayoutOptions;
    if (n > BIG) {
      // Rings by hop distance from the root: linear time, readable at 1,000 nodes.
      const depth = new Map<string, number>();
      const start =
        root && cy.getElementById(root).nonempty()
          ? cy.getElementById(root)
          : cy.nodes().max((node) => node.degree(false)).ele;
      cy.elements().bfs({
        roots: start,
        visit: (v, _e, _u, _i, d) => {
          depth.set(v.id(), d);
        },
        directed: false,
      });
      const maxDepth = Math.max(0, ...depth.values());
      options = {
        name: 'concentric',
        concentric: (node: cytoscape.NodeSingular) => maxDepth + 1 - (depth.get(node.id()) ?? maxDepth + 1),
        levelWidth: () => 1,
        minNodeSpacing: 4,
        animate: false,
        avoidOverlap: true,
      } as cytoscape.LayoutOptions;
    } else {
      options = {
        name: 'cose',
        animate,
        animationDuration: 300,
        randomize: false,
        numIter: n > 120 ? 300 : 1000,
        idealEdgeLength: () => 70,
        nodeRepulsion: () => 9000,
        nodeOverlap: 12,
        gravity: 0.6,
        padding: 30,
        fit: true,
      } as cytoscape.LayoutOptions;
    }
    cy.layout(options).run();
    this.fitView();
  }

  /** Fits the graph in view without blowing a handful of nodes up to giant size. */
  fitView(): void {
    this.cy.fit(undefined, 30);
    if (this.cy.zoom() > 1.4) {
      this.cy.zoom(1.4);
      this.cy.center();
    }
  }

  private changed(): void {
    // Big graphs: straight edges without arrows, labels only when zoomed in (cheap to draw).
    const big = this.cy.nodes().length > BIG;
    this.cy.batch(() => {
      this.cy.elements().toggleClass('big', big);
    });
    this.onChange();
  }
}
