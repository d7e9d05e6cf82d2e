/**
 * `kg export`: the whole graph with its evidence (sources, quotes, offsets) for other tools: JSON, CSV
 * (nodes and edges, in the column names Gephi imports), GraphML and a Cypher script that rebuilds it in
 * another Neo4j. Loader bookkeeping (which data files were loaded) is not part of the graph.
 */
import neo4j from 'neo4j-driver';
import type { Database } from '../db/neo4j';
import { allEdges, allNodes } from '../store/graph';

export const FORMATS = ['json', 'csv', 'graphml', 'cypher'] as const;
export type ExportFormat = (typeof FORMATS)[number];

/** A property value as stored: Neo4j integers stay distinguishable from floats for the Cypher script. */
type Value = string | number | boolean | null | { int: number } | Value[];

export interface ExportNode {
  id: string;
  labels: string[];
  properties: Record<string, Value>;
}

export interface ExportEdge {
  source: string;
  target: string;
  type: string;
  properties: Record<string, Value>;
}

export interface ExportGraph {
  nodes: ExportNode[];
  edges: ExportEdge[];
}

function value(raw: unknown): Value {
  if (neo4j.isInt(raw)) return { int: (raw as { toNumber(): number }).toNumber() };
  if (Array.isArray(raw)) return raw.map(value);
  if (typeof raw === 'string' || typeof raw === 'number' || typeof raw === 'boolean') return raw;
  if (raw === null || raw === undefined) return null;
  // Temporal values (e.g. a revision's timestamp) travel as their ISO text.
  return String(raw);
}

const values = (props: Record<string, unknown>) =>
  Object.fromEntries(
    Object.entries(props)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([k, v]) => [k, value(v)]),
  );

/** The JSON spelling of a value: integers as plain numbers. */
const plainValue = (v: Value): unknown =>
  Array.isArray(v) ? v.map(plainValue) : v !== null && typeof v === 'object' ? v.int : v;

export async function readGraph(db: Database): Promise<ExportGraph> {
  const nodes = await allNodes(db);
  const edges = await allEdges(db);
  return {
    nodes: nodes.map((n) => ({ id: n.props.id as string, labels: n.labels.sort(), properties: values(n.props) })),
    edges: edges.map((e) => ({ source: e.source, target: e.target, type: e.type, properties: values(e.props) })),
  };
}

export function toJson(graph: ExportGraph): string {
  const plain = (p: Record<string, Value>) => Object.fromEntries(Object.entries(p).map(([k, v]) => [k, plainValue(v)]));
  return `${JSON.stringify(
    {
      nodes: graph.nodes.map((n) => ({ ...n, properties: plain(n.properties) })),
      edges: graph.edges.map((e) => ({ ...e, properties: plain(e.properties) })),
    },
    null,
    2,
  )}\n`;
}

/**
 * Text that a spreadsheet would run as a formula (`=…`, `+…`, `-…`, `@…`) gets a leading apostrophe:
 * names and quotes come from editors and reports, and a CSV is opened in Excel.
 */
const FORMULA = /^[=+\-@\t\r]/;
const csvCell = (v: unknown): string => {
  const raw = v === null || v === undefined ? '' : Array.isArray(v) ? v.join('|') : String(v);
  const text = typeof v === 'string' && FORMULA.test(raw) ? `'${raw}` : raw;
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};
export const csvRows = (header: string[], rows: unknown[][]) =>
  [header, ...rows].map((r) => r.map(csvCell).join(',')).join('\n') + '\n';

/** nodes.csv and edges.csv: Gephi's Id/Label and Source/Target/Type/Label columns, then every property (lists joined by |). */
export function toCsv(graph: ExportGraph): { nodes: string; edges: string } {
  const keys = (items: { properties: Record<string, Value> }[]) =>
    [...new Set(items.flatMap((i) => Object.keys(i.properties)))].filter((k) => k !== 'id').sort();
  const nodeKeys = keys(graph.nodes);
  const edgeKeys = keys(graph.edges);
  return {
    nodes: csvRows(
      ['Id', 'Label', 'labels', ...nodeKeys],
      graph.nodes.map((n) => [
        n.id,
        plainValue(n.properties.name ?? n.id),
        n.labels,
        ...nodeKeys.map((k) => plainValue(n.properties[k] ?? null)),
      ]),
    ),
    edges: csvRows(
      ['Source', 'Target', 'Type', 'Label', ...edgeKeys],
      graph.edges.map((e) => [
        e.source,
        e.target,
        'Directed',
        e.type,
        ...edgeKeys.map((k) => plainValue(e.properties[k] ?? null)),
      ]),
    ),
  };
}

const xml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** GraphML: one key per property; lists are written as JSON text, which GraphML has no type for. */
export function toGraphml(graph: ExportGraph): string {
  const typeOf = (v: Value) =>
    typeof v === 'boolean'
      ? 'boolean'
      : typeof v === 'number'
        ? 'double'
        : v !== null && typeof v === 'object' && !Array.isArray(v)
          ? 'long'
          : 'string';
  const keyLines: string[] = [];
  const keyIds = new Map<string, string>();
  const declare = (scope: 'node' | 'edge', items: { properties: Record<string, Value> }[], extra: string[]) => {
    const types = new Map<string, string>(extra.map((k) => [k, 'string']));
    for (const i of items)
      for (const [k, v] of Object.entries(i.properties)) {
        const t = typeOf(v);
        if (v !== null) types.set(k, types.has(k) && types.get(k) !== t ? 'string' : t);
      }
    for (const [k, t] of [...types.entries()].sort()) {
      const id = `${scope[0]}_${k}`;
      keyIds.set(`${scope}:${k}`, id);
      keyLines.push(`  <key id="${id}" for="${scope}" attr.name="${xml(k)}" attr.type="${t}"/>`);
    }
  };
  declare('node', graph.nodes, ['labels']);
  declare('edge', graph.edges, ['label']);
  const data = (scope: 'node' | 'edge', props: Record<string, Value>) =>
    Object.entries(props)
      .filter(([, v]) => v !== null)
      .map(([k, v]) => {
        const text = Array.isArray(v) ? JSON.stringify(plainValue(v)) : String(plainValue(v));
        return `<data key="${keyIds.get(`${scope}:${k}`)}">${xml(text)}</data>`;
      })
      .join('');
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns">',
    ...keyLines,
    '  <graph id="battery-kg" edgedefault="directed">',
    ...graph.nodes.map(
      (n) => `    <node id="${xml(n.id)}">${data('node', { labels: n.labels.join(':'), ...n.properties })}</node>`,
    ),
    ...graph.edges.map(
      (e, i) =>
        `    <edge id="e${i}" source="${xml(e.source)}" target="${xml(e.target)}">${data('edge', { label: e.type, ...e.properties })}</edge>`,
    ),
    '  </graph>',
    '</graphml>',
    '',
  ].join('\n');
}

/** A Cypher literal; integers without a fraction, floats always with one, so types survive the trip. */
function literal(v: Value): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return `[${v.map(literal).join(', ')}]`;
  if (typeof v === 'object') return String(v.int);
  if (typeof v === 'number') return Number.isInteger(v) && !/e/.test(String(v)) ? `${v}.0` : String(v);
  if (typeof v === 'boolean') return String(v);
  return `'${v.replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/\n/g, '\\n').replace(/\r/g, '\\r')}'`;
}
const map = (props: Record<string, Value>) =>
  `{${Object.entries(props)
    .map(([k, v]) => `\`${k.replace(/`/g, '``')}\`: ${literal(v)}`)
    .join(', ')}}`;
const label = (name: string) => `\`${name.replace(/`/g, '``')}\``;

/** Statements of at most this many rows, so no single statement grows past what a server accepts. */
const BATCH = 200;

/**
 * A script for cypher-shell (or any driver, one statement per `;`-terminated line): the id constraint,
 * then the nodes and the relationships in batches. Every statement is on one line.
 */
export function toCypher(graph: ExportGraph): string {
  const lines = [
    '// Battery-partnership knowledge graph, exported by `kg export --format cypher`. Run in an empty database.',
    'CREATE CONSTRAINT entity_id IF NOT EXISTS FOR (n:Entity) REQUIRE n.id IS UNIQUE;',
  ];
  const groups = new Map<string, ExportNode[]>();
  for (const n of graph.nodes) groups.set(n.labels.join(':'), [...(groups.get(n.labels.join(':')) ?? []), n]);
  for (const [labels, nodes] of groups)
    for (let i = 0; i < nodes.length; i += BATCH) {
      const rows = nodes.slice(i, i + BATCH).map((n) => map(n.properties));
      const set = ['Entity', ...labels.split(':').filter(Boolean)].map(label).join(':');
      lines.push(`UNWIND [${rows.join(', ')}] AS row CREATE (n:${set}) SET n = row;`);
    }
  const types = new Map<string, ExportEdge[]>();
  for (const e of graph.edges) types.set(e.type, [...(types.get(e.type) ?? []), e]);
  for (const [type, edges] of types)
    for (let i = 0; i < edges.length; i += BATCH) {
      const rows = edges
        .slice(i, i + BATCH)
        .map((e) => `{s: ${literal(e.source)}, t: ${literal(e.target)}, p: ${map(e.properties)}}`);
      lines.push(
        `UNWIND [${rows.join(', ')}] AS row MATCH (a:Entity {id: row.s}) MATCH (b:Entity {id: row.t}) CREATE (a)-[r:${label(type)}]->(b) SET r = row.p;`,
      );
    }
  return `${lines.join('\n')}\n`;
}

/** The statements of a script written by toCypher, for running them through a driver. */
export const cypherStatements = (script: string): string[] =>
  script
    .split('\n')
    .filter((line) => line.trim() && !line.startsWith('//'))
    .map((line) => line.replace(/;\s*$/, ''));
