/**
 * The preference rule among claims with the same subject and property, as a Cypher ORDER BY over claims
 * bound as `c`; the first of a group is preferred (the loader marks it, the lifecycle reads order by it).
 */
export const CLAIM_PREFERENCE = `CASE c.rank WHEN 'preferred' THEN 0 WHEN 'deprecated' THEN 2 ELSE 1 END,
  c.statedValue DESC, CASE c.modality WHEN 'actual' THEN 0 ELSE 1 END, c.approximate, c.id`;
