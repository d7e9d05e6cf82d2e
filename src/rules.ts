/**
 * The shared rules of input: ids, dates at their precision, URLs, text limits and slugs, used by the
 * loader, curation, ingestion and the query arguments alike. Each failure names the argument path
 * (`input.parties[1].companyId`) and says what would be accepted.
 */
import { BadUserInputError } from './errors';
import { ID_LENGTH } from './slug';

export { slugify } from './slug';

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
// Tab and newline are fine in prose; other control characters are never part of a real name.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f]/;

export const LIMITS = { id: ID_LENGTH, name: 200, text: 2000, quote: 2000, list: 50, sourceText: 1_000_000 } as const;

export function checkId(argument: string, value: string): string {
  if (value.length > LIMITS.id || !SLUG.test(value)) {
    throw new BadUserInputError(
      argument,
      `"${value.slice(0, LIMITS.id)}" is not a valid id: use lower-case letters, digits and single hyphens (at most ${LIMITS.id} characters), e.g. "verkor".`,
    );
  }
  return value;
}

export function checkIds(argument: string, values: readonly string[]): string[] {
  checkLength(argument, values);
  values.forEach((v, i) => checkId(`${argument}[${i}]`, v));
  if (new Set(values).size !== values.length) throw new BadUserInputError(argument, 'lists the same id twice.');
  return [...values];
}

export function checkText(argument: string, value: string, max: number = LIMITS.text): string {
  if (value.trim() === '') throw new BadUserInputError(argument, 'must not be empty.');
  if (value.length > max) throw new BadUserInputError(argument, `is ${value.length} characters long; at most ${max}.`);
  if (CONTROL.test(value)) throw new BadUserInputError(argument, 'contains control characters.');
  return value;
}

export function checkTexts(argument: string, values: readonly string[], max: number = LIMITS.name): string[] {
  checkLength(argument, values);
  return values.map((v, i) => checkText(`${argument}[${i}]`, v, max));
}

export function checkLength(argument: string, values: readonly unknown[]): void {
  if (values.length > LIMITS.list) {
    throw new BadUserInputError(argument, `has ${values.length} items; at most ${LIMITS.list}.`);
  }
}

const DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;
/** A calendar date written at its precision (`2021`, `2021-06`, `2021-06-28`). */
export function checkDate(argument: string, value: string, precision?: 'YEAR' | 'MONTH' | 'DAY'): string {
  const match = DATE.exec(value);
  const [year, month, day] = (match?.slice(1) ?? []).map((p) => (p === undefined ? undefined : Number(p)));
  const valid =
    match !== null &&
    year! >= 1900 &&
    year! <= 2100 &&
    (month === undefined || (month >= 1 && month <= 12)) &&
    (day === undefined || new Date(Date.UTC(year!, month! - 1, day)).getUTCDate() === day);
  if (!valid) {
    throw new BadUserInputError(argument, `"${value.slice(0, 20)}" is not a date such as 2021, 2021-06 or 2021-06-28.`);
  }
  if (precision && !writtenAt(value, precision.toLowerCase())) {
    throw new BadUserInputError(argument, `"${value}" is not written at ${precision.toLowerCase()} precision.`);
  }
  return value;
}

export function checkUrl(argument: string, value: string): string {
  let url: URL | undefined;
  try {
    url = new URL(value);
  } catch {
    url = undefined;
  }
  if (!url || !['http:', 'https:'].includes(url.protocol) || value.length > LIMITS.text) {
    throw new BadUserInputError(argument, 'must be an http or https address.');
  }
  return value;
}

export function checkInt(argument: string, value: number, min: number, max: number): number {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new BadUserInputError(argument, `must be a whole number from ${min} to ${max}.`);
  }
  return value;
}

/** A year argument, when given: a whole number between 1900 and 2200. */
export function checkYear(argument: string, year: number | null | undefined): number | null {
  if (year === null || year === undefined) return null;
  if (!Number.isInteger(year) || year < 1900 || year > 2200) {
    throw new BadUserInputError(argument, `must be a year between 1900 and 2200, got ${year}`);
  }
  return year;
}

/** Dates are written at their precision: `2021` (year), `2021-06` (month), `2021-06-28` (day). */
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
