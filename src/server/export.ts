/**
 * GET /export/<table>.csv|xlsx: the dashboard's landscape tables as files, computed like the API's fields.
 * Parameters are the API's arguments with the API's checks; a bad one is answered 400 with the API's
 * error shape (`BAD_USER_INPUT`, `extensions.argument` naming it). Reads need what /graphql reads need.
 */
import type { IncomingHttpHeaders } from 'node:http';
import { Router, type Request, type Response } from 'express';
import { GraphQLError } from 'graphql';
import type { Principal } from '../auth';
import type { Database } from '../db/neo4j';
import { BadUserInputError } from '../errors';
import { tableCsv, workbook } from '../export/sheets';
import {
  CAPACITY_GROUPS,
  capacityExport,
  cellMakersExport,
  plantsByStatusExport,
  type CapacityParameters,
  type Export,
} from '../landscape/tables';

type Parameters = Record<string, string | number>;

const whole = (name: string, value: string): number => {
  if (!/^-?\d{1,9}$/.test(value)) throw new BadUserInputError(name, `"${value.slice(0, 20)}" is not a whole number.`);
  return Number(value);
};
const day = (_name: string, value: string): string => value;
const group = (name: string, value: string): string => {
  if (!(CAPACITY_GROUPS as readonly string[]).includes(value)) {
    throw new BadUserInputError(name, `must be one of ${CAPACITY_GROUPS.join(', ')}; got "${value.slice(0, 20)}".`);
  }
  return value;
};

/** Each table: its parameters (name → parser; range checks are the domain's, as for the API) and its rows. */
const TABLES: Record<
  string,
  {
    parameters: Record<string, (name: string, value: string) => string | number>;
    rows(db: Database, p: Parameters): Promise<Export>;
  }
> = {
  capacity: {
    parameters: { groupBy: group, from: whole, to: whole, asOf: day },
    // `group` let only a CapacityGroup through.
    rows: (db, p) => capacityExport(db, p as CapacityParameters),
  },
  'plants-by-status': { parameters: { asOf: day }, rows: plantsByStatusExport },
  'cell-makers': { parameters: { asOf: day, year: whole, first: whole }, rows: cellMakersExport },
};

function parameters(query: Request['query'], known: (typeof TABLES)[string]['parameters']): Parameters {
  const parsed: Parameters = {};
  for (const [name, value] of Object.entries(query)) {
    const parse = known[name];
    if (!parse) {
      throw new BadUserInputError(name, `is not a parameter of this table; use ${Object.keys(known).join(', ')}.`);
    }
    if (typeof value !== 'string') throw new BadUserInputError(name, 'must be given once, as a plain value.');
    parsed[name] = parse(name, value);
  }
  return parsed;
}

const STATUS: Record<string, number> = {
  BAD_USER_INPUT: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  SERVICE_UNAVAILABLE: 503,
  DATABASE_TIMEOUT: 504,
};

function fail(res: Response, error: unknown): void {
  const code = error instanceof GraphQLError ? String(error.extensions.code) : undefined;
  if (error instanceof GraphQLError && code && STATUS[code]) {
    const { http: _http, ...extensions } = error.extensions;
    res.status(STATUS[code]).json({ errors: [{ message: error.message, extensions }] });
    return;
  }
  console.error('[export] internal error:', error);
  res.status(500).json({
    errors: [
      { message: 'Internal server error. The failure was logged.', extensions: { code: 'INTERNAL_SERVER_ERROR' } },
    ],
  });
}

export function exportRoutes(db: Database, authenticate: (headers: IncomingHttpHeaders) => Promise<Principal>) {
  const router = Router();
  for (const [name, table] of Object.entries(TABLES)) {
    for (const format of ['csv', 'xlsx'] as const) {
      router.get(`/export/${name}.${format}`, async (req, res) => {
        try {
          await authenticate(req.headers);
          const data = await table.rows(db, parameters(req.query, table.parameters));
          res.set('cache-control', 'no-store');
          res.attachment(`${data.fileName}.${format}`);
          if (format === 'csv') res.type('text/csv; charset=utf-8').send(tableCsv(data.tables[0]!));
          else res.type('xlsx').send(await workbook(data, new Date(), req.originalUrl));
        } catch (error) {
          fail(res, error);
        }
      });
    }
  }
  return router;
}
