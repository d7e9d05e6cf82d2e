// Ready-to-run analyst operations: the playground opens each as a tab, docs/questions.md lists them
// (generated) and tests/integration/questions.test.ts checks every answer. Plain data, no DOM.
import { landscapeOperations } from './questions/landscape';
import type { AnalystOperation } from './questions/operation';
import { seedOperations } from './questions/seed';

export type { AnalystOperation };

export const analystOperations: AnalystOperation[] = [...seedOperations, ...landscapeOperations];
