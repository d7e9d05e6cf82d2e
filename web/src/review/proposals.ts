// The proposals of the article under review: one card each, with its status and, while it is
// pending, a box to pick it for a batch and its own accept, edit and reject buttons (and, for a
// company, merge into a company the graph knows).
import type { ProposalEditInput } from '../__generated__/graphql';
import { h } from '../shared/dom';
import { humanize } from '../shared/labels';
import { editForm } from './edit';
import { mergeForm } from './merge';
import type { ProposalView } from './queries';

export interface Decide {
  accept(ids: string[], edits: ProposalEditInput[]): void;
  reject(ids: string[]): void;
  /** Merges a company proposal into the known company `into`. */
  merge(id: string, into: string): void;
  /** The proposal whose quotes to emphasise in the article (null: none). */
  focus(id: string | null): void;
}

function card(proposal: ProposalView, decide: Decide): HTMLElement {
  const pending = proposal.status === 'PENDING';
  const title = h(
    'div',
    { className: 'proposal-title' },
    pending
      ? h('input', {
          type: 'checkbox',
          className: 'pick',
          value: proposal.id,
          'aria-label': `Pick ${proposal.name}`,
        })
      : null,
    h('span', { className: 'type-badge' }, humanize(proposal.section)),
    h('strong', { className: 'proposal-name' }, proposal.name),
    proposal.known ? h('span', { className: 'pill', title: 'The graph holds this record already' }, 'Known') : null,
    h('span', { className: 'confidence' }, `${Math.round(proposal.confidence * 100)}%`),
    h('span', { className: `pill decision decision-${proposal.status}` }, humanize(proposal.status)),
  );
  const item = h(
    'li',
    { className: 'proposal', 'data-id': proposal.id, 'data-status': proposal.status, tabindex: 0 },
    title,
    h('p', { className: 'caption' }, `Record id ${proposal.recordId}`),
    proposal.decidedBy ? h('p', { className: 'caption' }, `Decided by ${proposal.decidedBy}`) : null,
    proposal.entity && proposal.entity.name !== proposal.name
      ? h('p', { className: 'caption graph-name' }, `In the graph as ${proposal.entity.name}`)
      : null,
    proposal.mergedInto
      ? h(
          'p',
          { className: 'caption merged-into' },
          `Merged into ${proposal.mergedInto.name} (${proposal.mergedInto.id})`,
        )
      : null,
  );
  item.addEventListener('mouseenter', () => decide.focus(proposal.id));
  item.addEventListener('focusin', () => decide.focus(proposal.id));
  item.addEventListener('mouseleave', () => decide.focus(null));
  if (!pending) return item;

  const editor = editForm(proposal);
  editor.form.hidden = true;
  editor.form.append(
    h('button', { type: 'submit', className: 'save' }, 'Accept with corrections'),
    h('button', { type: 'button', className: 'secondary', onclick: () => (editor.form.hidden = true) }, 'Cancel'),
  );
  editor.form.addEventListener('submit', (event) => {
    event.preventDefault();
    decide.accept([], [editor.edits()]);
  });
  const merger = proposal.section === 'COMPANY' ? mergeForm(proposal, (into) => decide.merge(proposal.id, into)) : null;
  item.append(
    h(
      'div',
      { className: 'proposal-actions' },
      h('button', { type: 'button', className: 'accept', onclick: () => decide.accept([proposal.id], []) }, 'Accept'),
      h(
        'button',
        { type: 'button', className: 'edit secondary', onclick: () => (editor.form.hidden = !editor.form.hidden) },
        'Edit',
      ),
      h(
        'button',
        { type: 'button', className: 'reject secondary', onclick: () => decide.reject([proposal.id]) },
        'Reject',
      ),
      merger
        ? h('button', { type: 'button', className: 'merge secondary', onclick: () => merger.toggle() }, 'Merge into…')
        : null,
    ),
    editor.form,
    ...(merger ? [merger.form] : []),
  );
  return item;
}

export function proposalList(proposals: readonly ProposalView[], decide: Decide): HTMLElement {
  return h('ul', { className: 'proposal-list' }, ...proposals.map((p) => card(p, decide)));
}

/** The ids of the pending proposals whose box is ticked. */
export function picked(list: HTMLElement): string[] {
  return [...list.querySelectorAll<HTMLInputElement>('input.pick:checked')].map((box) => box.value);
}
