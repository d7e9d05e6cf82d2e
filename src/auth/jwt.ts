/**
 * Bearer JWTs from an identity provider. The algorithms are pinned by configuration (never taken from
 * the token's header), and issuer, audience and expiry are always checked.
 */
import jwt, { Algorithm } from 'jsonwebtoken';
import { ROLES, Role } from './principal';

export interface JwtSettings {
  /** HMAC secret (HS*) or PEM public key (RS*, ES*, PS*). */
  key: string;
  algorithms: Algorithm[];
  issuer: string;
  audience: string;
}

export interface VerifiedToken {
  subject: string;
  role: Role;
}

/** Verifies a token; throws a message fit for the client when it is not acceptable. */
export function verifyToken(token: string, settings: JwtSettings): VerifiedToken {
  let claims: jwt.JwtPayload;
  try {
    const decoded = jwt.verify(token, settings.key, {
      algorithms: settings.algorithms,
      issuer: settings.issuer,
      audience: settings.audience,
      clockTolerance: 5,
    });
    if (typeof decoded === 'string') throw new Error('the token has no claims');
    claims = decoded;
  } catch (error) {
    throw new Error(`The bearer token was rejected: ${(error as Error).message}.`);
  }
  if (claims.exp === undefined) throw new Error('The bearer token was rejected: it has no expiry (exp).');
  const granted = [claims.roles, claims.role].flat().filter((r): r is Role => ROLES.includes(r as Role));
  if (granted.length === 0) throw new Error('The bearer token was rejected: it grants no role (reader or editor).');
  return { subject: String(claims.sub ?? 'unknown'), role: granted.includes('editor') ? 'editor' : 'reader' };
}
