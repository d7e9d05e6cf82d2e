// Plants the gazetteer cannot place are listed beside the map rather than dropped.
import { h } from '../shared/dom';
import type { MapPlant } from './data';
import { formatGwh, statusLabel } from '../shared/plant-status';
import { describePlant, swatch } from './markers';

export function unplacedList(plants: readonly MapPlant[], year: number, onPick: (id: string) => void): HTMLElement[] {
  const unplaced = plants.filter((p) => p.location === null);
  if (unplaced.length === 0) {
    return [h('li', { className: 'caption' }, `Every plant announced by the end of ${year} is on the map.`)];
  }
  return unplaced.map((plant) =>
    h(
      'li',
      { 'data-id': plant.id },
      h(
        'button',
        {
          type: 'button',
          className: 'link-button',
          'aria-label': describePlant(plant, year),
          onclick: () => onPick(plant.id),
        },
        // A list marker of one size: the capacity is written out beside it.
        swatch(plant.status, plant.planned === null ? null : 4),
        h('span', {}, plant.name),
      ),
      h(
        'span',
        { className: 'caption' },
        ` ${[plant.city?.name, plant.country?.name].filter(Boolean).join(', ') || 'place unknown'} · ` +
          `${statusLabel(plant.status)} · ${plant.planned === null ? 'no capacity counted' : formatGwh(plant.planned)}`,
      ),
    ),
  );
}
