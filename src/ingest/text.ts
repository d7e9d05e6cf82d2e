/**
 * The parts of an article that can hold facts. Pages carry furniture after the story (related links,
 * share buttons, reader comments); everything from the first such line on is left out, and the loader
 * is told so through the source's `factsEndAt`.
 */

import { readFileSync, statSync } from 'node:fs';
import { BadUserInputError } from '../errors';
import { LIMITS } from '../rules';

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
    const prior = out[out.length - 1];
    // "Ford Motor Co. and SK Innovation", "Nov. 18", "Mr. Zhang": a full stop after an abbreviation
    // ends no sentence when the text goes on in the same line with a small letter, a digit, or a name
    // after a title.
    if (
      prior &&
      !/\n/.test(text.slice(prior.end, start)) &&
      (TITLE.test(prior.text) || (ABBREVIATION.test(prior.text) && /^[\p{Ll}\d(]/u.test(textOf)))
    ) {
      prior.text = text.slice(prior.start, start + textOf.length);
      prior.end = start + textOf.length;
      continue;
    }
    out.push({ text: textOf, start, end: start + textOf.length });
  }
  return out;
}

const ABBREVIATION =
  /(?:^|[\s(])(?:Co|Corp|Inc|Ltd|Bros|Jr|Sr|No|vs|approx|ca|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|[A-Z]|[A-Z]\.[A-Z])\.$/;
const TITLE = /(?:^|\s)(?:Mr|Mrs|Ms|Dr|Prof|St)\.$/;

// NUL and the replacement character (bytes that were not text) never occur in an article.
// eslint-disable-next-line no-control-regex -- matching NUL is the point
const NOT_TEXT = /[\u0000\ufffd]/;
// eslint-disable-next-line no-control-regex -- counting control characters is the point
const CONTROL = /[\u0001-\u0008\u000e-\u001f\u007f]/g;

/**
 * An article's text as ingestion accepts it: at least 20 characters of prose, at most the stored-text
 * limit, and text rather than the bytes of a binary file.
 */
export function checkArticleText(argument: string, text: string): string {
  if (text.length > LIMITS.sourceText) {
    throw new BadUserInputError(
      argument,
      `is ${text.length} characters long; an article may have at most ${LIMITS.sourceText}.`,
    );
  }
  if (NOT_TEXT.test(text) || (text.match(CONTROL)?.length ?? 0) > text.length / 100) {
    throw new BadUserInputError(
      argument,
      'is not plain text (it holds NUL, control or undecodable bytes): give the article as UTF-8 text.',
    );
  }
  if (text.trim().length < 20) throw new BadUserInputError(argument, 'must hold an article (at least 20 characters).');
  return text;
}

/** An article from a file: UTF-8 text within the limit, read whole only when it can be one. */
export function readArticle(file: string): string {
  // A UTF-8 character has at most 4 bytes, so a larger file cannot hold an acceptable article.
  const bytes = statSync(file).size;
  if (bytes > LIMITS.sourceText * 4) {
    throw new BadUserInputError(
      'text',
      `${file} has ${bytes} bytes; an article may have at most ${LIMITS.sourceText} characters.`,
    );
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(readFileSync(file));
  } catch {
    throw new BadUserInputError('text', `${file} is not UTF-8 text: give the article as a plain-text file.`);
  }
}
