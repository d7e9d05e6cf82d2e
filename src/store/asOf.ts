/**
 * Cypher fragments for "as of a date" (the rules: src/landscape/asOf.ts). A record's state on `$asOf`
 * is the status of its latest stage on or before it; a deal without stages keeps its recorded status
 * from its announcement on (or always, when no announcement date is known).
 */

/** The status of the latest stage of `n` on or before `$asOf`, or null. */
export const stagedStatusAsOf = (n: string) => `head(COLLECT {
  MATCH (${n})-[:HAS_STAGE]->(s:Stage) WHERE s.dateValue <= $asOf
  RETURN s.status ORDER BY s.dateValue DESC, s.id DESC
})`;

/** True when `n` existed on `$asOf`: a stage by then, or (without stages) announced by then. */
export const existedAsOf = (n: string) => `(EXISTS { (${n})-[:HAS_STAGE]->(s:Stage) WHERE s.dateValue <= $asOf }
  OR (NOT EXISTS { (${n})-[:HAS_STAGE]->(:Stage) } AND coalesce(${n}.announcedValue, '') <= $asOf))`;

/** The status of `n` on `$asOf` (for a record that existed then). */
export const statusAsOf = (n: string) => `coalesce(${stagedStatusAsOf(n)}, ${n}.status)`;
