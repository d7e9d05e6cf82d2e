/**
 * Precision and recall of the extractor against hand-written facts. `kg evaluate --split dev|test` runs
 * it on every report of the gold corpus (corpus/: sources, gold fact files, a fixed split) as `kg ingest`
 * would on an empty graph (its own list of well-known companies only), and compares each extraction
 * with its gold file; the seed
 * article's figures (a cold start against data/facts/renault-2021.yaml) stay as they were measured.
 *
 * Matching rules (docs/ingestion.md):
 * - entities: same label (and, for sites, the same kind) and one name of the proposal equal to the gold
 *   record's name, an alias or its id read as words, compared by `nameKey` (no case, accents,
 *   punctuation, legal forms or "Group"); one proposal per gold record, a second one is a duplicate;
 * - facilities: as above by name, or by operator and place: the proposal's operator is the company
 *   matched to the gold operator and its place is one the gold record is located in (or names);
 * - plants (facilities with a plant block): operator and place, as above (without a gold place, operator
 *   and name);
 * - partnerships: the same set of parties (after matching the companies) and the same kind;
 * - milestones: the same year, and the same measure (value and unit) when both give one;
 * - claims: the same value and unit, and the same year when both give one.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { DEFAULT_DATA_DIR } from '../load';
import type { FactFile } from '../load/plan';
import { parseYaml, readSource, Source } from '../load/sources';
import { paths } from '../config';
import { extract, extractScored, EntityLabel, EntityProposal, Extraction, Known } from './extract';
import { fold, sameName } from './names';

export interface Score {
  proposed: number;
  expected: number;
  matched: number;
  precision: number;
  recall: number;
}

export interface Evaluation {
  entities: Score;
  partnerships: Score;
  /** Partnerships matched with the same kind as the curated one. */
  partnershipKinds: Score;
  missed: string[];
  spurious: string[];
}

type RecordBase = NonNullable<FactFile['companies']>[number];
type Section = 'companies' | 'people' | 'sites' | 'projects';

const SECTIONS: [Section, EntityLabel][] = [
  ['companies', 'Company'],
  ['people', 'Person'],
  ['sites', 'Site'],
  ['projects', 'Project'],
];

const words = (text: string) =>
  text
    .toLowerCase()
    .split(/[^\p{L}\d]+/u)
    .filter((w) => w.length > 2 && !['the', 'and', 'for', 'with', 'group'].includes(w));

/** Same name or alias, or every word of the shorter name in the longer one ("Battery strategy"). */
function seedSameName(a: string[], b: string[]): boolean {
  for (const x of a)
    for (const y of b) {
      if (x.toLowerCase() === y.toLowerCase()) return true;
      const [short, long] = words(x).length <= words(y).length ? [words(x), words(y)] : [words(y), words(x)];
      if (short.length > 0 && short.every((w) => long.includes(w)) && short.join('').length >= 6) return true;
    }
  return false;
}

const score = (proposed: number, expected: number, matched: number, matchedExpected = matched): Score => ({
  proposed,
  expected,
  matched,
  precision: proposed ? matched / proposed : 0,
  recall: expected ? matchedExpected / expected : 0,
});

type EvidenceItem = string | { quote: string; source?: string };
const citesSource = (file: FactFile, evidence: EvidenceItem[] | undefined, sourceId: string) =>
  (evidence ?? []).some((e) => (typeof e === 'string' ? file.source : (e.source ?? file.source)) === sourceId);

/** The seed article's measure (kept as the README reports it): names by words, partnerships by parties. */
export function evaluate(extraction: Extraction, curated: FactFile, sourceId: string): Evaluation {
  type Gold = { id: string; label: EntityLabel; names: string[] };
  const gold: Gold[] = SECTIONS.flatMap(([section, label]) =>
    (
      (curated[section] as { id: string; name: string; aliases?: string[]; evidence: EvidenceItem[] }[] | undefined) ??
      []
    )
      .filter((r) => citesSource(curated, r.evidence, sourceId))
      .map((r) => ({ id: r.id, label, names: [r.name, ...(r.aliases ?? [])] })),
  );
  const goldOf = new Map<string, string>();
  const spurious: string[] = [];
  for (const e of extraction.entities) {
    const match = gold.find((g) => g.label === e.label && seedSameName([e.name, ...e.aliases], g.names));
    // A second proposal for a record already found is a duplicate, not a hit.
    if (match && ![...goldOf.values()].includes(match.id)) goldOf.set(e.id, match.id);
    else spurious.push(`${e.label} ${e.name}${match ? ' (duplicate)' : ''}`);
  }
  const found = new Set(goldOf.values());
  const missed = gold.filter((g) => !found.has(g.id)).map((g) => `${g.label} ${g.names[0]}`);

  const deals = (curated.partnerships ?? []).filter((p) => citesSource(curated, p.evidence, sourceId));
  const partiesOf = (ids: string[]) => [...ids].sort().join('|');
  const goldDeals = new Map(
    deals.map((d) => [partiesOf((d.parties as { company: string }[]).map((p) => p.company)), d.kind as string]),
  );
  let matched = 0;
  let sameKind = 0;
  const matchedGold = new Set<string>();
  for (const d of extraction.deals) {
    const key = partiesOf(d.parties.map((p) => goldOf.get(p.company) ?? `?${p.company}`));
    if (goldDeals.has(key)) {
      matched += 1;
      matchedGold.add(key);
      if (goldDeals.get(key) === d.kind) sameKind += 1;
    } else spurious.push(`Partnership ${d.name}`);
  }
  for (const [key] of goldDeals) if (!matchedGold.has(key)) missed.push(`Partnership ${key.replace('|', ' + ')}`);
  return {
    entities: score(extraction.entities.length, gold.length, goldOf.size),
    partnerships: score(extraction.deals.length, goldDeals.size, matched, matchedGold.size),
    partnershipKinds: score(extraction.deals.length, goldDeals.size, sameKind),
    missed,
    spurious,
  };
}

/** The seed article against data/facts/renault-2021.yaml, or any source and fact file given. */
export function evaluateSeed(
  sourceFile = path.join(DEFAULT_DATA_DIR, 'sources', 'renault-2021-battery-partnerships.yaml'),
  factFile = path.join(DEFAULT_DATA_DIR, 'facts', 'renault-2021.yaml'),
): Evaluation {
  const source = readSource(sourceFile);
  const curated = parseYaml(factFile, readFileSync(factFile, 'utf8')) as FactFile;
  return evaluate(extract(source.text, { entities: [], deals: [] }), curated, source.id);
}

export function formatEvaluation(e: Evaluation): string {
  const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
  const line = (name: string, s: Score) =>
    `${name.padEnd(22)} precision ${pct(s.precision).padStart(6)} (${s.matched}/${s.proposed})   recall ${pct(s.recall).padStart(6)} (${Math.round(s.recall * s.expected)}/${s.expected})`;
  return [
    line('entities', e.entities),
    line('partnerships (parties)', e.partnerships),
    line('  … and same kind', e.partnershipKinds),
    `missed: ${e.missed.join('; ') || 'none'}`,
    `not in the curated facts: ${e.spurious.join('; ') || 'none'}`,
  ].join('\n');
}

// ---------------------------------------------------------------------------------------------------
// The gold corpus

export type Split = 'dev' | 'test';
export const KINDS = ['entities', 'partnerships', 'plants', 'milestones', 'claims'] as const;
export type Kind = (typeof KINDS)[number];

export interface Counts {
  proposed: number;
  expected: number;
  matched: number;
}
export interface Figures {
  precision: number;
  recall: number;
  f1: number;
}

/** One mistake: what kind of error (for counting), and what it was. */
export interface ErrorItem {
  kind: string;
  text: string;
}

export interface DocumentResult {
  id: string;
  counts: Record<Kind, Counts>;
  /** Entities by type: `Company`, `Person`, `Site:city`, `Site:facility`… */
  byType: Record<string, Counts>;
  errors: ErrorItem[];
  /** The proposals the gold file holds (for `kg train`): entities, plants, deals, milestones and claims. */
  hits: Set<object>;
}

export interface CorpusEvaluation {
  split: Split;
  documents: number;
  figures: Record<Kind, Figures & Counts>;
  byType: Record<string, Figures & Counts>;
  results: DocumentResult[];
}

export interface CorpusDocument {
  source: Source;
  gold: FactFile;
}

export const CORPUS_DIR = path.join(paths.root, 'corpus');

/** The documents of one split, in the order of corpus/split.json. */
export function readCorpus(split: Split, dir = CORPUS_DIR): CorpusDocument[] {
  return readSplits(dir)[split].map((id) => readDocument(id, dir));
}

/** The report ids of each split (corpus/split.json). */
export const readSplits = (dir = CORPUS_DIR) =>
  JSON.parse(readFileSync(path.join(dir, 'split.json'), 'utf8')) as Record<Split, string[]>;

/** One report of the gold corpus: its stored source and its gold fact file. */
export function readDocument(id: string, dir = CORPUS_DIR): CorpusDocument {
  const factFile = path.join(dir, 'facts', `${id}.yaml`);
  return {
    source: readSource(path.join(dir, 'sources', `${id}.yaml`)),
    gold: parseYaml(factFile, readFileSync(factFile, 'utf8')) as FactFile,
  };
}

/** Runs the extractor on one report as `kg ingest` would: its text, publication date, title and address. */
export function extractDocument(
  doc: CorpusDocument,
  known: Known,
  floor?: number,
  options: { lexicon?: boolean } = {},
) {
  const { source } = doc;
  const year = source.published ? Number(source.published.slice(0, 4)) : undefined;
  const meta = { title: source.title, url: source.url };
  return extractScored(source.text.slice(0, source.factsEnd), known, year, meta, floor, options);
}

/** A fact file's reference: an id, or a record with one. */
export type Ref = string | { id: string };
export const refId = (r: Ref) => (typeof r === 'string' ? r : r.id);

interface GoldEntity {
  id: string;
  type: string;
  names: string[];
  /** Facilities: the operator's id, or a company the record's name mentions. */
  operator: string | null;
  plant: boolean;
  /** Facilities: the names of the sites it lies in. */
  places: string[];
}

const typeOf = (label: EntityLabel, kind?: string) => (label === 'Site' ? `Site:${kind ?? 'other'}` : label);

function goldEntities(gold: FactFile): GoldEntity[] {
  const sites = new Map((gold.sites ?? []).map((s) => [s.id, s]));
  const companies = gold.companies ?? [];
  return SECTIONS.filter(([section]) => section !== 'projects').flatMap(([section, label]) =>
    (gold[section] ?? []).map((r: RecordBase) => {
      const names = [r.name, ...(r.aliases ?? []), r.id.replace(/-/g, ' ')];
      const plant = r.plant as { operator: Ref } | undefined;
      const facility = r.kind === 'facility';
      const named = companies.find((c) => [c.name, ...(c.aliases ?? [])].some((n) => fold(r.name).includes(fold(n))));
      return {
        id: r.id,
        type: typeOf(label, r.kind as string | undefined),
        names,
        operator: plant ? refId(plant.operator) : facility ? (named?.id ?? null) : null,
        plant: Boolean(plant),
        places: ((r.locatedIn as Ref[] | undefined) ?? []).flatMap((ref) => {
          const site = sites.get(refId(ref));
          return site ? [site.name, ...(site.aliases ?? [])] : [];
        }),
      };
    }),
  );
}

const counts = (proposed: number, expected: number, matched: number): Counts => ({ proposed, expected, matched });

export function figures(c: Counts): Figures & Counts {
  const precision = c.proposed ? c.matched / c.proposed : 0;
  const recall = c.expected ? c.matched / c.expected : 0;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { ...c, precision, recall, f1 };
}

const sameNumber = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
const sameUnit = (a: string, b: string) => fold(a) === fold(b);

/** Compares one extraction with the gold file of its report. */
export function scoreDocument(id: string, x: Extraction, gold: FactFile): DocumentResult {
  const errors: ErrorItem[] = [];
  const hits = new Set<object>();
  const byType: Record<string, Counts> = {};
  const tally = (type: string, field: keyof Counts) => {
    byType[type] ??= counts(0, 0, 0);
    byType[type]![field] += 1;
  };

  // Entities, places and organisations first: facilities, plants and deals refer to them.
  const golds = goldEntities(gold);
  for (const g of golds) tally(g.type, 'expected');
  const entityName = new Map(x.entities.map((e) => [e.id, e]));
  const namesOf = (e: EntityProposal) => [e.name, ...e.aliases];
  const goldOf = new Map<string, string>();
  const taken = new Set<string>();
  const proposalType = (e: EntityProposal) => typeOf(e.label, e.kinds[0]);
  const placesOf = (e: EntityProposal) =>
    e.locatedIn.flatMap((sid) => {
      const site = entityName.get(sid);
      return site ? namesOf(site) : [sid.replace(/-/g, ' ')];
    });
  const inPlace = (e: EntityProposal, g: GoldEntity) => {
    const places = placesOf(e);
    return g.places.length
      ? sameName(places, g.places)
      : places.some((p) => g.names.some((n) => ` ${fold(n)} `.includes(` ${fold(p)} `)));
  };
  const operatorOf = (e: EntityProposal) => (e.plant ? (goldOf.get(e.plant.operator) ?? null) : null);
  const facilities = x.entities.filter((e) => proposalType(e) === 'Site:facility');
  const others = x.entities.filter((e) => proposalType(e) !== 'Site:facility');
  const spuriousEntities: EntityProposal[] = [];
  // A proposal that bears a gold record's own name takes it before one that only shares an alias with it
  // ("Envision AESC" before "Envision Group", when the gold "Envision AESC" is also called "Envision").
  const unmatched = new Set(others);
  for (const exact of [true, false])
    for (const e of others) {
      if (!unmatched.has(e)) continue;
      const g = golds.find(
        (c) =>
          c.type === proposalType(e) &&
          !taken.has(c.id) &&
          (exact ? sameName([e.name], [c.names[0]!]) || e.id === c.id : sameName(namesOf(e), c.names)),
      );
      if (g) {
        goldOf.set(e.id, g.id);
        taken.add(g.id);
        unmatched.delete(e);
      }
    }
  spuriousEntities.push(...unmatched);
  for (const e of facilities) {
    const operator = operatorOf(e);
    const g = golds.find(
      (c) =>
        c.type === 'Site:facility' &&
        !taken.has(c.id) &&
        (sameName(namesOf(e), c.names) || (operator !== null && operator === c.operator && inPlace(e, c))),
    );
    if (g) {
      goldOf.set(e.id, g.id);
      taken.add(g.id);
    } else spuriousEntities.push(e);
  }
  for (const e of x.entities) if (goldOf.has(e.id)) tally(proposalType(e), 'matched');
  for (const e of x.entities) if (goldOf.has(e.id) && !e.plant) hits.add(e);
  for (const e of x.entities) tally(proposalType(e), 'proposed');
  for (const e of spuriousEntities) {
    const other = golds.find((g) => sameName(namesOf(e), g.names));
    const why = !other ? 'not in gold' : other.type === proposalType(e) ? 'duplicate' : `gold has it as ${other.type}`;
    errors.push({ kind: `spurious ${proposalType(e)}${other ? ` (${why})` : ''}`, text: `${e.name} [${why}]` });
  }
  for (const g of golds.filter((c) => !taken.has(c.id)))
    errors.push({ kind: `missed ${g.type}`, text: `${g.names[0]} (${g.id})` });

  // Plants: operator and place.
  const goldPlants = golds.filter((g) => g.plant);
  const plantTaken = new Set<string>();
  let plantsMatched = 0;
  const proposedPlants = facilities.filter((e) => e.plant);
  for (const e of proposedPlants) {
    const operator = operatorOf(e);
    // A gold plant whose report gives it no place is matched by its name, as its facility is.
    const g = goldPlants.find(
      (c) =>
        !plantTaken.has(c.id) &&
        operator === c.operator &&
        (inPlace(e, c) || (!c.places.length && sameName(namesOf(e), c.names))),
    );
    if (g) {
      plantTaken.add(g.id);
      plantsMatched += 1;
      hits.add(e);
    } else {
      const place = goldPlants.find((c) => !plantTaken.has(c.id) && inPlace(e, c));
      errors.push({
        kind: place ? 'plant with the wrong operator' : 'spurious plant',
        text: `${e.name} (operator ${e.plant!.operator}${place ? `; gold: ${place.operator}` : ''})`,
      });
    }
  }
  for (const g of goldPlants.filter((c) => !plantTaken.has(c.id)))
    errors.push({ kind: 'missed plant', text: `${g.names[0]} (${g.operator} in ${g.places.join('/') || '?'})` });

  // Partnerships: parties and kind.
  const partiesKey = (ids: string[]) => [...new Set(ids)].sort().join('+');
  const goldDeals = (gold.partnerships ?? []).map((p) => ({
    id: p.id,
    kind: p.kind as string,
    parties: partiesKey((p.parties as { company: string }[]).map((q) => q.company)),
  }));
  const dealTaken = new Set<string>();
  let dealsMatched = 0;
  for (const d of x.deals) {
    const parties = partiesKey(d.parties.map((p) => goldOf.get(p.company) ?? `?${p.company}`));
    const g = goldDeals.find((c) => !dealTaken.has(c.id) && c.parties === parties && c.kind === d.kind);
    if (g) {
      dealTaken.add(g.id);
      dealsMatched += 1;
      hits.add(d);
      continue;
    }
    const sameParties = goldDeals.find((c) => !dealTaken.has(c.id) && c.parties === parties);
    errors.push({
      kind: sameParties ? 'partnership of the wrong kind' : 'spurious partnership',
      text: `${d.name} [${d.kind}: ${parties}]${sameParties ? ` gold: ${sameParties.kind}` : ''}`,
    });
  }
  for (const g of goldDeals.filter((c) => !dealTaken.has(c.id)))
    errors.push({ kind: 'missed partnership', text: `${g.id} [${g.kind}: ${g.parties}]` });

  // Milestones: year, and measure when both give one; exact measures are paired first.
  type Measure = { value: number; unit: string } | null | undefined;
  const goldMilestones = (gold.milestones ?? []).map((m) => ({
    id: m.id,
    year: m.year as number,
    measure: m.measure as Measure,
  }));
  const milestoneTaken = new Set<string>();
  const sameMeasure = (a: Measure, b: Measure) =>
    Boolean(a && b && sameNumber(a.value, b.value) && sameUnit(a.unit, b.unit));
  const pairs = x.milestones.map((m) => ({ m, g: undefined as (typeof goldMilestones)[number] | undefined }));
  for (const strict of [true, false]) {
    for (const p of pairs.filter((q) => !q.g)) {
      p.g = goldMilestones.find(
        (c) =>
          !milestoneTaken.has(c.id) &&
          c.year === p.m.year &&
          (strict ? sameMeasure(c.measure, p.m.measure) || (!c.measure && !p.m.measure) : !c.measure || !p.m.measure),
      );
      if (p.g) {
        milestoneTaken.add(p.g.id);
        hits.add(p.m);
      }
    }
  }
  const show = (m: Measure) => (m ? ` ${m.value} ${m.unit}` : '');
  for (const p of pairs.filter((q) => !q.g))
    errors.push({ kind: 'spurious milestone', text: `${p.m.name} [${p.m.year}${show(p.m.measure)}]` });
  for (const g of goldMilestones.filter((c) => !milestoneTaken.has(c.id)))
    errors.push({ kind: 'missed milestone', text: `${g.id} [${g.year}${show(g.measure)}]` });

  // Claims: value, unit and (when both give one) year.
  const goldClaims = (gold.claims ?? []).map((c) => ({
    id: c.id,
    value: c.value as number,
    unit: c.unit as string,
    year: (c.year as number | undefined) ?? null,
  }));
  const claimTaken = new Set<string>();
  let claimsMatched = 0;
  for (const c of x.claims) {
    const g = goldClaims.find(
      (k) =>
        !claimTaken.has(k.id) &&
        sameNumber(k.value, c.value) &&
        sameUnit(k.unit, c.unit) &&
        (k.year === null || c.year === null || k.year === c.year),
    );
    if (g) {
      claimTaken.add(g.id);
      claimsMatched += 1;
      hits.add(c);
    } else
      errors.push({ kind: 'spurious claim', text: `${c.subject} ${c.property} ${c.value} ${c.unit} ${c.year ?? ''}` });
  }
  for (const g of goldClaims.filter((c) => !claimTaken.has(c.id)))
    errors.push({ kind: 'missed claim', text: `${g.id} [${g.value} ${g.unit} ${g.year ?? ''}]` });

  return {
    id,
    counts: {
      entities: counts(x.entities.length, golds.length, goldOf.size),
      partnerships: counts(x.deals.length, goldDeals.length, dealsMatched),
      plants: counts(proposedPlants.length, goldPlants.length, plantsMatched),
      milestones: counts(x.milestones.length, goldMilestones.length, milestoneTaken.size),
      claims: counts(x.claims.length, goldClaims.length, claimsMatched),
    },
    byType,
    errors,
    hits,
  };
}

const add = (a: Counts, b: Counts): Counts =>
  counts(a.proposed + b.proposed, a.expected + b.expected, a.matched + b.matched);

/** Every document of a split, extracted and scored; figures are summed over all of them (micro-average). */
export function evaluateCorpus(split: Split, options: { dir?: string; known?: Known } = {}): CorpusEvaluation {
  // A cold start: the graph's records (data/ and whatever was ingested) would leak names into the measure.
  const known = options.known ?? { entities: [], deals: [] };
  const results = readCorpus(split, options.dir).map((doc) =>
    scoreDocument(doc.source.id, extractDocument(doc, known).extraction, doc.gold),
  );
  return summarize(split, results);
}

/** Figures summed over every document's counts (micro-average), overall and by entity type. */
export function summarize(split: Split, results: DocumentResult[]): CorpusEvaluation {
  const total = (kind: Kind) => results.reduce((sum, r) => add(sum, r.counts[kind]), counts(0, 0, 0));
  const types = [...new Set(results.flatMap((r) => Object.keys(r.byType)))].sort();
  return {
    split,
    documents: results.length,
    figures: Object.fromEntries(KINDS.map((k) => [k, figures(total(k))])) as CorpusEvaluation['figures'],
    byType: Object.fromEntries(
      types.map((t) => [
        t,
        figures(results.reduce((sum, r) => add(sum, r.byType[t] ?? counts(0, 0, 0)), counts(0, 0, 0))),
      ]),
    ),
    results,
  };
}

/** The object `kg evaluate --json` prints. */
export function corpusJson(e: CorpusEvaluation) {
  return {
    split: e.split,
    documents: e.documents,
    ...Object.fromEntries(KINDS.map((k) => [k, roundFigures(e.figures[k])])),
    entityTypes: Object.fromEntries(Object.entries(e.byType).map(([t, f]) => [t, roundFigures(f)])),
  } as { split: Split; documents: number } & Record<Kind, Figures> & { entityTypes: Record<string, Figures> };
}

const round = (x: number) => Math.round(x * 1000) / 1000;
/** Figures to three decimals, as the JSON outputs print them. */
export const roundFigures = (f: Figures): Figures => ({
  precision: round(f.precision),
  recall: round(f.recall),
  f1: round(f.f1),
});

/** The most common kinds of error, most frequent first. */
export function errorKinds(e: CorpusEvaluation): [string, number][] {
  const n = new Map<string, number>();
  for (const r of e.results) for (const x of r.errors) n.set(x.kind, (n.get(x.kind) ?? 0) + 1);
  return [...n.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
}

/** One row of figures: precision, recall and F1 with the counts behind them. */
export function formatFigures(name: string, f: Figures & Counts): string {
  const pct = (x: number) => `${(x * 100).toFixed(1)}%`.padStart(6);
  return `${name.padEnd(16)} P ${pct(f.precision)} (${f.matched}/${f.proposed})  R ${pct(f.recall)} (${f.matched}/${f.expected})  F1 ${pct(f.f1)}`;
}

export function formatCorpusEvaluation(e: CorpusEvaluation, options: { errors: boolean }): string {
  const out = [`${e.split}: ${e.documents} documents`];
  for (const k of KINDS) out.push(formatFigures(k, e.figures[k]));
  out.push('entities by type:');
  for (const [t, f] of Object.entries(e.byType)) out.push(formatFigures(`  ${t}`, f));
  out.push('most common errors:');
  for (const [kind, n] of errorKinds(e).slice(0, 10)) out.push(`  ${String(n).padStart(4)}  ${kind}`);
  if (options.errors) {
    for (const r of e.results) {
      if (!r.errors.length) continue;
      out.push('', `${r.id}:`);
      for (const x of r.errors) out.push(`  ${x.kind}: ${x.text}`);
    }
  }
  return out.join('\n');
}
