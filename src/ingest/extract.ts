/**
 * Proposes entities and facts from an article's text, offline: the names and aliases the graph already
 * knows, the domain's phrasing of agreements ("letter of intent with", "ongoing discussions with",
 * "currently provides"), a small gazetteer, and compromise for people and numbers. Every proposal
 * quotes the sentence it comes from and carries a confidence between 0 and 1.
 */
import nlp from 'compromise';
import { sentences, Sentence } from './text';
import { slugify } from '../rules';

export type EntityLabel = 'Company' | 'Person' | 'Site' | 'Project';

/** A record the graph already holds, with the stored fields a re-declaration must keep. */
export interface KnownEntity {
  id: string;
  label: EntityLabel;
  name: string;
  aliases: string[];
  /** Company kinds, or the site's or project's kind. */
  kinds: string[];
}

export interface KnownDeal {
  id: string;
  name: string;
  kind: string;
  status: string;
  binding: string;
  modality: string;
  parties: { company: string; role: string }[];
  sites: string[];
}

export interface Known {
  entities: KnownEntity[];
  deals: KnownDeal[];
}

export interface EntityProposal {
  id: string;
  label: EntityLabel;
  name: string;
  aliases: string[];
  kinds: string[];
  /** True when the record is already in the graph: the proposal adds evidence (and maybe aliases). */
  known: boolean;
  confidence: number;
  quotes: string[];
  locatedIn: string[];
  basedIn: string[];
  position: { title: string; organization: string } | null;
  /** Facilities that are battery plants: who builds and runs them (a company proposed or known). */
  plant: { operator: string } | null;
}

export interface DealProposal extends KnownDeal {
  projects: string[];
  known: boolean;
  confidence: number;
  quotes: string[];
  /**
   * The deal's stage as of the article (dated by its publication): for a new deal its first stage, for
   * a known deal only when the article moves it on (another kind or status). Binding only when stated.
   */
  stage: { status: string; kind: string; binding: string | null; quote: string } | null;
}

export interface MilestoneProposal {
  id: string;
  name: string;
  year: number;
  bound: 'by' | 'from' | 'in';
  modality: 'target' | 'expectation' | 'possibility' | 'actual';
  due: string;
  measure: { value: number; unit: string; approximate: boolean } | null;
  partnerships: string[];
  companies: string[];
  sites: string[];
  confidence: number;
  quote: string;
}

export interface ClaimProposal {
  id: string;
  subject: string;
  property: 'capacity' | 'capacity-target' | 'jobs-target' | 'investment';
  value: number;
  unit: string;
  approximate: boolean;
  year: number | null;
  bound: 'by' | 'from' | 'in' | null;
  modality: 'target' | 'actual';
  confidence: number;
  quote: string;
}

export interface Extraction {
  entities: EntityProposal[];
  deals: DealProposal[];
  milestones: MilestoneProposal[];
  claims: ClaimProposal[];
}

const CONTINENTS = ['Europe', 'Asia', 'Africa', 'North America', 'South America', 'Oceania'];
/** Country names and the adjectives articles use for them ("the French start-up"). */
const COUNTRIES: Record<string, string> = {
  France: 'French',
  Germany: 'German',
  Spain: 'Spanish',
  Italy: 'Italian',
  Poland: 'Polish',
  Hungary: 'Hungarian',
  Sweden: 'Swedish',
  Norway: 'Norwegian',
  Finland: 'Finnish',
  Portugal: 'Portuguese',
  Belgium: 'Belgian',
  Netherlands: 'Dutch',
  Slovakia: 'Slovak',
  Serbia: 'Serbian',
  Morocco: 'Moroccan',
  China: 'Chinese',
  Japan: 'Japanese',
  'South Korea': 'Korean',
  'United States': 'American',
  'United Kingdom': 'British',
  Canada: 'Canadian',
  Mexico: 'Mexican',
  India: 'Indian',
};
const ADJECTIVES = Object.values(COUNTRIES);
const ADJECTIVE = `(?:(?:${ADJECTIVES.join('|')}) )`;
/** A proper name: capitalised words (LG Chem, Envision AESC), joined by spaces or hyphens. */
const NAME = "([A-Z][\\p{L}\\d&'’.]*(?:[ -][A-Z][\\p{L}\\d&]*)*)";
/** Capitalised words that start sentences or clauses but are not names. */
const NOT_NAMES = new Set([
  ...'The On At In Both Due Research Strategic Battery Our It This That These Those Today Related Please New Second First Group Company Start-up'.split(
    ' ',
  ),
  ...ADJECTIVES,
]);
const COMPANY_NOUN =
  '(?:start-up|startup|company|group|carmaker|automaker|car manufacturer|battery maker|cell maker|supplier)';

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const norm = (text: string) =>
  text
    .toLowerCase()
    .replace(/[^\p{L}\d]+/gu, ' ')
    .trim();

interface Mention {
  key: string;
  label: EntityLabel;
  name: string;
  kind: string | null;
  sentence: number;
  /** Offset in the sentence: the article's subject is the company named first on a tie. */
  at: number;
  confidence: number;
  /** The shorter form this mention used, kept as an alias ("Renault" for "Renault Group"). */
  alias?: string;
}

/** The agreement kinds, the phrases that signal them and how specific each phrase is. */
const KIND_CUES: { kind: string; re: RegExp; weight: number }[] = [
  { kind: 'letter-of-intent', re: /\bletters? of intent\b/i, weight: 0.9 },
  { kind: 'memorandum', re: /\bmemorand(um|a)( of understanding)?\b|\bMoU\b/i, weight: 0.9 },
  { kind: 'joint-venture', re: /\bjoint[- ]venture\b/i, weight: 0.9 },
  { kind: 'equity-stake', re: /\b(stake|equity|shareholding)\b/i, weight: 0.8 },
  {
    kind: 'supply',
    re: /\b(supply (contract|agreement|deal|volumes?)|supplies|provides|will supply|will receive|delivers|purchase agreement)\b/i,
    weight: 0.8,
  },
  { kind: 'discussion', re: /\b(talks|discussions|negotiations|talking to)\b/i, weight: 0.8 },
  { kind: 'long-term-partnership', re: /\b(long-?time|long-term|longstanding) partner\b/i, weight: 0.75 },
  { kind: 'research', re: /\bresearch\b/i, weight: 0.7 },
  { kind: 'strategic-cooperation', re: /\bstrategic (cooperation|partnership|alliance)\b/i, weight: 0.7 },
  { kind: 'strategic-cooperation', re: /\b(cooperation|partnership|alliance|agreement|deal) with\b/i, weight: 0.4 },
];
const DEFAULT_STATUS: Record<string, string> = {
  'letter-of-intent': 'signed',
  memorandum: 'signed',
  'joint-venture': 'signed',
  'equity-stake': 'signed',
  supply: 'signed',
  discussion: 'in-discussion',
  'long-term-partnership': 'active',
  research: 'active',
  'strategic-cooperation': 'announced',
};
/** What happens to a plant, and the status it gives the deal behind it. */
const PLANT_EVENTS: [RegExp, string][] = [
  [
    /\b(started|starts|began|begins) (production|operations)\b|\binaugurat(ed|es)\b|\b(opened|opens) (its|the)\b/i,
    'active',
  ],
  [/\b(cancel(l)?ed|scrapped|abandoned|shelved)\b/i, 'cancelled'],
];
const NON_BINDING = new Set(['letter-of-intent', 'memorandum', 'discussion']);

function statusOf(kind: string, text: string): string {
  if (/\b(called off|abandon(ed)?|lapsed|ended|decided not to|broke off|no longer)\b/i.test(text)) return 'lapsed';
  if (/\bcancel(l)?ed\b/i.test(text)) return 'cancelled';
  if (/\b(currently|already|opened|inaugurated|started production|in operation)\b/i.test(text)) return 'active';
  if (kind !== 'discussion' && /\b(signed|signing|sign)\b/i.test(text)) return 'signed';
  return DEFAULT_STATUS[kind] ?? 'announced';
}

function bindingOf(kind: string, text: string): string {
  if (/\bnon-binding\b/i.test(text) || NON_BINDING.has(kind)) return 'non-binding';
  if (/\bbinding\b/i.test(text)) return 'binding';
  return 'unknown';
}

const modalityOf = (text: string) =>
  /\b(possibly|may|might|could|potential)\b/i.test(text)
    ? 'possible'
    : /\b(reportedly|according to|people familiar)\b/i.test(text)
      ? 'reported'
      : 'asserted';

const UNITS: [RegExp, string][] = [
  [/^(gwh|gigawatt[- ]hours?)$/i, 'GWh'],
  [/^direct jobs$/i, 'direct jobs'],
  [/^(new )?jobs$/i, 'jobs'],
  [/^electric (cars|vehicles)$/i, 'electric cars'],
  [/^(cars|vehicles)$/i, 'cars'],
  [/^euros?$/i, 'EUR'],
  [/^dollars?$/i, 'USD'],
];

/** "nearly 4500 direct jobs", "one million electric cars", "2 billion euros", "24 GWh". */
function measureOf(text: string): MilestoneProposal['measure'] {
  const re =
    /\b((?:nearly|about|around|almost|approximately|up to|over|more than) )?((?:\d[\d,.]*|one|two|three|four|five|six|seven|eight|nine|ten)(?: (?:thousand|million|billion))?) (GWh|gigawatt[- ]hours?|direct jobs|new jobs|jobs|electric cars|electric vehicles|cars|vehicles|euros?|dollars?)\b/i;
  const m = re.exec(text);
  if (!m) return null;
  const value = (nlp(m[2]!).numbers().get() as number[])[0];
  const unit = UNITS.find(([u]) => u.test(m[3]!))?.[1];
  if (value === undefined || !unit) return null;
  return { value, unit, approximate: Boolean(m[1]) };
}

/** `publishedYear`: a year before it is a past event ("an initial agreement in 2021"), not a target. */
export function extract(
  text: string,
  known: Known,
  publishedYear?: number,
  meta: { title?: string; url?: string } = {},
): Extraction {
  const all = sentences(text);
  const mentions: Mention[] = [];
  const byKey = new Map<string, KnownEntity>(known.entities.map((e) => [e.id, e]));
  /** Names a text gives in brackets after a project: "ASSB project (All Solid State Battery Technology)". */
  const aliases = new Map<string, string>();

  all.forEach((s, i) => {
    const taken: [number, number][] = [];
    const free = (start: number, end: number) => taken.every(([a, b]) => end <= a || start >= b);
    const add = (m: Omit<Mention, 'sentence' | 'at'>, start: number, end: number) => {
      if (!free(start, end)) return;
      taken.push([start, end]);
      mentions.push({ ...m, sentence: i, at: start });
    };
    // 1. Names the graph knows, longest first, so "Renault Group" wins over "Renault".
    const names = known.entities
      .flatMap((e) => [e.name, ...e.aliases].map((n) => ({ e, n })))
      .filter(({ n }) => n.length >= 2)
      .sort((a, b) => b.n.length - a.n.length);
    for (const { e, n } of names) {
      for (const m of s.text.matchAll(new RegExp(`(?<![\\p{L}\\d])${escape(n)}(?![\\p{L}\\d])`, 'gu'))) {
        add({ key: e.id, label: e.label, name: e.name, kind: null, confidence: 0.95 }, m.index, m.index + n.length);
      }
    }
    // 2. Sites: places of the gazetteer, clusters, plants, "in/near X", "X-based".
    const site = (name: string, kind: string, confidence: number, at: number) =>
      add({ key: `site:${norm(name)}`, label: 'Site', name, kind, confidence }, at, at + name.length);
    for (const c of CONTINENTS)
      for (const m of s.text.matchAll(new RegExp(`\\b${c}\\b`, 'g'))) site(c, 'continent', 0.9, m.index);
    for (const c of Object.keys(COUNTRIES))
      for (const m of s.text.matchAll(new RegExp(`\\b${c}\\b`, 'g'))) site(c, 'country', 0.9, m.index);
    const cue = (re: RegExp, fn: (name: string, at: number, m: RegExpMatchArray) => void) => {
      for (const m of s.text.matchAll(re)) {
        // "The Grenoble" in "The Grenoble-based start-up": leading capitalised non-names are dropped.
        const words = m[1]!.replace(/[.’']s?$/, '').split(' ');
        let at = m.index + m[0].indexOf(m[1]!);
        while (words.length > 1 && NOT_NAMES.has(words[0]!)) at += words.shift()!.length + 1;
        if (!NOT_NAMES.has(words[0]!.split('-')[0]!)) fn(words.join(' '), at, m);
      }
    };
    cue(
      new RegExp(`(?:Produktionsverbund|production network|production hub|industrial hub|cluster) ${NAME}`, 'gu'),
      (n, at) => site(n, 'cluster', 0.7, at),
    );
    cue(new RegExp(`\\b(?:gigafactory|plant|factory) (?:in|at) ${ADJECTIVE}?${NAME}`, 'gu'), (n, at) => {
      site(n, 'city', 0.75, at);
      mentions.push({
        key: `site:${norm(n)} gigafactory`,
        label: 'Site',
        name: `${n} gigafactory`,
        kind: 'facility',
        confidence: 0.7,
        sentence: i,
        at,
      });
    });
    cue(new RegExp(`${NAME}-based\\b`, 'gu'), (n, at) => site(n, 'city', 0.75, at));
    cue(new RegExp(`\\b(?:in|near|at) ${ADJECTIVE}?${NAME}`, 'gu'), (n, at) => site(n, 'city', 0.5, at));
    // 3. People (compromise), with "Name, Title of [the] Organisation".
    for (const p of nlp(s.text).people().out('array') as string[]) {
      const name = p.replace(/[,.;:]+$/, '');
      const at = s.text.indexOf(name);
      if (name.split(' ').length >= 2 && at >= 0)
        add({ key: `person:${norm(name)}`, label: 'Person', name, kind: null, confidence: 0.7 }, at, at + name.length);
    }
    // 4. Projects: quoted roadmap names, "X project (Alias)", "the coming X".
    const project = (name: string, kind: string, confidence: number, at: number) =>
      add(
        {
          key: `project:${norm(name)}`,
          label: 'Project',
          name: name[0]!.toUpperCase() + name.slice(1),
          kind,
          confidence,
        },
        at,
        at + name.length,
      );
    cue(/[“"]([^”"]{2,40})[”"]\s*-?\s*roadmap/gu, (n, at) => project(n, 'roadmap', 0.7, at));
    cue(new RegExp(`\\b${NAME} (?:project|programme|program)\\b(?: \\(([^)]{3,60})\\))?`, 'gu'), (n, at, m) => {
      project(n, 'research-programme', 0.6, at);
      if (m[2]) aliases.set(`project:${norm(n)}`, m[2]);
    });
    cue(new RegExp(`\\bthe (?:coming|new|future|upcoming) ${NAME}`, 'gu'), (n, at) => project(n, 'vehicle', 0.6, at));
    for (const m of s.text.matchAll(/\b(?:[Bb]attery|[Ee]lectrification|EV) strategy\b/gu))
      project(m[0], 'strategy', 0.5, m.index);
    for (const m of s.text.matchAll(/\b(?:ecosystem|value chain) for [a-z ]+?(?= in\b|[,.]|$)/gu))
      project(m[0], 'ecosystem', 0.5, m.index);
    // 5. Companies: names in the phrasing of deals and company descriptions.
    const company = (name: string, kind: string | null, confidence: number, at: number) =>
      add({ key: `company:${norm(name)}`, label: 'Company', name, kind, confidence }, at, at + name.length);
    cue(new RegExp(`\\b${COMPANY_NOUN} ${NAME}`, 'gu'), (n, at, m) =>
      company(n, /start-?up/i.test(m[0]) ? 'start-up' : /car/i.test(m[0]) ? 'automaker' : null, 0.8, at),
    );
    cue(new RegExp(`${NAME}, (?:long-?time|long-term|longstanding) partner of ${NAME}`, 'gu'), (n, at) =>
      company(n, null, 0.75, at),
    );
    cue(new RegExp(`partner of ${NAME}`, 'gu'), (n, at) => company(n, null, 0.75, at));
    cue(new RegExp(`\\b(?:with|within|and|by) (?:the )?${ADJECTIVE}?${NAME}`, 'gu'), (n, at) =>
      company(n, null, 0.55, at),
    );
    // The subject of a sentence about deals: "Nordhaven Motors signs", "Renault has announced".
    cue(
      new RegExp(
        `^(?:The )?${NAME} (?:has |have |also )?(?:signs?|signed|announce[sd]?|agreed|agrees|plans?|said|and)\\b`,
        'gu',
      ),
      (n, at) => company(n, null, 0.55, at),
    );
  });

  // Companies named by a shorter form elsewhere ("Renault" for "Renault Group") are one company.
  const companyNames = [
    ...new Set(mentions.filter((m) => m.label === 'Company' && !byKey.has(m.key)).map((m) => m.name)),
  ];
  for (const m of mentions) {
    if (m.label !== 'Company' || byKey.has(m.key)) continue;
    const longer = companyNames.find((n) => n !== m.name && n.startsWith(`${m.name} `));
    if (longer) Object.assign(m, { key: `company:${norm(longer)}`, alias: m.name, name: longer });
  }

  const byMention = toEntities(mentions, all, byKey);
  for (const [key, alias] of aliases) {
    const entity = byMention.get(key);
    if (entity && !entity.aliases.includes(alias)) entity.aliases.push(alias);
  }
  const entities = [...byMention.values()];
  const mentioned = (i: number, label: EntityLabel) => [
    ...new Set(
      mentions
        .filter((m) => m.sentence === i && m.label === label && byMention.has(m.key))
        .map((m) => byMention.get(m.key)!.id),
    ),
  ];

  // The article's subject: the company named most in the title and the first sentences.
  const head = new Set([0, 1, 2, 3]);
  const counts = new Map<string, number>();
  const inHead = mentions
    .filter((x) => x.label === 'Company' && head.has(x.sentence) && byMention.has(x.key))
    .sort((a, b) => a.sentence - b.sentence || a.at - b.at);
  for (const m of inHead) {
    const id = byMention.get(m.key)!.id;
    counts.set(id, (counts.get(id) ?? 0) + 1);
  }
  // Sorting is stable: on a tie, the company named first.
  const subject = [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null;

  const deals = new Map<string, DealProposal>();
  const entityName = (id: string) => entities.find((e) => e.id === id)?.name ?? id;
  const siteKinds = new Map(entities.filter((e) => e.label === 'Site').map((e) => [e.id, e.kinds[0]]));
  all.forEach((s, i) => {
    const cues = KIND_CUES.filter((c) => c.re.test(s.text));
    if (!cues.length) return;
    const best = cues.reduce((a, b) => (b.weight > a.weight ? b : a));
    const companies = mentioned(i, 'Company');
    const pairs: [string, string][] = [];
    const chain = new RegExp(`${NAME}, (?:long-?time|long-term|longstanding) partner of ${NAME}`, 'u').exec(s.text);
    if (chain && companies.length >= 2 && !companies.includes(subject ?? '')) {
      pairs.push([companies[0]!, companies[1]!]);
    } else if (subject) {
      for (const c of companies) if (c !== subject) pairs.push([subject, c]);
    }
    // Of several partners in one sentence, one named next to the agreement's wording is likelier a party
    // than one named further away ("talking to ACC - a venture of rival Stellantis and TotalEnergies").
    const cue = best.re.exec(s.text)!;
    const near = (company: string) =>
      mentions.some(
        (m) =>
          m.sentence === i &&
          byMention.get(m.key)?.id === company &&
          m.at - (cue.index + cue[0].length) <= 30 &&
          cue.index - (m.at + m.name.length) <= 30,
      );
    for (const [a, b] of pairs) {
      const parties = [a, b].sort();
      const knownDeal = known.deals.find(
        (d) =>
          d.parties.length === 2 &&
          d.parties
            .map((p) => p.company)
            .sort()
            .join() === parties.join(),
      );
      const kind = best.kind;
      const key = knownDeal?.id ?? parties.join('|');
      const status = statusOf(kind, s.text);
      const binding = bindingOf(kind, s.text);
      const confidence = Math.min(0.95, best.weight * 0.6 + 0.35) - (pairs.length > 1 && !near(b) ? 0.3 : 0);
      const existing = deals.get(key);
      if (existing) {
        if (!existing.quotes.includes(s.text)) existing.quotes.push(s.text);
        // The most specific phrasing decides the kind ("letter of intent" over "partnerships with").
        if (!existing.known && confidence > existing.confidence) {
          const stage = { status, kind, binding: binding === 'unknown' ? null : binding, quote: s.text };
          Object.assign(existing, { kind, status, binding, confidence, stage });
        }
        continue;
      }
      const supplier = kind === 'supply' ? b : null;
      deals.set(key, {
        id: knownDeal?.id ?? slugify(`${entityName(a)} ${entityName(b)} ${kind}`),
        name: knownDeal?.name ?? `${entityName(a)} and ${entityName(b)}: ${kind.replace(/-/g, ' ')}`,
        kind: knownDeal?.kind ?? kind,
        status: knownDeal?.status ?? status,
        binding: knownDeal?.binding ?? binding,
        modality: knownDeal?.modality ?? modalityOf(s.text),
        parties:
          knownDeal?.parties ??
          [a, b].map((c) => ({
            company: c,
            role: supplier ? (c === supplier ? 'supplier' : 'buyer') : kind === 'research' ? 'researcher' : 'partner',
          })),
        sites: mentioned(i, 'Site').filter((id) => !['country', 'continent'].includes(siteKinds.get(id) ?? '')),
        projects: mentioned(i, 'Project'),
        known: Boolean(knownDeal),
        confidence,
        quotes: [s.text],
        stage:
          !knownDeal || knownDeal.kind !== kind || knownDeal.status !== status
            ? { status, kind, binding: binding === 'unknown' ? null : binding, quote: s.text }
            : null,
      });
    }
  });

  // A plant of a known deal that opens or is cancelled moves the deal on, whatever words the article uses for it.
  all.forEach((s, i) => {
    const event = PLANT_EVENTS.find(([re]) => re.test(s.text));
    if (!event) return;
    const plants = mentioned(i, 'Site').filter((id) => siteKinds.get(id) === 'facility');
    for (const d of known.deals.filter((k) => k.status !== event[1] && k.sites.some((x) => plants.includes(x)))) {
      const existing = deals.get(d.id);
      if (existing?.stage) continue;
      const stage = { status: event[1], kind: d.kind, binding: null, quote: s.text };
      if (existing) Object.assign(existing, { stage, quotes: [...existing.quotes, s.text] });
      else
        deals.set(d.id, {
          ...d,
          sites: plants.filter((x) => d.sites.includes(x)),
          projects: [],
          known: true,
          confidence: 0.75,
          quotes: [s.text],
          stage,
        });
    }
  });

  const milestones: MilestoneProposal[] = [];
  const claims: ClaimProposal[] = [];
  all.forEach((s, i) => {
    const m = /\b(by|from|in|until) (20\d\d)\b/.exec(s.text);
    // A plant's capacity, jobs or investment: a value of the plant itself, which sources revise.
    const plant = mentioned(i, 'Site').find((id) => siteKinds.get(id) === 'facility');
    const measure = measureOf(s.text);
    if (plant && measure && ['GWh', 'jobs', 'direct jobs', 'EUR', 'USD'].includes(measure.unit)) {
      const property =
        measure.unit === 'GWh'
          ? m
            ? 'capacity-target'
            : 'capacity'
          : measure.unit.endsWith('jobs')
            ? 'jobs-target'
            : 'investment';
      claims.push({
        id: slugify(`${plant} ${property} ${measure.value} ${s.start}`),
        subject: plant,
        property,
        ...measure,
        year: m ? Number(m[2]) : null,
        bound: m ? ((m[1] === 'until' ? 'by' : m[1]) as ClaimProposal['bound']) : null,
        modality: m || /\b(will|plans?|aims?|should)\b/i.test(s.text) ? 'target' : 'actual',
        confidence: 0.6,
        quote: s.text,
      });
    }
    if (!m) return;
    const possible = /\b(possibly|may|might|could)\b/i.test(s.text);
    const bound = (m[1] === 'until' ? 'by' : m[1]) as MilestoneProposal['bound'];
    const partnerships = [...deals.values()].filter((d) => d.quotes.includes(s.text)).map((d) => d.id);
    milestones.push({
      id: slugify(`${s.text.split(/\s+/).slice(0, 6).join(' ')} ${m[2]}`),
      name: s.text.length > 80 ? `${s.text.slice(0, 79).trimEnd()}…` : s.text,
      year: Number(m[2]),
      bound,
      modality:
        publishedYear && Number(m[2]) < publishedYear
          ? 'actual'
          : possible
            ? 'possibility'
            : bound === 'in'
              ? 'expectation'
              : 'target',
      due: s.text,
      measure: measureOf(s.text),
      partnerships,
      companies: mentioned(i, 'Company'),
      sites: mentioned(i, 'Site'),
      confidence: possible ? 0.6 : 0.7,
      quote: s.text,
    });
  });
  // A deal is only as sure as the least sure of its parties the graph does not know yet, so it is
  // loaded or left for review together with them, never without them.
  const newParty = new Map(entities.filter((e) => !e.known).map((e) => [e.id, e.confidence]));
  for (const deal of deals.values()) {
    deal.confidence = Math.min(deal.confidence, ...deal.parties.map((p) => newParty.get(p.company) ?? 1));
  }
  return { entities, deals: [...deals.values()], milestones, claims };
}

/** One proposal per mentioned record, keyed by the mentions' key. */
function toEntities(
  mentions: Mention[],
  all: Sentence[],
  byKey: Map<string, KnownEntity>,
): Map<string, EntityProposal> {
  const out = new Map<string, EntityProposal>();
  const taken = new Set(byKey.keys());
  // A name seen both as a company and as a site is the kind with the strongest cue.
  const strongest = new Map<string, Mention>();
  for (const m of mentions) {
    const name = norm(m.name);
    const prior = strongest.get(name);
    if (!prior || m.confidence > prior.confidence) strongest.set(name, m);
  }
  for (const m of mentions) {
    const winner = strongest.get(norm(m.name))!;
    if (!byKey.has(m.key) && winner.label !== m.label) continue;
    // A name the graph knows under this label is that record, whatever cue found it; a plant the graph
    // names at length ("Douai battery gigafactory (Envision AESC)") is the one in the same city.
    const city = m.kind === 'facility' ? norm(m.name.replace(/ gigafactory$/, '')).split(' ')[0]! : null;
    const stored =
      byKey.get(m.key) ??
      [...byKey.values()].find(
        (k) =>
          k.label === m.label &&
          ([k.name, ...k.aliases].some((n) => norm(n) === norm(m.name)) ||
            (city !== null && k.kinds.includes('facility') && norm(k.name).split(' ').includes(city))),
      );
    if (stored) m.key = stored.id;
    let entity = out.get(m.key);
    if (!entity) {
      let id = stored?.id ?? slugify(m.name);
      if (!stored && taken.has(id)) id = slugify(`${m.name} ${m.label}`);
      taken.add(id);
      entity = {
        id,
        label: m.label,
        name: stored?.name ?? m.name,
        aliases: stored?.aliases ?? [],
        kinds: stored?.kinds ?? [],
        known: Boolean(stored),
        confidence: m.confidence,
        quotes: [],
        locatedIn: [],
        basedIn: [],
        position: null,
        plant: null,
      };
      out.set(m.key, entity);
    }
    entity.confidence = Math.max(entity.confidence, m.confidence);
    if (!entity.known && m.kind && !entity.kinds.includes(m.kind)) entity.kinds.push(m.kind);
    if (m.alias && !entity.aliases.includes(m.alias)) entity.aliases.push(m.alias);
    const quote = all[m.sentence]!.text;
    if (entity.quotes.length < 3 && !entity.quotes.includes(quote)) entity.quotes.push(quote);
  }
  const entities = [...out.values()];
  for (const e of entities) {
    if (e.known) continue;
    // One kind per site or project: the most specific cue.
    if (e.label === 'Site')
      e.kinds = [['facility', 'cluster', 'continent', 'country', 'city'].find((k) => e.kinds.includes(k))!];
    if (e.label === 'Project') e.kinds = [e.kinds[0] ?? 'other'];
    if (e.label === 'Company' && e.kinds.length === 0) e.kinds = ['other'];
    const text = e.quotes.join(' ');
    if (e.label === 'Company') {
      for (const [country, adjective] of Object.entries(COUNTRIES))
        if (new RegExp(`${adjective} ${COMPANY_NOUN}? ?${escape(e.name)}`).test(text)) e.basedIn.push(slugify(country));
      const city = new RegExp(`(?:\\bThe )?${NAME}-based ${COMPANY_NOUN}? ?${escape(e.name)}`, 'u').exec(text);
      if (city) e.basedIn.push(slugify(city[1]!));
    }
    if (e.label === 'Site' && e.kinds[0] === 'facility') e.locatedIn.push(slugify(e.name.replace(/ gigafactory$/, '')));
    if (e.label === 'Site' && e.kinds[0] === 'city') {
      for (const [country, adjective] of Object.entries(COUNTRIES))
        if (text.includes(`${adjective} ${e.name}`)) e.locatedIn.push(slugify(country));
    }
    if (e.label === 'Person') {
      const m = new RegExp(`${escape(e.name)}, ([A-Z][A-Za-z ]{1,40}?) of (?:the )?${NAME}`, 'u').exec(text);
      const org = m && entities.find((c) => c.label === 'Company' && (c.name === m[2] || c.aliases.includes(m[2]!)));
      if (m && org) e.position = { title: m[1]!, organization: org.id };
    }
  }
  const ids = new Set(entities.map((e) => e.id));
  for (const e of entities) {
    // Relations may point only at records the file declares or the graph holds.
    e.locatedIn = [...new Set(e.locatedIn)].filter((id) => ids.has(id) && id !== e.id);
    e.basedIn = [...new Set(e.basedIn)].filter((id) => ids.has(id));
  }
  return out;
}
