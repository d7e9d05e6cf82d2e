/**
 * Locates quotes in source text. Evidence keeps both character offsets and a W3C Web Annotation
 * text-quote selector (exact, prefix, suffix), which survives small edits of the source better.
 */
export const CONTEXT_CHARS = 32;

export interface QuoteLocation {
  start: number;
  end: number;
  prefix: string;
  suffix: string;
}

/** Finds the n-th (1-based) occurrence of `quote` in `text`, or null when there is none. */
export function locateQuote(text: string, quote: string, occurrence = 1): QuoteLocation | null {
  let from = 0;
  let start = -1;
  for (let seen = 0; seen < occurrence; seen += 1) {
    start = text.indexOf(quote, from);
    if (start < 0) return null;
    from = start + 1;
  }
  const end = start + quote.length;
  return {
    start,
    end,
    prefix: text.slice(Math.max(0, start - CONTEXT_CHARS), start),
    suffix: text.slice(end, end + CONTEXT_CHARS),
  };
}

/** Stable evidence id: the same quote of the same source is one node, however many facts cite it. */
export function evidenceId(sourceId: string, location: Pick<QuoteLocation, 'start' | 'end'>): string {
  return `ev-${sourceId}-${location.start}-${location.end}`;
}

/** A short readable title for a quote. */
export function quoteTitle(quote: string, max = 60): string {
  const flat = quote.replace(/\s+/g, ' ').trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1).trimEnd()}…`;
}

/** A located quote as stored: one Evidence node per quote and source. */
export interface EvidenceRow {
  id: string;
  sourceId: string;
  speakerId: string | null;
  props: { name: string; quote: string; start: number; end: number; prefix: string; suffix: string };
}

export function evidenceRow(
  sourceId: string,
  quote: string,
  location: QuoteLocation,
  speakerId: string | null,
): EvidenceRow {
  return {
    id: evidenceId(sourceId, location),
    sourceId,
    speakerId,
    props: { name: quoteTitle(quote), quote, ...location },
  };
}
