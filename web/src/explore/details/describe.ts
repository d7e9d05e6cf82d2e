// What the side panel shows for each node type, in the order it shows it. Only the node's own type's
// fields are read, so every value here is typed by the query.
import type { NodeRefFragment, PartnershipSummaryFragment, QuoteFragment } from '../../__generated__/graphql';
import { h } from '../../shared/dom';
import { bindingPill, formatMeasure, humanize } from '../../shared/labels';
import type { Details } from './queries';

/** A property: its label and its value (text, or an element such as a pill or a link); empty ones are left out. */
export type Prop = [label: string, value: Node | string | number | null | undefined];

export interface DetailView {
  props: Prop[];
  parties?: PartnershipSummaryFragment['parties'];
  partnerships?: { list: PartnershipSummaryFragment[]; total: number };
  positions?: Array<{ title: string; ref: NodeRefFragment }>;
  relations?: Array<[title: string, refs: NodeRefFragment[]]>;
  quotes?: Array<[title: string, quotes: QuoteFragment[]]>;
  /** A source's text with all its quotes highlighted. */
  sourceText?: { id: string; evidence: QuoteFragment[] };
}

const aliases = (list: string[]): Prop => ['Also called', list.join(', ')];

export function describe(node: Details): DetailView {
  switch (node.__typename) {
    case 'Company':
      return {
        props: [
          aliases(node.aliases),
          ['Kinds', node.kinds.map(humanize).join(', ')],
          ['Description', node.description],
        ],
        partnerships: { list: node.partnershipPage.nodes, total: node.partnershipPage.totalCount },
        positions: node.people.map((p) => ({ title: p.title, ref: p.person })),
        relations: [
          ['Based in', node.basedIn],
          ['Member of', node.memberOf],
          ['Members', node.members],
          ['Projects', node.projects],
        ],
        quotes: [['Evidence', node.evidence]],
      };
    case 'Person':
      return {
        props: [aliases(node.aliases)],
        positions: node.positions.map((p) => ({ title: p.title, ref: p.organization })),
        quotes: [
          ['Statements', node.statements],
          ['Evidence', node.evidence],
        ],
      };
    case 'Site':
      return {
        props: [aliases(node.aliases), ['Kind', humanize(node.siteKind)], ['Description', node.description]],
        partnerships: { list: node.partnerships, total: node.partnerships.length },
        relations: [
          ['Located in', node.locatedIn ? [node.locatedIn] : []],
          ['Contains', node.contains],
          ['Near', node.near],
          ['Companies', node.companies],
        ],
        quotes: [['Evidence', node.evidence]],
      };
    case 'Project':
      return {
        props: [aliases(node.aliases), ['Kind', humanize(node.projectKind)], ['Description', node.description]],
        partnerships: { list: node.partnerships, total: node.partnerships.length },
        relations: [
          ['Owners', node.owners],
          ['Part of', node.partOf],
          ['Parts', node.parts],
          ['Milestones', node.milestones],
        ],
        quotes: [['Evidence', node.evidence]],
      };
    case 'Partnership':
      return {
        props: [
          aliases(node.aliases),
          ['Kind', humanize(node.kind)],
          ['Status', humanize(node.status)],
          ['Binding', bindingPill(node.binding)],
          ['Asserted as', humanize(node.modality)],
          ['Purpose', node.purpose],
          ['Announced', node.announced?.value],
          ['Starts', node.starts?.value],
        ],
        parties: node.parties,
        relations: [
          ['Sites', node.sites],
          ['Projects', node.projects],
          ['Milestones', node.milestones],
        ],
        quotes: [['Evidence', node.evidence]],
      };
    case 'Milestone':
      return {
        props: [
          ['Due', node.due],
          ['Year', `${humanize(node.bound) ? `${humanize(node.bound)} ` : ''}${node.date ?? node.year}`],
          ['Quantity', node.measure ? formatMeasure(node.measure) : undefined],
          ['Modality', humanize(node.milestoneModality)],
        ],
        partnerships: { list: node.partnerships, total: node.partnerships.length },
        relations: [
          ['Companies', node.companies],
          ['Sites', node.sites],
          ['Projects', node.projects],
        ],
        quotes: [['Evidence', node.evidence]],
      };
    case 'Source':
      return {
        props: [
          ['Kind', humanize(node.sourceKind)],
          ['Publisher', node.publisher],
          ['Published', node.published?.value],
          ['Language', node.language],
          ['Translation', node.translation ? translationNote(node.translation) : undefined],
          [
            'Address',
            node.url ? h('a', { href: node.url, rel: 'noreferrer noopener', target: '_blank' }, node.url) : undefined,
          ],
        ],
        sourceText: { id: node.id, evidence: node.evidence },
      };
    case 'Evidence':
      return { props: [], relations: [['Supports', node.supports]], quotes: [['Quote', [node]]] };
    default:
      return { props: [] };
  }
}

function translationNote(t: { machine: boolean; originalLanguage: string | null; note: string | null }): string {
  return `${t.machine ? 'Machine translation' : 'Translation'}${t.originalLanguage ? ` from ${t.originalLanguage}` : ''}${t.note ? `. ${t.note}` : ''}`;
}
