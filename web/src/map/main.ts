// Map (/map): Europe's cell plants at the end of a year, sized by capacity and coloured by status, with a
// panel of facts and quotes for the plant picked. The year and the plant live in the URL (?year=&plant=).
import '../shared/styles.css';
import './map.css';
import { ApiError, execute } from '../shared/api';
import { hideError, showError } from '../shared/banner';
import { byId, h, setBusy, setStatus } from '../shared/dom';
import { endOfYear, loadYear, type MapYear } from './data';
import { drawEurope, europeProjection } from './europe';
import { formatGwh } from '../shared/plant-status';
import { drawPlants, legend } from './markers';
import { plantChoice, plantDetails } from './panel';
import { MAP_PLANT } from './queries';
import { unplacedList } from './unplaced';

const projection = europeProjection();
const slider = byId<HTMLInputElement>('year');
const yearOutput = byId<HTMLOutputElement>('year-value');
const mapBox = byId('map');
const panel = byId('plant-panel');
const unplaced = byId('unplaced');

let shown: MapYear | undefined;
let selected: string | null = null;
let yearRequest: AbortController | undefined;
let plantRequest: AbortController | undefined;
let svgRoot: SVGSVGElement | undefined;

function yearFromUrl(): number {
  const min = Number(slider.min);
  const max = Number(slider.max);
  const asked = Number(new URLSearchParams(window.location.search).get('year'));
  const year = Number.isInteger(asked) && asked !== 0 ? asked : new Date().getFullYear();
  return Math.min(max, Math.max(min, year));
}

function updateUrl(): void {
  const params = new URLSearchParams({ year: slider.value });
  if (selected) params.set('plant', selected);
  window.history.replaceState(null, '', `${window.location.pathname}?${params}`);
}

function summary(data: MapYear): string {
  const placed = data.plants.filter((p) => p.location !== null).length;
  const { planned, operating } = data.totals;
  return (
    `${data.plants.length} plants announced by the end of ${data.year} (${placed} on the map). ` +
    `Capacity for ${data.year}: ${formatGwh(planned)} a year planned, ${formatGwh(operating)} operating.`
  );
}

function render(data: MapYear): void {
  shown = data;
  svgRoot?.querySelector('g.plants')?.remove();
  svgRoot?.append(drawPlants(data.plants, data.year, projection, choose));
  markSelected();
  mapBox.dataset.year = String(data.year);
  byId('map-summary').textContent = summary(data);
  unplaced.replaceChildren(...unplacedList(data.plants, data.year, (id) => void pick(id)));
  setBusy(unplaced, false);
}

function markSelected(): void {
  for (const circle of Array.from(mapBox.querySelectorAll<SVGCircleElement>('circle.plant'))) {
    circle.classList.toggle('selected', circle.dataset.id === selected);
  }
}

async function showYear(year: number): Promise<void> {
  yearRequest?.abort();
  const request = new AbortController();
  yearRequest = request;
  setBusy(mapBox, true);
  try {
    const data = await loadYear(year, request.signal);
    if (request.signal.aborted) return;
    hideError();
    render(data);
    setBusy(mapBox, false);
    if (selected) await showPlant(selected);
  } catch (err) {
    if (request.signal.aborted) return;
    setBusy(mapBox, false);
    showError(err, () => void showYear(year));
  }
}

async function showPlant(id: string): Promise<void> {
  plantRequest?.abort();
  const request = new AbortController();
  plantRequest = request;
  const year = Number(slider.value);
  setBusy(panel, true);
  try {
    const { plant } = await execute(MAP_PLANT, { id, asOf: endOfYear(year) }, request.signal);
    if (request.signal.aborted) return;
    const counted = shown?.plants.find((p) => p.id === id)?.claimId ?? null;
    panel.replaceChildren(
      ...(plant ? plantDetails(plant, year, counted) : [h('p', { className: 'status' }, `No plant "${id}".`)]),
    );
    panel.dataset.plant = plant?.id ?? '';
    setBusy(panel, false);
  } catch (err) {
    if (request.signal.aborted) return;
    setStatus(panel, 'error', 'The plant could not be loaded.');
    if (err instanceof ApiError) showError(err, () => void showPlant(id));
    else throw err;
  }
}

async function pick(id: string): Promise<void> {
  selected = id;
  markSelected();
  updateUrl();
  await showPlant(id);
}

/** One plant opens at once; several under one click are offered to choose from. */
function choose(ids: string[]): void {
  const plants = ids.flatMap((id) => shown?.plants.filter((p) => p.id === id) ?? []);
  if (plants.length < 2) {
    void pick(ids[0]!);
    return;
  }
  plantRequest?.abort();
  delete panel.dataset.plant;
  panel.replaceChildren(...plantChoice(plants, Number(slider.value), (id) => void pick(id)));
  setBusy(panel, false);
}

let pending: ReturnType<typeof setTimeout> | undefined;
slider.addEventListener('input', () => {
  yearOutput.textContent = slider.value;
  updateUrl();
  // Dragging the slider passes many years; only the one it rests on is loaded.
  clearTimeout(pending);
  pending = setTimeout(() => void showYear(Number(slider.value)), 150);
});

async function start(): Promise<void> {
  byId('legend').replaceChildren(legend());
  const year = yearFromUrl();
  slider.value = String(year);
  yearOutput.textContent = String(year);
  selected = new URLSearchParams(window.location.search).get('plant');
  try {
    svgRoot = await drawEurope(projection);
    mapBox.replaceChildren(svgRoot);
  } catch (err) {
    setStatus(mapBox, 'error', 'The map could not be drawn.');
    throw err;
  }
  await showYear(year);
  document.body.dataset.ready = 'true';
}

void start();
