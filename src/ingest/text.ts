/**
 * The parts of an article that can hold facts. Pages carry furniture after the story (related links,
 * share buttons, reader comments); everything from the first such line on is left out, and the loader
 * is told so through the source's `factsEndAt`.
 */

/** Lines that start page furniture: nothing after them is the article's own text. */
const FURNITURE = [
  /^related (articles|posts|stories)\b/i,
  /^(please )?(follow|like|share)\b.*\b(us|this)\b/i,
  /^share (this|on)\b/i,
  /^leave a (reply|comment)\b/i,
  /^\d+ (thoughts?|comments?|responses?) on\b/i,
  /^(comments?|reader comments)\s*:?$/i,
  /^(read more|see also|you may also like|advertisement)\b/i,
  /^(tags?|filed under)\s*:/i,
];

export interface Sentence {
  text: string;
  start: number;
  end: number;
}

/** The first furniture line, as it occurs in the text, or null when the whole text is the story. */
export function factsEndMarker(text: string): string | null {
  for (const line of text.split('\n')) {
    const trimmed = line.trim();
    if (trimmed && FURNITURE.some((re) => re.test(trimmed))) return trimmed;
  }
  return null;
}

/** Sentences of the story part with their offsets, so each one can be quoted verbatim. */
export function sentences(text: string): Sentence[] {
  const marker = factsEndMarker(text);
  const story = marker ? text.slice(0, text.indexOf(marker)) : text;
  const out: Sentence[] = [];
  // A sentence ends at . ! ? (optionally followed by a closing quote or bracket) before white space,
  // or at a line break: headlines and quoted statements stand on their own lines.
  const re = /[^\n]+?(?:[.!?][”"’)]?(?=\s)|$)/gm;
  for (const match of story.matchAll(re)) {
    const raw = match[0];
    const lead = raw.length - raw.trimStart().length;
    const textOf = raw.trim();
    if (textOf.length < 3) continue;
    const start = match.index + lead;
    out.push({ text: textOf, start, end: start + textOf.length });
  }
  return out;
}
