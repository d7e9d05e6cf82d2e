/**
 * Deterministic synthetic battery-industry graph in the product's own model (same labels, properties
 * and relationship types as `kg load` writes), for benchmarks at 10k, 100k and 1M nodes.
 *
 * The graph is produced as a fixed sequence of batches (nodes first, then relationships), so a load
 * that stopped half way can skip the batches it already committed and continue with the same data.
 * Party selection is skewed: a dozen hubs (Renault Group, Nissan, CATL…) take a share of all deals
 * that grows with the graph, while most companies have a handful. Two named companies have a fixed
 * degree at every size (`verkor`: 24 partnerships, `solidion`: 6), so operations on them measure
 * cost by degree, not by graph size. Most facilities are cell plants with stages and capacity claims,
 * for the capacity rollup.
 */

export type Label =
  'Company' | 'Person' | 'Site' | 'Project' | 'Partnership' | 'Milestone' | 'Source' | 'Evidence' | 'Stage' | 'Claim';
/** A batch's labels beyond `Entity`: a cell plant is a facility site labelled Plant too. */
export type Labels = Label | 'Site:Plant';
export type RelType =
  | 'LOCATED_IN'
  | 'BASED_IN'
  | 'HOLDS_POSITION'
  | 'OWNS'
  | 'HAS_PARTY'
  | 'AT_SITE'
  | 'SERVES'
  | 'MILESTONE_OF'
  | 'CONCERNS'
  | 'SUPPORTED_BY'
  | 'QUOTED_FROM'
  | 'HAS_STAGE'
  | 'CLAIM_OF'
  | 'OPERATES';

export type Props = Record<string, string | number | boolean | string[] | null>;
export interface NodeRow {
  id: string;
  props: Props;
}
export interface RelRow {
  from: string;
  to: string;
  props: Props;
}
export type Batch =
  { kind: 'nodes'; label: Labels; rows: NodeRow[] } | { kind: 'relationships'; type: RelType; rows: RelRow[] };

export const SIZES = { '10k': 10_000, '100k': 100_000, '1m': 1_000_000 } as const;
export type SizeName = keyof typeof SIZES;
export const DEFAULT_SEED = 20210628;

/** Ids the workload relies on; they exist at every size. */
export const WELL_KNOWN = {
  hub: 'renault-group',
  company: 'verkor',
  companyDegree: 24,
  other: 'solidion',
  otherDegree: 6,
  searchText: 'verkor',
} as const;

const HUBS: [string, string, string[]][] = [
  ['renault-group', 'Renault Group', ['automaker']],
  ['catl', 'CATL', ['battery-maker']],
  ['nissan', 'Nissan', ['automaker']],
  ['lg-chem', 'LG Chem', ['battery-maker', 'supplier']],
  ['stellantis', 'Stellantis', ['automaker']],
  ['volkswagen', 'Volkswagen Group', ['automaker']],
  ['panasonic', 'Panasonic Energy', ['battery-maker']],
  ['samsung-sdi', 'Samsung SDI', ['battery-maker']],
  ['envision-aesc', 'Envision AESC', ['battery-maker']],
  ['northvolt', 'Northvolt', ['battery-maker', 'start-up']],
  ['acc', 'ACC', ['battery-maker']],
  ['mitsubishi', 'Mitsubishi Motors', ['automaker']],
];
const FIXED: [string, string, string[]][] = [
  [WELL_KNOWN.company, 'Verkor', ['start-up', 'battery-maker']],
  [WELL_KNOWN.other, 'Solidion Cells', ['start-up', 'research']],
];
const COUNTRIES = [
  'France', 'Germany', 'Spain', 'Italy', 'Poland', 'Hungary', 'Sweden', 'Norway', 'Finland', 'Czechia',
  'Slovakia', 'Portugal', 'Netherlands', 'Belgium', 'Austria', 'Romania', 'United Kingdom', 'Ireland',
  'United States', 'Canada', 'Mexico', 'Brazil', 'Chile', 'Argentina', 'China', 'Japan', 'South Korea',
  'India', 'Indonesia', 'Thailand', 'Vietnam', 'Australia', 'Morocco', 'South Africa', 'Turkey', 'Serbia',
  'Denmark', 'Switzerland', 'Greece', 'Estonia',
]; // prettier-ignore
const SYLLABLES = [
  'ka',
  'vo',
  'ren',
  'li',
  'tor',
  'sa',
  'mi',
  'dex',
  'no',
  'ra',
  'vel',
  'tis',
  'qu',
  'an',
  'el',
  'ion',
  'zen',
  'mar',
  'cor',
  'ly',
];
const SUFFIXES = ['Energy', 'Cells', 'Motors', 'Materials', 'Power', 'Mobility', 'Recycling', 'Technologies'];
const COMPANY_KINDS = ['automaker', 'battery-maker', 'start-up', 'supplier', 'research', 'other'];
const PARTNERSHIP_KINDS = [
  'strategic-cooperation', 'letter-of-intent', 'memorandum', 'supply', 'research', 'discussion',
  'joint-venture', 'equity-stake', 'long-term-partnership',
]; // prettier-ignore
const STATUSES = ['announced', 'signed', 'active', 'in-discussion', 'completed', 'lapsed', 'cancelled'];
const BINDINGS = ['binding', 'non-binding', 'unknown'];
const MODALITIES = ['asserted', 'planned', 'possible', 'reported'];
const ROLES = ['partner', 'buyer', 'supplier', 'developer', 'investor', 'host', 'researcher'];
const PURPOSES = [
  'battery cell supply', 'a gigafactory', 'solid-state research', 'cathode materials', 'battery recycling',
  'lithium refining', 'battery modules', 'charging infrastructure', 'cell chemistry development',
]; // prettier-ignore
const PROJECT_KINDS = ['roadmap', 'strategy', 'research-programme', 'vehicle', 'ecosystem', 'other'];
const MILESTONE_MODALITIES = ['target', 'expectation', 'possibility', 'actual'];
const BOUNDS = ['by', 'from', 'in'];
const UNITS = ['GWh', 'jobs', 'cars', 'tonnes'];
const CHEMISTRIES = ['NMC', 'LFP', 'NCA', 'LMFP'];
/** A plant's life: stages in this order, each step taken with some chance, then perhaps an ending. */
const PLANT_PATH = ['announced', 'construction-started', 'production-started', 'expanded'];
const PLANT_ENDINGS = ['paused', 'cancelled', 'sold'];
const SOURCE_KINDS = ['news-article', 'press-release', 'report', 'web-page'];
const PUBLISHERS = ['Electrive', 'Reuters', 'TNW', 'Republic World', 'Automotive News', 'Les Echos', 'Handelsblatt'];

/** mulberry32: tiny, fast and good enough for synthetic data; the same seed gives the same graph. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Cumulative Zipf weights for ranks 1..n with exponent s, for inverse-CDF sampling. */
function zipfCdf(n: number, s: number): Float64Array {
  const cdf = new Float64Array(n);
  let sum = 0;
  for (let i = 0; i < n; i++) cdf[i] = sum += 1 / Math.pow(i + 1, s);
  for (let i = 0; i < n; i++) cdf[i]! /= sum;
  return cdf;
}

function sampleCdf(cdf: Float64Array, u: number): number {
  let lo = 0;
  let hi = cdf.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (cdf[mid]! < u) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export interface Counts {
  countries: number;
  regions: number;
  cities: number;
  facilities: number;
  companies: number;
  people: number;
  projects: number;
  sources: number;
  partnerships: number;
  milestones: number;
}

/** Entity counts for a target number of nodes (evidence: one per domain node, two per partnership). */
export function countsFor(nodes: number): Counts {
  // Nodes per unit: sites .031, companies .05, people .005, projects .01, sources .02, partnerships .15,
  // milestones .1, evidence .05 + .005 + .01 + .3 + .1 + .008 (facilities): 0.839 in all.
  const u = nodes / 0.839;
  const at = (f: number, min: number) => Math.max(min, Math.round(u * f));
  return {
    countries: COUNTRIES.length,
    regions: at(0.005, 40),
    cities: at(0.018, 80),
    facilities: at(0.008, 40),
    companies: at(0.05, HUBS.length + FIXED.length + 20),
    people: at(0.005, 10),
    projects: at(0.01, 10),
    sources: at(0.02, 10),
    partnerships: at(0.15, WELL_KNOWN.companyDegree + WELL_KNOWN.otherDegree + 10),
    milestones: at(0.1, 20),
  };
}

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** The id of the company at an index: the hubs, the two fixed ones, then `company-<index>`. */
const companyIdAt = (index: number) => HUBS[index]?.[0] ?? FIXED[index - HUBS.length]?.[0] ?? `company-${index}`;

/**
 * The graph of `nodes` nodes (about) from `seed`, as batches of at most `batchSize` rows. Every batch
 * is the same for the same arguments, so a loader can skip the ones it already wrote.
 */
export function* generate(nodes: number, seed = DEFAULT_SEED, batchSize = 5000): Generator<Batch> {
  const n = countsFor(nodes);
  const random = rng(seed);
  const int = (max: number) => Math.floor(random() * max);
  const pick = <T>(items: readonly T[]): T => items[int(items.length)]!;
  const year = (from: number, to: number) => from + int(to - from + 1);

  // Plants draw from their own stream, so the rest of the graph is the same with or without them.
  const plantRandom = rng(seed + 1);
  const plantInt = (max: number) => Math.floor(plantRandom() * max);
  const nodeBuffers = new Map<Labels, NodeRow[]>();
  const relBuffers = new Map<RelType, RelRow[]>();
  const pendingRels: Batch[] = [];
  let evidenceCount = 0;

  function* node(label: Labels, row: NodeRow): Generator<Batch> {
    let buffer = nodeBuffers.get(label);
    if (!buffer) nodeBuffers.set(label, (buffer = []));
    buffer.push(row);
    if (buffer.length >= batchSize) {
      nodeBuffers.set(label, []);
      yield { kind: 'nodes', label, rows: buffer };
    }
  }
  // Relationships wait until every node is written, so each batch can match both of its ends.
  const rel = (type: RelType, from: string, to: string, props: Props = {}) => {
    let buffer = relBuffers.get(type);
    if (!buffer) relBuffers.set(type, (buffer = []));
    buffer.push({ from, to, props });
    if (buffer.length >= batchSize) {
      relBuffers.set(type, []);
      pendingRels.push({ kind: 'relationships', type, rows: buffer });
    }
  };
  /** One quote supporting `nodeId`, quoted from a source. */
  function* evidence(nodeId: string, text: string, speakerId: string | null = null): Generator<Batch> {
    const id = `ev-${evidenceCount++}`;
    const sourceId = `source-${int(n.sources)}`;
    yield* node('Evidence', {
      id,
      props: {
        name: text.length > 60 ? `${text.slice(0, 57)}…` : text,
        quote: text,
        start: 0,
        end: text.length,
        prefix: '',
        suffix: '',
        sourceId,
        speakerId,
        aliasText: '',
      },
    });
    rel('QUOTED_FROM', id, sourceId);
    rel('SUPPORTED_BY', nodeId, id);
  }

  /**
   * A cell plant (a facility labelled Plant) with an operator, dated stages and capacity claims in GWh,
   * in the loader's shape: the plant's status is its latest stage's, each claim is its property's preferred one.
   */
  function* plant(id: string, i: number): Generator<Batch> {
    const stages: { status: string; date: string }[] = [];
    let y = 2017 + plantInt(9);
    const day = () => `${y}-${String(1 + plantInt(12)).padStart(2, '0')}-${String(1 + plantInt(28)).padStart(2, '0')}`;
    for (const status of PLANT_PATH) {
      if (stages.length > 0 && plantRandom() < 0.35) break;
      stages.push({ status, date: day() });
      y += 1 + plantInt(2);
    }
    if (plantRandom() < 0.15) stages.push({ status: PLANT_ENDINGS[plantInt(PLANT_ENDINGS.length)]!, date: day() });
    // Companies 0..11 are the hubs, 12 and 13 the fixed ones, then the long tail (as below).
    const operator =
      plantRandom() < 0.3
        ? plantInt(HUBS.length)
        : HUBS.length + FIXED.length + plantInt(n.companies - HUBS.length - FIXED.length);
    yield* node('Site:Plant', {
      id,
      props: {
        ...site(id, `Gigafactory ${i}`, 'facility').props,
        chemistry: CHEMISTRIES[plantInt(CHEMISTRIES.length)]!,
        status: stages.at(-1)!.status,
      },
    });
    rel('OPERATES', companyIdAt(operator), id, { evidenceIds: [] });
    for (const [k, s] of stages.entries()) {
      const stageId = `${id}-stage-${k}`;
      yield* node('Stage', {
        id: stageId,
        props: {
          name: `Gigafactory ${i}: ${s.status} (${s.date})`,
          status: s.status,
          modality: 'asserted',
          summary: `Gigafactory ${i}: ${s.status.replace(/-/g, ' ')}.`,
          dateValue: s.date,
          datePrecision: 'day',
          dateYear: Number(s.date.slice(0, 4)),
          dateEvidenceIds: [],
        },
      });
      rel('HAS_STAGE', id, stageId, { evidenceIds: [] });
    }
    const first = Number(stages[0]!.date.slice(0, 4));
    const claims: [string, number, number, string][] = [
      ['initial-capacity', 2 + plantInt(20), first + 2 + plantInt(3), 'target'],
      ['capacity-target', 20 + plantInt(60), 2028 + plantInt(5), 'target'],
    ];
    if (plantRandom() < 0.3) claims.push(['capacity', 1 + plantInt(30), first + 3, 'actual']);
    for (const [k, [property, value, year, modality]] of claims.entries()) {
      const stated = `${Math.min(first + k, 2026)}-${String(1 + plantInt(12)).padStart(2, '0')}-15`;
      const claimId = `${id}-claim-${k}`;
      yield* node('Claim', {
        id: claimId,
        props: {
          name: `Gigafactory ${i}: ${property} ${value} GWh in ${year}`,
          property,
          value,
          unit: 'GWh',
          approximate: false,
          year,
          bound: 'by',
          modality,
          rank: 'normal',
          preferred: true,
          statedValue: stated,
          statedPrecision: 'day',
          statedYear: Number(stated.slice(0, 4)),
          statedEvidenceIds: [],
        },
      });
      rel('CLAIM_OF', claimId, id, { evidenceIds: [] });
    }
  }

  for (let i = 0; i < n.sources; i++) {
    const published = `${year(2015, 2025)}-${String(1 + int(12)).padStart(2, '0')}-${String(1 + int(28)).padStart(2, '0')}`;
    const title = `${pick(PUBLISHERS)}: battery industry report ${i}`;
    yield* node('Source', {
      id: `source-${i}`,
      props: {
        name: title,
        title,
        kind: pick(SOURCE_KINDS),
        publisher: pick(PUBLISHERS),
        url: `https://example.org/battery/${i}`,
        publishedValue: published,
        publishedPrecision: 'day',
        publishedYear: Number(published.slice(0, 4)),
        language: 'en',
        text: `Synthetic source ${i}: quotes about battery partnerships, generated for the benchmark.`,
        aliasText: '',
      },
    });
  }

  const site = (id: string, name: string, kind: string): NodeRow => ({
    id,
    props: { name, aliases: [], aliasText: '', kind },
  });
  for (let i = 0; i < n.countries; i++) {
    yield* node('Site', site(`country-${i}`, COUNTRIES[i]!, 'country'));
  }
  for (let i = 0; i < n.regions; i++) {
    yield* node('Site', site(`region-${i}`, `${cap(pick(SYLLABLES))}${pick(SYLLABLES)} Region ${i}`, 'region'));
    rel('LOCATED_IN', `region-${i}`, `country-${int(n.countries)}`);
  }
  for (let i = 0; i < n.cities; i++) {
    yield* node('Site', site(`city-${i}`, `${cap(pick(SYLLABLES))}${pick(SYLLABLES)}${pick(SYLLABLES)}`, 'city'));
    rel('LOCATED_IN', `city-${i}`, `region-${int(n.regions)}`);
  }
  for (let i = 0; i < n.facilities; i++) {
    const id = `facility-${i}`;
    if (plantRandom() < 0.6) yield* plant(id, i);
    else yield* node('Site', site(id, `Gigafactory ${i}`, 'facility'));
    rel('LOCATED_IN', id, `city-${int(n.cities)}`);
    yield* evidence(id, `The gigafactory ${i} will produce battery cells from ${year(2024, 2032)}.`);
  }

  // Companies 0..11 are the hubs, then the two fixed-degree companies, then the long tail.
  const companyIds: string[] = [];
  const companyNames: string[] = [];
  for (let i = 0; i < n.companies; i++) {
    const named = HUBS[i] ?? FIXED[i - HUBS.length];
    const id = named?.[0] ?? `company-${i}`;
    const name = named?.[1] ?? `${cap(pick(SYLLABLES))}${pick(SYLLABLES)}${pick(SYLLABLES)} ${pick(SUFFIXES)}`;
    const kinds = named?.[2] ?? [pick(COMPANY_KINDS)];
    companyIds.push(id);
    companyNames.push(name);
    yield* node('Company', {
      id,
      props: {
        name,
        aliases: [],
        aliasText: '',
        kinds,
        description: `${name}, a ${kinds.join(' and ')} in the battery value chain.`,
      },
    });
    rel('BASED_IN', id, `city-${int(n.cities)}`);
    yield* evidence(id, `${name} is active in the battery value chain.`);
  }
  const tailStart = HUBS.length + FIXED.length;
  const hubCdf = zipfCdf(HUBS.length, 1);
  const tailCdf = zipfCdf(n.companies - tailStart, 0.6);
  const party = () => (random() < 0.15 ? sampleCdf(hubCdf, random()) : tailStart + sampleCdf(tailCdf, random()));

  for (let i = 0; i < n.people; i++) {
    const id = `person-${i}`;
    const name = `${cap(pick(SYLLABLES))}${pick(SYLLABLES)} ${cap(pick(SYLLABLES))}${pick(SYLLABLES)}${pick(SYLLABLES)}`;
    yield* node('Person', { id, props: { name, aliases: [], aliasText: '' } });
    const company = party();
    rel('HOLDS_POSITION', id, companyIds[company]!, { title: pick(['CEO', 'CTO', 'CFO', 'Head of Batteries']) });
    yield* evidence(id, `"Batteries are our priority," said ${name} of ${companyNames[company]}.`, id);
  }

  for (let i = 0; i < n.projects; i++) {
    const id = `project-${i}`;
    const owner = party();
    const name = `${companyNames[owner]} ${pick(['Renaulution', 'E-Plan', 'Cell Programme', 'Roadmap', 'Platform'])} ${i}`;
    yield* node('Project', {
      id,
      props: { name, aliases: [], aliasText: '', kind: pick(PROJECT_KINDS), description: `Project ${i}.` },
    });
    rel('OWNS', companyIds[owner]!, id);
    yield* evidence(id, `${name} is part of the battery strategy of ${companyNames[owner]}.`);
  }

  const verkor = HUBS.length;
  const solidion = HUBS.length + 1;
  const partiesOf: number[][] = [];
  for (let i = 0; i < n.partnerships; i++) {
    const id = `partnership-${i}`;
    const size = [2, 2, 2, 2, 2, 3, 3, 3, 4, 5][int(10)]!;
    const parties = new Set<number>();
    if (i < WELL_KNOWN.companyDegree) parties.add(verkor);
    else if (i < WELL_KNOWN.companyDegree + WELL_KNOWN.otherDegree) parties.add(solidion);
    while (parties.size < size) parties.add(party());
    const members = [...parties];
    partiesOf.push(members);
    const names = members.map((c) => companyNames[c]!);
    const kind = pick(PARTNERSHIP_KINDS);
    const purpose = pick(PURPOSES);
    const name = `${names.slice(0, 2).join(' and ')}${names.length > 2 ? ' and others' : ''}: ${purpose}`;
    const props: Props = {
      name,
      aliases: [],
      aliasText: '',
      kind,
      status: pick(STATUSES),
      binding: pick(BINDINGS),
      modality: pick(MODALITIES),
      purpose: `${cap(purpose)} for ${names[0]}.`,
    };
    const quote = `${names.join(', ')} agreed on ${purpose}, a ${kind.replace(/-/g, ' ')}.`;
    const evidenceStart = evidenceCount;
    yield* evidence(id, quote);
    yield* evidence(id, `The partners said ${purpose} would strengthen ${names[names.length - 1]}.`);
    if (random() < 0.85) {
      const y = year(2015, 2026);
      Object.assign(props, {
        announcedValue: `${y}-${String(1 + int(12)).padStart(2, '0')}-${String(1 + int(28)).padStart(2, '0')}`,
        announcedPrecision: 'day',
        announcedYear: y,
        announcedEvidenceIds: [`ev-${evidenceStart}`],
      });
    }
    if (random() < 0.3) {
      const y = year(2022, 2032);
      Object.assign(props, {
        startValue: String(y),
        startPrecision: 'year',
        startYear: y,
        startEvidenceIds: [`ev-${evidenceStart + 1}`],
      });
    }
    yield* node('Partnership', { id, props });
    members.forEach((c, k) =>
      rel('HAS_PARTY', id, companyIds[c]!, {
        role: k === 0 ? 'partner' : pick(ROLES),
        evidenceIds: [`ev-${evidenceStart}`],
      }),
    );
    if (random() < 0.6) {
      const at = random() < 0.7 ? `facility-${int(n.facilities)}` : `city-${int(n.cities)}`;
      rel('AT_SITE', id, at, { evidenceIds: [`ev-${evidenceStart}`] });
    }
    if (random() < 0.2) rel('SERVES', id, `project-${int(n.projects)}`, { evidenceIds: [`ev-${evidenceStart}`] });
  }

  for (let i = 0; i < n.milestones; i++) {
    const id = `milestone-${i}`;
    const y = year(2021, 2040);
    const ofPartnership = random() < 0.8;
    const target = ofPartnership ? int(n.partnerships) : int(n.projects);
    const unit = pick(UNITS);
    const value = 1 + int(100) * (unit === 'jobs' ? 50 : unit === 'GWh' ? 1 : 1000);
    const due = `${value} ${unit} ${ofPartnership ? `for partnership ${target}` : `in project ${target}`}`;
    const measured = random() < 0.5;
    yield* node('Milestone', {
      id,
      props: {
        name: `${cap(due)} by ${y}`,
        year: y,
        precision: 'year',
        bound: pick(BOUNDS),
        due: cap(due),
        modality: pick(MILESTONE_MODALITIES),
        measureValue: measured ? value : null,
        measureUnit: measured ? unit : null,
        measureApproximate: measured ? random() < 0.3 : null,
      },
    });
    rel('MILESTONE_OF', id, ofPartnership ? `partnership-${target}` : `project-${target}`, { evidenceIds: [] });
    if (ofPartnership && random() < 0.5) {
      rel('CONCERNS', id, companyIds[pick(partiesOf[target]!)]!, { evidenceIds: [] });
    }
    yield* evidence(id, `${cap(due)} are expected by ${y}.`);
  }

  for (const [label, rows] of nodeBuffers) if (rows.length) yield { kind: 'nodes', label, rows };
  for (const [type, rows] of relBuffers) if (rows.length) pendingRels.push({ kind: 'relationships', type, rows });
  yield* pendingRels;
}
