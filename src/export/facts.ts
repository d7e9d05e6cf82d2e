/**
 * `kg export --format facts`: the accepted (and merged) proposals as data files in the loader's format, one source
 * (its text unchanged, and its record) and one fact file per ingested article, so reviewed facts can be
 * kept in git beside the hand-written ones and loaded anywhere with `kg load`. Each record carries the
 * graph's current values of its fields (a later correction is exported, and loading the file changes
 * nothing) and only links to records the graph holds (a proposal still pending is not exported).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import type { Database } from '../db/neo4j';
import { factsEndMarker } from '../ingest/text';
import type { SourceRecord } from '../load/sources';
import { FactRecord, readStoredRecords, reviewedSources, StoredProposal } from '../store/proposals';

/** Fields whose stored value is the record's current one, in the fact files' spelling. */
const CURRENT = ['name', 'aliases', 'description', 'kinds', 'kind', 'status', 'binding', 'modality', 'purpose'];
/** Fields of a record that hold references to other records, at any depth. */
const REFERENCE_KEYS = ['id', 'company', 'organization'];

/** Drops, at any depth, list items that name a record the graph does not hold. Quotes are left alone. */
function withoutLinksTo(value: unknown, absent: ReadonlySet<string>): unknown {
  if (Array.isArray(value)) {
    return value
      .filter((item) =>
        typeof item === 'string'
          ? !absent.has(item)
          : !(
              item &&
              typeof item === 'object' &&
              REFERENCE_KEYS.some((k) => absent.has(String((item as Record<string, unknown>)[k])))
            ),
      )
      .map((item) => withoutLinksTo(item, absent));
  }
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [k, k === 'evidence' ? v : withoutLinksTo(v, absent)]),
    );
  }
  return value;
}

function sourceRecord(props: Record<string, unknown>): SourceRecord {
  const id = props.id as string;
  const marker = factsEndMarker(props.text as string);
  const optional = (key: string) => (typeof props[key] === 'string' ? (props[key] as string) : undefined);
  return {
    id,
    kind: props.kind as string,
    title: props.title as string,
    ...(optional('publisher') ? { publisher: optional('publisher') } : {}),
    ...(optional('url') ? { url: optional('url') } : {}),
    ...(optional('publishedValue')
      ? {
          published: optional('publishedValue'),
          publishedPrecision: optional('publishedPrecision') as SourceRecord['publishedPrecision'],
        }
      : {}),
    language: props.language as string,
    textFile: `${id}.txt`,
    ...(marker ? { factsEndAt: marker } : {}),
    notes: 'Exported by `kg export --format facts` from the review queue; the text is kept unchanged.',
  };
}

export interface FactsExport {
  sources: number;
  records: number;
  files: string[];
}

/** Writes sources/<id>.txt, sources/<id>.yaml and facts/<id>.yaml under `outDir` for every reviewed article. */
export async function exportFacts(db: Database, outDir: string): Promise<FactsExport> {
  const reviewed = await reviewedSources(db);
  const accepted = (p: StoredProposal) => p.status === 'accepted' || p.status === 'edited' || p.status === 'merged';
  // A merged proposal wrote its quotes and names into the known company: its written record has that id.
  const idOf = (p: StoredProposal) => p.written?.id ?? p.recordId;
  const mentioned = reviewed.flatMap((s) => s.proposals.map(idOf));
  const stored = await readStoredRecords(db, [...new Set(mentioned)]);
  const files: string[] = [];
  let records = 0;
  for (const { props, proposals } of reviewed) {
    const source = sourceRecord(props);
    const absent = new Set(proposals.map((p) => p.recordId).filter((id) => !stored.has(id)));
    const facts: Record<string, unknown> = { source: source.id };
    for (const p of proposals.filter(accepted)) {
      const current = stored.get(idOf(p))?.props ?? {};
      const record = withoutLinksTo(p.written, absent) as FactRecord;
      for (const key of CURRENT) if (key in record && current[key] != null) record[key] = current[key];
      const section = (facts[p.section] ??= []) as FactRecord[];
      const same = section.find((r) => r.id === record.id);
      if (same) {
        // The article named one company twice (merged, or merged and accepted): one record, all quotes.
        const quotes = [...(same.evidence as unknown[]), ...(record.evidence as unknown[])];
        const distinct = new Map(quotes.map((q) => [JSON.stringify(q), q]));
        Object.assign(same, { ...record, ...same, evidence: [...distinct.values()] });
        continue;
      }
      section.push(record);
      records += 1;
    }
    const sourcesDir = path.join(outDir, 'sources');
    const factsDir = path.join(outDir, 'facts');
    mkdirSync(sourcesDir, { recursive: true });
    mkdirSync(factsDir, { recursive: true });
    const written = [
      [path.join(sourcesDir, `${source.id}.txt`), props.text as string],
      [path.join(sourcesDir, `${source.id}.yaml`), YAML.stringify(source, { lineWidth: 0 })],
      [
        path.join(factsDir, `${source.id}.yaml`),
        `# Accepted in review from ${source.id}; exported by \`kg export --format facts\`.\n` +
          YAML.stringify(facts, { lineWidth: 0 }),
      ],
    ] as const;
    for (const [file, text] of written) writeFileSync(file, text);
    files.push(...written.map(([file]) => file));
  }
  return { sources: reviewed.length, records, files };
}
