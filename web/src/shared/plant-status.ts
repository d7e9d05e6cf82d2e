// How the pages show a plant's status and capacity: one colour per status (the Okabe–Ito palette, told
// apart with colour-blindness too) on the map and the dashboard alike, and GWh worded once.
import { humanize } from './labels';

export const STATUS_COLORS: Record<string, string> = {
  ANNOUNCED: '#56b4e9',
  CONSTRUCTION_STARTED: '#e69f00',
  PRODUCTION_STARTED: '#009e73',
  EXPANDED: '#00583f',
  PAUSED: '#cc79a7',
  CANCELLED: '#d55e00',
  SOLD: '#6b5a2e',
};
const NO_STATUS = '#8a8f98';

export const statusColor = (status: string | null): string => (status && STATUS_COLORS[status]) || NO_STATUS;
export const statusLabel = (status: string | null): string => (status ? humanize(status) : 'No stage yet');

/** `8 GWh`, `3.3 GWh`, `0.045 GWh`: fewer decimals as the figure grows. */
export const formatGwh = (gwh: number): string =>
  `${gwh.toLocaleString('en', { maximumFractionDigits: gwh < 1 ? 3 : gwh < 10 ? 1 : 0 })} GWh`;
