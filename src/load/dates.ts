/** Dates written at their precision: `2021` (year), `2021-06` (month), `2021-06-28` (day). */
export type Precision = 'year' | 'month' | 'day';

const LENGTH: Record<Precision, number> = { year: 4, month: 7, day: 10 };

/** The precision a date is written at, or undefined when its length fits none. */
export function precisionOf(value: string): Precision | undefined {
  return (Object.keys(LENGTH) as Precision[]).find((p) => LENGTH[p] === value.length);
}

/** True when `value` is written at `precision` (an unknown precision fits nothing). */
export function writtenAt(value: string, precision: string): boolean {
  return LENGTH[precision as Precision] === value.length;
}
