/**
 * Quotes sent by curators, located in the stored source text by the server (the client never sends
 * offsets), with the same ids and selectors as the loader's evidence.
 */
import type { ManagedTransaction } from 'neo4j-driver';
import type { QuoteInput } from '../__generated__/resolvers-types';
import { BadUserInputError } from '../errors';
import { EvidenceRow, evidenceRow, locateQuote, quoteTitle } from '../quotes';
import { sourceText, StoredSource } from '../store/curation';
import { checkId, checkInt, checkLength, checkText, LIMITS } from '../rules';

export async function resolveQuotes(
  tx: ManagedTransaction,
  quotes: readonly QuoteInput[],
  argument: string,
  speakerId: string | null = null,
): Promise<EvidenceRow[]> {
  checkLength(argument, quotes);
  const sources = new Map<string, StoredSource | null>();
  const rows = new Map<string, EvidenceRow>();
  for (const [i, input] of quotes.entries()) {
    const at = quotes.length === 1 && !argument.endsWith('evidence') ? argument : `${argument}[${i}]`;
    const sourceId = checkId(`${at}.sourceId`, input.sourceId);
    const quote = checkText(`${at}.quote`, input.quote, LIMITS.quote);
    const occurrence = checkInt(`${at}.occurrence`, input.occurrence ?? 1, 1, 1000);
    if (!sources.has(sourceId)) sources.set(sourceId, await sourceText(tx, sourceId));
    const source = sources.get(sourceId);
    if (!source) throw new BadUserInputError(`${at}.sourceId`, `there is no source "${sourceId}"; add it first.`);
    const location = locateQuote(source.text, quote, occurrence);
    if (!location) {
      throw new BadUserInputError(
        `${at}.quote`,
        `"${quoteTitle(quote)}" does not occur${occurrence > 1 ? ` ${occurrence} times` : ''} in source "${sourceId}"; copy it verbatim.`,
      );
    }
    const row = evidenceRow(sourceId, quote, location, speakerId);
    rows.set(row.id, row);
  }
  return [...rows.values()];
}
