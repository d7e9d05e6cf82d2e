// A partnership the article states that ingestion did not propose. Ingestion finds fewer than half of
// a report's deals (docs/ingestion.md), so the editor who reads the article adds the rest here: the quote
// comes from the article (the selected words, or pasted), the parties from the article's companies the
// graph now holds, and the server checks the quote against the stored text before anything is written.
import type { CreatePartnershipInput, PartnershipKind, PartyRole } from '../__generated__/graphql';
import { slugify } from '../../../src/slug';
import { h } from '../shared/dom';
import { humanize } from '../shared/labels';
import { PARTNERSHIP_KINDS, PARTY_ROLES, STATUSES } from './enums';
import type { ProposalView } from './queries';

export interface Company {
  id: string;
  name: string;
}

/** The article's companies that are in the graph: accepted, corrected, merged, or known already. */
export function companiesInGraph(proposals: readonly ProposalView[]): Company[] {
  const found = new Map<string, string>();
  for (const p of proposals) {
    if (p.section !== 'COMPANY') continue;
    if (p.status === 'MERGED' && p.mergedInto) found.set(p.mergedInto.id, p.mergedInto.name);
    else if (p.status === 'ACCEPTED' || p.status === 'EDITED' || p.known)
      found.set(p.recordId, p.entity?.name ?? p.name);
  }
  return [...found].map(([id, name]) => ({ id, name })).sort((a, b) => a.name.localeCompare(b.name));
}

function select<T extends string>(id: string, label: string, options: readonly T[], start?: T): HTMLElement {
  return h(
    'div',
    { className: 'field' },
    h('label', { for: id }, label),
    h('select', { id, name: id }, ...options.map((o) => h('option', { value: o, selected: o === start }, humanize(o)))),
  );
}

function partyFields(n: number, companies: Company[]): HTMLElement {
  const id = `missed-party-${n}`;
  return h(
    'div',
    { className: 'missed-party' },
    h(
      'div',
      { className: 'field' },
      h('label', { for: id }, `Party ${n}`),
      h(
        'select',
        { id, name: id, required: true },
        h('option', { value: '' }, '—'),
        ...companies.map((c) => h('option', { value: c.id }, c.name)),
      ),
    ),
    select(`missed-role-${n}`, 'Role', PARTY_ROLES, 'PARTNER'),
  );
}

/**
 * The form, or a note on what to do first when fewer than two of the article's companies are in the
 * graph. `selection` reads the words selected in the article (empty when the selection lies elsewhere).
 */
export function missedPartnershipForm(
  sourceId: string,
  companies: Company[],
  selection: () => string,
  create: (input: CreatePartnershipInput) => void,
): HTMLElement {
  if (companies.length < 2)
    return h(
      'p',
      { className: 'caption' },
      'Accept or merge at least two of the article’s companies to add a partnership it states.',
    );
  const quote = h('textarea', { id: 'missed-quote', name: 'missed-quote', rows: 3, required: true });
  const name = h('input', { id: 'missed-name', name: 'missed-name', type: 'text' });
  const note = h('p', { className: 'caption', 'aria-live': 'polite' });
  const form = h(
    'form',
    { className: 'missed-form', 'aria-label': 'Add a partnership the article states' },
    h('div', { className: 'field' }, h('label', { for: 'missed-quote' }, 'Quote (verbatim from the article)'), quote),
    h(
      'button',
      {
        type: 'button',
        className: 'secondary',
        onclick: () => {
          const words = selection().trim();
          if (words) quote.value = words;
          else note.textContent = 'Select the words in the article first.';
        },
      },
      'Quote the selected words',
    ),
    partyFields(1, companies),
    partyFields(2, companies),
    select<PartnershipKind>('missed-kind', 'Kind', PARTNERSHIP_KINDS, 'STRATEGIC_COOPERATION'),
    select('missed-status', 'Status', STATUSES, 'ANNOUNCED'),
    h('div', { className: 'field' }, h('label', { for: 'missed-name' }, 'Name (default: parties and kind)'), name),
    h('button', { type: 'submit', className: 'save' }, 'Add partnership'),
    note,
  );
  const value = (field: string) => (form.elements.namedItem(field) as HTMLSelectElement).value;
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const parties = [1, 2].map((n) => ({ companyId: value(`missed-party-${n}`), role: value(`missed-role-${n}`) }));
    if (parties[0]!.companyId === parties[1]!.companyId) {
      note.textContent = 'Pick two different companies.';
      return;
    }
    const kind = value('missed-kind') as PartnershipKind;
    const title =
      name.value.trim() ||
      `${parties.map((p) => companies.find((c) => c.id === p.companyId)!.name).join(' and ')} ${humanize(kind).toLowerCase()}`;
    note.textContent = '';
    create({
      id: slugify(title),
      name: title,
      kind,
      status: value('missed-status') as CreatePartnershipInput['status'],
      parties: parties.map((p) => ({ companyId: p.companyId, role: p.role as PartyRole })),
      evidence: [{ sourceId, quote: quote.value.trim() }],
    });
  });
  return form;
}
