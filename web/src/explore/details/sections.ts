// Building blocks of the side panel: titled sections, property lists, and buttons that open a node.
import type { NodeRefFragment, PartnershipSummaryFragment } from '../../__generated__/graphql';
import { h } from '../../shared/dom';
import { bindingPill, humanize, partyLabel } from '../../shared/labels';
import { typeIcon } from '../../shared/node-types';
import type { Prop } from './describe';

/** Puts a node on the graph and selects it. */
export type Open = (ref: NodeRefFragment) => void;

export function refButton(ref: NodeRefFragment, open: Open): HTMLElement {
  return h(
    'button',
    {
      type: 'button',
      className: 'ref',
      'data-id': ref.id,
      title: `Show ${ref.name} on the graph`,
      onclick: () => open(ref),
    },
    typeIcon(ref.__typename, 12),
    ref.name,
  );
}

export function refList(refs: NodeRefFragment[], open: Open): HTMLElement | null {
  if (refs.length === 0) return null;
  return h('ul', { className: 'ref-list' }, ...refs.map((r) => h('li', {}, refButton(r, open))));
}

export function section(title: string, body: HTMLElement | null, count?: number): HTMLElement | null {
  if (!body) return null;
  return h(
    'section',
    { className: 'detail-section' },
    h('h3', {}, count === undefined ? title : `${title} (${count})`),
    body,
  );
}

/** The properties as a definition list, leaving out empty values. */
export function propList(props: Prop[]): HTMLElement {
  return h(
    'dl',
    { className: 'props' },
    ...props.flatMap(([label, value]) =>
      value === null || value === undefined || value === ''
        ? []
        : [h('dt', {}, label), h('dd', {}, typeof value === 'object' ? value : String(value))],
    ),
  );
}

export function partnershipItem(p: PartnershipSummaryFragment, open: Open): HTMLElement {
  return h(
    'li',
    { className: 'partnership-item' },
    refButton({ __typename: 'Partnership', id: p.id, name: p.name }, open),
    h(
      'div',
      { className: 'partnership-meta' },
      `${humanize(p.kind)} · ${humanize(p.status)} `,
      bindingPill(p.binding),
      p.announced ? ` · announced ${p.announced.value}` : '',
    ),
    h('div', { className: 'caption' }, p.parties.map(partyLabel).join(', ')),
  );
}
