// The merge form of a company proposal: the editor finds the company the graph already knows under
// another name (search over names, aliases and quotes, started with the proposed name) and merges the
// proposal into it; the server moves the article's other proposals to that company.
import { showError } from '../shared/banner';
import { h } from '../shared/dom';
import { asEditor } from './key';
import { MERGE_CANDIDATES, type ProposalView } from './queries';

export interface MergeForm {
  /** Hidden until toggled. */
  form: HTMLFormElement;
  /** Shows the form, looking for candidates by the proposed name, or hides it. */
  toggle(): void;
}

export function mergeForm(proposal: ProposalView, merge: (into: string) => void): MergeForm {
  const searchId = `merge-${proposal.id}-text`;
  const intoId = `merge-${proposal.id}-into`;
  const text = h('input', { id: searchId, name: 'merge-text', type: 'search', value: proposal.name });
  const into = h('select', { id: intoId, name: 'into', required: true });
  const submit = h('button', { type: 'submit', className: 'save', disabled: true }, 'Merge');
  const form = h(
    'form',
    { className: 'merge-form', 'aria-label': `Merge ${proposal.name} into a known company` },
    h('div', { className: 'field' }, h('label', { for: searchId }, 'Find the known company'), text),
    h('button', { type: 'button', className: 'secondary find', onclick: () => void find() }, 'Find'),
    h('div', { className: 'field' }, h('label', { for: intoId }, 'Merge into'), into),
    submit,
  );
  form.hidden = true;

  async function find(): Promise<void> {
    into.replaceChildren(h('option', { value: '' }, 'Searching…'));
    submit.disabled = true;
    try {
      const { search } = await asEditor(MERGE_CANDIDATES, { text: text.value.trim() || proposal.name });
      const companies = search
        .map((hit) => hit.node)
        .filter((node) => node.__typename === 'Company' && node.id !== proposal.recordId);
      into.replaceChildren(
        ...(companies.length === 0
          ? [h('option', { value: '' }, 'No known company matches')]
          : companies.map((c) => h('option', { value: c.id }, `${c.name} (${c.id})`))),
      );
      submit.disabled = companies.length === 0;
    } catch (err) {
      into.replaceChildren();
      showError(err, () => void find());
    }
  }

  text.addEventListener('keydown', (event) => {
    if (event.key !== 'Enter') return;
    event.preventDefault();
    void find();
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    if (into.value) merge(into.value);
  });
  return {
    form,
    toggle() {
      form.hidden = !form.hidden;
      if (!form.hidden) void find();
    },
  };
}
