// The dashboard's landscape sections, as of a day: capacity by country (or operator, status, plant) and
// year, plants by status, and the top cell makers with their customers, each downloadable as CSV or
// Excel. The section has its own settings; the partnership filters above do not apply to it.
import { graphql } from '../__generated__';
import type {
  CapacityGroup,
  DashboardLandscapeQuery,
  DashboardLandscapeQueryVariables,
} from '../__generated__/graphql';
import { ApiError, execute } from '../shared/api';
import { showError } from '../shared/banner';
import { append, byId, h, setBusy, setStatus } from '../shared/dom';
import { formatGwh } from '../shared/plant-status';
import { capacityTable } from './capacity-table';
import { exportLinks } from './downloads';
import { cellMakersTable, plantsByStatusTable } from './plant-tables';

const LandscapeQuery = graphql(`
  query DashboardLandscape($asOf: String, $groupBy: CapacityGroup, $from: Int, $to: Int, $year: Int) {
    dashboard(asOf: $asOf) {
      asOf
      capacity(groupBy: $groupBy, from: $from, to: $to) {
        groupBy
        from
        to
        figures {
          key
          label
          year
          planned
          operating
          plants
        }
        totals {
          year
          planned
          operating
          plants
        }
        withoutCapacity {
          id
          name
        }
      }
      plantsByStatus {
        key
        count
      }
      cellMakers(year: $year) {
        company {
          id
          name
        }
        plants
        planned
        operating
        customers {
          id
          name
        }
      }
    }
  }
`);

type Landscape = DashboardLandscapeQuery['dashboard'];

/** The section's settings as the form holds them; a year left empty goes back to the one the page offered. */
function readSettings(form: HTMLFormElement): DashboardLandscapeQueryVariables & { year: number } {
  const field = (name: string) => form.elements.namedItem(name) as HTMLInputElement;
  const year = (name: string) => Number(field(name).value.trim() || field(name).defaultValue);
  return {
    asOf: field('asOf').value || undefined,
    groupBy: (form.elements.namedItem('groupBy') as HTMLSelectElement).value as CapacityGroup,
    from: year('from'),
    to: year('to'),
    year: year('year'),
  };
}

export class LandscapeSection {
  readonly form = byId<HTMLFormElement>('landscape-form');
  private readonly hint = byId('landscape-hint');
  private readonly regions = ['capacity-region', 'plant-status-region', 'cell-makers-region'].map((id) => byId(id));
  private generation = 0;

  async load(): Promise<void> {
    const mine = ++this.generation;
    const settings = readSettings(this.form);
    this.hint.textContent = '';
    for (const region of this.regions) setStatus(region, 'loading', 'Loading…');
    try {
      const { dashboard } = await execute(LandscapeQuery, settings);
      if (mine === this.generation) this.render(dashboard, settings.year);
    } catch (err) {
      if (mine !== this.generation) return;
      for (const region of this.regions) setStatus(region, 'error', 'Could not be loaded.');
      // A setting the API refuses is the analyst's to fix, next to the form; anything else is the banner's.
      if (err instanceof ApiError && err.code === 'BAD_USER_INPUT') this.hint.textContent = err.message;
      else showError(err, () => void this.load());
    }
  }

  private render(landscape: Landscape, year: number): void {
    const { asOf, capacity, plantsByStatus, cellMakers } = landscape;
    const [capacityRegion, statusRegion, makersRegion] = this.regions as [HTMLElement, HTMLElement, HTMLElement];
    const last = capacity.totals.find((t) => t.year === capacity.to);
    const announced = plantsByStatus.reduce((sum, c) => sum + c.count, 0);
    byId('landscape-summary').textContent =
      `As of ${asOf}: ${announced} plants announced; for ${capacity.to}, ` +
      `${formatGwh(last?.planned ?? 0)} a year planned and ${formatGwh(last?.operating ?? 0)} operating.`;
    // The day shown is the day asked for from now on, so a later change of another setting keeps it.
    const day = this.form.elements.namedItem('asOf') as HTMLInputElement;
    if (!day.value) day.value = asOf;

    capacityRegion.replaceChildren();
    append(
      capacityRegion,
      exportLinks(
        'capacity',
        { groupBy: capacity.groupBy, from: capacity.from, to: capacity.to, asOf },
        'capacity by year',
      ),
      capacity.figures.length === 0
        ? h('p', { className: 'status status-empty' }, 'No capacity stated for these years as of this day.')
        : h('div', { className: 'table-scroll' }, capacityTable(capacity)),
      capacity.withoutCapacity.length === 0
        ? null
        : h(
            'p',
            { className: 'caption without-capacity' },
            `Not counted, no capacity stated: ${capacity.withoutCapacity.map((p) => p.name).join(', ')}.`,
          ),
    );
    statusRegion.replaceChildren(
      exportLinks('plants-by-status', { asOf }, 'plants by status'),
      plantsByStatus.length === 0
        ? h('p', { className: 'status status-empty' }, 'No plant announced by this day.')
        : plantsByStatusTable(plantsByStatus),
    );
    makersRegion.replaceChildren(
      exportLinks('cell-makers', { asOf, year }, 'cell makers'),
      cellMakers.length === 0
        ? h('p', { className: 'status status-empty' }, `No cell maker with capacity in ${year}.`)
        : h('div', { className: 'table-scroll' }, cellMakersTable(cellMakers, year)),
    );
    for (const region of this.regions) setBusy(region, false);
  }
}
