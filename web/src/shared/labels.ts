// How the pages word the graph's values: enum names, parties, quantities and binding.
import type { MeasureValueFragment, PartyRole } from '../__generated__/graphql';
import { h } from './dom';

/** `LETTER_OF_INTENT` → `Letter of intent`. */
export function humanize(value: string | null | undefined): string {
  if (!value) return '';
  const text = value.replace(/_/g, ' ').toLowerCase();
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** `Verkor (Supplier)`; a plain partner goes by its name alone. */
export function partyLabel(party: { role: PartyRole; company: { name: string } }): string {
  return party.role !== 'PARTNER' ? `${party.company.name} (${humanize(party.role)})` : party.company.name;
}

/** `≈ 4,500 direct jobs`: whole numbers grouped by thousands, fractions as stated. */
export function formatMeasure(measure: MeasureValueFragment): string {
  const value = Number.isInteger(measure.value) ? measure.value.toLocaleString('en-GB') : String(measure.value);
  return `${measure.approximate ? '≈ ' : ''}${value} ${measure.unit}`;
}

/** A pill such as "Non binding", coloured by how binding a deal is. */
export function bindingPill(binding: string): HTMLElement {
  return h('span', { className: `pill binding-${binding}` }, humanize(binding));
}
