// Explorer (/explore): full-text search, a Cytoscape graph that grows by clicks, shortest paths, and a
// side panel with the selected node's properties, partnerships and evidence (quote highlighted in its
// source text). Everything comes from POST /graphql.
import './styles.css';
import './explore.css';
import cytoscape from 'cytoscape';
import { ApiError, gql } from './api';
import { byId, h, hideError, humanize, setStatus, showError } from './ui';
import { TYPE_STYLES, cytoscapeTypeStyles, typeBadge, typeIcon, typeStyle } from './types';

// ---------------------------------------------------------------- API shapes and operations

interface GraphNode {
  __typename: string;
  id: string;
  name: string;
}
interface GraphEdge {
  source: string;
  target: string;
  type: string;
}
interface Graph {
  nodes: GraphNode[];
  edges: GraphEdge[];
}
interface SearchHit {
  score: number;
  node: GraphNode;
}

const NODE_FIELDS = '__typename id name';

const SEARCH_QUERY = /* GraphQL */ `
  query ExplorerSearch($text: String!) {
    search(text: $text, first: 25) { score node { ${NODE_FIELDS} } }
  }
`;

const NEIGHBORHOOD_QUERY = /* GraphQL */ `
  query ExplorerNeighborhood($id: ID!, $depth: Int, $limit: Int) {
    neighborhood(id: $id, depth: $depth, limit: $limit) {
      nodes { ${NODE_FIELDS} }
      edges { source target type }
    }
  }
`;

const PATH_QUERY = /* GraphQL */ `
  query ExplorerPath($fromId: ID!, $toId: ID!) {
    shortestPath(fromId: $fromId, toId: $toId) {
      nodes { ${NODE_FIELDS} }
      edges { source target type }
    }
  }
`;

const SOURCE_QUERY = /* GraphQL */ `
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
`;

const DETAILS_QUERY = /* GraphQL */ `
  query ExplorerNode($id: ID!) {
    node(id: $id) {
      __typename
      id
      name
      ... on Company {
        aliases
        kinds
        description
        basedIn {
          ...Ref
        }
        memberOf {
          ...Ref
        }
        members {
          ...Ref
        }
        projects {
          ...Ref
        }
        people {
          title
          person {
            ...Ref
          }
        }
        partnershipPage: partnerships(first: 100) {
          totalCount
          nodes {
            ...PartnershipSummary
          }
        }
        evidence {
          ...Quote
        }
      }
      ... on Person {
        aliases
        positions {
          title
          organization {
            ...Ref
          }
        }
        statements {
          ...Quote
        }
        evidence {
          ...Quote
        }
      }
      ... on Site {
        aliases
        siteKind: kind
        description
        locatedIn {
          ...Ref
        }
        contains {
          ...Ref
        }
        near {
          ...Ref
        }
        companies {
          ...Ref
        }
        partnerships {
          ...PartnershipSummary
        }
        evidence {
          ...Quote
        }
      }
      ... on Project {
        aliases
        projectKind: kind
        description
        owners {
          ...Ref
        }
        partOf {
          ...Ref
        }
        parts {
          ...Ref
        }
        partnerships {
          ...PartnershipSummary
        }
        milestones {
          ...Ref
        }
        evidence {
          ...Quote
        }
      }
      ... on Partnership {
        ...PartnershipSummary
        aliases
        modality
        purpose
        starts: start {
          value
        }
        sites {
          ...Ref
        }
        projects {
          ...Ref
        }
        milestones {
          ...Ref
        }
        evidence {
          ...Quote
        }
      }
      ... on Milestone {
        year
        date
        precision
        bound
        due
        milestoneModality: modality
        measure {
          value
          unit
          approximate
        }
        partnerships {
          ...PartnershipSummary
        }
        companies {
          ...Ref
        }
        sites {
          ...Ref
        }
        projects {
          ...Ref
        }
        evidence {
          ...Quote
        }
      }
      ... on Source {
        sourceKind: kind
        publisher
        url
        language
        published {
          value
        }
        translation {
          machine
          originalLanguage
          note
        }
        evidence {
          ...Quote
        }
      }
      ... on Evidence {
        ...Quote
        supports {
          ...Ref
        }
      }
    }
  }
  fragment Ref on Node {
    __typename
    id
    name
  }
  fragment Quote on Evidence {
    id
    quote
    start
    end
    source {
      id
      name
      url
    }
    speaker {
      id
      name
    }
  }
  fragment PartnershipSummary on Partnership {
    id
    name
    kind
    status
    binding
    announced {
      value
    }
    parties {
      role
      company {
        id
        name
      }
    }
  }
`;

const HISTORY_QUERY = /* GraphQL */ `
  query ExplorerHistory($id: ID!) {
    history(id: $id) {
      id
      operation
      changedBy
      changedAt
      reason
      changes {
        field
        before
        after
      }
    }
  }
`;

interface Revision {
  id: string;
  operation: string;
  changedBy: string;
  changedAt: string;
  reason: string | null;
  changes: Array<{ field: string; before: string | null; after: string | null }>;
}

type Ref = GraphNode;
interface Quote {
  id: string;
  quote: string;
  start: number;
  end: number;
  source: { id: string; name: string; url: string | null };
  speaker: Ref | null;
}
interface PartnershipSummary {
  id: string;
  name: string;
  kind: string;
  status: string;
  binding: string;
  announced: { value: string } | null;
  parties: Array<{ role: string; company: { id: string; name: string } }>;
}
type Details = GraphNode & Record<string, unknown>;
interface SourceText {
  id: string;
  name: string;
  url: string | null;
  publisher: string | null;
  text: string;
  evidence: Array<{ id: string; start: number; end: number; quote: string }>;
}

// ---------------------------------------------------------------- graph

const container = byId('graph');
const BIG = 300;

const cy = cytoscape({
  container,
  boxSelectionEnabled: false,
  selectionType: 'single',
  minZoom: 0.05,
  maxZoom: 3,
  pixelRatio: 1,
  motionBlur: false,
  style: [
    {
      selector: 'node',
      style: {
        label: 'data(label)',
        'font-size': 10,
        'min-zoomed-font-size': 7,
        'text-valign': 'bottom',
        'text-margin-y': 3,
        'text-wrap': 'ellipsis',
        'text-max-width': '120px',
        width: 22,
        height: 22,
        color: '#1d2430',
        'text-outline-color': '#ffffff',
        'text-outline-width': 2,
        'background-color': '#888',
      },
    },
    ...cytoscapeTypeStyles(),
    { selector: 'node.expanded', style: { 'border-width': 2, 'border-color': '#17212f' } },
    {
      selector: 'node:selected',
      style: { 'border-width': 4, 'border-color': '#f0a500', width: 30, height: 30, 'z-index': 10 },
    },
    {
      selector: 'edge',
      style: {
        width: 1.5,
        'line-color': '#a9b4c2',
        'target-arrow-color': '#a9b4c2',
        'target-arrow-shape': 'triangle',
        'arrow-scale': 0.7,
        'curve-style': 'bezier',
      },
    },
    {
      selector: 'edge.labelled',
      style: {
        label: 'data(type)',
        'font-size': 8,
        color: '#4a5566',
        'text-rotation': 'autorotate',
        'text-background-color': '#fff',
        'text-background-opacity': 0.8,
        'min-zoomed-font-size': 6,
      },
    },
    { selector: 'node.big', style: { 'min-zoomed-font-size': 16 } },
    { selector: 'edge.big', style: { 'curve-style': 'haystack', 'target-arrow-shape': 'none', width: 1 } },
    { selector: 'node.big:selected', style: { 'min-zoomed-font-size': 0 } },
    { selector: '.faded', style: { opacity: 0.18 } },
    { selector: 'node.path', style: { 'border-width': 4, 'border-color': '#f0a500', 'z-index': 20 } },
    {
      selector: 'edge.path',
      style: {
        width: 5,
        'line-color': '#f0a500',
        'target-arrow-color': '#f0a500',
        label: 'data(type)',
        'font-size': 9,
        'font-weight': 'bold',
        'z-index': 20,
      },
    },
  ],
});

const nodeSelect = byId<HTMLSelectElement>('node-select');
const pathFrom = byId<HTMLSelectElement>('path-from');
const pathTo = byId<HTMLSelectElement>('path-to');
const details = byId('details');
const expanded = new Set<string>();
const sourceCache = new Map<string, Promise<SourceText | null>>();
let selected: string | null = null;
let detailsGeneration = 0;
let busyCount = 0;

function setGraphBusy(delta: number, text = 'Loading…'): void {
  busyCount = Math.max(0, busyCount + delta);
  const busy = byId('graph-busy');
  busy.hidden = busyCount === 0;
  busy.textContent = text;
  container.setAttribute('aria-busy', busyCount > 0 ? 'true' : 'false');
}

function edgeId(e: GraphEdge): string {
  return `${e.source}|${e.type}|${e.target}`;
}

/** Adds nodes and edges in one batch; new nodes start around `around`. Returns the ids of new nodes. */
function addGraph(graph: Graph, around?: string): string[] {
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
  if (fresh.length || edges.length) graphChanged();
  return freshIds;
}

function graphChanged(): void {
  const count = cy.nodes().length;
  const big = count > BIG;
  // Big graphs: straight edges without arrows, labels only when zoomed in (cheap to draw).
  cy.batch(() => {
    cy.elements().toggleClass('big', big);
  });
  byId('graph-empty').hidden = count > 0;
  byId('graph-count').textContent = count ? `${count} nodes, ${cy.edges().length} edges` : '';
  syncNodeOptions();
  renderLegend();
}

/** Cheap layouts for big graphs, force-directed for small ones. */
function layout(root?: string, animate = false): void {
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
  fitView();
}

/** Fits the graph in view without blowing a handful of nodes up to giant size. */
function fitView(): void {
  cy.fit(undefined, 30);
  if (cy.zoom() > 1.4) {
    cy.zoom(1.4);
    cy.center();
  }
}

function syncNodeOptions(): void {
  const nodes = cy
    .nodes()
    .map((n) => ({ id: n.id(), name: n.data('name') as string, type: n.data('type') as string }))
    .sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
  const fill = (select: HTMLSelectElement, empty: string) => {
    const value = select.value;
    const options = document.createDocumentFragment();
    options.appendChild(h('option', { value: '' }, nodes.length ? empty : 'No nodes yet'));
    for (const n of nodes) options.appendChild(h('option', { value: n.id }, `${n.name} (${typeStyle(n.type).label})`));
    select.replaceChildren(options);
    select.value = nodes.some((n) => n.id === value) ? value : '';
  };
  fill(nodeSelect, 'Choose a node…');
  fill(pathFrom, 'Choose a node…');
  fill(pathTo, 'Choose a node…');
  if (selected) nodeSelect.value = selected;
  const enabled = Boolean(selected);
  byId<HTMLButtonElement>('btn-expand').disabled = !enabled;
  byId<HTMLButtonElement>('btn-expand-more').disabled = !enabled;
}

function renderLegend(): void {
  const counts = new Map<string, number>();
  cy.nodes().forEach((n) => {
    const type = n.data('type') as string;
    counts.set(type, (counts.get(type) ?? 0) + 1);
  });
  const types = [...new Set([...Object.keys(TYPE_STYLES), ...counts.keys()])];
  byId('legend').replaceChildren(
    ...types.map((t) =>
      h(
        'li',
        { 'data-type': t },
        typeIcon(t, 18),
        h('span', { className: 'legend-label' }, typeStyle(t).label),
        h('span', { className: 'legend-count' }, String(counts.get(t) ?? 0)),
      ),
    ),
  );
}

// ---------------------------------------------------------------- actions

async function expand(id: string, depth = 1, limit = 200): Promise<void> {
  setGraphBusy(1, depth > 1 ? `Loading everything within ${depth} hops…` : 'Loading neighbours…');
  try {
    const data = await gql<{ neighborhood: Graph }>(NEIGHBORHOOD_QUERY, { id, depth, limit });
    const fresh = addGraph(data.neighborhood, id);
    expanded.add(id);
    cy.getElementById(id).addClass('expanded');
    if (fresh.length) layout(id);
    byId('graph-count').textContent += fresh.length ? ` (+${fresh.length} new)` : ' (no new neighbours)';
  } catch (err) {
    showError(err, () => void expand(id, depth, limit));
  } finally {
    setGraphBusy(-1);
  }
}

/** Puts a node on the graph (with its neighbours) and selects it. */
async function open(node: GraphNode | string): Promise<void> {
  const id = typeof node === 'string' ? node : node.id;
  if (typeof node !== 'string' && cy.getElementById(id).empty()) addGraph({ nodes: [node], edges: [] });
  if (!expanded.has(id)) await expand(id);
  if (cy.getElementById(id).nonempty()) select(id, true);
}

function select(id: string, centre = false): void {
  const node = cy.getElementById(id);
  if (node.empty()) return;
  selected = id;
  cy.nodes(':selected').unselect();
  node.select();
  nodeSelect.value = id;
  byId<HTMLButtonElement>('btn-expand').disabled = false;
  byId<HTMLButtonElement>('btn-expand-more').disabled = false;
  cy.edges().removeClass('labelled');
  node.connectedEdges().addClass('labelled');
  if (centre) cy.animate({ center: { eles: node } }, { duration: 200 });
  updateUrl();
  void showDetails(id);
}

function updateUrl(): void {
  const params = new URLSearchParams();
  if (selected) params.set('id', selected);
  if (pathFrom.value && pathTo.value && cy.elements('.path').nonempty()) {
    params.set('from', pathFrom.value);
    params.set('to', pathTo.value);
  }
  const search = params.toString();
  window.history.replaceState(null, '', `${window.location.pathname}${search ? `?${search}` : ''}`);
}

async function search(text: string): Promise<void> {
  const results = byId('search-results');
  const query = text.trim();
  if (!query) {
    setStatus(results, 'empty', 'Type a name or a word to search for.');
    return;
  }
  setStatus(results, 'loading', `Searching for “${query}”…`);
  try {
    const data = await gql<{ search: SearchHit[] }>(SEARCH_QUERY, { text: query });
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
              { type: 'button', className: 'result', 'data-id': hit.node.id, onclick: () => void open(hit.node) },
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
    showError(err, () => void search(text));
  }
}

function clearPath(): void {
  cy.elements().removeClass('path faded');
  byId('path-result').textContent = '';
  updateUrl();
}

async function findPath(fromId: string, toId: string): Promise<void> {
  const result = byId('path-result');
  if (!fromId || !toId) {
    result.textContent = 'Choose both ends of the path.';
    return;
  }
  if (fromId === toId) {
    result.textContent = 'Choose two different nodes.';
    return;
  }
  result.replaceChildren(h('span', { className: 'status status-loading', role: 'status' }, 'Looking for a path…'));
  setGraphBusy(1, 'Looking for a path…');
  try {
    const data = await gql<{ shortestPath: Graph | null }>(PATH_QUERY, { fromId, toId });
    hideError();
    cy.elements().removeClass('path faded');
    const path = data.shortestPath;
    const name = (id: string) => (cy.getElementById(id).data('name') as string | undefined) ?? id;
    if (!path || path.nodes.length === 0) {
      result.textContent = `No path between ${name(fromId)} and ${name(toId)} within 8 hops.`;
      updateUrl();
      return;
    }
    const fresh = addGraph(path);
    if (fresh.length) layout(fromId);
    const ids = new Set(path.nodes.map((n) => n.id));
    let pathEles = cy.collection();
    for (const id of ids) pathEles = pathEles.union(cy.getElementById(id));
    for (const e of path.edges) {
      pathEles = pathEles.union(cy.getElementById(edgeId(e)));
      pathEles = pathEles.union(cy.getElementById(edgeId({ source: e.target, target: e.source, type: e.type })));
    }
    cy.batch(() => {
      cy.elements().addClass('faded');
      pathEles.removeClass('faded').addClass('path');
    });
    pathFrom.value = fromId;
    pathTo.value = toId;
    cy.animate({ fit: { eles: pathEles, padding: 60 } }, { duration: 250 });
    const ordered = orderPath(path, fromId);
    result.replaceChildren(
      h('strong', {}, `${path.edges.length} ${path.edges.length === 1 ? 'hop' : 'hops'}: `),
      h(
        'ol',
        { className: 'path-steps' },
        ...ordered.map((step) =>
          h(
            'li',
            {},
            typeIcon(step.node.__typename, 14),
            ' ',
            h(
              'button',
              { type: 'button', className: 'link-button', onclick: () => select(step.node.id, true) },
              step.node.name,
            ),
            step.via ? h('span', { className: 'caption' }, ` via ${step.via}`) : null,
          ),
        ),
      ),
    );
    updateUrl();
  } catch (err) {
    result.textContent = 'The path could not be loaded.';
    showError(err, () => void findPath(fromId, toId));
  } finally {
    setGraphBusy(-1);
  }
}

/** Walks the path's edges from `fromId` so the steps read in order. */
function orderPath(path: Graph, fromId: string): Array<{ node: GraphNode; via: string | null }> {
  const byNode = new Map(path.nodes.map((n) => [n.id, n]));
  const steps: Array<{ node: GraphNode; via: string | null }> = [];
  const used = new Set<number>();
  let at = fromId;
  let via: string | null = null;
  for (let guard = 0; guard <= path.edges.length; guard++) {
    const node = byNode.get(at);
    if (!node) break;
    steps.push({ node, via });
    const next = path.edges.findIndex((e, i) => !used.has(i) && (e.source === at || e.target === at));
    if (next < 0) break;
    used.add(next);
    const e = path.edges[next];
    via = e.type;
    at = e.source === at ? e.target : e.source;
  }
  if (steps.length !== path.nodes.length) return path.nodes.map((node) => ({ node, via: null }));
  return steps;
}

// ---------------------------------------------------------------- side panel

function refButton(ref: Ref): HTMLElement {
  return h(
    'button',
    {
      type: 'button',
      className: 'ref',
      'data-id': ref.id,
      title: `Show ${ref.name} on the graph`,
      onclick: () => void open(ref),
    },
    typeIcon(ref.__typename ?? 'Node', 12),
    ref.name,
  );
}

function refList(refs: Ref[] | undefined | null): HTMLElement | null {
  if (!refs || refs.length === 0) return null;
  return h('ul', { className: 'ref-list' }, ...refs.map((r) => h('li', {}, refButton(r))));
}

function prop(label: string, value: Node | string | number | null | undefined): Array<HTMLElement> {
  if (value === null || value === undefined || value === '') return [];
  return [h('dt', {}, label), h('dd', {}, typeof value === 'object' ? value : String(value))];
}

function partnershipItem(p: PartnershipSummary): HTMLElement {
  return h(
    'li',
    { className: 'partnership-item' },
    refButton({ __typename: 'Partnership', id: p.id, name: p.name }),
    h(
      'div',
      { className: 'partnership-meta' },
      `${humanize(p.kind)} · ${humanize(p.status)} `,
      h('span', { className: `pill binding-${p.binding}` }, humanize(p.binding)),
      p.announced ? ` · announced ${p.announced.value}` : '',
    ),
    h(
      'div',
      { className: 'caption' },
      p.parties
        .map((party) => `${party.company.name}${party.role !== 'PARTNER' ? ` (${humanize(party.role)})` : ''}`)
        .join(', '),
    ),
  );
}

function loadSource(id: string): Promise<SourceText | null> {
  let pending = sourceCache.get(id);
  if (!pending) {
    pending = gql<{ source: SourceText | null }>(SOURCE_QUERY, { id }).then((d) => d.source);
    pending.catch(() => sourceCache.delete(id));
    sourceCache.set(id, pending);
  }
  return pending;
}

/** The source text with quotes marked; `focus` is the quote to scroll to. */
function highlighted(
  text: string,
  ranges: Array<{ id: string; start: number; end: number; quote: string }>,
  focus?: string,
): DocumentFragment {
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

async function fillSourceText(
  box: HTMLElement,
  sourceId: string,
  ranges: Array<{ id: string; start: number; end: number; quote: string }>,
  focus?: string,
): Promise<void> {
  box.replaceChildren(h('span', { className: 'status status-loading', role: 'status' }, 'Loading the source text…'));
  try {
    const source = await loadSource(sourceId);
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

function evidenceItem(e: Quote, openNow: boolean): HTMLElement {
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
      void fillSourceText(box, e.source.id, [e], e.id);
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

function evidenceSection(title: string, list: Quote[] | undefined): HTMLElement | null {
  if (!list) return null;
  return h(
    'section',
    { className: 'detail-section' },
    h('h3', {}, `${title} (${list.length})`),
    list.length
      ? h('ol', { className: 'evidence-list' }, ...list.map((e, i) => evidenceItem(e, i === 0)))
      : h('p', { className: 'status status-empty' }, 'No quotes.'),
  );
}

function section(title: string, body: HTMLElement | null, count?: number): HTMLElement | null {
  if (!body) return null;
  return h(
    'section',
    { className: 'detail-section' },
    h('h3', {}, count === undefined ? title : `${title} (${count})`),
    body,
  );
}

async function showDetails(id: string): Promise<void> {
  const mine = ++detailsGeneration;
  details.setAttribute('aria-busy', 'true');
  details.replaceChildren(h('p', { className: 'status status-loading', role: 'status' }, 'Loading details…'));
  let node: Details | null;
  let history: Revision[];
  try {
    [node, history] = await Promise.all([
      gql<{ node: Details | null }>(DETAILS_QUERY, { id }).then((r) => r.node),
      gql<{ history: Revision[] }>(HISTORY_QUERY, { id }).then((r) => r.history),
    ]);
  } catch (err) {
    if (mine !== detailsGeneration) return;
    details.setAttribute('aria-busy', 'false');
    details.replaceChildren(h('p', { className: 'status status-error' }, 'The details could not be loaded.'));
    showError(err, () => void showDetails(id));
    return;
  }
  if (mine !== detailsGeneration) return;
  details.setAttribute('aria-busy', 'false');
  if (!node) {
    details.replaceChildren(h('p', { className: 'status status-empty' }, `No node with id “${id}”.`));
    return;
  }
  details.replaceChildren(
    ...[...renderDetails(node), historySection(history)].filter((e): e is HTMLElement => e !== null),
  );
}

/** Curators' corrections, oldest first: what changed, from what to what, who changed it and why. */
function historySection(history: Revision[]): HTMLElement | null {
  if (history.length === 0) return null;
  const value = (json: string | null) => (json === null ? '—' : JSON.stringify(JSON.parse(json)).replace(/"/g, ''));
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
          h('ul', {}, ...r.changes.map((c) => h('li', {}, `${c.field}: ${value(c.before)} → ${value(c.after)}`))),
          r.reason ? h('div', { className: 'history-reason' }, `Why: ${r.reason}`) : null,
        ),
      ),
    ),
    history.length,
  );
}

function renderDetails(node: Details): Array<HTMLElement | null> {
  const n = node as Details & Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
  const props: HTMLElement[] = [
    ...prop('Id', h('code', {}, n.id)),
    ...prop('Also called', (n.aliases as string[] | undefined)?.join(', ')),
    ...prop('Kinds', (n.kinds as string[] | undefined)?.map(humanize).join(', ')),
    ...prop(
      'Kind',
      humanize(n.siteKind ?? n.projectKind ?? n.sourceKind ?? (n.__typename === 'Partnership' ? n.kind : undefined)),
    ),
    ...prop('Status', humanize(n.__typename === 'Partnership' ? n.status : undefined)),
    ...prop(
      'Binding',
      n.__typename === 'Partnership'
        ? h('span', { className: `pill binding-${n.binding}` }, humanize(n.binding))
        : undefined,
    ),
    ...prop('Asserted as', humanize(n.modality)),
    ...prop('Purpose', n.purpose),
    ...prop('Announced', n.announced?.value),
    ...prop('Starts', n.starts?.value),
    ...prop('Due', n.due),
    ...prop(
      'Year',
      n.__typename === 'Milestone'
        ? `${humanize(n.bound) ? `${humanize(n.bound)} ` : ''}${n.date ?? n.year}`
        : undefined,
    ),
    ...prop(
      'Quantity',
      n.measure
        ? `${n.measure.approximate ? '≈ ' : ''}${Number(n.measure.value).toLocaleString('en-GB')} ${n.measure.unit}`
        : undefined,
    ),
    ...prop('Modality', humanize(n.milestoneModality)),
    ...prop('Description', n.description),
    ...prop('Publisher', n.publisher),
    ...prop('Published', n.published?.value),
    ...prop('Language', n.language),
    ...prop(
      'Translation',
      n.translation
        ? `${n.translation.machine ? 'Machine translation' : 'Translation'}${n.translation.originalLanguage ? ` from ${n.translation.originalLanguage}` : ''}${n.translation.note ? `. ${n.translation.note}` : ''}`
        : undefined,
    ),
    ...prop(
      'Address',
      n.url ? h('a', { href: n.url, rel: 'noreferrer noopener', target: '_blank' }, n.url) : undefined,
    ),
  ];
  const partnerships: PartnershipSummary[] | undefined =
    n.partnershipPage?.nodes ?? (n.__typename === 'Partnership' ? undefined : n.partnerships);
  const inGraph = cy.getElementById(n.id).nonempty();
  const actions = h(
    'div',
    { className: 'detail-actions' },
    h(
      'button',
      { type: 'button', className: 'secondary', disabled: !inGraph, onclick: () => void expand(n.id) },
      expanded.has(n.id) ? 'Expand again' : 'Expand neighbours',
    ),
    h(
      'button',
      {
        type: 'button',
        className: 'secondary',
        disabled: !inGraph,
        onclick: () => {
          pathFrom.value = n.id;
          pathTo.focus();
        },
      },
      'Path from here',
    ),
    h(
      'button',
      {
        type: 'button',
        className: 'secondary',
        disabled: !inGraph,
        onclick: () => {
          pathTo.value = n.id;
          if (pathFrom.value) void findPath(pathFrom.value, n.id);
          else pathFrom.focus();
        },
      },
      'Path to here',
    ),
  );
  const relations: Array<[string, Ref[] | undefined]> = [
    ['Based in', n.basedIn],
    ['Member of', n.memberOf],
    ['Members', n.members],
    ['Owners', n.owners],
    ['Located in', n.locatedIn ? [n.locatedIn] : undefined],
    ['Contains', n.contains],
    ['Near', n.near],
    ['Part of', n.partOf],
    ['Parts', n.parts],
    ['Companies', n.companies],
    ['Sites', n.sites],
    ['Projects', n.projects],
    ['Milestones', n.milestones],
    ['Supports', n.supports],
  ];
  const people: Array<{ title: string; person?: Ref; organization?: Ref }> = n.people ?? n.positions ?? [];
  return [
    h('header', { className: 'detail-header' }, typeBadge(n.__typename), h('h2', { id: 'details-title' }, n.name)),
    actions,
    h('dl', { className: 'props' }, ...props),
    n.__typename === 'Partnership'
      ? section(
          'Parties',
          h(
            'ul',
            { className: 'ref-list' },
            ...(n.parties as PartnershipSummary['parties']).map((p) =>
              h('li', {}, refButton({ __typename: 'Company', ...p.company }), ` ${humanize(p.role)}`),
            ),
          ),
        )
      : null,
    partnerships
      ? section(
          'Partnerships',
          partnerships.length
            ? h('ul', { className: 'partnership-list' }, ...partnerships.map(partnershipItem))
            : h('p', { className: 'status status-empty' }, 'No partnerships.'),
          n.partnershipPage?.totalCount ?? partnerships.length,
        )
      : null,
    people.length
      ? section(
          'Positions',
          h(
            'ul',
            { className: 'ref-list' },
            ...people.map((p) => h('li', {}, `${p.title}: `, refButton((p.person ?? p.organization) as Ref))),
          ),
        )
      : null,
    ...relations.map(([title, refs]) => section(title, refList(refs), refs?.length)),
    n.__typename === 'Evidence' ? evidenceSection('Quote', [n as unknown as Quote]) : null,
    n.__typename === 'Source' ? sourceSection(n as unknown as { id: string; evidence: Quote[] }) : null,
    n.__typename === 'Person' ? evidenceSection('Statements', n.statements) : null,
    n.__typename !== 'Evidence' && n.__typename !== 'Source' ? evidenceSection('Evidence', n.evidence) : null,
  ];
}

function sourceSection(source: { id: string; evidence: Quote[] }): HTMLElement {
  const box = h('div', {
    className: 'source-text tall',
    tabindex: 0,
    'aria-label': 'Source text with every quote highlighted',
  });
  void fillSourceText(box, source.id, source.evidence);
  return h(
    'section',
    { className: 'detail-section' },
    h('h3', {}, `Text, with its ${source.evidence.length} quotes highlighted`),
    box,
  );
}

// ---------------------------------------------------------------- wiring

cy.on('tap', 'node', (event) => {
  const id = event.target.id() as string;
  const original = event.originalEvent as MouseEvent | undefined;
  if (original?.shiftKey && selected && selected !== id) {
    void findPath(selected, id);
    return;
  }
  select(id);
  if (!expanded.has(id)) void expand(id);
});

byId<HTMLFormElement>('search-form').addEventListener('submit', (event) => {
  event.preventDefault();
  void search(byId<HTMLInputElement>('search-text').value);
});
byId<HTMLFormElement>('path-form').addEventListener('submit', (event) => {
  event.preventDefault();
  void findPath(pathFrom.value, pathTo.value);
});
byId('path-clear').addEventListener('click', clearPath);
nodeSelect.addEventListener('change', () => {
  if (nodeSelect.value) select(nodeSelect.value, true);
});
byId('btn-expand').addEventListener('click', () => {
  if (selected) void expand(selected);
});
byId('btn-expand-more').addEventListener('click', () => {
  if (selected) void expand(selected, 3, 1000);
});
byId('btn-fit').addEventListener('click', fitView);
byId('btn-layout').addEventListener('click', () => layout(selected ?? undefined, cy.nodes().length <= BIG));
byId('btn-clear').addEventListener('click', () => {
  cy.elements().remove();
  expanded.clear();
  selected = null;
  byId('path-result').textContent = '';
  details.replaceChildren(
    h('p', { className: 'status status-empty' }, 'Select a node to see its properties, partnerships and evidence.'),
  );
  graphChanged();
  updateUrl();
});
for (const button of document.querySelectorAll<HTMLButtonElement>('[data-open]')) {
  button.addEventListener('click', () => void open(button.dataset.open ?? ''));
}

/** A handle for debugging in the console and for the browser tests' stress check. */
declare global {
  interface Window {
    kgExplorer?: {
      cy: cytoscape.Core;
      addGraph: typeof addGraph;
      layout: typeof layout;
      open: typeof open;
      findPath: typeof findPath;
    };
  }
}
window.kgExplorer = { cy, addGraph, layout, open, findPath };

async function start(): Promise<void> {
  renderLegend();
  syncNodeOptions();
  const params = new URLSearchParams(window.location.search);
  const id = params.get('id');
  const from = params.get('from');
  const to = params.get('to');
  const text = params.get('q');
  try {
    if (text) {
      byId<HTMLInputElement>('search-text').value = text;
      await search(text);
    }
    if (from && to) {
      await open(from);
      await findPath(from, to);
    }
    if (id) await open(id);
  } catch (err) {
    if (!(err instanceof ApiError)) throw err;
    showError(err);
  }
  document.body.dataset.ready = 'true';
}

void start();
