/**
 * How names compare: without case, accents and punctuation, and without the words that vary between
 * two writers naming the same thing (legal forms, "Group", honorifics, a leading "the").
 */
/** Letters that Unicode does not decompose into a base letter and a mark. */
const LETTERS: Record<string, string> = { ł: 'l', ø: 'o', æ: 'ae', œ: 'oe', ß: 'ss', đ: 'd', ı: 'i', þ: 'th' };

/** Lower case, without accents or punctuation: "Wrocław" and "Wroclaw" are both `wroclaw`. */
export function fold(name: string): string {
  return name
    .toLowerCase()
    .replace(/[łøæœßđıþ]/g, (c) => LETTERS[c]!)
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** Words that do not tell two organisations, people or places apart. */
const GENERIC = new Set([
  'the',
  'group',
  'groupe',
  'holding',
  'holdings',
  'company',
  'co',
  'ltd',
  'limited',
  'inc',
  'corp',
  'corporation',
  'plc',
  'llc',
  'gmbh',
  'ag',
  'se',
  'sa',
  'spa',
  'sas',
  'nv',
  'bv',
  'ab',
  'asa',
  'as',
  'oy',
  'zrt',
  'kft',
  'sro',
  'dr',
  'prof',
  'mr',
  'mrs',
  'ms',
]);

/** The comparable form of a name: "Leclanché SA" and "Leclanche" are both `leclanche`. */
export function nameKey(name: string): string {
  const words = fold(name)
    .split(' ')
    .filter((w) => w && !GENERIC.has(w));
  return words.length ? words.join(' ') : fold(name);
}

/** True when any of the names of one record is a name of the other. */
export function sameName(a: readonly string[], b: readonly string[]): boolean {
  const keys = new Set(b.map(nameKey));
  return a.some((n) => keys.has(nameKey(n)));
}
