// The plant panel: operator, owners, stages and the values sources state, each with its quotes and
// where they come from (publisher, address, date), as of the slider's year.
import { h } from '../shared/dom';
import { humanize } from '../shared/labels';
import type { MapPlant } from './data';
import { formatGwh, statusLabel } from '../shared/plant-status';
import { describePlant, swatch } from './markers';
import type { PlantClaim, PlantDetail, Quote } from './queries';

const CAPACITY = new Set(['CAPACITY_TARGET', 'INITIAL_CAPACITY', 'CAPACITY']);

function quotes(evidence: readonly Quote[]): HTMLElement | null {
  if (evidence.length === 0) return null;
  return h(
    'div',
    { className: 'quotes' },
    ...evidence.map((e) => {
      const { publisher, url, published, name } = e.source;
      const origin = [publisher, published?.value].filter(Boolean).join(', ');
      return h(
        'figure',
        { className: 'quote-block', 'data-evidence': e.id },
        h('blockquote', { className: 'quote' }, e.quote),
        h(
          'figcaption',
          { className: 'quote-source' },
          '— ',
          origin ? `${origin}: ` : '',
          url ? h('a', { href: url, target: '_blank', rel: 'noopener noreferrer' }, name) : name,
        ),
      );
    }),
  );
}

function section(title: string, ...children: (HTMLElement | null | string)[]): HTMLElement {
  return h('section', { className: 'plant-section' }, h('h3', {}, title), ...children);
}

function claimText(c: PlantClaim): string {
  const value = c.unit.toLowerCase() === 'gwh' ? formatGwh(c.value) : `${c.value.toLocaleString('en')} ${c.unit}`;
  const when = c.year === null ? '' : ` ${(c.bound ?? 'in').toLowerCase()} ${c.year}`;
  return `${c.approximate ? 'about ' : ''}${value}${when}`;
}

function claimItem(c: PlantClaim, counted: string | null, year: number): HTMLElement {
  return h(
    'li',
    { className: 'claim', 'data-claim': c.id },
    h('span', { className: 'claim-value' }, claimText(c)),
    ' ',
    h('span', { className: 'pill' }, humanize(c.modality)),
    c.preferred
      ? h('span', { className: 'pill pill-preferred', title: 'The value the preference rule picks' }, 'preferred')
      : null,
    c.id === counted ? h('span', { className: 'pill pill-counted' }, `counted for ${year}`) : null,
    h('span', { className: 'caption claim-stated' }, ` stated ${c.stated.value}`),
    quotes(c.evidence),
  );
}

/** A list of items, or a caption saying there are none. */
function listOr<T>(
  tag: 'ul' | 'ol',
  className: string,
  items: readonly T[],
  item: (value: T) => HTMLElement,
  empty: string,
): HTMLElement {
  return items.length === 0
    ? h('p', { className: 'caption' }, empty)
    : h(tag, { className }, ...items.map((value) => item(value)));
}

function claimList(claims: readonly PlantClaim[], counted: string | null, year: number, empty: string): HTMLElement {
  return listOr('ul', 'claims', claims, (c) => claimItem(c, counted, year), empty);
}

const degrees = (value: number, positive: string, negative: string) =>
  `${Math.abs(value).toFixed(2)}° ${value >= 0 ? positive : negative}`;

/** The panel's content for a plant, as of the end of `year`; `counted` is the claim the map sizes it by. */
export function plantDetails(plant: PlantDetail, year: number, counted: string | null): HTMLElement[] {
  const asOf = `${year}-12-31`;
  const place = [plant.city?.name, plant.country?.name].filter(Boolean).join(', ') || 'Place unknown';
  const position = plant.location
    ? `${degrees(plant.location.latitude, 'N', 'S')}, ${degrees(plant.location.longitude, 'E', 'W')} (${plant.location.source})`
    : 'No position: its city is not in the gazetteer.';
  const capacity = plant.claims.filter((c) => CAPACITY.has(c.property));
  const others = plant.claims.filter((c) => !CAPACITY.has(c.property));
  return [
    h('h2', { id: 'h-plant' }, plant.name),
    plant.aliases.length ? h('p', { className: 'caption' }, `Also: ${plant.aliases.join(', ')}`) : null,
    h(
      'p',
      { className: 'plant-status', 'data-status': plant.status ?? '' },
      swatch(plant.status, 4),
      ` ${statusLabel(plant.status)} at the end of ${year}`,
    ),
    h('p', { className: 'plant-place' }, place, h('br', {}), h('span', { className: 'caption' }, position)),
    h(
      'dl',
      { className: 'plant-facts' },
      h('dt', {}, 'Operator'),
      h('dd', { 'data-field': 'operator' }, plant.operator?.name ?? 'Not stated'),
      h('dt', {}, 'Chemistry'),
      h('dd', {}, plant.chemistry ?? 'Not stated'),
    ),
    section(
      'Owners',
      listOr(
        'ul',
        'owners',
        plant.owners,
        (o) =>
          h(
            'li',
            { 'data-company': o.company.id },
            h('strong', {}, o.company.name),
            o.stake === null ? ' (share not stated)' : ` ${o.stake}%`,
            quotes(o.evidence),
          ),
        'No shareholders stated.',
      ),
    ),
    section('Capacity claims', claimList(capacity, counted, year, 'No capacity stated.')),
    others.length ? section('Investment and jobs', claimList(others, counted, year, '')) : null,
    section(
      'Stages',
      listOr(
        'ol',
        'stages',
        plant.stages,
        (s) =>
          h(
            'li',
            { className: s.date.value > asOf ? 'stage stage-later' : 'stage', 'data-stage': s.id },
            h('time', {}, s.date.value),
            ' ',
            swatch(s.status, 4),
            ` ${statusLabel(s.status)}`,
            s.date.value > asOf ? h('span', { className: 'caption' }, ` (after ${year})`) : null,
            s.summary ? h('p', { className: 'caption' }, s.summary) : null,
            quotes(s.evidence),
          ),
        'No dated stages.',
      ),
    ),
    plant.partnerships.length
      ? section(
          'Agreements at the plant',
          h(
            'ul',
            { className: 'plant-deals' },
            ...plant.partnerships.map((p) =>
              h(
                'li',
                {},
                h('a', { href: `/explore?id=${encodeURIComponent(p.id)}` }, p.name),
                ` · ${humanize(p.kind)} · ${humanize(p.status)}`,
              ),
            ),
          ),
        )
      : null,
    h('p', {}, h('a', { href: `/explore?id=${encodeURIComponent(plant.id)}` }, 'Open in the explorer')),
  ].filter((n): n is HTMLElement => n !== null);
}

/** Where discs overlap, the panel first asks which of the plants under the click is meant. */
export function plantChoice(plants: readonly MapPlant[], year: number, onPick: (id: string) => void): HTMLElement[] {
  return [
    h('h2', { id: 'h-plant' }, `${plants.length} plants here`),
    h(
      'ul',
      { className: 'plant-list plant-choice' },
      ...plants.map((plant) =>
        h(
          'li',
          { 'data-id': plant.id },
          h(
            'button',
            { type: 'button', className: 'link-button', onclick: () => onPick(plant.id) },
            swatch(plant.status, plant.planned === null ? null : 4),
            h('span', {}, describePlant(plant, year)),
          ),
        ),
      ),
    ),
  ];
}
