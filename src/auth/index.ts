/**
 * Who is calling: an API key (`X-API-Key: kg_…` or `Authorization: Bearer kg_…`), a JWT
 * (`Authorization: Bearer eyJ…`) or nobody. Reads are open unless KG_PUBLIC_READS=false; writes need
 * the editor role.
 */
import type { IncomingHttpHeaders } from 'node:http';
import type { Algorithm } from 'jsonwebtoken';
import { ForbiddenError, UnauthenticatedError } from '../errors';
import { JwtSettings, verifyToken } from './jwt';
import { keyIdOf, KeyLookup, matchKey } from './keys';
import { ANONYMOUS, Principal } from './principal';

export { ANONYMOUS } from './principal';
export type { Principal, Role } from './principal';

export interface AuthSettings {
  publicReads: boolean;
  jwt: JwtSettings | undefined;
}

const ASYMMETRIC = ['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512', 'ES256', 'ES384', 'ES512'];
const SYMMETRIC = ['HS256', 'HS384', 'HS512'];

/** Auth settings from KG_* variables; a half-configured JWT setup is a start-up error, not a silent hole. */
export function authSettings(env: NodeJS.ProcessEnv = process.env): AuthSettings {
  const publicReads = (env.KG_PUBLIC_READS ?? 'true').toLowerCase() !== 'false';
  const key = env.KG_JWT_SECRET || env.KG_JWT_PUBLIC_KEY;
  if (!key) return { publicReads, jwt: undefined };
  const algorithms = (env.KG_JWT_ALGORITHMS || (env.KG_JWT_SECRET ? 'HS256' : 'RS256')).split(',').map((a) => a.trim());
  const allowed = env.KG_JWT_SECRET ? SYMMETRIC : ASYMMETRIC;
  const wrong = algorithms.filter((a) => !allowed.includes(a));
  if (wrong.length > 0) {
    throw new Error(`KG_JWT_ALGORITHMS: ${wrong.join(', ')} cannot be used with this key; use ${allowed.join(', ')}`);
  }
  if (!env.KG_JWT_ISSUER || !env.KG_JWT_AUDIENCE) {
    throw new Error('JWT auth needs KG_JWT_ISSUER and KG_JWT_AUDIENCE as well as the key');
  }
  return {
    publicReads,
    jwt: { key, algorithms: algorithms as Algorithm[], issuer: env.KG_JWT_ISSUER, audience: env.KG_JWT_AUDIENCE },
  };
}

/** Resolves request headers to a principal; API keys are looked up in Neo4j (`kg key create`). */
export function authenticator(
  settings: AuthSettings,
  lookup: KeyLookup,
): (headers: IncomingHttpHeaders) => Promise<Principal> {
  return async (headers) => {
    const header = headers['x-api-key'];
    const apiKey = Array.isArray(header) ? header[0] : header;
    const bearer = /^Bearer\s+(\S+)$/i.exec(headers.authorization ?? '')?.[1];
    const presented = apiKey ?? (bearer?.startsWith('kg_') ? bearer : undefined);
    if (presented !== undefined) {
      const id = keyIdOf(presented);
      const record = id === null ? null : matchKey(await lookup(id), presented);
      if (!record) throw new UnauthenticatedError('The API key is not valid. Ask an administrator for a new one.');
      if (record.revokedAt !== null) {
        throw new UnauthenticatedError('The API key was revoked. Ask an administrator for a new one.');
      }
      return { subject: record.name, role: record.role, via: 'api-key' };
    }
    if (bearer !== undefined) {
      if (!settings.jwt)
        throw new UnauthenticatedError('Bearer tokens are not enabled on this server; use an API key.');
      try {
        const token = verifyToken(bearer, settings.jwt);
        return { subject: token.subject, role: token.role, via: 'jwt' };
      } catch (error) {
        throw new UnauthenticatedError((error as Error).message);
      }
    }
    if (headers.authorization !== undefined) {
      throw new UnauthenticatedError('The Authorization header must be "Bearer <token or API key>".');
    }
    if (!settings.publicReads) {
      throw new UnauthenticatedError('This server needs a credential for every request: send an X-API-Key header.');
    }
    return ANONYMOUS;
  };
}

/** Writes need an editor: anonymous callers are told to authenticate, readers that they may not. */
export function requireEditor(principal: Principal): void {
  if (principal.role === null) {
    throw new UnauthenticatedError('Changing the graph needs a credential: send an editor API key or token.');
  }
  if (principal.role !== 'editor') {
    throw new ForbiddenError(`"${principal.subject}" has the ${principal.role} role; changing the graph needs editor.`);
  }
}
