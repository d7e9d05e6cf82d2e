// The dashboard's state and how a view loads: the filters in the address drive every section; a newer
// view supersedes a slower older one (generation count); failures leave a readable state and one banner.
import { hideError, showError } from '../shared/banner';
import { byId } from '../shared/dom';
import { humanize } from '../shared/labels';
import { renderBreakdown, showBreakdownFailed, showBreakdownLoading } from './breakdown';
import { ChartSlots } from './charts';
import { describeFilters, filtersFromSearch, filtersToSearch, isFiltered, NO_FILTERS, type Filters } from './filters';
import { fillSelect, findFilterForm, readForm, writeForm } from './form';
import { filterValues, loadMeta, type CompanyOption, type Meta } from './meta';
import { PartnerNetwork } from './network';
import { loadPartnerships, PartnershipTable } from './table';
import { loadTimeline, Timeline } from './timeline';
import { renderTotals, showTotalsFailed, showTotalsLoading } from './totals';

/** The company whose network is shown when the address names none. */
const DEFAULT_NETWORK_COMPANY = 'renault-group';

export class DashboardPage {
  readonly form = findFilterForm();
  readonly charts = new ChartSlots();
  readonly table = new PartnershipTable();
  readonly timeline = new Timeline(this.charts);
  readonly network = new PartnerNetwork(() => this.showNetwork());
  private meta: Meta | null = null;
  private companies: CompanyOption[] = [];
  private current: Filters = filtersFromSearch(window.location.search);
  private generation = 0;

  /** Loads what the dashboard needs once, then the view the address describes. */
  async start(): Promise<void> {
    try {
      await this.loadMeta();
    } catch (err) {
      showTotalsFailed();
      showBreakdownFailed(this.charts);
      this.table.showFailed();
      this.timeline.showFailed();
      this.network.showFailed();
      showError(err, () => void this.start());
      document.body.dataset.ready = 'error';
      return;
    }
    await this.loadView();
  }

  /** Shows `filters`; `push` adds a history entry (the form), otherwise the address is already right. */
  apply(filters: Filters, push: boolean): void {
    this.current = filters;
    const url = `${window.location.pathname}${filtersToSearch(filters, '')}`;
    if (push && url !== `${window.location.pathname}${window.location.search}`) window.history.pushState(null, '', url);
    void this.loadView();
  }

  applyForm(): void {
    const filters = readForm(this.form);
    if (filters) this.apply(filters, true);
  }

  reset(): void {
    this.form.hint.textContent = '';
    this.apply(NO_FILTERS, true);
  }

  /** Back and forward: the address is the view. */
  followAddress(): void {
    this.current = filtersFromSearch(window.location.search);
    void this.loadView();
  }

  exportCsv(): void {
    this.table.exportCsv(this.current);
  }

  /** Moves the partner network to the selected company, keeping it in the address. */
  showNetwork(): void {
    const url = `${window.location.pathname}${filtersToSearch(this.current, this.network.select.value)}`;
    window.history.replaceState(null, '', url);
    const mine = this.generation;
    void this.network
      .load(this.network.select.value, () => mine === this.generation)
      .catch((err: unknown) => showError(err, () => this.showNetwork()));
  }

  private async loadMeta(): Promise<void> {
    showTotalsLoading();
    const { meta, companies } = await loadMeta();
    this.meta = meta;
    this.companies = companies;
    const companyOptions = companies.map((c): [string, string] => [c.id, c.name]);
    fillSelect(this.form.company, 'All companies', companyOptions);
    fillSelect(this.network.select, null, companyOptions);
    const { kinds, statuses } = filterValues(meta);
    fillSelect(
      this.form.kind,
      'All kinds',
      kinds.map((k) => [k, humanize(k)]),
    );
    fillSelect(
      this.form.status,
      'All statuses',
      statuses.map((s) => [s, humanize(s)]),
    );
    renderTotals(meta.dashboard.totals);
  }

  private networkCompany(): string {
    const wanted = new URLSearchParams(window.location.search).get('network') || this.current.company;
    if (wanted && this.companies.some((c) => c.id === wanted)) return wanted;
    if (this.companies.some((c) => c.id === DEFAULT_NETWORK_COMPANY)) return DEFAULT_NETWORK_COMPANY;
    return this.companies[0]?.id ?? '';
  }

  private async loadView(): Promise<void> {
    const mine = ++this.generation;
    const isCurrent = () => mine === this.generation;
    const current = this.current;
    hideError();
    writeForm(this.form, current);
    byId('f-summary').textContent = describeFilters(
      current,
      (id) => this.companies.find((c) => c.id === id)?.name ?? id,
    );
    const network = this.networkCompany();
    this.network.select.value = network;
    this.table.showLoading();
    this.timeline.showLoading();
    showBreakdownLoading();

    const failures: unknown[] = [];
    const failed = (show: () => void) => (err: unknown) => {
      if (!isCurrent()) return;
      failures.push(err);
      show();
    };
    const table = loadPartnerships(current).then(
      (result) => {
        if (!isCurrent()) return;
        this.table.render(result.rows, result.total, current);
        if (this.meta) renderBreakdown(this.charts, this.meta, result.rows, isFiltered(current));
      },
      failed(() => {
        showBreakdownFailed(this.charts);
        this.table.showFailed();
      }),
    );
    const timeline = loadTimeline(current).then(
      (entries) => {
        if (isCurrent()) this.timeline.render(entries, current, this.meta);
      },
      failed(() => this.timeline.showFailed()),
    );
    const partners = this.network.load(network, isCurrent).catch(failed(() => undefined));
    await Promise.all([table, timeline, partners]);
    if (isCurrent() && failures.length > 0) showError(failures[0], () => void this.loadView());
    if (isCurrent()) document.body.dataset.ready = 'true';
  }
}
