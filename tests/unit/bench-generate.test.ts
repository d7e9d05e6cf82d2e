/** The benchmark's synthetic graph: same seed, same graph; the sizes and degrees the workload relies on. */
import { Batch, generate, WELL_KNOWN } from '../../bench/generate';

function summarise(batches: Iterable<Batch>) {
  const ids = new Set<string>();
  const degree = new Map<string, number>();
  let relationships = 0;
  let dangling = 0;
  const rels: { from: string; to: string }[] = [];
  for (const batch of batches) {
    if (batch.kind === 'nodes') for (const row of batch.rows) ids.add(row.id);
    else {
      relationships += batch.rows.length;
      rels.push(...batch.rows);
      if (batch.type === 'HAS_PARTY') for (const r of batch.rows) degree.set(r.to, (degree.get(r.to) ?? 0) + 1);
    }
  }
  for (const r of rels) if (!ids.has(r.from) || !ids.has(r.to)) dangling += 1;
  return { nodes: ids.size, relationships, degree, dangling };
}

test('the same seed gives the same batches', () => {
  const a = JSON.stringify([...generate(3000, 7, 500)]);
  expect(JSON.stringify([...generate(3000, 7, 500)])).toBe(a);
  expect(JSON.stringify([...generate(3000, 8, 500)])).not.toBe(a);
});

test('about the requested number of nodes, unique ids, no dangling relationships, all nodes first', () => {
  const batches = [...generate(10000)];
  const { nodes, relationships, degree, dangling } = summarise(batches);
  expect(nodes).toBeGreaterThan(9500);
  expect(nodes).toBeLessThan(10500);
  expect(relationships).toBeGreaterThan(nodes);
  expect(dangling).toBe(0);
  expect(batches.findIndex((b) => b.kind === 'relationships')).toBeGreaterThan(
    batches.map((b) => b.kind).lastIndexOf('nodes'),
  );
  // Skewed: the hub has many deals, the fixed companies exactly their degree.
  expect(degree.get(WELL_KNOWN.hub)).toBeGreaterThan(100);
  expect(degree.get(WELL_KNOWN.company)).toBe(WELL_KNOWN.companyDegree);
  expect(degree.get(WELL_KNOWN.other)).toBe(WELL_KNOWN.otherDegree);
});
