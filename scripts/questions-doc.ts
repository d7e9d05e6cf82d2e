/**
 * Writes docs/questions.md from web/src/operations.ts (the playground's analyst operations), so the
 * page can never drift from what the playground runs and tests/integration/questions.test.ts checks.
 * `npm run docs:questions` writes it; `npm run docs:check` fails when it is stale.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { analystOperations } from '../web/src/operations';

const lines = [
  '# Analyst questions',
  '',
  '<!-- Generated from web/src/operations.ts by `npm run docs:questions`: do not edit. -->',
  '',
  `${analystOperations.length} questions an analyst asks, each with the operation that answers it. The playground`,
  'opens every one as a ready-to-run tab, and `tests/integration/questions.test.ts` runs each against the',
  'real Neo4j with `data/` loaded and checks the answer stated here.',
  '',
];
analystOperations.forEach((op, i) => {
  lines.push(`## ${i + 1}. ${op.question}`, '');
  if (op.answer) lines.push(`**Answer:** ${op.answer}`, '');
  lines.push('```graphql', op.query.trimEnd(), '```', '');
  if (op.variables) lines.push('Variables:', '', '```json', op.variables, '```', '');
});
writeFileSync(path.join(__dirname, '..', 'docs', 'questions.md'), lines.join('\n'));
