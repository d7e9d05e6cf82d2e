// The filter form: its controls, read into Filters (with a hint when a year is not a year) and written back.
import { byId, h } from '../shared/dom';
import { parseYear, type Filters } from './filters';

export interface FilterForm {
  form: HTMLFormElement;
  company: HTMLSelectElement;
  kind: HTMLSelectElement;
  status: HTMLSelectElement;
  from: HTMLInputElement;
  to: HTMLInputElement;
  hint: HTMLElement;
  reset: HTMLElement;
}

export function findFilterForm(): FilterForm {
  return {
    form: byId<HTMLFormElement>('filters'),
    company: byId<HTMLSelectElement>('f-company'),
    kind: byId<HTMLSelectElement>('f-kind'),
    status: byId<HTMLSelectElement>('f-status'),
    from: byId<HTMLInputElement>('f-from'),
    to: byId<HTMLInputElement>('f-to'),
    hint: byId('f-hint'),
    reset: byId('f-reset'),
  };
}

export function writeForm(form: FilterForm, filters: Filters): void {
  form.company.value = filters.company;
  form.kind.value = filters.kind;
  form.status.value = filters.status;
  form.from.value = filters.from === null ? '' : String(filters.from);
  form.to.value = filters.to === null ? '' : String(filters.to);
}

/** The form's filters, or null (with a hint and the focus on the culprit) when a year is wrong. */
export function readForm(form: FilterForm): Filters | null {
  const from = parseYear(form.from.value);
  const to = parseYear(form.to.value);
  const refuse = (input: HTMLInputElement, hint: string) => {
    form.hint.textContent = hint;
    input.focus();
    return null;
  };
  if (form.from.value.trim() && from === null) return refuse(form.from, 'From year must be a whole year such as 2021.');
  if (form.to.value.trim() && to === null) return refuse(form.to, 'To year must be a whole year such as 2030.');
  if (from !== null && to !== null && from > to) return refuse(form.from, 'From year is after To year.');
  form.hint.textContent = '';
  return { company: form.company.value, kind: form.kind.value, status: form.status.value, from, to };
}

/** Replaces a select's options, keeping its value; `allLabel` adds a first "all" option. */
export function fillSelect(select: HTMLSelectElement, allLabel: string | null, options: Array<[string, string]>): void {
  const value = select.value;
  select.replaceChildren(
    ...(allLabel === null ? [] : [h('option', { value: '' }, allLabel)]),
    ...options.map(([v, label]) => h('option', { value: v }, label)),
  );
  select.value = value;
}
