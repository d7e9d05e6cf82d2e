/**
 * "As of a date": the state of a deal or plant on a day is the status of its latest stage on or
 * before that day. Stages are valid time; a stage dated only by year or month counts from the start
 * of that year or month (`2023` and `2023-03` sort before `2023-03-15`), as the loader orders them.
 */
import { checkDate } from '../rules';

export const today = (): string => new Date().toISOString().slice(0, 10);

/** An `asOf` argument: a calendar day (YYYY-MM-DD), or today when absent. */
export function asOfDay(argument: string, value: string | null | undefined): string {
  return value === null || value === undefined ? today() : checkDate(argument, value, 'DAY');
}

interface Dated {
  id: string;
  date: string;
}

/** Stages on or before `asOf`, oldest first (date, then id: the loader's order). */
export function stagesUntil<T extends Dated>(stages: readonly T[], asOf: string): T[] {
  return stages.filter((s) => s.date <= asOf).sort((a, b) => a.date.localeCompare(b.date) || a.id.localeCompare(b.id));
}

/** The latest stage on or before `asOf`, or null when nothing had happened yet. */
export function latestStage<T extends Dated>(stages: readonly T[], asOf: string): T | null {
  return stagesUntil(stages, asOf).at(-1) ?? null;
}

/**
 * A deal's status on `asOf`: its latest stage's by then; without stages, its recorded status from its
 * announcement on (or always, when no announcement date is known). Null when it did not exist yet.
 */
export function dealStatusAsOf<S extends string>(
  deal: { status: S; announced: { value: string } | null },
  stages: readonly (Dated & { status: string })[],
  asOf: string,
): S | null {
  if (stages.length > 0) return (latestStage(stages, asOf)?.status ?? null) as S | null;
  return !deal.announced || deal.announced.value <= asOf ? deal.status : null;
}
