/** The SDL, read from schema/ (one file per domain). */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { paths } from '../config';

export function typeDefs(): string[] {
  return readdirSync(paths.schema)
    .filter((f) => f.endsWith('.graphql'))
    .sort()
    .map((f) => readFileSync(path.join(paths.schema, f), 'utf8'));
}
