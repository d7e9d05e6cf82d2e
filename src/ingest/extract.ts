/**
 * Proposes entities and facts from an article's text, offline. Mentions (mentions.ts) come from the
 * graph's names and aliases, the industry's well-known organisations, a place gazetteer and company
 * and person cues; agreements (relations.ts), plants (plants.ts) and figures and dates (figures.ts)
 * are read sentence by sentence. Every proposal quotes the sentences it comes from and carries a
 * learned confidence (confidence.ts); what falls below the floor is not proposed. Records get readable
 * names ("PowerCo gigafactory in Sagunto"), and ids follow from them (plants: `<operator>-<place>`).
 */
import { slugify } from '../rules';
import type { Known, KnownDeal } from '../store/known';
import { confidence, Family, Features, FLOOR, thresholdOf } from './confidence';
import { EVENTS, figuresIn, measureOf, yearsIn } from './figures';
import { EntityLabel, findMentions, Mention } from './mentions';
import { fold, nameKey } from './names';
import { findPlants, PlantMention, plantName, plantSubsidiaries, preferCellMakers } from './plants';
import { DealKind, findRelations, Relation } from './relations';
import { sentences, Sentence } from './text';

export type { EntityLabel, KnownEntity } from './mentions';
export type { Known, KnownDeal } from '../store/known';

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
  /** A readable title: "Verkor gigafactory in Dunkirk capacity 16 GWh". */
  name: string;
  subject: string;
  property: 'capacity' | 'capacity-target' | 'initial-capacity' | 'jobs-target' | 'investment' | 'stake';
  value: number;
  unit: string;
  approximate: boolean;
  year: number | null;
  bound: 'by' | 'from' | 'in' | null;
  modality: 'target' | 'actual' | 'possibility';
  confidence: number;
  quote: string;
}

export interface Extraction {
  entities: EntityProposal[];
  deals: DealProposal[];
  milestones: MilestoneProposal[];
  claims: ClaimProposal[];
}

/** What the learned confidence weighed for one proposal: `kg train` labels these against the gold files. */
export interface Scored {
  family: Family;
  features: Features;
  proposal: EntityProposal | DealProposal | MilestoneProposal | ClaimProposal;
}

/** The agreement kinds, the phrases that signal them and how specific each phrase is. */
const KIND_CUES: { kind: string; re: RegExp; weight: number }[] = [
  { kind: 'letter-of-intent', re: /\bletters? of intent\b/i, weight: 0.9 },
  { kind: 'memorandum', re: /\bmemorand(um|a)( of understanding)?\b|\bMoU\b/i, weight: 0.9 },
  { kind: 'joint-venture', re: /\bjoint[- ]venture\b/i, weight: 0.9 },
  { kind: 'equity-stake', re: /\b(stake|equity|shareholding)\b/i, weight: 0.8 },
  {
    kind: 'supply',
    re: /\b(supply (contract|agreement|deal|volumes?)|offtake|supplies|provides|will supply|will receive|delivers|purchase agreement|commit(?:s|ted)? to buy(?:ing)?)\b/i,
    weight: 0.8,
  },
  { kind: 'discussion', re: /\b(talks|discussions|negotiations|talking to)\b/i, weight: 0.8 },
  { kind: 'licence', re: /\blicen[cs]e (agreement|deal|contract)\b|\blicensing\b/i, weight: 0.85 },
  { kind: 'long-term-partnership', re: /\b(long-?time|long-term|longstanding) partner\b/i, weight: 0.75 },
  { kind: 'research', re: /\bresearch\b/i, weight: 0.7 },
  // An alliance or cooperation whose aim is to develop something is research ("formed … with the aim to
  // develop a new generation of solid-state batteries").
  { kind: 'research', re: /\b(?:aims? to develop|in order to develop|(?:to )?jointly develop)\b/i, weight: 0.8 },
  { kind: 'strategic-cooperation', re: /\bstrategic (cooperation|partnership|alliance)\b/i, weight: 0.7 },
  { kind: 'strategic-cooperation', re: /\b(cooperation|partnership|alliance|agreement|deal) with\b/i, weight: 0.4 },
];
/** Kinds of words between two names that tie them into an agreement, or speak against one. */
const BETWEEN_CUES: [string, RegExp][] = [
  [
    'deal',
    /\b(?:agreements?|deals?|contracts?|partnerships?|cooperation|collaboration|alliance|venture|memorandum|mou|accord|orders?)\b/i,
  ],
  ['supply', /\b(?:suppl\w*|deliver\w*|provid\w*|sell\w*|sold|sourc\w*|buy\w*|bought|purchas\w*|offtake)\b/i],
  ['invest', /\b(?:invest\w*|stakes?|shares?|acquir\w*|takeover|backed|owned|owns|funding)\b/i],
  ['sign', /\b(?:sign\w*|agree\w*|announc\w*|ink\w*|struck|conclud\w*|entered|formed|establish\w*|set up)\b/i],
  ['with', /\bwith\b/i],
  ['from-to', /\b(?:from|to|for)\b/i],
  ['negated', /\b(?:not|no longer|cancel\w*|terminat\w*|ended|withdr\w*)\b/i],
  ['said', /\b(?:said|says|told|according)\b/i],
  ['other-clause', /[;:()“”"]|\b(?:which|while|whereas|but)\b/i],
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
  licence: 'signed',
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

/** Readable deal names: "Stellantis and CATL joint venture", "CATL supplies BMW". */
function dealName(kind: string, names: string[], roles: string[]): string {
  const and = (list: string[]) =>
    list.length <= 2 ? list.join(' and ') : `${list.slice(0, -1).join(', ')} and ${list.at(-1)}`;
  const supplier = names.filter((_, i) => roles[i] === 'supplier');
  const buyer = names.filter((_, i) => roles[i] === 'buyer');
  const investor = names.filter((_, i) => roles[i] === 'investor');
  if (kind === 'supply' && supplier.length && buyer.length)
    return `${and(supplier)} ${supplier.length > 1 ? 'supply' : 'supplies'} ${and(buyer)}`;
  if (kind === 'equity-stake' && investor.length && investor.length < names.length)
    return `${and(investor)} stake in ${and(names.filter((n) => !investor.includes(n)))}`;
  if (kind === 'licence' && supplier.length && buyer.length)
    return `${and(supplier)} ${supplier.length > 1 ? 'license' : 'licenses'} technology to ${and(buyer)}`;
  const label: Record<string, string> = {
    'joint-venture': 'joint venture',
    'strategic-cooperation': 'partnership',
    memorandum: 'memorandum of understanding',
    'letter-of-intent': 'letter of intent',
    discussion: 'talks',
    research: 'research cooperation',
    'long-term-partnership': 'long-term partnership',
    supply: 'supply deal',
    'equity-stake': 'stake',
    licence: 'licence',
  };
  return `${and(names)} ${label[kind] ?? kind.replace(/-/g, ' ')}`;
}

/** Agreement kinds from the most specific wording to the vaguest. */
const SPECIFICITY = [
  'joint-venture',
  'supply',
  'equity-stake',
  'licence',
  'memorandum',
  'letter-of-intent',
  'research',
  'long-term-partnership',
  'discussion',
  'strategic-cooperation',
];

/** The confidence of a mention of a record the graph holds. */
const GRAPH_CONFIDENCE = 0.95;

/** How sure each project cue is (the corpus has no projects to learn from). */
const PROJECT_CONFIDENCE: Record<string, number> = {
  roadmap: 0.7,
  'research-programme': 0.6,
  vehicle: 0.6,
  strategy: 0.5,
  ecosystem: 0.5,
};

/** Sentences that speak of the company before them: "The company", "It", "The carmaker". */
const ANAPHOR =
  /^(?:["“]?\s*)(?:The|This|That|Its|the)\s+(?:[\p{L}-]+\s+){0,2}(?:company|group|firm|start-?up|carmaker|automaker|manufacturer|maker|producer|supplier|giant|conglomerate|corporation)\b|^(?:It|They|Its|Their)\b/u;
/** Words before a name that make it an object, not the sentence's subject. */
const OBJECT =
  /\b(?:with|to|of|by|from|for|in|at|between|among|including|and|than|like|via|into|on)\s+(?:the\s+|its\s+|a\s+|an\s+)?(?:[\p{L}-]+\s+){0,3}$/iu;
/** Sentences that speak of the plant before them. */
const PLANT_ANAPHOR =
  /\b(?:the|its|this|that|new)\s+(?:[\p{L}-]+\s+){0,2}(?:plant|factory|gigafactory|facility|site|project)\b|^(?:It|The plant)\b/iu;

/** `publishedYear`: a year before it is a past event ("an initial agreement in 2021"), not a target. */
export function extract(
  text: string,
  known: Known,
  publishedYear?: number,
  meta: { title?: string; url?: string } = {},
): Extraction {
  return extractScored(text, known, publishedYear, meta).extraction;
}

/** The extraction and, for each proposal, the features its confidence weighed; `floor` 0 keeps every candidate. */
export function extractScored(
  text: string,
  known: Known,
  publishedYear?: number,
  meta: { title?: string; url?: string } = {},
  floor = FLOOR,
  options: { lexicon?: boolean } = {},
): { extraction: Extraction; scored: Scored[] } {
  const all = sentences(text);
  const mentions = findMentions(all, known.entities, meta.title ?? '', options.lexicon !== false);
  const scored: Scored[] = [];
  const keep = <T extends Scored['proposal']>(family: Family, features: Features, proposal: T): T | null => {
    proposal.confidence = confidence(family, features);
    scored.push({ family, features, proposal });
    return proposal.confidence >= Math.min(floor, thresholdOf(family)) ? proposal : null;
  };

  // A single name that is a person's first or last name is that person, not an organisation.
  const personWords = new Set(
    mentions.filter((m) => m.label === 'Person').flatMap((m) => m.name.split(/\s+/).map((w) => fold(w))),
  );
  for (let i = mentions.length - 1; i >= 0; i--) {
    const m = mentions[i]!;
    if (m.label === 'Company' && !m.known && !m.name.includes(' ') && personWords.has(fold(m.name)))
      mentions.splice(i, 1);
  }
  // A company named by the first words of a longer name elsewhere ("Recharge" for "Recharge Industries").
  const companyNames = new Map<string, Mention>();
  for (const m of mentions.filter((x) => x.label === 'Company')) {
    const names = m.known ? [m.known.name, ...m.known.aliases, m.name] : [m.name];
    for (const n of names) if (!companyNames.has(n)) companyNames.set(n, m);
  }
  const aliasOf = new Map<string, Set<string>>();
  for (const m of mentions) {
    if (m.label !== 'Company' || m.known) continue;
    const longer = [...companyNames.entries()].find(
      ([n, other]) =>
        other.key !== m.key && fold(n).startsWith(`${fold(m.name)} `) && !/\s(?:Europe|Hungary|UK|EMEA)\b/.test(n),
    );
    if (longer) {
      if (!aliasOf.has(longer[1].key)) aliasOf.set(longer[1].key, new Set());
      aliasOf.get(longer[1].key)!.add(m.name);
      Object.assign(m, { key: longer[1].key, known: longer[1].known, lexicon: longer[1].lexicon });
      m.cues.add('short-form');
    }
  }

  // "The Swedish company": the company last named with Sweden, when the anaphor names a country.
  const ofCountry = (i: number): number | null => {
    const adjective = mentions.find((m) => m.sentence === i && m.place && m.cues.has('adjective') && m.start < 30);
    const country = adjective?.place?.country;
    if (!country) return null;
    const named = new Set(
      mentions
        .filter((m) => m.sentence < i && m.place?.country === country && m.label === 'Site')
        .map((m) => m.sentence),
    );
    const found = mentions
      .map((m, index) => ({ m, index }))
      .filter(({ m }) => m.sentence < i && m.label === 'Company' && named.has(m.sentence))
      .at(-1);
    return found?.index ?? null;
  };
  // The company each sentence is about, carried over "The company" and "It".
  const subjects: (number | null)[] = [];
  let last: number | null = null;
  all.forEach((s, i) => {
    // The subject is the first company not governed by a preposition ("a cooperation with X" is an object).
    const own = mentions
      .map((m, index) => ({ m, index }))
      .filter(
        ({ m }) =>
          m.sentence === i &&
          m.label === 'Company' &&
          m.start < Math.max(60, s.text.length * 0.5) &&
          !OBJECT.test(s.text.slice(Math.max(0, m.start - 60), m.start)),
      )
      .sort((a, b) => a.m.start - b.m.start);
    const first = own[0]?.index ?? -1;
    if (ANAPHOR.test(s.text) && last !== null) subjects.push(ofCountry(i) ?? last);
    else subjects.push(first >= 0 ? first : null);
    if (first >= 0 && !ANAPHOR.test(s.text)) last = first;
  });
  let main = -1;
  const subjectOf = (i: number) => subjects[i] ?? (main >= 0 ? main : null);
  // The company the report is about: the most named one in the title and the first sentences.
  const titleMentions = findMentions(
    [{ text: meta.title ?? '', start: 0, end: (meta.title ?? '').length }],
    known.entities,
  ).filter((m) => m.label === 'Company' && m.known);
  const counts = new Map<string, number>();
  for (const m of [...titleMentions, ...mentions.filter((x) => x.label === 'Company' && x.sentence < 4)])
    counts.set(m.key, (counts.get(m.key) ?? 0) + 1);
  const mainKey = [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
  main = mainKey ? mentions.findIndex((m) => m.key === mainKey) : -1;

  const relations = findRelations(all, mentions, subjectOf);
  for (const r of relations) for (const p of r.parties) mentions[p.mention]!.cues.add('party');
  /** The companies a sentence names (their mentions' indices), in the order of the text. */
  const companiesIn = (i: number) =>
    mentions
      .flatMap((m, index) => (m.sentence === i && m.label === 'Company' ? [index] : []))
      .sort((a, b) => mentions[a]!.start - mentions[b]!.start);
  // Names listed together ("LG Chem, Samsung SDI and SK Innovation") are of one sort.
  all.forEach((s, i) => {
    const companies = companiesIn(i).map((index) => mentions[index]!);
    companies.forEach((m, k) => {
      const next = companies[k + 1];
      if (next && /^\s*(?:,|,?\s*and|&|\/|,\s*as well as)\s*$/.test(s.text.slice(m.end, next.start))) {
        m.cues.add('listed');
        next.cues.add('listed');
      }
    });
  });

  // Entities: one per key, scored on the cues of all its mentions.
  const groups = new Map<string, Mention[]>();
  for (const m of mentions) groups.set(m.key, [...(groups.get(m.key) ?? []), m]);
  const byKey = new Map<string, EntityProposal>();
  const dropped = new Map<string, EntityProposal>();
  const taken = new Set(known.entities.map((e) => e.id));
  for (const [key, group] of groups) {
    const first = group[0]!;
    const label = first.label;
    const graph = group.find((m) => m.known && !m.lexicon)?.known;
    const lexicon = group.find((m) => m.lexicon)?.known;
    const record = graph ?? lexicon;
    const written = [...new Set(group.map((m) => m.name))].sort((a, b) => b.length - a.length);
    const name = record?.name ?? (label === 'Site' ? (first.place?.name ?? written[0]!) : written[0]!);
    let id = record?.id ?? first.place?.id ?? slugify(fold(name));
    if (!record && taken.has(id) && !first.place) id = slugify(`${fold(name)} ${label}`);
    const aliases = [
      ...new Set([...(record?.aliases ?? []), ...written.filter((n) => n !== name), ...(aliasOf.get(key) ?? [])]),
    ].filter((n) => nameKey(n) !== nameKey(name) || n !== name);
    const features: Features = { mentions: Math.log2(1 + group.length) };
    for (const m of group) for (const c of m.cues) features[`cue:${c}`] = 1;
    // Capitals at a sentence's start prove nothing, except for a name from the list of known organisations.
    if (group.every((m) => m.cues.has('initial')) && !lexicon) features['all-initial'] = 1;
    if (group.some((m) => m.sentence < 3)) features.early = 1;
    if (label === 'Site') {
      features[`kind:${first.kind}`] = 1;
      if (first.place?.population) features.pop = Math.log10(first.place.population + 1) / 7;
    }
    if (label === 'Person') features.words = Math.min(name.split(/\s+/).length, 4) / 4;
    const kinds =
      label === 'Company'
        ? (record?.kinds ?? [...new Set(group.flatMap((m) => (m.kind ? [m.kind] : [])))])
        : [first.kind ?? record?.kinds[0] ?? 'other'];
    const quotes = [...new Set(group.map((m) => all[m.sentence]!.text))].slice(0, 3);
    const proposal: EntityProposal = {
      id,
      label,
      name,
      aliases,
      kinds: kinds.length ? kinds : ['other'],
      known: Boolean(graph),
      confidence: 0,
      quotes,
      locatedIn: [],
      basedIn: [],
      position: null,
      plant: null,
    };
    taken.add(id);
    if (graph) {
      // A record the graph holds, named by its name or an alias, is surely meant.
      proposal.confidence = GRAPH_CONFIDENCE;
      byKey.set(key, proposal);
      continue;
    }
    if (label === 'Project') {
      // The corpus has no projects to learn from: their confidence stays the cue's.
      const cue = group.flatMap((m) => [...m.cues]).find((c) => c.startsWith('project:'))!;
      proposal.confidence = PROJECT_CONFIDENCE[cue.slice('project:'.length)] ?? 0.5;
      proposal.aliases.push(
        ...group.flatMap((m) => [...m.cues].filter((c) => c.startsWith('alias:')).map((c) => c.slice(6))),
      );
      (proposal.confidence >= FLOOR ? byKey : dropped).set(key, proposal);
      continue;
    }
    if (keep(label, features, proposal)) byKey.set(key, proposal);
    else dropped.set(key, proposal);
  }
  // Relations hold between records sure enough to propose, whatever floor the caller asked for.
  const entityOf = (mention: number | null) => {
    const e = mention === null ? undefined : byKey.get(mentions[mention]!.key);
    return e && e.confidence >= FLOOR ? e : undefined;
  };
  const eligible = (mention: number) => entityOf(mention) !== undefined;
  const plantMentions = findPlants(all, mentions, subjectOf, main >= 0 && eligible(main) ? main : null, eligible);
  // A subsidiary the report names runs its parent's plants.
  const subsidiaries = plantSubsidiaries(all, mentions, subjectOf, eligible);
  for (const p of plantMentions) {
    const unit = p.operator === null ? undefined : subsidiaries.get(mentions[p.operator]!.key);
    if (unit !== undefined) p.operator = unit;
  }
  preferCellMakers(plantMentions, mentions, (m) => entityOf(m)?.kinds ?? []);

  // Plants: a facility per operator and place, kept with the place it lies in.
  const plants = new Map<
    string,
    { proposal: EntityProposal; features: Features; sentences: Set<number>; nouns: string[] }
  >();
  // "The gigafactory in Testville" is the plant a sentence before tied to its company ("Zellfabrik's
  // gigafactory in Testville"): a plant whose operator is only the sentence's or the report's company
  // takes the operator a closer wording gives another mention of a plant in that place.
  const CLOSE = new Set<PlantMention['operatorCue']>(['before', 'of', 'its']);
  for (const p of plantMentions) {
    if (CLOSE.has(p.operatorCue) || p.ordinal) continue;
    const closer = plantMentions.find(
      (q) => q !== p && !q.ordinal && CLOSE.has(q.operatorCue) && mentions[q.place]!.key === mentions[p.place]!.key,
    );
    if (closer && eligible(closer.operator!)) Object.assign(p, { operator: closer.operator, operatorCue: 'place' });
  }
  for (const p of plantMentions) {
    const operator = entityOf(p.operator);
    const placeKey = mentions[p.place]!.key;
    const place = byKey.get(placeKey) ?? dropped.get(placeKey);
    // A continent or a region across countries ("Southern Europe") is no plant's place.
    const wide =
      place?.kinds[0] === 'continent' || (place?.kinds[0] === 'region' && !mentions[p.place]!.place?.country);
    if (!operator || operator.label !== 'Company' || !place || wide) continue;
    // A battery maker's factory is a battery plant, though the sentence does not say what it makes.
    const maker = operator.kinds.includes('battery-maker');
    if (!p.battery && !maker) continue;
    // A plant the graph holds in that place ("Douai battery gigafactory (Envision AESC)") is that record.
    const stored = known.entities.find(
      (k) => k.kinds.includes('facility') && ` ${fold(k.name)} `.includes(` ${fold(place.name)} `),
    );
    const id = stored?.id ?? slugify(`${operator.id} ${place.id}${p.ordinal ? ` ${p.ordinal}` : ''}`);
    let plant = plants.get(id);
    if (!plant) {
      plant = {
        proposal: {
          id,
          label: 'Site',
          name: stored?.name ?? plantName(operator.name, p.noun, place.name, p.ordinal),
          aliases: [],
          kinds: ['facility'],
          known: Boolean(stored),
          confidence: 0,
          quotes: [],
          locatedIn: [place.id],
          basedIn: [],
          position: null,
          plant: { operator: operator.id },
        },
        features: { [`place:${place.kinds[0]}`]: 1, ...(p.ordinal ? { ordinal: 1 } : {}) },
        sentences: new Set(),
        nouns: [],
      };
      plants.set(id, plant);
    }
    plant.sentences.add(p.sentence);
    plant.nouns.push(p.noun);
    plant.features[`operator:${p.operatorCue}`] = 1;
    plant.features[`pattern:${p.pattern}`] = 1;
    plant.features[/giga/.test(p.noun) ? 'noun:gigafactory' : /site/.test(p.noun) ? 'noun:site' : 'noun:plant'] = 1;
    if (/batter|cell/.test(p.noun)) plant.features['noun:battery'] = 1;
    if (!p.battery) plant.features['battery-maker'] = 1;
    // "the German plant": an adjective may say whose plant it is rather than where it lies.
    if (mentions[p.place]!.cues.has('adjective')) plant.features['place:adjective'] = 1;
    const quote = all[p.sentence]!.text;
    if (!plant.proposal.quotes.includes(quote) && plant.proposal.quotes.length < 3) plant.proposal.quotes.push(quote);
  }
  // "a plant in Germany" and "the plant in Salzgitter" (or "the Thuringia plant") of one operator are one
  // plant, at the finer place.
  const countryCode = new Map(mentions.filter((m) => m.place).map((m) => [m.place!.id, m.place!.country]));
  const fineness = (plant: { features: Features }) =>
    plant.features['place:city'] ? 2 : plant.features['place:region'] ? 1 : 0;
  for (const [id, plant] of plants) {
    const place = plant.proposal.locatedIn[0]!;
    if (plant.features.ordinal || fineness(plant) === 2) continue;
    const finer = [...plants.values()]
      .filter(
        (other) =>
          other !== plant &&
          !other.features.ordinal &&
          other.proposal.plant!.operator === plant.proposal.plant!.operator &&
          fineness(other) > fineness(plant) &&
          (countryCode.get(other.proposal.locatedIn[0]!) === countryCode.get(place) || !countryCode.get(place)),
      )
      .sort((a, b) => fineness(b) - fineness(a))[0];
    if (!finer) continue;
    for (const i of plant.sentences) finer.sentences.add(i);
    for (const q of plant.proposal.quotes) if (!finer.proposal.quotes.includes(q)) finer.proposal.quotes.push(q);
    plants.delete(id);
  }
  const plantIds: string[] = [];
  for (const plant of plants.values()) {
    plant.features.sentences = Math.log2(1 + plant.sentences.size);
    plant.features['operator-confidence'] = byKey.get(`company:${plant.proposal.plant!.operator}`)?.confidence ?? 0.5;
    if (!keep('plant', plant.features, plant.proposal)) continue;
    plantIds.push(plant.proposal.id);
    // The place a kept plant lies in is proposed with it.
    const placeKey = [...dropped.entries()].find(([, e]) => e.id === plant.proposal.locatedIn[0])?.[0];
    if (placeKey) {
      byKey.set(placeKey, dropped.get(placeKey)!);
      dropped.delete(placeKey);
    }
    byKey.set(`plant:${plant.proposal.id}`, plant.proposal);
  }
  const plantsIn = (i: number) =>
    [...plants.values()].filter((p) => plantIds.includes(p.proposal.id) && p.sentences.has(i)).map((p) => p.proposal);
  // The plant each sentence speaks of: one it names, or the last one named before when it says "the plant".
  const plantOf: (EntityProposal | null)[] = [];
  let lastPlant: EntityProposal | null = null;
  all.forEach((s, i) => {
    const here = plantsIn(i);
    if (here.length) lastPlant = here[0]!;
    plantOf.push(here[0] ?? (PLANT_ANAPHOR.test(s.text) ? lastPlant : null));
  });

  const entities = [...byKey.values()];
  locate(entities, mentions, byKey);
  const mentionedIn = (i: number, label: EntityLabel) => [
    ...new Set(
      mentions
        .filter((m) => m.sentence === i && m.label === label && byKey.has(m.key))
        .map((m) => byKey.get(m.key)!.id),
    ),
  ];
  const nameOf = (id: string) => entities.find((e) => e.id === id)?.name ?? id;

  // Deals: the relations found, by parties and kind; sentences with an agreement's wording but no
  // pattern fall back on the sentence's subject and the other companies it names.
  const found = [...relations];
  const cuesIn = all.map((s) => KIND_CUES.filter((c) => c.re.test(s.text)));
  const strongest = (cues: typeof KIND_CUES) => cues.reduce((a, b) => (b.weight > a.weight ? b : a));
  /** The set of companies a relation joins, as one key. */
  const partiesOf = (r: Relation) => [...new Set(r.parties.map((q) => mentions[q.mention]!.key))].sort().join('+');
  const joined = new Set(relations.map((r) => `${r.sentence}|${partiesOf(r)}`));
  // Any two companies a sentence with an agreement's wording names, that no pattern joined, are a
  // candidate too, described by the words between them: patterns written on some reports miss most
  // phrasings of others, and the learned confidence weighs which words tie two names into a deal.
  all.forEach((s, i) => {
    if (!cuesIn[i]!.length) return;
    const best = strongest(cuesIn[i]!);
    const named = companiesIn(i);
    const subject = subjectOf(i);
    for (const [x, a] of named.entries())
      for (const b of named.slice(x + 1)) {
        const [ma, mb] = [mentions[a]!, mentions[b]!];
        if (ma.key === mb.key || mb.start < ma.end) continue;
        const pair = `${i}|${[ma.key, mb.key].sort().join('+')}`;
        if (joined.has(pair)) continue;
        joined.add(pair);
        const between = s.text.slice(ma.end, mb.start).toLowerCase();
        const words = between.match(/\p{L}+/gu) ?? [];
        const features: Record<string, number> = {
          [`cue:${best.kind}`]: 1,
          [`cooccur-gap:${words.length <= 3 ? 'near' : words.length <= 10 ? 'mid' : 'far'}`]: 1,
        };
        for (const [name, re] of BETWEEN_CUES) if (re.test(between)) features[`between:${name}`] = 1;
        if (/^\s*(?:and|,|&|\/)\s*$/.test(between)) features['cooccur-listed'] = 1;
        if (subject === a || subject === b) features['cooccur-subject'] = 1;
        const role = best.kind === 'research' ? 'researcher' : 'partner';
        found.push({
          kind: best.kind as DealKind,
          sentence: i,
          parties: [
            { mention: a, role },
            { mention: b, role },
          ],
          pattern: 'cooccur',
          viaSubject: false,
          features,
        });
      }
  });
  all.forEach((s, i) => {
    if (relations.some((r) => r.sentence === i) || !cuesIn[i]!.length) return;
    const best = strongest(cuesIn[i]!);
    const subject = subjectOf(i);
    if (subject === null) return;
    const others = mentions.flatMap((m, index) =>
      m.sentence === i && m.label === 'Company' && m.key !== mentions[subject]!.key ? [index] : [],
    );
    for (const other of others)
      found.push({
        kind: best.kind as DealKind,
        sentence: i,
        parties: [
          {
            mention: subject,
            role: best.kind === 'supply' ? 'buyer' : best.kind === 'research' ? 'researcher' : 'partner',
          },
          {
            mention: other,
            role: best.kind === 'supply' ? 'supplier' : best.kind === 'research' ? 'researcher' : 'partner',
          },
        ],
        pattern: `fallback-${best.weight >= 0.7 ? 'specific' : 'vague'}`,
        viaSubject: true,
      });
  });
  // A partnership whose sentence says what it is ("a partnership that includes binding supply volumes")
  // is of that kind.
  for (const r of found) {
    if (r.kind !== 'strategic-cooperation') continue;
    const cue = cuesIn[r.sentence]!.filter((c) => c.weight >= 0.8).sort(
      (a, b) => SPECIFICITY.indexOf(a.kind) - SPECIFICITY.indexOf(b.kind),
    )[0];
    if (cue) r.kind = cue.kind as DealKind;
  }
  // One agreement per sentence and set of parties: the most specific wording wins ("supplies" over "cooperation").
  const specific = (k: string) => SPECIFICITY.indexOf(k);
  const best = new Map<string, Relation>();
  for (const r of found) {
    const key = `${r.sentence}|${partiesOf(r)}`;
    const prior = best.get(key);
    // "is considering a purchase agreement with X": a deal under consideration is talks, not the deal.
    const considered = (x: Relation) => x.pattern === 'considering';
    if (!prior || considered(r) || (!considered(prior) && specific(r.kind) < specific(prior.kind))) best.set(key, r);
  }
  const deals = new Map<string, { proposal: DealProposal; features: Features }>();
  const chosen = new Set(best.values());
  for (const r of found.filter((x) => chosen.has(x)).sort((a, b) => a.sentence - b.sentence)) {
    const parties = new Map<string, string>();
    for (const p of r.parties) {
      const e = entityOf(p.mention);
      if (e?.label === 'Company' && !parties.has(e.id)) parties.set(e.id, p.role);
    }
    if (parties.size < 2) continue;
    // Who sells and who buys, when the wording does not say: carmakers buy cells, cell makers sell them.
    if (r.kind === 'supply' && [...parties.values()].some((role) => role === 'partner'))
      for (const [id, role] of parties) {
        if (role !== 'partner') continue;
        const kinds = entities.find((e) => e.id === id)?.kinds ?? [];
        if (kinds.includes('automaker')) parties.set(id, 'buyer');
        else if (kinds.some((k) => ['battery-maker', 'start-up', 'supplier'].includes(k))) parties.set(id, 'supplier');
      }
    const ids = [...parties.keys()].sort();
    const quote = all[r.sentence]!.text;
    const knownDeal = known.deals.find(
      (d) =>
        d.parties
          .map((p) => p.company)
          .sort()
          .join() === ids.join() &&
        (d.kind === r.kind || ids.length === 2),
    );
    const key = knownDeal?.id ?? `${ids.join('+')}|${r.kind}`;
    const existing = deals.get(key);
    if (existing) {
      if (!existing.proposal.quotes.includes(quote)) existing.proposal.quotes.push(quote);
      existing.features[`pattern:${r.pattern}`] = 1;
      for (const [name, value] of Object.entries(r.features ?? {}))
        existing.features[name] = Math.max(existing.features[name] ?? 0, value);
      existing.features.sentences = Math.log2(1 + existing.proposal.quotes.length);
      continue;
    }
    // Buyers before suppliers, investors before their targets: the order a reader names them in.
    const rank: Record<string, number> = { buyer: 0, investor: 0, partner: 1, researcher: 1, supplier: 2 };
    const order = [...parties.keys()].sort((a, b) => (rank[parties.get(a)!] ?? 1) - (rank[parties.get(b)!] ?? 1));
    const names = order.map(nameOf);
    const status = statusOf(r.kind, quote);
    const binding = bindingOf(r.kind, quote);
    const stage = { status, kind: r.kind, binding: binding === 'unknown' ? null : binding, quote };
    const proposal: DealProposal = {
      id: knownDeal?.id ?? slugify(`${names.join(' ')} ${r.kind}`),
      name:
        knownDeal?.name ??
        dealName(
          r.kind,
          names,
          order.map((id) => parties.get(id)!),
        ),
      kind: knownDeal?.kind ?? r.kind,
      status: knownDeal?.status ?? status,
      binding: knownDeal?.binding ?? binding,
      modality: knownDeal?.modality ?? modalityOf(quote),
      parties: knownDeal?.parties ?? order.map((company) => ({ company, role: parties.get(company)! })),
      sites: plantsIn(r.sentence).map((p) => p.id),
      projects: mentionedIn(r.sentence, 'Project'),
      known: Boolean(knownDeal),
      confidence: 0,
      quotes: [quote],
      stage: !knownDeal || knownDeal.kind !== r.kind || knownDeal.status !== status ? stage : null,
    };
    const features: Features = {
      [`pattern:${r.pattern}`]: 1,
      [`kind:${r.kind}`]: 1,
      sentences: 1,
      parties: Math.min(ids.length, 6) / 6,
      'party-confidence': Math.min(...ids.map((id) => entities.find((e) => e.id === id)?.confidence ?? 1)),
    };
    if (r.viaSubject) features['via-subject'] = 1;
    Object.assign(features, r.features);
    deals.set(key, { proposal, features });
  }
  const dealList: DealProposal[] = [];
  for (const { proposal, features } of deals.values()) {
    // The fallback's doubt is about deals nothing else states: a pattern elsewhere in the report settles it.
    const patterns = Object.keys(features).filter((f) => f.startsWith('pattern:'));
    const guessed = (f: string) => f.startsWith('pattern:fallback') || f === 'pattern:cooccur';
    if (patterns.some((f) => !guessed(f)))
      for (const f of Object.keys(features))
        if (guessed(f) || f.startsWith('between:') || f.startsWith('cooccur') || f.startsWith('cue:'))
          delete features[f];
    if (keep('partnership', features, proposal)) dealList.push(proposal);
  }

  // A plant of a known deal that opens or is cancelled moves the deal on, whatever words the article uses for it.
  all.forEach((s, i) => {
    const event = PLANT_EVENTS.find(([re]) => re.test(s.text));
    if (!event) return;
    const facilities = [
      ...plantsIn(i).map((p) => p.id),
      ...mentionedIn(i, 'Site').filter((id) => known.entities.some((k) => k.id === id && k.kinds.includes('facility'))),
    ];
    for (const d of known.deals.filter((k) => k.status !== event[1] && k.sites.some((x) => facilities.includes(x)))) {
      const existing = dealList.find((x) => x.id === d.id);
      if (existing?.stage) continue;
      const stage = { status: event[1], kind: d.kind, binding: null, quote: s.text };
      if (existing) Object.assign(existing, { stage, quotes: [...existing.quotes, s.text] });
      else
        dealList.push({
          ...d,
          sites: facilities.filter((x) => d.sites.includes(x)),
          projects: [],
          known: true,
          confidence: 0.75,
          quotes: [s.text],
          stage,
        });
    }
  });

  // Claims: each figure of a sentence, about the plant it speaks of, else its company.
  const claims: ClaimProposal[] = [];
  const claimIds = new Set<string>();
  all.forEach((s, i) => {
    for (const f of figuresIn(s.text)) {
      const plant = plantOf[i];
      const deal = f.property === 'stake' ? dealList.find((d) => d.quotes.includes(s.text)) : undefined;
      const company = entityOf(subjectOf(i)) ?? entityOf(main >= 0 ? main : null);
      const subject = deal ?? plant ?? company;
      if (!subject) continue;
      const unit = f.unit === '%' ? '%' : ` ${f.unit}`;
      const name = `${subject.name} ${f.property.replace(/-/g, ' ')} ${f.value}${unit}${f.year ? ` (${f.year})` : ''}`;
      let id = slugify(`${subject.id} ${f.property} ${f.value} ${f.unit === '%' ? 'percent' : f.unit} ${f.year ?? ''}`);
      if (claimIds.has(id)) continue;
      claimIds.add(id);
      const proposal: ClaimProposal = {
        id,
        name,
        subject: subject.id,
        property: f.property,
        value: f.value,
        unit: f.unit,
        approximate: f.approximate,
        year: f.year,
        bound: f.bound,
        modality: f.modality,
        confidence: 0,
        quote: s.text,
      };
      const features: Features = {
        [`property:${f.property}`]: 1,
        [`subject:${deal ? 'deal' : plant ? (plantsIn(i).length ? 'plant' : 'plant-before') : 'company'}`]: 1,
        [`modality:${f.modality}`]: 1,
      };
      if (f.year) features.year = 1;
      if (f.approximate) features.approximate = 1;
      if (keep('claim', features, proposal)) claims.push(proposal);
      id = '';
    }
  });

  // Milestones: a dated step in a sentence, named after what it is about.
  const milestones: MilestoneProposal[] = [];
  const milestoneIds = new Set<string>();
  all.forEach((s, i) => {
    const seen = new Set<number>();
    for (const date of yearsIn(s.text)) {
      if (seen.has(date.year)) continue;
      seen.add(date.year);
      const past = publishedYear !== undefined && date.year < publishedYear;
      const possible = /\b(possibly|may|might|could|potential)\b/i.test(s.text);
      const expected = /\b(expected|expects|likely|should|scheduled|set to|slated)\b/i.test(s.text);
      const measure = measureOf(s.text);
      const event = EVENTS.find(([, re]) => re.test(s.text))?.[0] ?? null;
      const plant = plantOf[i];
      const company = entityOf(subjectOf(i)) ?? entityOf(main >= 0 ? main : null);
      const about = plant ? `${nameOf(plant.plant!.operator)} ${nameOf(plant.locatedIn[0]!)}` : (company?.name ?? null);
      const what = event
        ? event
        : measure
          ? `reaches ${measure.value} ${measure.unit}`
          : /\b(aims?|targets?|plans?|goal|ambition)\b/i.test(s.text)
            ? 'target'
            : null;
      const name = `${about ?? 'Milestone'} ${what ?? 'target'} ${date.bound} ${date.year}`;
      let id = slugify(name);
      for (let n = 2; milestoneIds.has(id); n++) id = slugify(`${name} ${n}`);
      milestoneIds.add(id);
      const proposal: MilestoneProposal = {
        id,
        name: name[0]!.toUpperCase() + name.slice(1),
        year: date.year,
        bound: date.bound,
        modality: past
          ? 'actual'
          : possible
            ? 'possibility'
            : expected || date.bound === 'in'
              ? 'expectation'
              : 'target',
        due: s.text,
        measure,
        partnerships: dealList.filter((d) => d.quotes.includes(s.text)).map((d) => d.id),
        companies: mentionedIn(i, 'Company'),
        sites: plant ? [plant.id] : mentionedIn(i, 'Site'),
        confidence: 0,
        quote: s.text,
      };
      const features: Features = {
        [`bound:${date.bound}`]: 1,
        [`event:${event ?? 'none'}`]: 1,
        [`word:${date.word.replace(/\s+/g, '-')}`]: 1,
      };
      if (past) features.past = 1;
      if (publishedYear !== undefined && date.year === publishedYear) features['same-year'] = 1;
      if (measure) features.measure = 1;
      if (plant) features.plant = 1;
      if (what === 'target') features.aim = 1;
      if (possible) features.possible = 1;
      if (keep('milestone', features, proposal)) milestones.push(proposal);
    }
  });

  return { extraction: { entities, deals: dealList, milestones, claims }, scored };
}

/** Cities and regions in the countries the report names, companies in the country their adjective names. */
function locate(entities: EntityProposal[], mentions: Mention[], byKey: Map<string, EntityProposal>): void {
  const countryOf = new Map(
    mentions.filter((m) => m.place && byKey.has(m.key)).map((m) => [byKey.get(m.key)!.id, m.place!.country]),
  );
  const countries = entities.filter((e) => e.kinds[0] === 'country');
  for (const e of entities) {
    if (e.label !== 'Site' || !['city', 'region'].includes(e.kinds[0]!)) continue;
    const code = countryOf.get(e.id);
    const country = countries.find((c) => countryOf.get(c.id) === code && c.id !== e.id);
    if (country) e.locatedIn.push(country.id);
  }
  // "the Chinese battery maker Svolt": an adjective right before a company's name.
  mentions.forEach((m, i) => {
    if (m.label !== 'Company' || !byKey.has(m.key)) return;
    const previous = mentions
      .slice(0, i)
      .reverse()
      .find((x) => x.sentence === m.sentence && x.end <= m.start);
    if (previous?.cues.has('adjective') && m.start - previous.end < 40 && byKey.has(previous.key)) {
      const company = byKey.get(m.key)!;
      const country = byKey.get(previous.key)!.id;
      if (!company.basedIn.includes(country)) company.basedIn.push(country);
    }
  });
}

export type { Sentence };
