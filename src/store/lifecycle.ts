/**
 * Deals over time and competing values: stages (what happened in the world, when), agreements that
 * replaced one another (EVOLVED_INTO), and claims with the preferred value the loader marked.
 */
import type { Database } from '../db/neo4j';
import { CLAIM_PREFERENCE } from './claims';
import type { ClaimGroupModel, ClaimModel, DealHistoryModel, PartnershipModel } from '../model';
import { fromEnum, toNode } from './rows';

/** Oldest first; on the same date, the less precise date first (`2021` before `2021-06-28`), then id. */
const STAGE_ORDER = 's.dateValue, s.id';
/** The loader's preference rule (src/load/write.ts), so lists show the preferred value first. */
const CLAIM_ORDER = `c.preferred DESC, ${CLAIM_PREFERENCE}`;

/** The deal, the agreements it replaced (farthest first) and those that replaced it; null for an unknown id. */
export async function dealHistory(db: Database, id: string): Promise<DealHistoryModel | null> {
  const [row] = await db.read<{ deal: unknown; before: unknown[]; after: unknown[] }>(
    'dealHistory',
    `/* dealHistory */
     MATCH (p:Partnership {id: $id})
     OPTIONAL MATCH q = (a:Partnership)-[:EVOLVED_INTO*1..10]->(p)
     WITH p, a, max(length(q)) AS distance
     ORDER BY distance DESC, a.announcedValue, a.id
     WITH p, [x IN collect(a) WHERE x IS NOT NULL | x {.*, labels: labels(x)}] AS before
     OPTIONAL MATCH (p)-[:EVOLVED_INTO]->(b:Partnership)
     WITH p, before, b ORDER BY b.announcedValue, b.id
     RETURN p {.*, labels: labels(p)} AS deal, before, [x IN collect(b) | x {.*, labels: labels(x)}] AS after`,
    { id },
  );
  if (!row) return null;
  const partnership = toNode(row.deal) as PartnershipModel;
  return {
    partnership,
    path: [...row.before.map((n) => toNode(n) as PartnershipModel), partnership],
    supersededBy: row.after.map((n) => toNode(n) as PartnershipModel),
  };
}

/**
 * Deals whose latest stage lapsed or was cancelled, that no stage ever made active or completed and
 * that no later agreement replaced: announced, never happened. Latest first.
 */
export async function unrealizedDeals(db: Database): Promise<PartnershipModel[]> {
  const rows = await db.read<{ p: unknown }>(
    'unrealizedDeals',
    `/* unrealizedDeals */
     MATCH (p:Partnership)-[:HAS_STAGE]->(s:Stage)
     WITH p, s ORDER BY ${STAGE_ORDER}
     WITH p, collect(s) AS stages
     WHERE stages[-1].status IN ['lapsed', 'cancelled']
       AND none(x IN stages WHERE x.status IN ['active', 'completed'])
       AND NOT EXISTS { (p)-[:EVOLVED_INTO]->(:Partnership) }
     RETURN p {.*, labels: labels(p)} AS p
     ORDER BY stages[-1].dateValue DESC, p.id`,
  );
  return rows.map((r) => toNode(r.p) as PartnershipModel);
}

/** Claims grouped by subject and property, the preferred value first in each group. */
export async function claimGroups(
  db: Database,
  subjectId: string | null,
  property: string | null,
): Promise<ClaimGroupModel[]> {
  const rows = await db.read<{ subject: unknown; claims: unknown[] }>(
    'claimGroups',
    `/* claimGroups */
     MATCH (c:Claim)-[:CLAIM_OF]->(n:Entity)
     WHERE ($subjectId IS NULL OR n.id = $subjectId) AND ($property IS NULL OR c.property = $property)
     WITH n, c ORDER BY ${CLAIM_ORDER}
     WITH n, c.property AS property, collect(c {.*, labels: labels(c)}) AS claims
     RETURN n {.*, labels: labels(n)} AS subject, claims
     ORDER BY n.id, property`,
    { subjectId, property: property ? fromEnum(property) : null },
  );
  return rows.map((r) => {
    const values = r.claims.map((c) => toNode(c) as ClaimModel);
    return { subject: toNode(r.subject), property: values[0]!.property, values };
  });
}

/** The claims of a subject narrowed as the GraphQL arguments ask: one property, or the preferred ones. */
export function narrowClaims(
  claims: ClaimModel[],
  property: string | null | undefined,
  preferredOnly: boolean | null | undefined,
): ClaimModel[] {
  return claims.filter((c) => (!property || c.property === property) && (!preferredOnly || c.preferred));
}
