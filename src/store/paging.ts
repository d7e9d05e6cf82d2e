/** Offset pagination behind opaque cursors; `first` is bounded so no page can be unbounded. */
import { BadUserInputError } from '../errors';

export const MAX_PAGE = 100;

export interface Page {
  offset: number;
  limit: number;
}

export function encodeCursor(offset: number): string {
  return Buffer.from(`o:${offset}`).toString('base64url');
}

export function pageOf(first: number | null | undefined, after: string | null | undefined): Page {
  const limit = first ?? 20;
  if (!Number.isInteger(limit) || limit < 0 || limit > MAX_PAGE) {
    throw new BadUserInputError('first', `must be between 0 and ${MAX_PAGE}, got ${limit}`);
  }
  if (after === null || after === undefined) return { offset: 0, limit };
  const match = /^o:(\d{1,9})$/.exec(Buffer.from(after, 'base64url').toString());
  if (!match) throw new BadUserInputError('after', 'is not a cursor returned by this API (use pageInfo.endCursor)');
  return { offset: Number(match[1]) + 1, limit };
}
