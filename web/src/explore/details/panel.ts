// The side panel: the selected node's properties, relations, partnerships, quotes and curated history,
// with buttons to expand it or start a path there. A newer selection supersedes a slower older one.
import { execute } from '../../shared/api';
import { showError } from '../../shared/banner';
import { byId, h } from '../../shared/dom';
import { humanize } from '../../shared/labels';
import { typeBadge } from '../../shared/node-types';
import { describe } from './describe';
import { evidenceSection, sourceSection } from './evidence';
import { historySection } from './history';
import { DetailsQuery, HistoryQuery, type Details, type Revision } from './queries';
import { partnershipItem, propList, refButton, refList, section, type Open } from './sections';
import { SourceTexts } from './source-text';

/** What the panel's buttons do, provided by the page. */
export interface PanelActions {
  open: Open;
  expand(id: string): void;
  isExpanded(id: string): boolean;
  inGraph(id: string): boolean;
  pathFrom(id: string): void;
  pathTo(id: string): void;
}

export class DetailsPanel {
  private readonly panel = byId('details');
  private readonly texts = new SourceTexts();
  private generation = 0;

  constructor(private readonly actions: PanelActions) {}

  showEmpty(): void {
    this.panel.replaceChildren(
      h('p', { className: 'status status-empty' }, 'Select a node to see its properties, partnerships and evidence.'),
    );
  }

  async show(id: string): Promise<void> {
    const mine = ++this.generation;
    const panel = this.panel;
    panel.setAttribute('aria-busy', 'true');
    panel.replaceChildren(h('p', { className: 'status status-loading', role: 'status' }, 'Loading details…'));
    let answers: [Details | null, Revision[]];
    try {
      answers = await Promise.all([
        execute(DetailsQuery, { id }).then((r) => r.node),
        execute(HistoryQuery, { id }).then((r) => r.history),
      ]);
    } catch (err) {
      if (mine !== this.generation) return;
      panel.setAttribute('aria-busy', 'false');
      panel.replaceChildren(h('p', { className: 'status status-error' }, 'The details could not be loaded.'));
      showError(err, () => void this.show(id));
      return;
    }
    if (mine !== this.generation) return;
    panel.setAttribute('aria-busy', 'false');
    const [node, history] = answers;
    if (!node) {
      panel.replaceChildren(h('p', { className: 'status status-empty' }, `No node with id “${id}”.`));
      return;
    }
    panel.replaceChildren(
      ...[...this.render(node), historySection(history)].filter((e): e is HTMLElement => e !== null),
    );
  }

  private render(node: Details): Array<HTMLElement | null> {
    const { open } = this.actions;
    const view = describe(node);
    return [
      h(
        'header',
        { className: 'detail-header' },
        typeBadge(node.__typename),
        h('h2', { id: 'details-title' }, node.name),
      ),
      this.buttons(node.id),
      propList([['Id', h('code', {}, node.id)], ...view.props]),
      view.parties
        ? section(
            'Parties',
            h(
              'ul',
              { className: 'ref-list' },
              ...view.parties.map((p) =>
                h('li', {}, refButton({ __typename: 'Company', ...p.company }, open), ` ${humanize(p.role)}`),
              ),
            ),
          )
        : null,
      view.partnerships
        ? section(
            'Partnerships',
            view.partnerships.list.length
              ? h(
                  'ul',
                  { className: 'partnership-list' },
                  ...view.partnerships.list.map((p) => partnershipItem(p, open)),
                )
              : h('p', { className: 'status status-empty' }, 'No partnerships.'),
            view.partnerships.total,
          )
        : null,
      view.positions?.length
        ? section(
            'Positions',
            h(
              'ul',
              { className: 'ref-list' },
              ...view.positions.map((p) => h('li', {}, `${p.title}: `, refButton(p.ref, open))),
            ),
          )
        : null,
      ...(view.relations ?? []).map(([title, refs]) => section(title, refList(refs, open), refs.length)),
      ...(view.quotes ?? []).map(([title, quotes]) => evidenceSection(this.texts, title, quotes)),
      view.sourceText ? sourceSection(this.texts, view.sourceText) : null,
    ];
  }

  private buttons(id: string): HTMLElement {
    const { actions } = this;
    const inGraph = actions.inGraph(id);
    const button = (label: string, onclick: () => void) =>
      h('button', { type: 'button', className: 'secondary', disabled: !inGraph, onclick }, label);
    return h(
      'div',
      { className: 'detail-actions' },
      button(actions.isExpanded(id) ? 'Expand again' : 'Expand neighbours', () => actions.expand(id)),
      button('Path from here', () => actions.pathFrom(id)),
      button('Path to here', () => actions.pathTo(id)),
    );
  }
}
