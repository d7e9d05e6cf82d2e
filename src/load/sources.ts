/** Reads source records (data/sources/*.yaml) and the text each one holds. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import { LoadError } from './errors';
import { validate } from './validate';

export interface SourceRecord {
  id: string;
  title: string;
  kind: string;
  publisher?: string;
  url?: string;
  published?: string;
  publishedPrecision?: 'year' | 'month' | 'day';
  language: string;
  translation?: { machine: boolean; originalLanguage?: string; note?: string };
  textFile?: string;
  excerpt?: string;
  factsEndAt?: string;
  notes?: string;
}

export interface Source extends SourceRecord {
  file: string;
  text: string;
  /** Quotes must end at or before this offset (reader comments and page furniture come after). */
  factsEnd: number;
}

export function parseYaml(file: string, raw: string): unknown {
  try {
    return YAML.parse(raw, { prettyErrors: true });
  } catch (error) {
    throw new LoadError(file, undefined, undefined, `not valid YAML: ${(error as Error).message}`);
  }
}

export function readSource(file: string): Source {
  const record = parseYaml(file, readFileSync(file, 'utf8')) as SourceRecord;
  validate('source', file, record);
  const text = record.textFile
    ? readFileSync(path.resolve(path.dirname(file), record.textFile), 'utf8')
    : record.excerpt!;
  let factsEnd = text.length;
  if (record.factsEndAt) {
    factsEnd = text.indexOf(record.factsEndAt);
    if (factsEnd < 0) throw new LoadError(file, undefined, 'factsEndAt', 'does not occur in the source text');
  }
  return { ...record, file, text, factsEnd };
}
