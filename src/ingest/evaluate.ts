/**
 * Precision and recall of the extractor against hand-curated facts: run on an article's raw text with
 * no knowledge of the graph (a cold start, so the curated records cannot leak in through known names),
 * then compare with the records of a fact file that quote that article.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { DEFAULT_DATA_DIR } from '../load';
import type { FactFile } from '../load/plan';
import { parseYaml, readSource } from '../load/sources';
import { extract, EntityLabel, Extraction } from './extract';

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

const SECTIONS: [keyof FactFile, EntityLabel][] = [
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
function sameName(a: string[], b: string[]): boolean {
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
    const match = gold.find((g) => g.label === e.label && sameName([e.name, ...e.aliases], g.names));
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
