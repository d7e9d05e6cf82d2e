/** JSON-Schema validation of data files, with errors that name the record and the field. */
import Ajv, { ErrorObject, ValidateFunction } from 'ajv';
import factsSchema from '../../data/schema/facts.schema.json';
import sourceSchema from '../../data/schema/source.schema.json';
import { LoadError } from './errors';

const ajv = new Ajv({ allErrors: false, strict: false });
const validators: Record<'facts' | 'source', ValidateFunction> = {
  facts: ajv.compile(factsSchema),
  source: ajv.compile(sourceSchema),
};

/** "/partnerships/1/evidence/0" → record "partnerships[1] (its-id)", field "evidence[0]". */
export function locate(doc: unknown, pointer: string): { record?: string; field?: string } {
  const parts = pointer.split('/').filter(Boolean);
  if (parts.length < 2 || !/^\d+$/.test(parts[1]!)) return { field: parts.join('.') || undefined };
  const [section, index, ...rest] = parts;
  const list = (doc as Record<string, unknown[]>)[section!];
  const item = Array.isArray(list) ? (list[Number(index)] as { id?: unknown } | undefined) : undefined;
  const id = item && typeof item.id === 'string' ? ` (${item.id})` : '';
  const field = rest
    .map((p) => (/^\d+$/.test(p) ? `[${p}]` : `.${p}`))
    .join('')
    .replace(/^\./, '');
  return { record: `${section}[${index}]${id}`, field: field || undefined };
}

function describe(error: ErrorObject): string {
  if (error.keyword === 'additionalProperties') {
    return `unknown field "${(error.params as { additionalProperty: string }).additionalProperty}"`;
  }
  if (error.keyword === 'enum') {
    return `must be one of ${(error.params as { allowedValues: unknown[] }).allowedValues.join(', ')}`;
  }
  return error.message ?? 'is invalid';
}

export function validate(kind: 'facts' | 'source', file: string, doc: unknown): void {
  const check = validators[kind];
  if (check(doc)) return;
  const error = check.errors![0]!;
  const where = locate(doc, error.instancePath);
  throw new LoadError(file, where.record, where.field, describe(error));
}
