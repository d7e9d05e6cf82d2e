// Dashboard (/): the cell-plant landscape as of a day, partnerships by kind and status, timeline,
// partner network and a filterable table.
// Everything shown comes from POST /graphql; the filters live in the URL query string. This entry module
// is the page's only one with side effects: styles, Chart.js set-up, listeners and the first load.
import '../shared/styles.css';
import './dashboard.css';
import './landscape.css';
import { ArcElement, BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, Tooltip } from 'chart.js';
import { LandscapeSection } from './landscape';
import { DashboardPage } from './page';

Chart.register(BarController, BarElement, ArcElement, CategoryScale, LinearScale, Tooltip, Legend);
Chart.defaults.font.family = getComputedStyle(document.body).fontFamily;
Chart.defaults.color = '#3b4453';

const page = new DashboardPage();
const { form } = page;

form.form.addEventListener('submit', (event) => {
  event.preventDefault();
  page.applyForm();
});
for (const select of [form.company, form.kind, form.status]) select.addEventListener('change', () => page.applyForm());
form.reset.addEventListener('click', () => page.reset());
page.network.select.addEventListener('change', () => page.showNetwork());
page.table.exportButton.addEventListener('click', () => page.exportCsv());
window.addEventListener('popstate', () => page.followAddress());

void page.start();

const landscape = new LandscapeSection();
landscape.form.addEventListener('submit', (event) => {
  event.preventDefault();
  void landscape.load();
});
landscape.form.addEventListener('change', () => void landscape.load());
void landscape.load();
