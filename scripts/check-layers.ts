/**
 * `npm run check:layers`: the source's imports point one way, and form no cycle.
 * Layers, from the top: server and resolvers → domain (curation, ingest, landscape, load, export, auth)
 * → store → db; shared leaves (graph vocabulary, rules, errors, model, config, generated types) may be
 * imported from anywhere. A store module importing a domain module, or any import cycle outside
 * generated code, fails the check with the path it found.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

const SRC = path.join(__dirname, '..', 'src');
const LAYER: Record<string, number> = {
  db: 0,
  store: 1,
  curation: 2,
  ingest: 2,
  landscape: 2,
  load: 2,
  export: 2,
  auth: 2,
};
const TOP = 3; // server, resolvers, stack, cli, context

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return name === '__generated__' ? [] : files(full);
    return name.endsWith('.ts') && !name.endsWith('.d.ts') ? [full] : [];
  });
}

const resolveImport = (from: string, spec: string): string | null => {
  if (!spec.startsWith('.')) return null;
  const base = path.resolve(path.dirname(from), spec);
  for (const candidate of [`${base}.ts`, path.join(base, 'index.ts')]) {
    try {
      if (statSync(candidate).isFile()) return candidate;
    } catch {
      // not this one
    }
  }
  return null;
};

/** Type-only imports vanish at run time, but they still tie layers together, so they count. */
const IMPORT = /^\s*(?:import|export)\s[^'"]*?from\s+'([^']+)'/gm;
const graph = new Map<string, string[]>();
for (const file of files(SRC)) {
  const text = readFileSync(file, 'utf8');
  graph.set(
    file,
    [...text.matchAll(IMPORT)].map((m) => resolveImport(file, m[1]!)).filter((f): f is string => f !== null),
  );
}

const rel = (f: string) => path.relative(SRC, f);
const layerOf = (f: string): number | null => {
  const top = rel(f).split(path.sep);
  if (top.length === 1) return ['stack.ts', 'cli.ts', 'context.ts'].includes(top[0]!) ? TOP : null;
  if (top[0] === 'server' || top[0] === 'resolvers') return TOP;
  return LAYER[top[0]!] ?? null;
};

const problems: string[] = [];
for (const [file, deps] of graph) {
  const own = layerOf(file);
  for (const dep of deps) {
    const theirs = layerOf(dep);
    if (own !== null && theirs !== null && theirs > own) problems.push(`upward import: ${rel(file)} → ${rel(dep)}`);
  }
}

const state = new Map<string, 'open' | 'done'>();
const stack: string[] = [];
function visit(file: string): void {
  state.set(file, 'open');
  stack.push(file);
  for (const dep of graph.get(file) ?? []) {
    if (state.get(dep) === 'open')
      problems.push(`cycle: ${[...stack.slice(stack.indexOf(dep)), dep].map(rel).join(' → ')}`);
    else if (!state.has(dep)) visit(dep);
  }
  stack.pop();
  state.set(file, 'done');
}
for (const file of graph.keys()) if (!state.has(file)) visit(file);

if (problems.length) {
  console.error(problems.join('\n'));
  process.exit(1);
}
console.log(`layers ok: ${graph.size} modules, imports point one way, no cycle`);
