/**
 * Model-based test of "nothing lost" (issue #11), against the real product: fast-check generates
 * sequences of curation mutations (real HTTP to an API process of its own), ingested fictional reports
 * (some accepted at once), reloads of a copy of the data folder (some after a fact file changed, some
 * with a source text changed), and kills of the API
 * process (also in the middle of a mutation) and of Neo4j (SIGKILL, restarted on the same store).
 * After every step it checks, against the database:
 * - the (fact, quote) pairs never shrink, except by a removal a new revision records;
 * - no stored text changes;
 * - every record with a new revision replays: each field's revisions chain (one's `after` is the next
 *   one's `before`) and the last `after` is the stored value;
 * - the model's prediction: what the mutation stores, whether it is refused, whether it records a
 *   revision (none without a change; reordering a list is no change), and that a reload of unchanged
 *   files changes nothing while a changed file's value wins, recorded by `loader:<file>`.
 * KG_MODEL_STEPS sets the number of steps (default 2,000); KG_MODEL_SEED replays a failure's seed.
 */
import fc from 'fast-check';
import jwt from 'jsonwebtoken';
import { createHash } from 'node:crypto';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import YAML from 'yaml';
import { externalNeo4j } from '../../src/config';
import { freePort, LocalNeo4j, startLocalNeo4j } from '../../src/db/local';
import { connect, Database, plain } from '../../src/db/neo4j';
import { DEFAULT_DATA_DIR, loadData } from '../../src/load';
import { LINK_FIELDS } from '../../src/graph/vocabulary';
import { linkState, recordFields, sameMeaning } from '../../src/store/revisions';
import { ApiProcess, startApiProcess } from '../support/api-process';

jest.setTimeout(1_200_000);

const STEPS = Number(process.env.KG_MODEL_STEPS ?? 2000);
const SEED = process.env.KG_MODEL_SEED === undefined ? undefined : Number(process.env.KG_MODEL_SEED);
const LENGTH = 50;
const JWT = { key: 'model-test-secret-of-at-least-32-bytes!!', issuer: 'https://id.example.test', audience: 'kg' };
const STATUSES = ['ANNOUNCED', 'SIGNED', 'ACTIVE', 'IN_DISCUSSION', 'COMPLETED', 'LAPSED', 'CANCELLED'];
const KINDS = ['STRATEGIC_COOPERATION', 'LETTER_OF_INTENT', 'MEMORANDUM', 'SUPPLY', 'RESEARCH', 'JOINT_VENTURE'];
const BINDINGS = ['BINDING', 'NON_BINDING', 'UNKNOWN'];
const ROLES = ['PARTNER', 'BUYER', 'SUPPLIER', 'DEVELOPER', 'INVESTOR'];
const COMPANY_KINDS = ['AUTOMAKER', 'BATTERY_MAKER', 'START_UP', 'SUPPLIER', 'OTHER'];
const ALIASES = ['Alpha Cells', 'Beta Batteries', 'Gamma', 'Delta Energy'];
const NEW_SOURCES = [
  ['Model source one. Alpha Cells and Verkor agreed to build a pilot line in Grenoble.', 'Model source one, v2.'],
  ['Model source two. Beta Batteries will supply cells to Renault Group from 2026 onwards.', 'Model source two, v2.'],
];

/**
 * Fictional reports for `ingestArticle`: two texts under each title and date, so a second text under
 * the same title and date must be stored beside the first, never over it. Every company and town is
 * invented, so accepted proposals add records of their own and leave the model's records alone.
 */
const ARTICLES = [
  [
    'Fictional model report. Quellwerk Motors signed a letter of intent with the start-up Zellfabrik Nord for a gigafactory in Testhaven. The gigafactory will have a capacity of 12 GWh by 2029.',
    'Fictional model report, second text. Quellwerk Motors and Zellfabrik Nord dropped their plan for Testhaven.',
  ],
  [
    'Fictional model report. Ostlicht Cells will supply battery cells to Brauner Automobile from 2028, the companies said.',
    'Fictional model report, second text. Ostlicht Cells opened its plant in Probestadt.',
  ],
];

const stored = (value: string) => value.toLowerCase().replace(/_/g, '-');
const ownNeo4j = externalNeo4j() === undefined;

let tmp: string;
let dataDir: string;
let neo4j: LocalNeo4j;
let db: Database;
let api: ApiProcess;
let apiPort: number;

const apiEnv = () => ({
  NEO4J_URI: neo4j.settings.uri,
  KG_JWT_SECRET: JWT.key,
  KG_JWT_ISSUER: JWT.issuer,
  KG_JWT_AUDIENCE: JWT.audience,
});

beforeAll(async () => {
  if (!ownNeo4j) return;
  tmp = mkdtempSync(path.join(os.tmpdir(), 'kg-model-'));
  dataDir = path.join(tmp, 'data');
  seedData(dataDir);
  neo4j = await startLocalNeo4j({ storeDir: path.join(tmp, 'store'), port: await freePort() });
  db = connect(neo4j.settings);
  apiPort = await freePort();
  api = await startApiProcess(dataDir, apiPort, apiEnv());
}, 300_000);

afterAll(async () => {
  await api?.stop();
  await db?.close();
  await neo4j?.stop();
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

/**
 * The seed article's fact files and the sources they quote: the rules are the same for any size of
 * graph, and a small one reloads in about a second, so the run spends its time on steps.
 */
function seedData(dir: string): void {
  const facts = ['renault-2021.yaml', 'lifecycle-2021-2025.yaml', 'announcements-2021.yaml'];
  const cited = new Set<string>();
  const collect = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(collect);
    else if (value !== null && typeof value === 'object') {
      for (const [key, inner] of Object.entries(value)) {
        if (key === 'source' && typeof inner === 'string') cited.add(inner);
        else collect(inner);
      }
    }
  };
  mkdirSync(path.join(dir, 'facts'), { recursive: true });
  mkdirSync(path.join(dir, 'sources'), { recursive: true });
  for (const file of facts) {
    cpSync(path.join(DEFAULT_DATA_DIR, 'facts', file), path.join(dir, 'facts', file));
    collect(YAML.parse(readFileSync(path.join(DEFAULT_DATA_DIR, 'facts', file), 'utf8')));
  }
  const sources = path.join(DEFAULT_DATA_DIR, 'sources');
  for (const file of readdirSync(sources).filter((f) => f.endsWith('.yaml'))) {
    const record = YAML.parse(readFileSync(path.join(sources, file), 'utf8')) as { id: string; textFile?: string };
    if (!cited.has(record.id)) continue;
    for (const name of [file, record.textFile].filter((f): f is string => f !== undefined)) {
      cpSync(path.join(sources, name), path.join(dir, 'sources', name));
    }
  }
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- replies are checked field by field
type Reply = { data?: any; errors?: { message: string; extensions?: { code?: string; argument?: string } }[] };

const token = () =>
  jwt.sign({ roles: ['editor'] }, JWT.key, {
    algorithm: 'HS256',
    issuer: JWT.issuer,
    audience: JWT.audience,
    expiresIn: 3600,
    subject: 'model-curator',
  });

async function post(query: string, variables: Record<string, unknown> = {}): Promise<Reply> {
  const response = await fetch(`${api.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token()}` },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as Reply;
}

async function read<R>(cypher: string, params: Record<string, unknown> = {}): Promise<R[]> {
  return (await db.read<Record<string, unknown>>('modelTest', cypher, params)).map((r) => plain(r) as R);
}

// ---------------------------------------------------------------------------------------------------
// The model: what the records the test edits hold, in stored spelling.

interface Deal {
  status: string;
  kind: string;
  binding: string;
  purpose: string | null;
  parties: Record<string, string>;
  sites: string[];
  projects: string[];
  evidence: string[];
}
interface Company {
  name: string;
  aliases: string[];
  kinds: string[];
  description: string | null;
  basedIn: string[];
  evidence: string[];
}
interface Model {
  deals: Map<string, Deal>;
  companies: Map<string, Company>;
  sites: string[];
  projects: string[];
  /** Quotes that occur in a stored source, with the evidence id the server gives them. */
  quotes: { sourceId: string; quote: string; evidenceId: string }[];
  /** The text each model source was first stored with. */
  modelSources: Map<number, string>;
}

async function readDeals(ids?: string[]): Promise<Map<string, Deal>> {
  const rows = await read<{ id: string } & Omit<Deal, 'parties'> & { parties: [string, string][] }>(
    `MATCH (p:Partnership) WHERE $ids IS NULL OR p.id IN $ids
     RETURN p.id AS id, p.status AS status, p.kind AS kind, p.binding AS binding, p.purpose AS purpose,
            [(p)-[r:HAS_PARTY]->(c) | [c.id, r.role]] AS parties,
            [(p)-[:AT_SITE]->(s) | s.id] AS sites, [(p)-[:SERVES]->(x) | x.id] AS projects,
            [(p)-[:SUPPORTED_BY]->(e) | e.id] AS evidence`,
    { ids: ids ?? null },
  );
  return new Map(rows.map(({ id, parties, ...deal }) => [id, { ...deal, parties: Object.fromEntries(parties) }]));
}

async function readCompanies(ids?: string[]): Promise<Map<string, Company>> {
  const rows = await read<{ id: string } & Company>(
    `MATCH (c:Company) WHERE $ids IS NULL OR c.id IN $ids
     RETURN c.id AS id, c.name AS name, coalesce(c.aliases, []) AS aliases, coalesce(c.kinds, []) AS kinds,
            c.description AS description, [(c)-[:BASED_IN]->(s) | s.id] AS basedIn,
            [(c)-[:SUPPORTED_BY]->(e) | e.id] AS evidence`,
    { ids: ids ?? null },
  );
  return new Map(rows.map(({ id, ...company }) => [id, company]));
}

function sentences(sourceId: string, text: string): Model['quotes'] {
  return text
    .split(/(?<=[.!?])\s+/)
    .filter((s) => s.length >= 20 && s.length <= 300 && !s.includes('\n'))
    .slice(0, 6)
    .map((quote) => {
      const start = text.indexOf(quote);
      return { sourceId, quote, evidenceId: `ev-${sourceId}-${start}-${start + quote.length}` };
    });
}

async function readModel(modelSources: Map<number, string>): Promise<Model> {
  const sources = await read<{ id: string; text: string }>('MATCH (s:Source) RETURN s.id AS id, s.text AS text');
  return {
    deals: await readDeals(),
    companies: await readCompanies(),
    sites: (await read<{ id: string }>('MATCH (s:Site) RETURN s.id AS id ORDER BY id')).map((r) => r.id),
    projects: (await read<{ id: string }>('MATCH (p:Project) RETURN p.id AS id ORDER BY id')).map((r) => r.id),
    quotes: sources.sort((a, b) => a.id.localeCompare(b.id)).flatMap((s) => sentences(s.id, s.text)),
    modelSources,
  };
}

// ---------------------------------------------------------------------------------------------------
// The invariants, read from the database.

interface Observed {
  /** `<record> <field> <other end or -> <evidence id>` for every quote that supports a fact. */
  pairs: Set<string>;
  /** sha256 of every stored text. */
  texts: Map<string, string>;
  revisions: number;
}

async function observe(): Promise<Observed> {
  const [row] = await read<{
    supported: [string, string][];
    links: [string, string, string, string[]][];
    dated: [string, string, string[]][];
    texts: [string, string][];
    revisions: number;
  }>(
    `CALL () { MATCH (n:Entity)-[:SUPPORTED_BY]->(e:Evidence) RETURN collect([n.id, e.id]) AS supported }
     CALL () {
       MATCH (a:Entity)-[r]->(b:Entity) WHERE size(coalesce(r.evidenceIds, [])) > 0
       RETURN collect([type(r), a.id, b.id, r.evidenceIds]) AS links
     }
     CALL () {
       MATCH (n:Entity) UNWIND [k IN keys(n) WHERE k ENDS WITH 'EvidenceIds'] AS key
       RETURN collect([n.id, key, n[key]]) AS dated
     }
     CALL () { MATCH (s:Source) RETURN collect([s.id, s.text]) AS texts }
     CALL () { MATCH (r:Revision) RETURN count(r) AS revisions }
     RETURN supported, links, dated, texts, revisions`,
  );
  const pairs = new Set<string>();
  for (const [id, e] of row!.supported) pairs.add(`${id} evidence - ${e}`);
  for (const [type, from, to, ids] of row!.links) {
    const owner = LINK_FIELDS[type];
    if (!owner) continue;
    const [record, other] = owner.on === 'from' ? [from, to] : [to, from];
    for (const e of ids) pairs.add(`${record} ${owner.field} ${other} ${e}`);
  }
  for (const [id, key, ids] of row!.dated) {
    for (const e of ids) pairs.add(`${id} ${key.replace(/EvidenceIds$/, '')} - ${e}`);
  }
  const texts = new Map(row!.texts.map(([id, text]) => [id, createHash('sha256').update(text).digest('hex')]));
  return { pairs, texts, revisions: row!.revisions };
}

interface RevisionRow {
  id: string;
  entityId: string;
  changedBy: string;
  changes: { field: string; before: string | null; after: string | null }[];
}

async function revisionsAfter(count: number): Promise<RevisionRow[]> {
  // Revisions are only ever added, so the newest `total - count` are the ones since the last look.
  const rows = await read<{ id: string; entityId: string; changedBy: string; changes: string; n: number }>(
    `MATCH (r:Revision) WITH r ORDER BY r.changedAt, r.id
     WITH collect(r) AS all UNWIND all[$count..] AS r
     RETURN r.id AS id, r.entityId AS entityId, r.changedBy AS changedBy, r.changes AS changes`,
    { count },
  );
  return rows.map((r) => ({ ...r, changes: JSON.parse(r.changes) as RevisionRow['changes'] }));
}

/** The pairs a revision removes on purpose: quotes of links it removed or of a value it replaced. */
function removedBy(revision: RevisionRow): Set<string> {
  const removed = new Set<string>();
  for (const change of revision.changes) {
    const before = change.before === null ? null : (JSON.parse(change.before) as unknown);
    const after = change.after === null ? null : (JSON.parse(change.after) as unknown);
    if (Array.isArray(before) && before.every((l) => typeof l === 'object' && l !== null && 'evidenceIds' in l)) {
      const kept = new Map(((after as { id: string; evidenceIds: string[] }[]) ?? []).map((l) => [l.id, l]));
      for (const link of before as { id: string; evidenceIds: string[] }[]) {
        for (const e of link.evidenceIds) {
          if (!kept.get(link.id)?.evidenceIds.includes(e)) {
            removed.add(`${revision.entityId} ${change.field} ${link.id} ${e}`);
          }
        }
      }
    } else if (before !== null && typeof before === 'object' && 'evidenceIds' in before) {
      const kept = (after as { evidenceIds?: string[] } | null)?.evidenceIds ?? [];
      for (const e of (before as { evidenceIds: string[] }).evidenceIds) {
        if (!kept.includes(e)) removed.add(`${revision.entityId} ${change.field} - ${e}`);
      }
    }
  }
  return removed;
}

/** A record as its revisions show it: fields, quotes and links. */
async function shown(id: string): Promise<Record<string, unknown>> {
  const [row] = await read<{
    props: Record<string, unknown>;
    evidence: string[];
    links: [string, boolean, string, Record<string, unknown>][];
  }>(
    `MATCH (n:Entity {id: $id})
     RETURN properties(n) AS props, COLLECT { MATCH (n)-[:SUPPORTED_BY]->(e) RETURN e.id } AS evidence,
            COLLECT { MATCH (n)-[r]-(m:Entity) WHERE type(r) IN $types
                      RETURN [type(r), startNode(r) = n, m.id, properties(r)] } AS links`,
    { id, types: Object.keys(LINK_FIELDS) },
  );
  const state: Record<string, unknown> = { ...recordFields(row!.props), evidence: row!.evidence };
  for (const [type, outgoing, other, props] of row!.links) {
    const { field, on } = LINK_FIELDS[type]!;
    if (outgoing !== (on === 'from')) continue;
    state[field] = [...((state[field] as unknown[] | undefined) ?? []), linkState(other, props)];
  }
  return state;
}

const REVIEW_EVENTS = new Set(['ingestion', 'proposal', 'links']);

/** History, read back over HTTP, replays to the stored record: each field's changes chain up to its value. */
async function expectReplays(id: string): Promise<void> {
  const reply = await post(
    `query ($id: ID!) { history(id: $id) { operation changedBy changedAt changes { field before after } } }`,
    { id },
  );
  expect(reply.errors).toBeUndefined();
  const last = new Map<string, unknown>();
  for (const revision of reply.data.history as { changes: RevisionRow['changes'] }[]) {
    for (const change of revision.changes) {
      // Ingestion and review record their events beside the fields (what an article yielded, which
      // proposal a decision took, the links it wrote): each stands alone, and none is a stored value.
      if (REVIEW_EVENTS.has(change.field)) continue;
      const before = change.before === null ? null : JSON.parse(change.before);
      if (last.has(change.field) && !sameMeaning(last.get(change.field), before)) {
        throw new Error(
          `${id}.${change.field}: a revision's before ${change.before} is not the previous after; history: ${JSON.stringify(reply.data.history)}`,
        );
      }
      last.set(change.field, change.after === null ? null : JSON.parse(change.after));
    }
  }
  const state = await shown(id);
  const lists = new Set(['evidence', ...Object.values(LINK_FIELDS).map((l) => l.field)]);
  for (const [field, value] of last) {
    if (!sameMeaning(value, state[field] ?? (lists.has(field) ? [] : null))) {
      throw new Error(
        `${id}.${field}: history ends at ${JSON.stringify(value)}, stored ${JSON.stringify(state[field])}`,
      );
    }
  }
}

function expectSame(label: string, actual: unknown, expected: unknown): void {
  if (!sameMeaning(actual, expected)) {
    throw new Error(`${label}: stored ${JSON.stringify(actual)}, the model says ${JSON.stringify(expected)}`);
  }
}

// ---------------------------------------------------------------------------------------------------
// Steps.

const pick = <T>(items: readonly T[], n: number): T => items[n % items.length]!;
const subset = <T>(items: readonly T[], bits: number): T[] => items.filter((_, i) => (bits >> i) & 1);
const nat = (max = 1000) => fc.nat({ max });
const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined, freq: 2 });

const stepArb = fc.oneof(
  {
    weight: 240,
    arbitrary: fc.record({
      kind: fc.constant('updatePartnership' as const),
      deal: nat(),
      status: maybe(nat()),
      dealKind: maybe(nat()),
      binding: maybe(nat()),
      purpose: maybe(nat(3)),
      parties: maybe(fc.record({ mode: fc.constantFrom('same', 'reorder', 'roles', 'replace'), n: nat() })),
      sites: maybe(nat(255)),
      projects: maybe(nat(63)),
      quote: maybe(nat()),
    }),
  },
  {
    weight: 160,
    arbitrary: fc.record({
      kind: fc.constant('upsertCompany' as const),
      company: nat(),
      fresh: fc.boolean(),
      name: maybe(nat(3)),
      aliases: maybe(fc.oneof(nat(15), fc.constant(-1))),
      kinds: maybe(nat(31)),
      description: maybe(nat(3)),
      basedIn: maybe(nat(255)),
      quote: maybe(nat()),
    }),
  },
  { weight: 80, arbitrary: fc.record({ kind: fc.constant('attachEvidence' as const), target: nat(), quote: nat() }) },
  {
    weight: 40,
    arbitrary: fc.record({
      kind: fc.constant('createPartnership' as const),
      n: nat(5),
      parties: fc.tuple(nat(), nat()),
      quote: nat(),
    }),
  },
  { weight: 40, arbitrary: fc.record({ kind: fc.constant('addSource' as const), n: nat(1), variant: nat(1) }) },
  { weight: 16, arbitrary: fc.record({ kind: fc.constant('reload' as const) }) },
  { weight: 10, arbitrary: fc.record({ kind: fc.constant('editFile' as const), record: nat(), value: nat(2) }) },
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('changeSourceText' as const), source: nat() }) },
  {
    weight: 12,
    arbitrary: fc.record({ kind: fc.constant('ingest' as const), n: nat(1), variant: nat(1), auto: fc.boolean() }),
  },
);
/** A kill, while a mutation of a deal (to a status) may be in flight, `delayMs` after it was sent. */
const killArb = (kind: 'killApi' | 'killNeo4j') =>
  fc.record({ kind: fc.constant(kind), deal: nat(), status: nat(), delayMs: nat(40) });
type Step =
  | (typeof stepArb extends fc.Arbitrary<infer S> ? S : never)
  | (ReturnType<typeof killArb> extends fc.Arbitrary<infer K> ? K : never);

/**
 * A sequence of steps. Kills cost seconds (a JVM or an API process starting), so they come at a fixed
 * rate, each at a place in its sequence and with a timing fast-check chooses: the API process in every
 * tenth sequence (from the fifth) and Neo4j in every twentieth (from the fourteenth).
 */
const sequenceArb = fc.record({
  steps: fc.array(stepArb, { minLength: LENGTH, maxLength: LENGTH }),
  killApi: fc.tuple(nat(LENGTH - 1), killArb('killApi')),
  killNeo4j: fc.tuple(nat(LENGTH - 1), killArb('killNeo4j')),
});

type Sequence = typeof sequenceArb extends fc.Arbitrary<infer Q> ? Q : never;

function stepsOf(sequence: Sequence, index: number): Step[] {
  const steps: Step[] = [...sequence.steps];
  if (index % 10 === 4) steps.splice(sequence.killApi[0], 0, sequence.killApi[1]);
  if (index % 20 === 13) steps.splice(sequence.killNeo4j[0], 0, sequence.killNeo4j[1]);
  return steps;
}

const DEAL_FIELDS = `id status kind binding purpose parties { company { id } role } sites { id } projects { id } evidence { id }`;

/** What the step's record must hold afterwards (stored spelling) and whether it records a revision. */
interface Expectation {
  id: string;
  revision: boolean;
}

class Run {
  readonly counts = new Map<string, number>();
  steps = 0;
  sequences = 0;
  private model!: Model;
  private seen!: Observed;

  async startSequence(): Promise<void> {
    this.sequences += 1;
    this.model = await readModel(this.model?.modelSources ?? new Map());
    this.seen = await observe();
  }

  /** Milliseconds spent per kind of step: running it, then checking. */
  readonly times = new Map<string, [number, number]>();

  async step(step: Step): Promise<void> {
    this.steps += 1;
    this.counts.set(step.kind, (this.counts.get(step.kind) ?? 0) + 1);
    const started = performance.now();
    const expectation = await this.run(step);
    const ran = performance.now();
    await this.check(step, expectation);
    const [run, check] = this.times.get(step.kind) ?? [0, 0];
    this.times.set(step.kind, [run + ran - started, check + performance.now() - ran]);
  }

  private quote(n: number) {
    return pick(this.model.quotes, n);
  }

  private async run(step: Step): Promise<Expectation | 'nothing' | 'unknown' | 'resync'> {
    switch (step.kind) {
      case 'updatePartnership':
        return this.updatePartnership(step);
      case 'upsertCompany':
        return this.upsertCompany(step);
      case 'attachEvidence': {
        const ids = [...this.model.deals.keys(), ...this.model.companies.keys()].sort();
        const id = pick(ids, step.target);
        const quote = this.quote(step.quote);
        const record = this.model.deals.get(id) ?? this.model.companies.get(id)!;
        const reply = await post(`mutation ($input: AttachEvidenceInput!) { attachEvidence(input: $input) { id } }`, {
          input: { entityId: id, quote: { sourceId: quote.sourceId, quote: quote.quote } },
        });
        expect(reply.errors).toBeUndefined();
        expect(reply.data.attachEvidence.id).toBe(quote.evidenceId);
        const revision = !record.evidence.includes(quote.evidenceId);
        record.evidence = [...new Set([...record.evidence, quote.evidenceId])];
        return { id, revision };
      }
      case 'createPartnership':
        return this.createPartnership(step);
      case 'addSource': {
        const id = `model-source-${step.n + 1}`;
        const text = NEW_SOURCES[step.n]![step.variant]!;
        const first = this.model.modelSources.get(step.n);
        const reply = await post(`mutation ($input: SourceInput!) { addSource(input: $input) { id text } }`, {
          input: { id, title: `Model source ${step.n + 1}`, text },
        });
        if (first !== undefined && first !== text) {
          expect(reply.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'input.id' });
          return 'nothing';
        }
        expect(reply.errors).toBeUndefined();
        expect(reply.data.addSource.text).toBe(text);
        if (first === undefined) {
          this.model.modelSources.set(step.n, text);
          this.model.quotes.push(...sentences(id, text));
          return { id, revision: true };
        }
        return { id, revision: false };
      }
      case 'ingest': {
        // Accepted proposals (auto) write records with revisions the model does not predict; the checks
        // after the step still hold them to the invariants: no quote lost, no text changed, history replays.
        const text = ARTICLES[step.n]![step.variant]!;
        const reply = await post(
          `mutation ($input: IngestArticleInput!) { ingestArticle(input: $input) { source { id text } } }`,
          { input: { title: `Fictional model report ${step.n + 1}`, published: '2026-11-30', text, auto: step.auto } },
        );
        expect(reply.errors).toBeUndefined();
        expect(reply.data.ingestArticle.source.text).toBe(text);
        return 'unknown';
      }
      case 'reload':
        await loadData(db, dataDir);
        return 'nothing';
      case 'editFile':
        return this.editFile(step);
      case 'changeSourceText': {
        const files = readdirSync(path.join(dataDir, 'sources')).filter((f) => f.endsWith('.txt'));
        const file = path.join(dataDir, 'sources', pick(files.sort(), step.source));
        const original = readFileSync(file, 'utf8');
        writeFileSync(file, `${original}\nA sentence added after the text was stored.`);
        try {
          await expect(loadData(db, dataDir)).rejects.toThrow(/stored with another text/);
        } finally {
          writeFileSync(file, original);
        }
        return 'nothing';
      }
      case 'killApi':
        await this.killDuringMutation(step, async () => {
          await api.kill();
          api = await startApiProcess(dataDir, apiPort, apiEnv());
        });
        return 'resync';
      case 'killNeo4j':
        await this.killDuringMutation(step, async () => {
          await neo4j.kill();
          await neo4j.restart();
          // The same API process answers again once Neo4j is back.
          const deadline = Date.now() + 120_000;
          for (;;) {
            const reply = await post('{ partnership(id: "renault-verkor-batteries") { id } }').catch(() => undefined);
            if (reply?.data?.partnership) break;
            if (Date.now() > deadline) throw new Error(`no answer after Neo4j restarted: ${JSON.stringify(reply)}`);
            await new Promise((resolve) => setTimeout(resolve, 250));
          }
        });
        return 'resync';
    }
  }

  /** Kills something while a mutation may be in flight: it applies whole or not at all. */
  private async killDuringMutation(step: { deal: number; status: number; delayMs: number }, kill: () => Promise<void>) {
    const id = pick([...this.model.deals.keys()].sort(), step.deal);
    const inFlight = post(
      `mutation { updatePartnership(input: { id: "${id}", status: ${pick(STATUSES, step.status)} }) { id } }`,
    ).catch(() => undefined);
    await new Promise((resolve) => setTimeout(resolve, step.delayMs));
    await kill();
    await inFlight;
  }

  private async updatePartnership(step: Extract<Step, { kind: 'updatePartnership' }>): Promise<Expectation> {
    const id = pick([...this.model.deals.keys()].sort(), step.deal);
    const deal = this.model.deals.get(id)!;
    const next: Deal = structuredClone(deal);
    const input: Record<string, unknown> = { id };
    if (step.status !== undefined) next.status = stored((input.status = pick(STATUSES, step.status)));
    if (step.dealKind !== undefined) next.kind = stored((input.kind = pick(KINDS, step.dealKind)));
    if (step.binding !== undefined) next.binding = stored((input.binding = pick(BINDINGS, step.binding)));
    if (step.purpose !== undefined) next.purpose = (input.purpose = `Purpose ${step.purpose}`) as string;
    if (step.parties !== undefined) {
      const current = Object.entries(deal.parties);
      let parties: [string, string][];
      if (step.parties.mode === 'same' || current.length < 2) parties = current;
      else if (step.parties.mode === 'reorder') parties = [...current].reverse();
      else if (step.parties.mode === 'roles')
        parties = current.map(([c], i) => [c, stored(pick(ROLES, step.parties!.n + i))]);
      else {
        const companies = [...this.model.companies.keys()].sort();
        const a = pick(companies, step.parties.n);
        const b = pick(
          companies.filter((c) => c !== a),
          step.parties.n >> 3,
        );
        parties = [
          [a, current[0]?.[1] ?? 'partner'],
          [b, stored(pick(ROLES, step.parties.n >> 6))],
        ];
      }
      if (parties.length >= 2) {
        input.parties = parties.map(([companyId, role]) => ({
          companyId,
          role: role.toUpperCase().replace(/-/g, '_'),
        }));
        next.parties = Object.fromEntries(parties);
      }
    }
    if (step.sites !== undefined) next.sites = input.siteIds = subset(this.model.sites, step.sites) as string[];
    if (step.projects !== undefined)
      next.projects = input.projectIds = subset(this.model.projects, step.projects) as string[];
    if (step.quote !== undefined) {
      const quote = this.quote(step.quote);
      input.evidence = [{ sourceId: quote.sourceId, quote: quote.quote }];
      next.evidence = [...new Set([...next.evidence, quote.evidenceId])];
    }
    const reply = await post(
      `mutation ($input: UpdatePartnershipInput!) { updatePartnership(input: $input) { ${DEAL_FIELDS} } }`,
      {
        input,
      },
    );
    expect(reply.errors).toBeUndefined();
    this.model.deals.set(id, next);
    // The answer is what a fresh read gives: no stale cache.
    const answer = reply.data.updatePartnership;
    expect(stored(answer.status)).toBe(next.status);
    expect(
      Object.fromEntries(
        answer.parties.map((p: { company: { id: string }; role: string }) => [p.company.id, stored(p.role)]),
      ),
    ).toEqual(next.parties);
    expect(answer.sites.map((s: { id: string }) => s.id).sort()).toEqual([...next.sites].sort());
    return { id, revision: !sameMeaning(deal, next) };
  }

  private async upsertCompany(step: Extract<Step, { kind: 'upsertCompany' }>): Promise<Expectation> {
    const known = [...this.model.companies.keys()].sort();
    const id = step.fresh ? `model-company-${step.company % 4}` : pick(known, step.company);
    const company = this.model.companies.get(id);
    const next: Company = company
      ? structuredClone(company)
      : { name: '', aliases: [], kinds: [], description: null, basedIn: [], evidence: [] };
    const input: Record<string, unknown> = { id };
    if (step.name !== undefined || !company)
      next.name = (input.name = `Model company ${id} ${step.name ?? 0}`) as string;
    if (step.aliases !== undefined) {
      // -1: the stored aliases in another order, which is no change.
      const aliases = step.aliases === -1 ? [...next.aliases].reverse() : subset(ALIASES, step.aliases);
      next.aliases = input.aliases = aliases;
    }
    if (step.kinds !== undefined) {
      const kinds = subset(COMPANY_KINDS, step.kinds);
      input.kinds = kinds;
      next.kinds = kinds.map(stored);
    }
    if (step.description !== undefined)
      next.description = (input.description = `Description ${step.description}`) as string;
    if (step.basedIn !== undefined) next.basedIn = input.basedIn = subset(this.model.sites, step.basedIn) as string[];
    if (step.quote !== undefined) {
      const quote = this.quote(step.quote);
      input.evidence = [{ sourceId: quote.sourceId, quote: quote.quote }];
      next.evidence = [...new Set([...next.evidence, quote.evidenceId])];
    }
    const reply = await post(
      `mutation ($input: CompanyInput!) { upsertCompany(input: $input) { id name aliases kinds } }`,
      {
        input,
      },
    );
    expect(reply.errors).toBeUndefined();
    this.model.companies.set(id, next);
    return { id, revision: !company || !sameMeaning(company, next) };
  }

  private async createPartnership(
    step: Extract<Step, { kind: 'createPartnership' }>,
  ): Promise<Expectation | 'nothing'> {
    const id = `model-deal-${step.n + 1}`;
    const companies = [...this.model.companies.keys()].sort();
    const a = pick(companies, step.parties[0]);
    const b = pick(
      companies.filter((c) => c !== a),
      step.parties[1],
    );
    const quote = this.quote(step.quote);
    const reply = await post(
      `mutation ($input: CreatePartnershipInput!) { createPartnership(input: $input) { ${DEAL_FIELDS} } }`,
      {
        input: {
          id,
          name: `Model deal ${step.n + 1}`,
          kind: 'SUPPLY',
          status: 'ANNOUNCED',
          parties: [
            { companyId: a, role: 'BUYER' },
            { companyId: b, role: 'SUPPLIER' },
          ],
          evidence: [{ sourceId: quote.sourceId, quote: quote.quote }],
        },
      },
    );
    if (this.model.deals.has(id)) {
      expect(reply.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'input.id' });
      return 'nothing';
    }
    expect(reply.errors).toBeUndefined();
    this.model.deals.set(id, {
      status: 'announced',
      kind: 'supply',
      binding: 'unknown',
      purpose: null,
      parties: { [a]: 'buyer', [b]: 'supplier' },
      sites: [],
      projects: [],
      evidence: [quote.evidenceId],
    });
    return { id, revision: true };
  }

  /** Changes a partnership's purpose or a company's description in a fact file, then reloads the folder. */
  private async editFile(step: Extract<Step, { kind: 'editFile' }>): Promise<Expectation | 'nothing'> {
    const targets: { file: string; section: 'partnerships' | 'companies'; index: number; id: string }[] = [];
    const factsDir = path.join(dataDir, 'facts');
    const docs = new Map<string, Record<string, { id: string; [k: string]: unknown }[]>>();
    for (const name of readdirSync(factsDir).sort()) {
      const file = path.join(factsDir, name);
      const doc = YAML.parse(readFileSync(file, 'utf8')) as Record<string, { id: string }[]>;
      docs.set(file, doc);
      for (const section of ['partnerships', 'companies'] as const) {
        (doc[section] ?? []).forEach((rec, index) => targets.push({ file, section, index, id: rec.id }));
      }
    }
    const target = pick(targets, step.record);
    const doc = docs.get(target.file)!;
    const rec = doc[target.section]![target.index]!;
    const field = target.section === 'partnerships' ? 'purpose' : 'description';
    const value = `Revised in the file ${step.value}`;
    const changed = rec[field] !== value;
    rec[field] = value;
    writeFileSync(target.file, YAML.stringify(doc, { lineWidth: 0 }));
    await loadData(db, dataDir);
    if (!changed) return 'nothing';
    const record =
      target.section === 'partnerships' ? this.model.deals.get(target.id)! : this.model.companies.get(target.id)!;
    const before = field === 'purpose' ? (record as Deal).purpose : (record as Company).description;
    if (field === 'purpose') (record as Deal).purpose = value;
    else (record as Company).description = value;
    const revisions = await revisionsAfter(this.seen.revisions);
    expect(revisions.filter((r) => r.entityId !== target.id)).toEqual([]);
    const byFile = revisions.filter(
      (r) => r.entityId === target.id && r.changedBy === `loader:facts/${path.basename(target.file)}`,
    );
    // The file changed since its last load, so its value wins; what it replaced stays in the revision.
    expect(byFile.flatMap((r) => r.changes.filter((c) => c.field === field))).toEqual(
      before === value
        ? []
        : [{ field, before: before === null ? null : JSON.stringify(before), after: JSON.stringify(value) }],
    );
    return 'nothing';
  }

  private async check(step: Step, expectation: Expectation | 'nothing' | 'unknown' | 'resync'): Promise<void> {
    const now = await observe();
    const revisions = now.revisions === this.seen.revisions ? [] : await revisionsAfter(this.seen.revisions);
    expect(revisions.length).toBe(now.revisions - this.seen.revisions);

    // Quotes: nothing lost but by a revisioned removal.
    const allowed = new Set(revisions.flatMap((r) => [...removedBy(r)]));
    const lost = [...this.seen.pairs].filter((p) => !now.pairs.has(p) && !allowed.has(p));
    if (lost.length > 0)
      throw new Error(`step ${step.kind} lost quotes without a revision: ${lost.slice(0, 5).join('; ')}`);

    // Stored texts: never changed, never gone.
    for (const [id, sha] of this.seen.texts) expect(now.texts.get(id)).toBe(sha);

    // Revisions: only with a change, and history replays for every record that has a new one.
    if (expectation === 'nothing') {
      if (step.kind !== 'editFile') expect(revisions).toEqual([]);
    } else if (typeof expectation === 'object') {
      expect(revisions.filter((r) => r.entityId === expectation.id).length).toBe(expectation.revision ? 1 : 0);
    }
    for (const id of new Set(revisions.map((r) => r.entityId))) await expectReplays(id);

    // The model: after a kill the mutation in flight may or may not have applied, so read it back.
    if (expectation === 'resync') {
      const fresh = await readModel(this.model.modelSources);
      this.model.deals = fresh.deals;
    }
    if (
      typeof expectation === 'object' ||
      ['reload', 'editFile', 'killNeo4j', 'changeSourceText'].includes(step.kind)
    ) {
      const ids = typeof expectation === 'object' ? [expectation.id] : undefined;
      const deals = ids && !this.model.deals.has(ids[0]!) ? new Map<string, Deal>() : await readDeals(ids);
      const companies =
        ids && !this.model.companies.has(ids[0]!) ? new Map<string, Company>() : await readCompanies(ids);
      for (const [id, deal] of deals) expectSame(`${step.kind}: ${id}`, deal, this.model.deals.get(id) ?? deal);
      for (const [id, company] of companies) {
        expectSame(`${step.kind}: ${id}`, company, this.model.companies.get(id) ?? company);
      }
    }
    this.seen = now;
  }
}

(ownNeo4j ? describe : describe.skip)('nothing lost under random curation, ingestion, reloads and kills', () => {
  it(`keeps every quote and text, and replays history, over ${STEPS} steps`, async () => {
    const run = new Run();
    const started = performance.now();
    await fc.assert(
      fc.asyncProperty(sequenceArb, async (sequence) => {
        const steps = stepsOf(sequence, run.sequences);
        await run.startSequence();
        for (const step of steps) await run.step(step);
      }),
      { numRuns: Math.ceil(STEPS / LENGTH), endOnFailure: true, ...(SEED === undefined ? {} : { seed: SEED }) },
    );
    const seconds = Math.round((performance.now() - started) / 1000);
    const kinds = [...run.counts]
      .map(([k, n]) => {
        const [ran, checked] = run.times.get(k)!.map((ms) => Math.round(ms / n));
        return `${k} ${n} (${ran} + ${checked} ms each)`;
      })
      .join(', ');
    console.log(`model-based test: ${run.sequences} sequences, ${run.steps} steps in ${seconds} s (${kinds})`);
    expect(run.steps).toBeGreaterThanOrEqual(STEPS);
  });
});
