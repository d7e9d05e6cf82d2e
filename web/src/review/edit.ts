// The correction form of one proposal: the fields its kind of record has, filled with the proposed
// values; only the fields the editor changes are sent (the rest keep the proposed value).
import type { ProposalEditInput, ProposalSection } from '../__generated__/graphql';
import { h } from '../shared/dom';
import { humanize } from '../shared/labels';
import { BINDINGS, COMPANY_KINDS, MODALITIES, PARTNERSHIP_KINDS, PROJECT_KINDS, SITE_KINDS, STATUSES } from './enums';
import type { ProposalView } from './queries';

type Field = Exclude<keyof ProposalEditInput, 'id'>;

interface Control {
  field: Field;
  label: string;
  /** Reads the fact-file value the form starts from. */
  initial: (record: Record<string, unknown>) => string[];
  options?: readonly string[];
  multiple?: boolean;
  list?: boolean;
}

const text = (key: string) => (record: Record<string, unknown>) =>
  typeof record[key] === 'string' ? [record[key]] : [];
const list = (key: string) => (record: Record<string, unknown>) =>
  Array.isArray(record[key]) ? (record[key] as string[]) : [];
/** Fact files write enums as `start-up`; the API as `START_UP`. */
const enumOf = (key: string) => (record: Record<string, unknown>) =>
  list(key)(record)
    .concat(text(key)(record))
    .map((v) => v.toUpperCase().replace(/-/g, '_'));

const NAME: Control = { field: 'name', label: 'Name', initial: text('name') };
const ALIASES: Control = {
  field: 'aliases',
  label: 'Other names (comma-separated)',
  initial: list('aliases'),
  list: true,
};
const DESCRIPTION: Control = { field: 'description', label: 'Description', initial: text('description') };

const CONTROLS: Record<ProposalSection, Control[]> = {
  COMPANY: [
    NAME,
    ALIASES,
    DESCRIPTION,
    { field: 'companyKinds', label: 'Kinds', initial: enumOf('kinds'), options: COMPANY_KINDS, multiple: true },
  ],
  PERSON: [NAME, ALIASES],
  SITE: [
    NAME,
    ALIASES,
    DESCRIPTION,
    { field: 'siteKind', label: 'Kind', initial: enumOf('kind'), options: SITE_KINDS },
  ],
  PROJECT: [
    NAME,
    ALIASES,
    DESCRIPTION,
    { field: 'projectKind', label: 'Kind', initial: enumOf('kind'), options: PROJECT_KINDS },
  ],
  PARTNERSHIP: [
    NAME,
    { field: 'partnershipKind', label: 'Kind', initial: enumOf('kind'), options: PARTNERSHIP_KINDS },
    { field: 'status', label: 'Status', initial: enumOf('status'), options: STATUSES },
    { field: 'binding', label: 'Binding', initial: enumOf('binding'), options: BINDINGS },
    { field: 'modality', label: 'Modality', initial: enumOf('modality'), options: MODALITIES },
  ],
  STAGE: [NAME],
  MILESTONE: [NAME],
  CLAIM: [NAME],
};

function controlFor(proposal: ProposalView, control: Control, start: string[]): HTMLElement {
  const id = `edit-${proposal.id}-${control.field}`;
  const input = control.options
    ? h(
        'select',
        { id, name: control.field, multiple: control.multiple ?? false, size: control.multiple ? 4 : undefined },
        ...(control.multiple || start.length > 0 ? [] : [h('option', { value: '' }, '—')]),
        ...control.options.map((o) => h('option', { value: o, selected: start.includes(o) }, humanize(o))),
      )
    : h('input', { id, name: control.field, type: 'text', value: start.join(', ') });
  return h('div', { className: 'field' }, h('label', { for: id }, control.label), input);
}

function valueOf(form: HTMLFormElement, control: Control): string[] {
  const element = form.elements.namedItem(control.field);
  if (element instanceof HTMLSelectElement) {
    return [...element.selectedOptions].map((o) => o.value).filter((v) => v !== '');
  }
  const raw = element instanceof HTMLInputElement ? element.value : '';
  return (control.list ? raw.split(',') : [raw]).map((v) => v.trim()).filter((v) => v !== '');
}

export interface EditForm {
  form: HTMLFormElement;
  /** The corrections made so far: the fields whose value differs from the proposal's. */
  edits(): ProposalEditInput;
}

export function editForm(proposal: ProposalView): EditForm {
  const record = JSON.parse(proposal.record) as Record<string, unknown>;
  const controls = CONTROLS[proposal.section];
  const starts = controls.map((c) => c.initial(record));
  const form = h(
    'form',
    { className: 'edit-form', 'aria-label': `Correct ${proposal.name}` },
    ...controls.map((c, i) => controlFor(proposal, c, starts[i]!)),
  );
  return {
    form,
    edits() {
      const input: Record<string, unknown> = { id: proposal.id };
      controls.forEach((control, i) => {
        const now = valueOf(form, control);
        if (JSON.stringify([...now].sort()) === JSON.stringify([...starts[i]!].sort())) return;
        // An emptied name or kind keeps the proposed one: the API has no way to clear them.
        if (now.length === 0 && !control.list && !control.multiple) return;
        input[control.field] = control.list || control.multiple ? now : now[0];
      });
      return input as unknown as ProposalEditInput;
    },
  };
}
