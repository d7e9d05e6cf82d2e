/** `kg`: the project's command-line tool. */
import { Command } from 'commander';
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { connect, Database } from './db/neo4j';
import { externalNeo4j, localBoltPort, paths, serverSettings } from './config';
import { LoadError } from './load/errors';
import { DEFAULT_DATA_DIR, loadData, planFiles } from './load';
import { ExportFormat, FORMATS, readGraph, toCsv, toCypher, toGraphml, toJson } from './export';
import { exportFacts } from './export/facts';
import { ingestArticle } from './ingest';
import { acceptProposals, proposalsOf, rejectProposals } from './ingest/review';
import { readArticle } from './ingest/text';
import { PROPOSAL_STATUSES, type StoredProposal } from './store/proposals';
import { agreementJson, evaluateAgreement, formatAgreement } from './ingest/agreement';
import { corpusJson, evaluateCorpus, evaluateSeed, formatCorpusEvaluation, formatEvaluation } from './ingest/evaluate';
import { trainConfidence } from './ingest/train';
import { createKey, importKeys, listKeys, revokeKey } from './auth/keys';
import { cliPrincipal, Role } from './auth/principal';
import { ensureSchema } from './store/schema';
import { startStack } from './stack';

const program = new Command('kg').description('Battery-partnership knowledge graph');

function fail(error: unknown): never {
  if (error instanceof LoadError) console.error(`kg: ${error.message}`);
  else console.error(`kg: ${(error as Error).message ?? error}`);
  process.exit(1);
}

program
  .command('validate')
  .description('check data files (schema, references inside the files, quotes) without a database')
  .argument('[path]', 'data folder or fact file', DEFAULT_DATA_DIR)
  .action((target: string) => {
    try {
      const { sources, plans } = planFiles(target);
      const quotes = plans.reduce((n, p) => n + p.evidence.length, 0);
      console.log(`ok: ${sources.length} sources, ${plans.length} fact files, ${quotes} quotes located`);
    } catch (error) {
      fail(error);
    }
  });

program
  .command('load')
  .description('load data files into Neo4j (NEO4J_URI, or the local one of `make start` on NEO4J_BOLT_PORT)')
  .argument('[path]', 'data folder or fact file', DEFAULT_DATA_DIR)
  .action((target: string) => withDatabase((db) => loadData(db, target, { log: (line) => console.log(line) })));

/** Runs `work` against NEO4J_URI, or the local Neo4j of `make start` on NEO4J_BOLT_PORT. */
async function withDatabase(work: (db: Database) => Promise<unknown>): Promise<void> {
  const db = connect(
    externalNeo4j() ?? { uri: `bolt://127.0.0.1:${localBoltPort()}`, user: 'neo4j', password: '', database: undefined },
  );
  try {
    await work(db);
  } catch (error) {
    fail(error);
  } finally {
    await db.close();
  }
}

program
  .command('ingest')
  .description('store an article as a source and put its proposed entities and facts into the review queue (in Neo4j)')
  .argument('<file>', 'the article as a UTF-8 text file')
  .option('--url <url>', 'address of the article')
  .option('--published <date>', 'publication date: YYYY, YYYY-MM or YYYY-MM-DD')
  .option('--title <title>', 'title (default: the first line)')
  .option('--publisher <name>', 'publisher')
  .option('--language <code>', 'ISO 639-1 language code', 'en')
  .option('--auto', 'accept the proposals at or above --min-confidence at once')
  .option('--min-confidence <x>', 'confidence threshold for --auto (0-1)', '0.7')
  .action(
    (
      file: string,
      o: {
        url?: string;
        published?: string;
        title?: string;
        publisher?: string;
        language: string;
        auto?: boolean;
        minConfidence: string;
      },
    ) =>
      withDatabase(async (db) => {
        const { minConfidence, auto, ...article } = o;
        const result = await ingestArticle(
          db,
          cliPrincipal(os.userInfo().username),
          { text: readArticle(file), ...article },
          { auto: Boolean(auto), minConfidence: Number(minConfidence), log: (l) => console.log(l) },
        );
        printProposals(result.proposals);
        console.log(`review: npx kg review ${result.sourceId} [--accept <id...>] [--reject <id...>]`);
      }),
  );

function printProposals(proposals: readonly StoredProposal[]): void {
  for (const p of proposals)
    console.log(
      `${p.id}  ${p.confidence.toFixed(2)}  ${p.status.padEnd(8)}  ${p.section}  ${p.recordId}${p.known ? ' (known)' : ''}`,
    );
}

program
  .command('review')
  .description("list an ingested article's proposals, and accept or reject some (as cli:<user>)")
  .argument('<source>', 'the source id `kg ingest` printed')
  .option('--accept <ids...>', 'proposals to accept')
  .option('--reject <ids...>', 'proposals to reject')
  .option('--reason <text>', 'why; kept in the revisions')
  .option('--all', 'list every proposal, not only those awaiting review')
  .action((sourceId: string, o: { accept?: string[]; reject?: string[]; reason?: string; all?: boolean }) =>
    withDatabase(async (db) => {
      const principal = cliPrincipal(os.userInfo().username);
      if (o.accept) printProposals(await acceptProposals(db, principal, { ids: o.accept, reason: o.reason }));
      if (o.reject) printProposals(await rejectProposals(db, principal, { ids: o.reject, reason: o.reason }));
      if (!o.accept && !o.reject)
        printProposals(await proposalsOf(db, sourceId, o.all ? PROPOSAL_STATUSES : ['pending']));
    }),
  );

program
  .command('export')
  .description(
    'export the graph with its evidence: json, csv (nodes.csv + edges.csv), graphml, a cypher script, or the accepted proposals as data files (facts)',
  )
  .requiredOption('--format <format>', [...FORMATS, 'facts'].join(', '))
  .option('--out <path>', 'file to write (a folder for csv and facts); default: standard output')
  .action((o: { format: ExportFormat | 'facts'; out?: string }) =>
    withDatabase(async (db) => {
      if (o.format === 'facts') {
        if (!o.out) throw new Error('--format facts writes sources/ and facts/: give a data folder with --out');
        const { sources, records } = await exportFacts(db, o.out);
        console.error(`kg: exported ${records} accepted records from ${sources} article(s) into ${o.out}`);
        return;
      }
      if (!FORMATS.includes(o.format)) throw new Error(`--format must be one of ${[...FORMATS, 'facts'].join(', ')}`);
      const graph = await readGraph(db);
      if (o.format === 'csv') {
        if (!o.out) throw new Error('--format csv writes nodes.csv and edges.csv: give a folder with --out');
        const { nodes, edges } = toCsv(graph);
        mkdirSync(o.out, { recursive: true });
        writeFileSync(path.join(o.out, 'nodes.csv'), nodes);
        writeFileSync(path.join(o.out, 'edges.csv'), edges);
      } else {
        const text = { json: toJson, graphml: toGraphml, cypher: toCypher }[o.format](graph);
        if (o.out) writeFileSync(o.out, text);
        else process.stdout.write(text);
      }
      console.error(`kg: exported ${graph.nodes.length} nodes and ${graph.edges.length} relationships as ${o.format}`);
    }),
  );

program
  .command('evaluate')
  .description(
    "precision, recall and F1 of `kg ingest` on the gold corpus (--split), listing each report's errors; without --split, on the seed article",
  )
  .argument('[source]', 'source record (data/sources/*.yaml), without --split')
  .argument('[facts]', 'curated fact file, without --split')
  .option('--split <split>', 'dev or test (corpus/split.json)')
  .option('--json', 'print one JSON object: documents, entities, partnerships, plants, milestones, claims')
  .option('--summary', 'leave out the errors of each report')
  .option(
    '--agreement [dir]',
    "instead of the extractor, score a second reader's fact files (default corpus/agreement/) against the gold files",
  )
  .action(
    (
      source: string | undefined,
      facts: string | undefined,
      o: { split?: string; json?: boolean; summary?: boolean; agreement?: string | true },
    ) => {
      try {
        if (o.agreement) {
          const result = evaluateAgreement(o.agreement === true ? undefined : o.agreement);
          console.log(
            o.json ? JSON.stringify(agreementJson(result), null, 2) : formatAgreement(result, { errors: !o.summary }),
          );
          return;
        }
        if (!o.split) {
          console.log(formatEvaluation(evaluateSeed(source, facts)));
          return;
        }
        if (o.split !== 'dev' && o.split !== 'test') throw new Error('--split must be dev or test');
        const result = evaluateCorpus(o.split);
        console.log(
          o.json ? JSON.stringify(corpusJson(result), null, 2) : formatCorpusEvaluation(result, { errors: !o.summary }),
        );
      } catch (error) {
        fail(error);
      }
    },
  );

program
  .command('train')
  .description(
    "fit the extractor's confidence on the dev split of the gold corpus; writes src/ingest/data/weights.json",
  )
  .action(() => {
    try {
      const { documents, samples } = trainConfidence();
      const positive = samples.filter((s) => s.label).length;
      console.log(`trained on ${documents} dev reports: ${samples.length} candidates, ${positive} in the gold files`);
      console.log(`weights: ${paths.ingestWeights} (measure with: npx kg evaluate --split dev)`);
    } catch (error) {
      fail(error);
    }
  });

program
  .command('start')
  .description('start Neo4j (unless NEO4J_URI is set), load data/ if it changed, serve the API and web pages')
  .option('--data <dir>', 'data folder to load when it changed (sources/ and facts/)', DEFAULT_DATA_DIR)
  .action(async (o: { data: string }) => {
    const { host, port } = serverSettings();
    try {
      const stack = await startStack({
        host,
        port,
        boltPort: localBoltPort(),
        dataDir: o.data,
        log: (line) => console.log(line),
      });
      console.log(`\nGraphQL API   ${stack.url}/graphql`);
      console.log(`Playground    ${stack.url}/playground`);
      console.log(`Dashboard     ${stack.url}/`);
      console.log(`Map           ${stack.url}/map`);
      console.log(`Explorer      ${stack.url}/explore`);
      console.log(`Neo4j (Bolt)  ${stack.neo4j.uri}`);
      console.log('\nPress Ctrl-C to stop.');
      let stopping = false;
      const stop = async (signal: string) => {
        if (stopping) return;
        stopping = true;
        console.log(`\n${signal}: stopping the API and Neo4j...`);
        await stack.stop();
        console.log('stopped cleanly.');
        process.exit(0);
      };
      process.on('SIGINT', () => void stop('SIGINT'));
      process.on('SIGTERM', () => void stop('SIGTERM'));
    } catch (error) {
      fail(error);
    }
  });

const keys = program
  .command('key')
  .description('manage API keys (hashed, in Neo4j: every API process sees a change within a second)');

keys
  .command('create')
  .description('create an API key and print it once; only its hash is stored')
  .requiredOption('--name <name>', 'who or what uses the key; recorded as the author of its changes')
  .option('--role <role>', `reader or editor`, 'editor')
  .action((options: { name: string; role: string }) =>
    withDatabase(async (db) => {
      await ensureSchema(db);
      const { key, record } = await createKey(db, options.name, options.role as Role);
      console.log(`created ${record.role} key "${record.name}" (id ${record.id})`);
      console.log('Send it as the X-API-Key header. It is shown only now:');
      console.log(key);
    }),
  );

keys
  .command('list')
  .description('list the keys: id, role, name, created, revoked (never the keys themselves)')
  .action(() =>
    withDatabase(async (db) => {
      for (const k of await listKeys(db))
        console.log(
          [
            k.id,
            k.role.padEnd(6),
            k.createdAt,
            k.revokedAt ? `revoked ${k.revokedAt} by ${k.revokedBy}` : 'active',
            k.name,
          ].join('  '),
        );
    }),
  );

keys
  .command('revoke')
  .description('revoke a key by its id (kg key list); the record stays, marked revoked')
  .argument('<id>', 'the 12 hex digits after kg_')
  .action((id: string) =>
    withDatabase(async (db) => {
      const record = await revokeKey(db, id, cliPrincipal(os.userInfo().username).subject);
      console.log(`revoked key "${record.name}" (id ${record.id}) at ${record.revokedAt}`);
    }),
  );

keys
  .command('import')
  .description('copy the hashed keys of an earlier key file (.kg/api-keys.json) into Neo4j')
  .argument('<file>', 'the key file')
  .action((file: string) =>
    withDatabase(async (db) => {
      await ensureSchema(db);
      const { imported, skipped } = await importKeys(db, file);
      console.log(
        `imported ${imported.length} key(s)${skipped.length ? `; already present: ${skipped.join(', ')}` : ''}`,
      );
    }),
  );

program.parseAsync().catch(fail);
