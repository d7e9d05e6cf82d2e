// The partner network: the companies one company shares partnerships with, as a list and a graph whose
// edges say how binding the deals are. Choosing a partner in the graph moves the network to it.
import cytoscape from 'cytoscape';
import { graphql } from '../__generated__';
import type { DashboardNetworkQuery } from '../__generated__/graphql';
import { execute } from '../shared/api';
import { byId, h, setBusy, setStatus } from '../shared/dom';
import { bindingPill, humanize } from '../shared/labels';
import { cytoscapeTypeStyles, typeStyle } from '../shared/node-types';

type NetworkCompany = NonNullable<DashboardNetworkQuery['company']>;

const NetworkQuery = graphql(`
  query DashboardNetwork($id: ID!) {
    company(id: $id) {
      id
      name
      kinds
      partners {
        company {
          id
          name
          kinds
        }
        partnerships {
          id
          name
          kind
          status
          binding
        }
      }
    }
  }
`);

const STYLE: cytoscape.StylesheetStyle[] = [
  {
    selector: 'node',
    style: {
      label: 'data(label)',
      'font-size': 11,
      'text-valign': 'bottom',
      'text-margin-y': 4,
      'text-wrap': 'wrap',
      'text-max-width': '110px',
      width: 26,
      height: 26,
      color: '#1d2430',
      'background-color': typeStyle('Company').color,
    },
  },
  ...cytoscapeTypeStyles(),
  {
    selector: 'node[center = 1]',
    style: { width: 40, height: 40, 'font-weight': 'bold', 'border-width': 3, 'border-color': '#f0a500' },
  },
  {
    selector: 'edge',
    style: {
      width: 2,
      'line-color': '#8da2bb',
      label: 'data(label)',
      'font-size': 9,
      color: '#4a5566',
      'text-rotation': 'autorotate',
      'text-background-color': '#fff',
      'text-background-opacity': 0.85,
      'text-background-padding': '1px',
      'curve-style': 'bezier',
    },
  },
  { selector: 'edge[binding = "NON_BINDING"]', style: { 'line-style': 'dashed', 'line-color': '#d59a2b' } },
  { selector: 'edge[binding = "BINDING"]', style: { 'line-color': '#2e7d32', width: 3 } },
];

export class PartnerNetwork {
  readonly select = byId<HTMLSelectElement>('network-company');
  private readonly list = byId('network-list');
  private graph: cytoscape.Core | null = null;

  /** `onChoose` runs when a partner is chosen in the graph (the select already shows it). */
  constructor(private readonly onChoose: () => void) {}

  showFailed(): void {
    setStatus(this.list, 'error', 'The partner network could not be loaded.');
  }

  /** Loads and shows a company's network unless `isCurrent()` says a newer view took over. */
  async load(id: string, isCurrent: () => boolean): Promise<void> {
    if (!id) {
      setStatus(this.list, 'empty', 'No companies in the graph yet.');
      return;
    }
    setStatus(this.list, 'loading', 'Loading partners…');
    let company: DashboardNetworkQuery['company'];
    try {
      company = (await execute(NetworkQuery, { id })).company;
    } catch (err) {
      if (isCurrent()) {
        this.graph?.elements().remove();
        this.showFailed();
      }
      throw err;
    }
    if (!isCurrent()) return;
    setBusy(this.list, false);
    if (!company || company.partners.length === 0) {
      this.graph?.elements().remove();
      setStatus(
        this.list,
        'empty',
        company ? `${company.name} has no partners in the graph.` : `No company with id “${id}”.`,
      );
      return;
    }
    this.list.replaceChildren(
      h(
        'p',
        { className: 'caption' },
        `${company.name} shares partnerships with ${company.partners.length} ${company.partners.length === 1 ? 'company' : 'companies'}. Select a partner in the graph to see its network.`,
      ),
      h(
        'ul',
        { className: 'partner-list' },
        ...company.partners.map((p) =>
          h(
            'li',
            {},
            h('a', { href: `/explore?id=${encodeURIComponent(p.company.id)}` }, p.company.name),
            ': ',
            ...p.partnerships.flatMap((ps, i) => [
              i > 0 ? '; ' : '',
              `${ps.name} (${humanize(ps.kind)}, ${humanize(ps.status)}) `,
              bindingPill(ps.binding),
            ]),
          ),
        ),
      ),
    );
    this.draw(company);
  }

  private draw(company: NetworkCompany): void {
    const elements: cytoscape.ElementDefinition[] = [
      { data: { id: company.id, label: company.name, type: 'Company', center: 1 } },
      ...company.partners.flatMap((p) => [
        { data: { id: p.company.id, label: p.company.name, type: 'Company', center: 0 } },
        {
          data: {
            id: `${company.id}->${p.company.id}`,
            source: company.id,
            target: p.company.id,
            label: [...new Set(p.partnerships.map((ps) => humanize(ps.kind)))].join(', '),
            binding: p.partnerships.some((ps) => ps.binding === 'BINDING')
              ? 'BINDING'
              : p.partnerships.every((ps) => ps.binding === 'NON_BINDING')
                ? 'NON_BINDING'
                : 'UNKNOWN',
          },
        },
      ]),
    ];
    const cy = this.graph ?? this.createGraph();
    cy.batch(() => {
      cy.elements().remove();
      cy.add(elements);
    });
    cy.layout({
      name: 'concentric',
      concentric: (node: cytoscape.NodeSingular) => (node.data('center') === 1 ? 2 : 1),
      levelWidth: () => 1,
      minNodeSpacing: 40,
      animate: false,
      padding: 24,
    } as cytoscape.LayoutOptions).run();
    cy.fit(undefined, 24);
  }

  private createGraph(): cytoscape.Core {
    const cy = cytoscape({
      container: byId('network'),
      boxSelectionEnabled: false,
      autoungrabify: false,
      minZoom: 0.3,
      maxZoom: 2.5,
      style: STYLE,
    });
    cy.on('tap', 'node', (event) => {
      const id = event.target.id() as string;
      if (id !== this.select.value) {
        this.select.value = id;
        this.onChoose();
      }
    });
    this.graph = cy;
    return cy;
  }
}
