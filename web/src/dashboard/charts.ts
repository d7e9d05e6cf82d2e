// The dashboard's Chart.js charts, one per canvas: drawn, replaced, or removed so stale numbers never
// stay on screen next to an error. (Chart.js controllers are registered by the page's entry module.)
import { Chart, type ChartConfiguration, type ChartType } from 'chart.js';

export class ChartSlots {
  private readonly charts = new Map<string, Chart>();

  /** Draws a chart on the canvas, replacing the one there. */
  draw<T extends ChartType>(canvas: HTMLCanvasElement, config: ChartConfiguration<T>): void {
    canvas.parentElement?.classList.remove('chart-empty');
    this.charts.get(canvas.id)?.destroy();
    this.charts.set(canvas.id, new Chart(canvas, config as ChartConfiguration));
  }

  /** Removes the chart of a canvas (by the canvas's id) and greys its frame. */
  clear(id: string): void {
    this.charts.get(id)?.destroy();
    this.charts.delete(id);
    document.getElementById(id)?.parentElement?.classList.add('chart-empty');
  }
}
