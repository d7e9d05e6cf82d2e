// The selects that name a node on the graph (the node to show, the ends of a path), kept in step with it.
import type cytoscape from 'cytoscape';
import { byId, h } from '../shared/dom';
import { typeStyle } from '../shared/node-types';

export class NodePickers {
  readonly node = byId<HTMLSelectElement>('node-select');
  readonly pathFrom = byId<HTMLSelectElement>('path-from');
  readonly pathTo = byId<HTMLSelectElement>('path-to');
  private readonly expandButtons = [byId<HTMLButtonElement>('btn-expand'), byId<HTMLButtonElement>('btn-expand-more')];

  /** Lists the graph's nodes by name in every select, keeping choices still on the graph. */
  sync(cy: cytoscape.Core, selected: string | null): void {
    const nodes = cy
      .nodes()
      .map((n) => ({ id: n.id(), name: n.data('name') as string, type: n.data('type') as string }))
      .sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
    for (const select of [this.node, this.pathFrom, this.pathTo]) {
      const value = select.value;
      const options = document.createDocumentFragment();
      options.appendChild(h('option', { value: '' }, nodes.length ? 'Choose a node…' : 'No nodes yet'));
      for (const n of nodes)
        options.appendChild(h('option', { value: n.id }, `${n.name} (${typeStyle(n.type).label})`));
      select.replaceChildren(options);
      select.value = nodes.some((n) => n.id === value) ? value : '';
    }
    if (selected) this.node.value = selected;
    this.enableExpand(Boolean(selected));
  }

  /** The expand buttons act on the selected node, so they work only when one is selected. */
  enableExpand(enabled: boolean): void {
    for (const button of this.expandButtons) button.disabled = !enabled;
  }
}
