/** What `kg ingest` and `ingestArticle` accept as an article's text, before any database work. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { BadUserInputError } from '../../src/errors';
import { checkArticleText, readArticle } from '../../src/ingest/text';

const ARTICLE = 'Verkor signs a supply contract with Renault Group for its Dunkirk gigafactory.\n';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'kg-article-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const refusal = (work: () => unknown): BadUserInputError => {
  try {
    work();
  } catch (error) {
    if (error instanceof BadUserInputError) return error;
    throw error;
  }
  throw new Error('accepted');
};

describe('an article text', () => {
  it('is accepted as it is', () => {
    expect(checkArticleText('text', ARTICLE)).toBe(ARTICLE);
  });

  it('is refused when empty or too short to be an article', () => {
    expect(refusal(() => checkArticleText('input.text', '')).extensions.argument).toBe('input.text');
    expect(refusal(() => checkArticleText('text', ' \n\t ')).message).toMatch(/at least 20 characters/);
  });

  it('is refused when it holds the bytes of a binary file', () => {
    expect(refusal(() => checkArticleText('text', `${ARTICLE}\u0000${ARTICLE}`)).message).toMatch(/not plain text/);
    expect(refusal(() => checkArticleText('text', `${ARTICLE}\ufffd${ARTICLE}`)).message).toMatch(/not plain text/);
    const controls = Array.from({ length: 40 }, (_, i) => String.fromCharCode(1 + (i % 7))).join('');
    expect(refusal(() => checkArticleText('text', `${ARTICLE}${controls}`)).message).toMatch(/not plain text/);
  });

  it('is refused above the stored-text limit', () => {
    expect(refusal(() => checkArticleText('text', 'a'.repeat(1_000_001))).message).toMatch(/at most 1000000/);
  });
});

describe('an article file', () => {
  it('is read as UTF-8 text', () => {
    const file = path.join(dir, 'article.txt');
    writeFileSync(file, `${ARTICLE}Zellfabrik – Gigafabrik für Batteriezellen`);
    expect(readArticle(file)).toBe(`${ARTICLE}Zellfabrik – Gigafabrik für Batteriezellen`);
  });

  it('is refused when it is not UTF-8 (a binary file)', () => {
    const file = path.join(dir, 'image.png');
    writeFileSync(file, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0xff, 0xfe, 0x00, 0xc3]));
    expect(refusal(() => readArticle(file)).message).toMatch(/not UTF-8 text/);
  });

  it('is refused unread when it is larger than any acceptable article (5 MB)', () => {
    const file = path.join(dir, 'huge.txt');
    writeFileSync(file, 'x'.repeat(5 * 1024 * 1024));
    expect(refusal(() => readArticle(file)).message).toMatch(/5242880 bytes/);
  });
});
