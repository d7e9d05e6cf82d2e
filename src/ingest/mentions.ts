/**
 * Who and where a report names, sentence by sentence, with the cues each mention carries: the graph's
 * own names and aliases first, then the industry's well-known organisations (data/companies.json),
 * places from the gazetteer, people (compromise and the words around names: "said", "CEO of"), and
 * organisations by company cues (legal forms, "-based start-up", "subsidiary of", "battery maker X",
 * "X, a … company"). The cues are the features the learned confidence weighs (confidence.ts).
 */
import nlp from 'compromise';
import companyData from './data/companies.json';
import { cityNamed, MONTHS, namedPlaces, Place } from './gazetteer';
import { fold, nameKey } from './names';
import type { Sentence } from './text';
import { slugify } from '../rules';
import type { KnownEntity, KnownLabel } from '../store/known';

/** What kind of record a mention names. */
export type EntityLabel = KnownLabel;
export type { KnownEntity };

export interface Mention {
  /** Mentions with one key are one record. */
  key: string;
  label: EntityLabel;
  /** As written, without a possessive. */
  name: string;
  sentence: number;
  start: number;
  end: number;
  /** Company kind or site kind, when a cue tells it. */
  kind: string | null;
  /** The graph's record, or the well-known organisation, this mention names. */
  known?: KnownEntity;
  /** True for a well-known organisation of data/companies.json that the graph does not hold. */
  lexicon?: boolean;
  place?: Place;
  cues: Set<string>;
}

export interface LexiconCompany {
  id: string;
  name: string;
  aliases: string[];
  kinds: string[];
}
export const LEXICON: LexiconCompany[] = companyData.companies;

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A capitalised word: "Stellantis", "LG", "Saxony-Anhalt", "Volkswagen’s", "24M", "energiGUNE". */
const WORD = "(?:[\\p{Lu}\\d][\\p{L}\\d&]*(?:[.'’\\-/][\\p{L}\\d&]+)*|[\\p{Ll}]+[\\p{Lu}][\\p{L}]*)";
/** Lower-case words inside names: "Navalmoral de la Mata", "Mo i Rana", "Paul van Gerven". */
const PARTICLE = '(?:de|la|del|di|da|van|von|der|den|am|an|i|y|upon|sur|le|du)';
const RUN = new RegExp(`(?<![\\p{L}\\d])${WORD}(?:\\s+(?:${PARTICLE}\\s+){0,2}${WORD})*`, 'gu');

const LEGAL =
  /\s(?:GmbH(?: & Co\.? KG)?|AG|SE|SA|S\.A\.|SpA|S\.p\.A\.|Ltd|Limited|Inc|Corp|Corporation|Co|Company|plc|PLC|LLC|AB|ASA|AS|Oyj?|Zrt|Kft|NV|N\.V\.|BV|B\.V\.|SAS|SRL|Srl|KG)\.?$/;
const SUFFIX =
  /\s(?:Energy|Energies|Power|Battery|Batteries|Cells?|Motors?|Automotive|Auto|Mobility|Technologies|Technology|Tech|Industries|Industrial|Electric|Electronics|Chemicals?|Materials|Systems|Solutions|Resources|Metals|Lithium|Holdings?|Group|Groupe|Capital|Ventures|International|Manufacturing|Production|Components|Recycling|Storage)$|volt$/;
/** Words that end a description of an organisation just before its name: "battery maker", "start-up". */
const DESCRIPTOR =
  /\b(start-?ups?|compan(?:y|ies)|firms?|carmakers?|automakers?|car ?makers?|manufacturers?|makers?|producers?|suppliers?|developers?|groups?|conglomerates?|giants?|subsidiar(?:y|ies)|units?|ventures?|rivals?|customers?|partners?|investors?|operators?|owners?|corporations?|specialists?|players?|brands?|spin-?offs?|institutes?|cent(?:er|re)|universit(?:y|ies)|colleges?)(?: of)?,?\s*$/i;
/** Names a list of organisations introduces: "Other partners are Matador, … and A.EN", "customers include …". */
const LISTED_AS =
  /\b(?:partners|customers|clients|investors|shareholders|members|backers)\s+(?:are|include|includes|including|such as|like)\s+(?:[^.;:]{0,60}?(?:,|\band)\s+)?$/i;
const described = (pre: string) => DESCRIPTOR.test(pre) || LISTED_AS.test(pre);
const APPOSITIVE =
  /^\s*(?:\([^)]*\)\s*)?,\s*(?:a|an|the|one of)\s+[^,.;]{0,80}?\b(compan(?:y|ies)|firm|maker|manufacturer|producer|start-?up|group|supplier|subsidiary|venture|giant|conglomerate|carmaker|automaker|developer|holding|corporation|investor|specialist|player|leader|institute|cent(?:er|re))\b/i;
const LISTED = /^\s*\((?:NYSE|NASDAQ|Nasdaq|SIX|LSE|KRX|SZSE|SSE|Euronext|XETRA|FWB|TSX|ASX|OTC)\b/;
const BASED = /\b[\p{Lu}][\p{L}-]*-based\s+(?:[\p{L}-]+\s+){0,3}$/u;
const OF_CUE =
  /\b(?:subsidiary|unit|division|arm|spin-?off|daughter|part|owner|shareholders?|partner|customer|supplier|investor) of (?:the )?$/i;
const SUBJECT =
  /^\s+(?:has |have |had |also |will |would |is |was |are |were |plans to |wants to |intends to |aims to |has been |is to |could |may |said it |said it will |now )?(?:build|builds|built|building|open|opens|opened|opening|produce|produces|invest|invests|invested|investing|announce[sd]?|sign(?:s|ed)?|supply|supplies|supplied|acquire[sd]?|bought|buys|plan(?:s|ned)?|agreed|agrees|develop(?:s|ed)?|start(?:s|ed)?|began|begins|launch(?:es|ed)?|employ(?:s|ed)?|operate[sd]?|received?|selected|chose|chosen|decided|confirmed|completed|form(?:s|ed)?|establish(?:es|ed)?|set up|joined|took|takes|manufactures|makes|holds|owns|expects|intends|aims|wants|is building|is planning|has signed|has announced)\b/i;
const ROLE =
  '(?:CEO|CFO|CTO|COO|premier|Premier|chief executive(?: officer)?|chief [a-z]+ officer|chairman|chairwoman|chair|president|vice[- ]president|founder|co-founder|head|director|managing director|general manager|manager|minister|prime minister|secretary|spokes(?:man|woman|person)|board member|member of the board|VP|senior VP|officer|analyst|mayor|governor|king|queen|chancellor|commissioner|executive|professor|economist|leader|deputy)';
/** "the Minister of Industry, Commerce and Tourism, Reyes Maroto". */
const ROLE_WORD = new RegExp(`^${ROLE}$`, 'i');
const ROLE_OF = new RegExp(`\\b${ROLE}\\s+of\\s+$`, 'i');
const ROLE_BEFORE = new RegExp(`\\b${ROLE}(?: of [^.;:]{1,60}?)?,?\\s*$`, 'i');
const ROLE_AFTER = new RegExp(`^,?\\s+(?:the |a |an )?(?:[\\p{L}-]+ ){0,3}${ROLE}\\b`, 'iu');
const SAID_BEFORE = /\b(?:said|says|according to|added|explained|commented|noted|stated|told|continued)\s*,?\s*$/i;
const SAID_AFTER = /^,?\s+(?:said|says|added|explained|commented|noted|stated|told|continued|expects|believes)\b/i;

/** Capitalised words that are not names: sentence openers, titles, acronyms of the trade, generic nouns. */
const NOT_NAMES = new Set(
  `The A An This That These Those Its It Our Their His Her We They He She You I In On At For With And But By From Both As After Before When While Since Although However Meanwhile According If Also Today Yesterday Now So Then There Here What Why How Who Which Where Under Over Through Into Despite Like Unlike Following Last Next First Second Third One Two Three Four Five Some Many Most All Each Every More Less Other Another Such New Mr Ms Mrs Dr Prof Sir Premier Automaker Carmaker Manufacturer Maker Supplier Firm CEO CFO CTO COO Chairman Chairwoman Chair President Minister Prime Chief Executive Officer Head Director Board Member Vice Senior VP Managing Manager Founder Government Ministry Council Agency State Region Province City Municipality Parliament Commission Union Republic Kingdom Federal National Group Company Start-up Startup Plant Factory Gigafactory Battery Batteries Cell Cells Energy Project Phase Production Construction Investment Capacity Jobs EV EVs BEV BEVs PHEV SUV SUVs GWh MWh kWh LFP NMC NCM NCA LMFP LMO LTO R&D JV MoU MOU IPO EU AI IT HR ESS PR GDP USD EUR GBP CHF HUF SEK NOK DKK PLN CZK RON CNY RMB JPY KRW CO2 Q1 Q2 Q3 Q4 H1 H2 AP SPD CDU FDP Green Greens Photo Image Source Read More Related Share Published Updated By Electronics Industry News Business Economy Science Research Technology Automotive Mobility Transport Climate Environment Editorial Video Live Breaking Exclusive Analysis Opinion Interview Report Reuters Bloomberg Xinhua AFP Euro Euros Dollar Dollars Yuan Won Forint Pound Pounds Crown Crowns Krona`.split(
    ' ',
  ),
);
/** Organisations that are not companies: governments, authorities, news outlets. */
const NOT_COMPANIES =
  /\b(?:Government|Ministry|Minister|Council|Commission|Parliament|Agency|Authority|Municipality|Union|Republic|Kingdom|Federal|Office|Administration|Department|Senate|Court|Police|Army|Reuters|Bloomberg|News|Times|Journal|Post|Gazette|Daily|Magazine|Agence|Xinhua|Press|Party|Office|Prefecture|County|Region|Province|State|Campus|Valley|Airport|Port|Highway|Center of Excellence|Centre of Excellence|Summit|Conference|Award|Prize|Act|Law|Programme|Program|Plan|Strategy|Initiative|Project|Fund|Bank)\b|\.(?:news|com|net|org|info|io)\b/;

const lexiconKey = (id: string) => `company:${id}`;
const companyKey = (name: string) => `company:${nameKey(name)}`;
const personKey = (name: string) => `person:${nameKey(name)}`;
const siteKey = (id: string) => `site:${id}`;

/** compromise's English lexicon: words of the language, which are names only with a cue. */
const LEXICON_WORDS = (nlp.model() as { one: { lexicon: Record<string, string> } }).one.lexicon;
const PROPER = /Name|City|Country|Place|Region|Organization|SportsTeam|Demonym|Person/;
const isCommonWord = (word: string) => {
  const lower = word.toLowerCase();
  const tag = LEXICON_WORDS[lower];
  return (tag !== undefined && !PROPER.test(tag)) || /^(?:[a-z]+ly|[a-z]+ing|[a-z]+ed)$/.test(lower);
};

/**
 * A headline or a line of title case: capitalised words there are not evidence of a name. A sentence
 * that ends with a full stop is prose, however many names it lists.
 */
const titleCase = (text: string) => {
  if (/[.!?]["”’)]?$/.test(text.trim())) return false;
  const words = text.split(/\s+/).filter((w) => /^[\p{L}]{4,}/u.test(w));
  return words.length >= 4 && words.filter((w) => /^\p{Lu}/u.test(w)).length / words.length >= 0.6;
};

interface Span {
  start: number;
  end: number;
}

/** Every mention of the report, in reading order, and aliases the report itself introduces ("(GIB)"). */
export function findMentions(all: Sentence[], known: KnownEntity[], title = '', lexicon = true): Mention[] {
  const mentions: Mention[] = [];
  // The graph's names first, then well-known organisations not in the graph; longest first.
  const graphIds = new Set(known.map((k) => k.id));
  const named = [
    ...known.map((k) => ({ record: k, lexicon: false })),
    ...LEXICON.filter((c) => lexicon && !graphIds.has(c.id)).map((c) => ({
      record: { ...c, label: 'Company' as EntityLabel },
      lexicon: true,
    })),
  ]
    .flatMap(({ record, lexicon }) => [record.name, ...record.aliases].map((n) => ({ record, lexicon, n })))
    .filter(({ n }) => n.length >= 2)
    .sort((a, b) => b.n.length - a.n.length);
  const namePattern = new Map(
    named.map(({ n }) => [n, new RegExp(`(?<![\\p{L}\\d&-])${escape(n)}(?![\\p{L}\\d&]|-[\\p{L}])`, 'gu')]),
  );
  // Acronyms the report defines in brackets after a name ("Gotion InoBat Batteries (GIB)").
  const defined = new Map<string, string>();
  for (const s of all)
    for (const m of s.text.matchAll(
      new RegExp(`(${WORD}(?:\\s+${WORD}){1,6})\\s+\\(([\\p{Lu}][\\p{Lu}\\d&]{1,7})\\)`, 'gu'),
    ))
      defined.set(m[2]!, m[1]!);
  // Clusters and campuses: "Produktionsverbund Renault Electricity", "Gravity Smart Campus".
  const clusters = new Set<string>();
  for (const s of all) {
    for (const m of s.text.matchAll(
      new RegExp(
        `(?:Produktionsverbund|production network|production hub|industrial hub|industrial cluster|cluster)\\s+(${WORD}(?:\\s+${WORD}){0,3})`,
        'gu',
      ),
    ))
      clusters.add(m[1]!);
    for (const m of s.text.matchAll(
      new RegExp(`${WORD}(?:\\s+${WORD}){0,3}\\s+(?:Campus|Industrial Park|Science Park|Vadisi)(?![\\p{L}])`, 'gu'),
    ))
      clusters.add(m[0].replace(/^(?:The|the)\s+/, ''));
  }
  const titleKeys = new Set(fold(title).split(' '));
  // Countries the report names: a city there wins over a namesake elsewhere.
  const countries = new Set(
    all.flatMap((s) => namedPlaces(s.text).flatMap((p) => (p.place.country ? [p.place.country] : []))),
  );

  all.forEach((s, i) => {
    const text = s.text;
    const taken: Span[] = [];
    const free = (start: number, end: number) => taken.every((t) => end <= t.start || start >= t.end);
    const before = (start: number) => text.slice(Math.max(0, start - 80), start);
    const after = (end: number) => text.slice(end, end + 100);
    const add = (m: Omit<Mention, 'sentence' | 'cues'> & { cues?: string[] }) => {
      if (!free(m.start, m.end)) return false;
      taken.push({ start: m.start, end: m.end });
      const cues = new Set(m.cues ?? []);
      if (m.start === 0 || /^["“‘(\s]*$/.test(text.slice(0, m.start))) cues.add('initial');
      if (m.name.split(/\s+/).some((w) => titleKeys.has(fold(w)))) cues.add('title');
      if (/^['’]s\b/.test(text.slice(m.end))) cues.add('possessive');
      mentions.push({ ...m, sentence: i, cues });
      return true;
    };
    const headline = titleCase(text);

    // Whole runs that name a company the shorter names inside would split: "Farasis Energy Europe GmbH",
    // "Samsung SDI Hungary Zrt", "LG Chem Wroclaw Energy", "Recharge Production UK Limited".
    if (!headline) {
      for (const run of text.matchAll(RUN)) {
        let name = run[0].replace(/['’]s$/, '');
        let start = run.index;
        while (/^(\S+)\s/.test(name) && (NOT_NAMES.has(name.split(/\s/)[0]!) || MONTHS.test(name.split(/\s/)[0]!))) {
          const cut = name.indexOf(' ') + 1;
          start += cut;
          name = name.slice(cut);
        }
        if (!name.includes(' ') || NOT_COMPANIES.test(name)) continue;
        if (named.some(({ n }) => n === name)) continue;
        const inner = named.find(({ n, record }) => record.label === 'Company' && name.startsWith(`${n} `));
        const rest = inner ? name.slice(inner.n.length + 1) : '';
        const place = namedPlaces(name).find((p) => p.end === name.length && p.start > 0);
        const extension =
          (inner &&
            (SUFFIX.test(` ${rest}`) ||
              namedPlaces(rest).some((p) => p.start === 0) ||
              /^[\p{Lu}]{3,5}$/u.test(rest))) ||
          (place && SUFFIX.test(` ${name.slice(0, place.start).trim()}`));
        if (!LEGAL.test(` ${name}`) && !extension) continue;
        // "24M Technologies Inc" is the known "24M Technologies": a legal form alone extends nothing.
        if (inner && !extension && LEGAL.test(` ${name}`) && !rest.includes(' ')) continue;
        add({
          key: companyKey(name),
          label: 'Company',
          name,
          start,
          end: start + name.length,
          kind: kindOf(before(start), after(start + name.length)),
          cues: [
            ...(LEGAL.test(` ${name}`) ? ['legal'] : []),
            ...(SUFFIX.test(` ${name}`) ? ['suffix'] : []),
            'extends',
          ],
        });
      }
    }
    // Projects: quoted roadmap names, "X project (Alias)", "the coming X", strategies and ecosystems.
    const project = (name: string, kind: string, start: number, alias?: string) =>
      add({
        key: `project:${nameKey(name)}`,
        label: 'Project',
        name: name[0]!.toUpperCase() + name.slice(1),
        start,
        end: start + name.length,
        kind,
        cues: [`project:${kind}`, ...(alias ? [`alias:${alias}`] : [])],
      });
    for (const m of text.matchAll(/[“"]([^”"]{2,40})[”"]\s*-?\s*roadmap/gu)) project(m[1]!, 'roadmap', m.index + 1);
    for (const m of text.matchAll(
      new RegExp(`\\b(${WORD}) (?:project|programme|program)\\b(?: \\(([^)]{3,60})\\))?`, 'gu'),
    ))
      // Not a programme's name: a company's ("Italvolt's project"), a people's ("a big European
      // project") or a place's ("the Thuringia project").
      if (
        !NOT_NAMES.has(m[1]!) &&
        !named.some(({ n }) => n === m[1]) &&
        !/['’]s$/.test(m[1]!) &&
        LEXICON_WORDS[m[1]!.toLowerCase()] !== 'Demonym' &&
        !namedPlaces(m[1]!).length &&
        !cityNamed(m[1]!)
      )
        project(m[1]!, 'research-programme', m.index, m[2]);
    for (const m of text.matchAll(new RegExp(`\\bthe (?:coming|upcoming|future) (${WORD})`, 'gu')))
      project(m[1]!, 'vehicle', m.index + m[0].length - m[1]!.length);
    for (const m of text.matchAll(/\b(?:[Bb]attery|[Ee]lectrification|EV) strategy\b/gu))
      project(m[0], 'strategy', m.index);
    for (const m of text.matchAll(/\b(?:ecosystem|value chain) for [a-z ]+?(?= in\b|[,.]|$)/gu))
      project(m[0], 'ecosystem', m.index);
    for (const name of clusters) {
      for (const m of text.matchAll(new RegExp(`(?<![\\p{L}\\d])${escape(name)}(?![\\p{L}\\d])`, 'gu')))
        add({
          key: siteKey(slugify(fold(name))),
          label: 'Site',
          name,
          start: m.index,
          end: m.index + name.length,
          kind: 'cluster',
          cues: ['cluster'],
        });
    }
    for (const { record, lexicon, n } of named) {
      for (const m of text.matchAll(namePattern.get(n)!)) {
        // A word of the language ("Total", "Hydro") names a company only inside a sentence.
        if (lexicon && !n.includes(' ') && isCommonWord(n) && (m.index === 0 || /^["“]$/.test(text.slice(0, m.index))))
          continue;
        const label = record.label;
        const key =
          label === 'Company' ? lexiconKey(record.id) : label === 'Site' ? siteKey(record.id) : `${label}:${record.id}`;
        add({
          key,
          label,
          name: n,
          start: m.index,
          end: m.index + n.length,
          kind: null,
          known: record,
          lexicon,
          cues: [lexicon ? 'lexicon' : 'graph'],
        });
      }
    }
    for (const [acronym, longName] of defined) {
      for (const m of text.matchAll(new RegExp(`(?<![\\p{L}\\d])${escape(acronym)}(?![\\p{L}\\d])`, 'gu'))) {
        if (!/^\s*\)/.test(text.slice(m.index + acronym.length)))
          add({
            key: companyKey(longName),
            label: 'Company',
            name: longName,
            start: m.index,
            end: m.index + acronym.length,
            kind: null,
            cues: ['acronym'],
          });
      }
    }

    // Places with names of their own: continents, countries (and their adjectives), regions.
    for (const p of namedPlaces(text)) {
      // "900 million US dollars", "1.7 billion U.S.": a currency, not a place.
      if (
        /^\s*(?:dollars?|pounds?|yuan|won|francs?|crowns?)\b/i.test(text.slice(p.end)) ||
        /\d(?:\s*(?:million|billion|trillion|bn|mn))?\s+$/i.test(text.slice(0, p.start))
      )
        continue;
      const cues = [p.place.kind, ...(p.adjective ? ['adjective'] : [])];
      add({
        key: siteKey(p.place.id),
        label: 'Site',
        name: p.place.name,
        start: p.start,
        end: p.end,
        kind: p.place.kind,
        place: p.place,
        cues,
      });
    }

    // People: compromise's reading, and names next to a role or to "said".
    const people: Span[] = [];
    for (const raw of nlp(text).people().out('array') as string[]) {
      const name = raw
        .replace(/[,.;:!?"”’)]+$/, '')
        .replace(new RegExp(`^(?:${ROLE}\\s+|(?:the|father|Mr|Ms|Mrs|Dr|Sir)\\.?\\s+)+`, 'i'), '');
      const at = text.indexOf(name);
      if (at >= 0 && name.split(/\s+/).length >= 2 && name.split(/\s+/).every((w) => /^\p{Lu}/u.test(w)))
        people.push({ start: at, end: at + name.length });
    }

    // Names in the remaining capitalised runs: cities, people by their cues, organisations by theirs.
    for (const run of text.matchAll(RUN)) {
      for (const piece of freePieces(run.index, run[0], taken)) {
        let { start, name } = piece;
        name = name.replace(/['’]s$/, '');
        // Leading words that are not names ("The", a sentence-opening "Construction").
        let words = name.split(/\s+/);
        while (
          words.length &&
          (NOT_NAMES.has(words[0]!) ||
            MONTHS.test(words[0]!) ||
            // "Volkswagen-owned Salzgitter": a compound adjective opens the phrase, it is not the name.
            (words.length > 1 && /-(?:owned|backed|led|controlled|funded)$/.test(words[0]!)) ||
            (start === 0 &&
              words.length > 1 &&
              isCommonWord(words[0]!) &&
              // "Robin Zeng, founder of CATL": a first name that is also a word.
              !people.some((p) => p.start === start)) ||
            new RegExp(`^${PARTICLE}$`).test(words[0]!))
        ) {
          start += words[0]!.length + (text.slice(start + words[0]!.length).match(/^\s+/)?.[0].length ?? 1);
          words = words.slice(1);
        }
        // Trailing words that are not names, unless they end a company's name ("Kelvin Batteries").
        while (
          words.length &&
          (NOT_NAMES.has(words.at(-1)!) || new RegExp(`^${PARTICLE}$`).test(words.at(-1)!)) &&
          !(words.length > 1 && SUFFIX.test(` ${words.join(' ')}`))
        )
          words = words.slice(0, -1);
        if (!words.length) continue;
        // A title inside the run ("Development Minister Jörg Steinbach") or a portfolio after one
        // ("Minister of Economic Affairs Jörg Steinbach"): the name is the last words.
        const title = words
          .slice(0, -2)
          .map((w) => ROLE_WORD.test(w))
          .lastIndexOf(true);
        const keep =
          title >= 0 && words.length - title - 1 <= 3
            ? words.length - title - 1
            : ROLE_OF.test(before(start)) && words.length >= 3
              ? 2
              : words.length;
        for (const w of words.slice(0, words.length - keep)) start = text.indexOf(w, start) + w.length;
        start = text.indexOf(words[words.length - keep]!, start);
        words = words.slice(words.length - keep);
        name = text.slice(start, text.indexOf(words.at(-1)!, start) + words.at(-1)!.length);
        const based = /-based$/.test(name);
        if (based) name = name.slice(0, -'-based'.length);
        if (
          words.every((w) => NOT_NAMES.has(w) || MONTHS.test(w) || /^\d/.test(w) || /^[\p{Lu}]{1,2}$/u.test(w)) &&
          !(words.length > 1 && !NOT_NAMES.has(words[0]!) && SUFFIX.test(` ${words.join(' ')}`))
        )
          continue;
        // "Billy-Berclau/Douvrin": neighbouring towns named together are each a town.
        const towns = name.split('/').map((part) => ({ part, city: cityNamed(part, countries) }));
        if (towns.length > 1 && towns.every((t) => t.city)) {
          let at = start;
          for (const { part, city } of towns) {
            add({
              key: siteKey(city!.id),
              label: 'Site',
              name: part,
              start: at,
              end: at + part.length,
              kind: 'city',
              place: city!,
              cues: ['city', 'joined'],
            });
            at += part.length + 1;
          }
          continue;
        }
        const end = start + name.length + (based ? '-based'.length : 0);
        const pre = before(start);
        const post = after(end);
        const initial = start === 0 || /^["“‘(\s]*$/.test(text.slice(0, start));
        const single = words.length === 1;
        // A sentence-opening word of the language, alone, is a word; a people's adjective ("European") is
        // never a name by itself.
        if (single && initial && isCommonWord(name) && !/^\s*,/.test(post)) continue;
        if (single && LEXICON_WORDS[name.toLowerCase()] === 'Demonym') continue;

        const person =
          people.some((p) => p.start <= start && p.end >= end) ||
          (!single &&
            words.length <= 4 &&
            (ROLE_BEFORE.test(pre) || ROLE_AFTER.test(post) || SAID_BEFORE.test(pre) || SAID_AFTER.test(post)));
        if (person && !single && !LEGAL.test(` ${name}`) && !SUFFIX.test(` ${name}`)) {
          // "Minister of Foreign Affairs and Trade Peter Szijjarto": the end of a title is not a name.
          while (words.length > 2 && isCommonWord(words[0]!)) {
            start = text.indexOf(words[1]!, start + words[0]!.length);
            words = words.slice(1);
          }
          name = text.slice(start, end);
          const cues = ['person'];
          if (people.some((p) => p.start <= start && p.end >= end)) cues.push('nlp');
          if (ROLE_BEFORE.test(pre) || ROLE_AFTER.test(post)) cues.push('role');
          if (SAID_BEFORE.test(pre) || SAID_AFTER.test(post)) cues.push('said');
          add({ key: personKey(name), label: 'Person', name, start, end, kind: null, cues });
          continue;
        }
        if (!headline) {
          const city = MONTHS.test(name) ? null : cityNamed(name, countries);
          const placeCue =
            /\b(?:in|near|at|outside|from|to|of|around|city of|town of|municipality of)\s+(?:the\s+)?$/i.test(pre);
          const countryAfter = /^,\s+[\p{Lu}]/u.test(post) && namedPlaces(post.slice(0, 40)).some((p) => p.start <= 3);
          const sure =
            placeCue ||
            countryAfter ||
            based ||
            (city?.country && countries.has(city.country)) ||
            (city?.population ?? 0) >= 100000;
          if (city && sure && !LEGAL.test(` ${name}`) && !SUFFIX.test(` ${name}`) && !described(pre)) {
            const cues = ['city'];
            if (placeCue) cues.push('place-cue');
            if (countryAfter) cues.push('country-after');
            if (based) cues.push('based');
            if (city.country && countries.has(city.country)) cues.push('country-named');
            if (isCommonWord(name)) cues.push('word');
            add({
              key: siteKey(city.id),
              label: 'Site',
              name,
              start,
              end,
              kind: 'city',
              place: { ...city, population: city.population },
              cues,
            });
            continue;
          }
        }
        // A town the gazetteer lacks, named where a plant is: "a gigafactory in Testville", "its Voderady plant".
        const plantPlace =
          /\b(?:gigafactory|plant|factory|facility|site)\s+(?:in|at|near)\s+(?:the\s+)?$/i.test(pre) ||
          // "The Testa Gigafactory in Grünheide": the word before a plant placed elsewhere is its name.
          /^\s+(?:battery\s+|cell\s+)?(?:gigafactory|plant|factory)\b(?!\s+(?:in|at|near)\s+\p{Lu})/iu.test(post);
        // Not a town: a people's adjective ("its first European gigafactory"), an acronym ("a so-called CNT
        // plant"), the name a company gives its plant ("the Northvolt Ett plant") or a plant's own title
        // ("its Customer Qualification Plant").
        const demonym = LEXICON_WORDS[name.toLowerCase()] === 'Demonym';
        const plantName = mentions.some(
          (m) => m.sentence === i && m.label === 'Company' && m.end <= start && /^\s*$/.test(text.slice(m.end, start)),
        );
        if (
          plantPlace &&
          !demonym &&
          !plantName &&
          !/^\s+\p{Lu}/u.test(post) &&
          !/^\p{Lu}{2,}$/u.test(name) &&
          !headline &&
          !LEGAL.test(` ${name}`) &&
          !SUFFIX.test(` ${name}`) &&
          !described(pre)
        ) {
          add({
            key: siteKey(slugify(fold(name))),
            label: 'Site',
            name,
            start,
            end,
            kind: 'city',
            place: { id: slugify(fold(name)), name, kind: 'city', country: null, population: 0 },
            cues: ['city', 'place-cue', 'plant-cue'],
          });
          continue;
        }
        // "Electric Vehicles (EVs)": a plural acronym names a kind of thing, not an organisation.
        if (NOT_COMPANIES.test(name) || /^\s*\(\p{Lu}{2,6}s\)/u.test(post)) continue;
        const cues: string[] = [];
        if (LEGAL.test(` ${name}`)) cues.push('legal');
        if (SUFFIX.test(` ${name}`)) cues.push('suffix');
        if (described(pre)) cues.push('descriptor');
        if (APPOSITIVE.test(post) || LISTED.test(post)) cues.push('appositive');
        if (BASED.test(pre)) cues.push('based');
        if (OF_CUE.test(pre)) cues.push('of');
        if (/\b(?:the|within the|with the|by the)\s+$/.test(pre) && !initial) cues.push('after-the');
        if (SUBJECT.test(post)) cues.push('subject');
        if (words.some((w) => /\p{Ll}\p{Lu}|^\p{Lu}{3,}$/u.test(w))) cues.push('camel');
        if (!single) cues.push('multiword');
        if (headline) cues.push('headline');
        if (single && isCommonWord(name)) cues.push('word');
        add({ key: companyKey(name), label: 'Company', name, start, end, kind: kindOf(pre, post), cues });
      }
    }
  });
  return mentions;
}

/** The parts of a capitalised run that no earlier mention took. */
function freePieces(at: number, run: string, taken: Span[]): { start: number; name: string }[] {
  const out: { start: number; name: string }[] = [];
  let cursor = at;
  const end = at + run.length;
  for (const t of [...taken].sort((a, b) => a.start - b.start)) {
    if (t.end <= cursor || t.start >= end) continue;
    if (t.start > cursor) out.push({ start: cursor, name: run.slice(cursor - at, t.start - at) });
    cursor = Math.max(cursor, t.end);
  }
  if (cursor < end) out.push({ start: cursor, name: run.slice(cursor - at) });
  return out
    .map((p) => {
      const trimmed = p.name.replace(/^(?:['’]s)?\s+/, '');
      return { start: p.start + p.name.length - trimmed.length, name: trimmed.trimEnd() };
    })
    .filter((p) => /^[\p{Lu}\d]/u.test(p.name));
}

/** A company's kind from the words that describe it. */
function kindOf(pre: string, post: string): string | null {
  const near = `${pre.slice(-50)} ${post.slice(0, 80)}`;
  if (/start-?up/i.test(near)) return 'start-up';
  if (/\b(?:car ?makers?|automakers?|car manufacturer|vehicle manufacturer|automobile)\b/i.test(near))
    return 'automaker';
  if (/\b(?:battery|cell)\s+(?:makers?|manufacturers?|producers?|company|giant|specialist)\b/i.test(near))
    return 'battery-maker';
  if (/\bsuppliers?\b/i.test(near)) return 'supplier';
  if (/\b(?:research|institute|university|college)\b/i.test(near)) return 'research';
  if (/\balliance\b/i.test(near)) return 'alliance';
  return null;
}
