/**
 * The fixed workload: the operations analysts run, each as (1) the Cypher the raw arm sends, (2) the
 * product's GraphQL operation and (3) the nearest @neo4j/graphql operation, or why there is none.
 * `digest` reduces each arm's answer to what all arms must agree on, so correctness is checked
 * across arms before any timing.
 */
import neo4j from 'neo4j-driver';
import { COMPANY_TIMELINE, DASHBOARD } from '../src/store/aggregates';
import { NEIGHBORHOOD, SEARCH, searchParams, SHORTEST_PATH } from '../src/store/explore';
import { WELL_KNOWN } from './generate';

export type Arm = 'raw' | 'api' | 'neo4j-graphql';
export const ARMS: Arm[] = ['raw', 'api', 'neo4j-graphql'];

type Json = Record<string, unknown>;
interface GraphQLRequest {
  query: string;
  variables: Json;
}

export interface Operation {
  name: string;
  raw: { cypher: string; params: Record<string, unknown> };
  api: GraphQLRequest;
  neo4jGraphql: GraphQLRequest | { unsupported: string };
  /** What every arm's answer must agree on; `body` is the parsed HTTP response of that arm. */
  digest(arm: Arm, body: Json): unknown;
}

const YEARS = { from: 2027, to: 2030 };
/** A fixed date, so the rollup's answer does not move with the calendar. */
const CAPACITY = { from: 2024, to: 2030, asOf: '2026-06-30' };
const PAGE = 25;

const data = (body: Json) => body.data as Json;
const rows = (body: Json) => body.rows as Json[];
const sortedIds = (items: { id: string }[]) => items.map((i) => i.id).sort();

export const WORKLOAD: Operation[] = [
  {
    name: 'company',
    raw: {
      cypher: `/* benchRawCompany */
        MATCH (c:Entity {id: $id}) WHERE c:Company
        CALL (c) {
          MATCH (c)<-[:HAS_PARTY]-(p:Partnership)
          WITH p ORDER BY p.announcedValue IS NULL, p.announcedValue DESC, p.id
          RETURN count(p) AS total, collect(p)[..$first] AS page
        }
        RETURN c {.id, .name, .kinds,
          evidence: COLLECT { MATCH (c)-[:SUPPORTED_BY]->(e:Evidence) RETURN e {.id, .quote} ORDER BY e.id },
          total: total,
          partnerships: [p IN page | p {.id, .name, .kind, .status, .announcedValue,
            parties: COLLECT { MATCH (p)-[r:HAS_PARTY]->(o:Company) RETURN {role: r.role, id: o.id, name: o.name} ORDER BY o.name },
            sites: COLLECT { MATCH (p)-[:AT_SITE]->(s:Site) RETURN s {.id, .name} ORDER BY s.name },
            evidence: COLLECT { MATCH (p)-[:SUPPORTED_BY]->(e:Evidence) RETURN e {.id, .quote} ORDER BY e.id }}]
        } AS company`,
      params: { id: WELL_KNOWN.company, first: neo4j.int(PAGE) },
    },
    api: {
      query: `query Company($id: ID!, $first: Int) {
        company(id: $id) {
          id name kinds evidence { id quote }
          partnerships(first: $first) {
            totalCount
            nodes {
              id name kind status announced { value }
              parties { role company { id name } }
              sites { id name }
              evidence { id quote }
            }
          }
        }
      }`,
      variables: { id: WELL_KNOWN.company, first: PAGE },
    },
    neo4jGraphql: {
      query: `query Company($id: ID!, $first: Int) {
        companies(where: { id: { eq: $id } }) {
          id name kinds evidence { id quote }
          partnershipsConnection(first: $first, sort: [{ node: { announcedValue: DESC } }, { node: { id: ASC } }]) {
            totalCount
            edges {
              node {
                id name kind status announcedValue
                partiesConnection { edges { properties { role } node { id name } } }
                sites { id name }
                evidence { id quote }
              }
            }
          }
        }
      }`,
      variables: { id: WELL_KNOWN.company, first: PAGE },
    },
    digest(arm, body) {
      if (arm === 'raw') {
        const c = rows(body)[0]!.company as { total: number; partnerships: { id: string; parties: unknown[] }[] };
        return {
          total: c.total,
          ids: sortedIds(c.partnerships),
          parties: c.partnerships.flatMap((p) => p.parties).length,
        };
      }
      if (arm === 'api') {
        const c = data(body).company as {
          partnerships: { totalCount: number; nodes: { id: string; parties: unknown[] }[] };
        };
        const nodes = c.partnerships.nodes;
        return {
          total: c.partnerships.totalCount,
          ids: sortedIds(nodes),
          parties: nodes.flatMap((p) => p.parties).length,
        };
      }
      const [c] = data(body).companies as {
        partnershipsConnection: {
          totalCount: number;
          edges: { node: { id: string; partiesConnection: { edges: unknown[] } } }[];
        };
      }[];
      const nodes = c!.partnershipsConnection.edges.map((e) => e.node);
      return {
        total: c!.partnershipsConnection.totalCount,
        ids: sortedIds(nodes),
        parties: nodes.flatMap((p) => p.partiesConnection.edges).length,
      };
    },
  },
  {
    name: 'partnerships',
    raw: {
      cypher: `/* benchRawPartnerships */
        MATCH (n:Partnership)
        WHERE n.kind = $kind
          AND (n.announcedYear >= $from AND n.announcedYear <= $to
               OR n.startYear >= $from AND n.startYear <= $to
               OR EXISTS { (n)<-[:MILESTONE_OF]-(m:Milestone) WHERE m.year >= $from AND m.year <= $to })
        WITH n ORDER BY n.announcedValue IS NULL, n.announcedValue DESC, n.id
        WITH collect(n) AS found
        RETURN size(found) AS total, [x IN found[..$first] | x {.id, .name, .kind, .status, .announcedValue}] AS page`,
      params: { kind: 'supply', ...YEARS, first: neo4j.int(20) },
    },
    api: {
      query: `query Partnerships($from: Int, $to: Int) {
        partnerships(filter: { kind: SUPPLY, fromYear: $from, toYear: $to }, first: 20) {
          totalCount
          nodes { id name kind status announced { value } }
        }
      }`,
      variables: YEARS,
    },
    neo4jGraphql: {
      query: `query Partnerships($from: Int, $to: Int) {
        partnershipsConnection(
          first: 20
          sort: [{ announcedValue: DESC }, { id: ASC }]
          where: {
            kind: { eq: "supply" }
            OR: [
              { announcedYear: { gte: $from, lte: $to } }
              { startYear: { gte: $from, lte: $to } }
              { milestones: { some: { year: { gte: $from, lte: $to } } } }
            ]
          }
        ) {
          totalCount
          edges { node { id name kind status announcedValue } }
        }
      }`,
      variables: YEARS,
    },
    digest(arm, body) {
      if (arm === 'raw') return { total: rows(body)[0]!.total };
      if (arm === 'api') return { total: (data(body).partnerships as { totalCount: number }).totalCount };
      return { total: (data(body).partnershipsConnection as { totalCount: number }).totalCount };
    },
  },
  {
    name: 'timeline',
    raw: {
      cypher: COMPANY_TIMELINE.replace('/* timeline of company */', '/* benchRawTimeline */'),
      params: { ...YEARS, companyId: WELL_KNOWN.company },
    },
    api: {
      query: `query Timeline($from: Int, $to: Int, $companyId: ID) {
        timeline(from: $from, to: $to, companyId: $companyId) {
          year date kind title
          milestone { id due }
          partnership { id name }
        }
      }`,
      variables: { ...YEARS, companyId: WELL_KNOWN.company },
    },
    // No union of dated events: milestones and partnerships come as two lists the client merges.
    neo4jGraphql: {
      query: `query Timeline($from: Int, $to: Int, $companyId: ID!) {
        milestones(
          where: {
            year: { gte: $from, lte: $to }
            OR: [
              { companies: { some: { id: { eq: $companyId } } } }
              { partnerships: { some: { parties: { some: { id: { eq: $companyId } } } } } }
              { projects: { some: { owners: { some: { id: { eq: $companyId } } } } } }
            ]
          }
          sort: [{ year: ASC }, { name: ASC }]
        ) { id year due partnerships { id name } }
        partnerships(
          where: {
            parties: { some: { id: { eq: $companyId } } }
            OR: [{ announcedYear: { gte: $from, lte: $to } }, { startYear: { gte: $from, lte: $to } }]
          }
        ) { id name announcedYear startYear }
      }`,
      variables: { ...YEARS, companyId: WELL_KNOWN.company },
    },
    digest(arm, body) {
      if (arm === 'raw') return { entries: rows(body).length };
      if (arm === 'api') return { entries: (data(body).timeline as unknown[]).length };
      const d = data(body) as {
        milestones: unknown[];
        partnerships: { announcedYear: number | null; startYear: number | null }[];
      };
      const within = (y: number | null) => y !== null && y >= YEARS.from && y <= YEARS.to;
      return {
        entries:
          d.milestones.length +
          d.partnerships.filter((p) => within(p.announcedYear)).length +
          d.partnerships.filter((p) => within(p.startYear)).length,
      };
    },
  },
  {
    name: 'search',
    raw: {
      cypher: SEARCH.replace('/* search */', '/* benchRawSearch */'),
      params: searchParams(WELL_KNOWN.searchText, 10),
    },
    api: {
      query: `query Search($text: String!) { search(text: $text, first: 10) { score node { __typename id name } } }`,
      variables: { text: WELL_KNOWN.searchText },
    },
    neo4jGraphql: {
      unsupported: 'full-text queries are per type (@fulltext); no ranked search across all types',
    },
    digest(arm, body) {
      if (arm === 'raw') return rows(body).map((r) => (r.n as { id: string }).id);
      return (data(body).search as { node: { id: string } }[]).map((h) => h.node.id);
    },
  },
  {
    name: 'neighborhood',
    raw: {
      cypher: NEIGHBORHOOD[1]!.replace('/* neighborhood depth 2 */', '/* benchRawNeighborhood */'),
      params: { id: WELL_KNOWN.hub, limit: neo4j.int(200) },
    },
    api: {
      query: `query Neighborhood($id: ID!) {
        neighborhood(id: $id, depth: 2, limit: 200) { nodes { __typename id name } edges { source target type } }
      }`,
      variables: { id: WELL_KNOWN.hub },
    },
    neo4jGraphql: { unsupported: 'no variable-depth traversal across types (only fixed nested selections)' },
    digest(arm, body) {
      const g = arm === 'raw' ? rows(body)[0]! : (data(body).neighborhood as Json);
      return { nodes: (g.nodes as unknown[]).length };
    },
  },
  {
    name: 'shortestPath',
    raw: {
      cypher: SHORTEST_PATH[5]!.replace('/* shortestPath max 6 */', '/* benchRawShortestPath */'),
      params: { fromId: WELL_KNOWN.company, toId: WELL_KNOWN.other },
    },
    api: {
      query: `query Path($from: ID!, $to: ID!) {
        shortestPath(fromId: $from, toId: $to, maxLength: 6) { nodes { __typename id name } edges { source target type } }
      }`,
      variables: { from: WELL_KNOWN.company, to: WELL_KNOWN.other },
    },
    neo4jGraphql: { unsupported: 'no shortest-path query' },
    digest(arm, body) {
      const g = arm === 'raw' ? rows(body)[0] : (data(body).shortestPath as Json | null);
      return { hops: g ? (g.nodes as unknown[]).length - 1 : null };
    },
  },
  {
    name: 'capacity',
    raw: {
      // The rollup's rules (src/landscape/capacity.ts) in Cypher: per plant the stages and the usable
      // capacity claims as of the date, then per year the claim for the latest year not after it
      // (planned) and, for a plant still producing, the one for that year or the date's (operating).
      cypher: `/* benchRawCapacity */
        MATCH (n:Plant)
        CALL (n) {
          OPTIONAL MATCH (n)-[:HAS_STAGE]->(s:Stage)
          WITH s ORDER BY s.dateValue, s.id
          RETURN count(s) AS stages, [x IN collect(s) WHERE x.dateValue <= $asOf | x {.status, year: toInteger(left(x.dateValue, 4))}] AS until
        }
        CALL (n) {
          OPTIONAL MATCH (n)<-[:CLAIM_OF]-(c:Claim)
          WHERE c.property IN ['capacity-target', 'initial-capacity', 'capacity'] AND c.statedValue <= $asOf
            AND coalesce(c.rank, 'normal') <> 'deprecated' AND toLower(c.unit) IN ['gwh', 'mwh']
          WITH c, coalesce(c.year, toInteger(left(c.statedValue, 4))) AS year
          ORDER BY year DESC, CASE c.rank WHEN 'preferred' THEN 0 ELSE 1 END, c.statedValue DESC,
                   CASE c.modality WHEN 'actual' THEN 0 ELSE 1 END, c.id
          RETURN collect({year: year, gwh: c.value * CASE toLower(c.unit) WHEN 'gwh' THEN 1.0 ELSE 0.001 END}) AS known
        }
        WITH n, until, known WHERE NOT (size(until) = 0 AND (stages > 0 OR size(known) = 0))
        WITH n, known, until[-1].status AS status,
             [x IN until WHERE x.status <> 'sold'][-1].status IN ['production-started', 'expanded'] AS running,
             [x IN until WHERE x.status IN ['production-started', 'expanded']][0] AS started
        WHERE status IS NULL OR status <> 'cancelled'
        WITH known, CASE WHEN running AND started IS NOT NULL THEN started.year END AS producing,
             head(COLLECT { MATCH (n)-[:LOCATED_IN*1..6]->(c:Site {kind: 'country'}) RETURN c {.id, .name} }) AS country
        UNWIND range($from, $to) AS year
        WITH year, producing, country, [c IN known WHERE c.year <= year][0] AS claim,
             [c IN known WHERE c.year <= CASE WHEN year < $asOfYear THEN year ELSE $asOfYear END][0] AS now
        WHERE claim IS NOT NULL
        WITH coalesce(country.id, 'UNKNOWN') AS key, coalesce(country.name, 'unknown') AS label, year,
             sum(claim.gwh) AS planned,
             sum(CASE WHEN producing <= year AND now IS NOT NULL THEN now.gwh ELSE 0 END) AS operating,
             count(*) AS plants
        ORDER BY label, key, year
        WITH collect({key: key, label: label, year: year, planned: round(planned, 3), operating: round(operating, 3), plants: plants}) AS figures
        RETURN figures, COLLECT {
          UNWIND figures AS f
          WITH f.year AS year, sum(f.planned) AS planned, sum(f.operating) AS operating, sum(f.plants) AS plants
          RETURN {year: year, planned: round(planned, 3), operating: round(operating, 3), plants: plants} ORDER BY year
        } AS totals`,
      params: {
        ...CAPACITY,
        from: neo4j.int(CAPACITY.from),
        to: neo4j.int(CAPACITY.to),
        asOfYear: neo4j.int(Number(CAPACITY.asOf.slice(0, 4))),
      },
    },
    api: {
      query: `query Capacity($from: Int!, $to: Int!, $asOf: String) {
        capacity(groupBy: COUNTRY, from: $from, to: $to, asOf: $asOf) {
          figures { key label year planned operating plants }
          totals { year planned operating plants }
        }
      }`,
      variables: CAPACITY,
    },
    neo4jGraphql: { unsupported: 'no group-by aggregation or per-year step function over claims' },
    digest(arm, body) {
      const report = arm === 'raw' ? rows(body)[0]! : (data(body).capacity as Json);
      const line = (f: Json) => [f.key, f.year, f.planned, f.operating, f.plants].join('|');
      const t = (f: Json) => [f.year, f.planned, f.operating, f.plants].join('|');
      return {
        figures: (report.figures as Json[]).map(line).sort(),
        totals: (report.totals as Json[]).map(t),
      };
    },
  },
  {
    name: 'dashboard',
    raw: { cypher: DASHBOARD.replace('/* dashboard */', '/* benchRawDashboard */'), params: {} },
    api: {
      query: `query Dashboard {
        dashboard {
          totals { companies people sites projects partnerships milestones sources evidence }
          partnershipsByKind { key count }
          partnershipsByStatus { key count }
          partnershipsByBinding { key count }
          companiesByKind { key count }
          announcementsByYear { year count }
          milestonesByYear { year count }
        }
      }`,
      variables: {},
    },
    neo4jGraphql: { unsupported: 'no group-by aggregation (only counts and min/max per type)' },
    digest(arm, body) {
      if (arm === 'raw') {
        const t = rows(body)[0]!.totals as Record<string, number>;
        return Object.values(t).reduce((a, b) => a + b, 0);
      }
      const t = (data(body).dashboard as { totals: Record<string, number> }).totals;
      return Object.values(t).reduce((a, b) => a + b, 0);
    },
  },
];
