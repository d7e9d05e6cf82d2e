/**
 * `kg load`: sources first, then each fact file in its own transaction, in an order where a file
 * comes after the files whose ids it refers to. Every file is parsed, validated and planned before
 * anything is written, so most mistakes stop the load before it touches the graph.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { paths } from '../config';
import type { Database } from '../db/neo4j';
import { LoadError } from './errors';
import { buildPlan, FactFile, Plan } from './plan';
import { placeOnMap } from './geo';
import { ensureSchema } from '../store/schema';
import { parseYaml, readSource, Source } from './sources';
import { loadedHash } from '../store/graph';
import { validate } from './validate';
import { writePlan, writeSources } from './write';

export const DEFAULT_DATA_DIR = paths.data;

export interface FileResult {
  file: string;
  status: 'loaded' | 'unchanged';
  nodes: number;
  relations: number;
  evidence: number;
}

const yamlFiles = (dir: string): string[] =>
  existsSync(dir)
    ? readdirSync(dir)
        .filter((f) => /\.ya?ml$/.test(f))
        .sort()
        .map((f) => path.join(dir, f))
    : [];

/** PATH is a data folder (with sources/ and facts/) or one fact file (sources from ../sources or data/sources). */
export function resolveInputs(target: string): { root: string; sourceFiles: string[]; factFiles: string[] } {
  const abs = path.resolve(target);
  if (!existsSync(abs)) throw new LoadError(target, undefined, undefined, 'no such file or folder');
  if (statSync(abs).isDirectory()) {
    return {
      root: abs,
      sourceFiles: yamlFiles(path.join(abs, 'sources')),
      factFiles: yamlFiles(path.join(abs, 'facts')),
    };
  }
  const sibling = path.join(path.dirname(abs), '..', 'sources');
  return {
    root: path.dirname(path.dirname(abs)),
    sourceFiles: yamlFiles(existsSync(sibling) ? sibling : path.join(DEFAULT_DATA_DIR, 'sources')),
    factFiles: [abs],
  };
}

export function planFiles(target: string): {
  root: string;
  sources: Source[];
  plans: Plan[];
  hashes: Map<string, string>;
} {
  const { root, sourceFiles, factFiles } = resolveInputs(target);
  const sources = sourceFiles.map(readSource);
  const byId = new Map<string, Source>();
  for (const s of sources) {
    if (byId.has(s.id))
      throw new LoadError(s.file, undefined, 'id', `source id "${s.id}" is also declared in ${byId.get(s.id)!.file}`);
    byId.set(s.id, s);
  }
  const sourceHash = createHash('sha256');
  for (const s of sources) sourceHash.update(s.id).update(s.text);
  const hashes = new Map<string, string>();
  const plans = factFiles.map((file) => {
    const raw = readFileSync(file, 'utf8');
    const doc = parseYaml(file, raw);
    validate('facts', file, doc);
    hashes.set(file, createHash('sha256').update(raw).update(sourceHash.copy().digest('hex')).digest('hex'));
    return buildPlan(file, doc as FactFile, byId);
  });
  return { root, sources, plans: orderByDependency(plans), hashes };
}

function orderByDependency(plans: Plan[]): Plan[] {
  const owner = new Map<string, Plan>();
  for (const plan of plans) for (const node of plan.nodes) owner.set(node.id, plan);
  const ordered: Plan[] = [];
  const state = new Map<Plan, 'visiting' | 'done'>();
  const visit = (plan: Plan) => {
    if (state.get(plan) === 'done' || state.get(plan) === 'visiting') return; // cycles load in file order
    state.set(plan, 'visiting');
    for (const rel of plan.relations) {
      const dep = owner.get(rel.check.id);
      if (dep && dep !== plan) visit(dep);
    }
    state.set(plan, 'done');
    ordered.push(plan);
  };
  plans.forEach(visit);
  return ordered;
}

export interface LoadOptions {
  /** Skip files whose content (and sources) were loaded before: what `make start` does. */
  onlyChanged?: boolean;
  log?: (line: string) => void;
}

export async function loadData(
  db: Database,
  target = DEFAULT_DATA_DIR,
  options: LoadOptions = {},
): Promise<FileResult[]> {
  const log = options.log ?? (() => undefined);
  const { root, sources, plans, hashes } = planFiles(target);
  await ensureSchema(db);
  await db.write('loadSources', (tx) => writeSources(tx, sources));
  log(`sources: ${sources.length} (${sources.map((s) => s.id).join(', ')})`);

  const results: FileResult[] = [];
  for (const plan of plans) {
    // Keyed relative to the data folder, so the same file is the same record wherever the folder lives.
    const key = path.relative(root, plan.file);
    const sha256 = hashes.get(plan.file)!;
    const counts = { nodes: plan.nodes.length, relations: plan.relations.length, evidence: plan.evidence.length };
    if (options.onlyChanged) {
      if ((await loadedHash(db, key)) === sha256) {
        results.push({ file: key, status: 'unchanged', ...counts });
        log(`${key}: unchanged, skipped`);
        continue;
      }
    }
    await db.write(`loadFile ${key}`, (tx) => writePlan(tx, plan, { key, sha256 }));
    results.push({ file: key, status: 'loaded', ...counts });
    log(`${key}: ${counts.nodes} records, ${counts.relations} relations, ${counts.evidence} quotes`);
  }
  if (results.some((r) => r.status === 'loaded')) {
    const placed = await placeOnMap(db);
    log(`places: ${placed.located} of ${placed.cities} cities located in the gazetteer`);
  }
  return results;
}
