/** API keys, JWT checks and auth settings: pure code, no server (the keys' storage is tested on Neo4j). */
import jwt from 'jsonwebtoken';
import { authenticator, authSettings, requireEditor } from '../../src/auth';
import { verifyToken } from '../../src/auth/jwt';
import { keyIdOf, matchKey, newKey } from '../../src/auth/keys';

describe('API keys', () => {
  it('stores only a hash and finds the key again', () => {
    const { key, record } = newKey('ann', 'editor');
    expect(JSON.stringify(record)).not.toContain(key.slice('kg_'.length + 13));
    expect(keyIdOf(key)).toBe(record.id);
    expect(matchKey(record, key)).toEqual(record);
  });

  it('rejects a key that differs in one character, or has another shape', () => {
    const { key, record } = newKey('ann', 'reader');
    const flipped = key.slice(0, -1) + (key.endsWith('a') ? 'b' : 'a');
    expect(keyIdOf(flipped)).toBe(record.id);
    expect(matchKey(record, flipped)).toBeNull();
    expect(keyIdOf(key + 'x')).toBeNull();
    expect(keyIdOf('')).toBeNull();
    expect(matchKey(null, key)).toBeNull();
  });

  it('refuses an unknown role or an empty name', () => {
    expect(() => newKey('ann', 'admin' as 'editor')).toThrow(/--role/);
    expect(() => newKey(' ', 'editor')).toThrow(/--name/);
  });

  it('refuses a revoked key whose hash matches', async () => {
    const { key, record } = newKey('ann', 'editor');
    const revoked = { ...record, revokedAt: '2025-01-01T00:00:00.000Z', revokedBy: 'cli:admin' };
    const authenticate = authenticator({ publicReads: true, jwt: undefined }, async (id) =>
      id === record.id ? revoked : null,
    );
    await expect(authenticate({ 'x-api-key': key })).rejects.toThrow(/revoked/);
  });
});

describe('bearer tokens', () => {
  const settings = { key: 'k'.repeat(40), algorithms: ['HS256' as const], issuer: 'iss', audience: 'aud' };
  const sign = (claims: object, options: jwt.SignOptions = {}) =>
    jwt.sign(claims, settings.key, { algorithm: 'HS256', issuer: 'iss', audience: 'aud', expiresIn: 60, ...options });

  it('takes the strongest granted role', () => {
    expect(verifyToken(sign({ sub: 'ann', roles: ['reader', 'editor'] }), settings)).toEqual({
      subject: 'ann',
      role: 'editor',
    });
  });

  it('refuses a token that grants no known role', () => {
    expect(() => verifyToken(sign({ roles: ['admin'] }), settings)).toThrow(/no role/);
  });

  it('refuses a token signed with another key', () => {
    const other = jwt.sign({ roles: ['editor'] }, 'x'.repeat(40), { issuer: 'iss', audience: 'aud', expiresIn: 60 });
    expect(() => verifyToken(other, settings)).toThrow(/rejected/);
  });
});

describe('settings', () => {
  it('keeps reads open unless told otherwise', () => {
    expect(authSettings({}).publicReads).toBe(true);
    expect(authSettings({ KG_PUBLIC_READS: 'false' }).publicReads).toBe(false);
  });

  it('refuses a JWT setup without issuer and audience, or with an algorithm that does not fit the key', () => {
    expect(() => authSettings({ KG_JWT_SECRET: 's' })).toThrow(/KG_JWT_ISSUER/);
    expect(() =>
      authSettings({ KG_JWT_SECRET: 's', KG_JWT_ISSUER: 'i', KG_JWT_AUDIENCE: 'a', KG_JWT_ALGORITHMS: 'RS256' }),
    ).toThrow(/RS256/);
  });

  it('asks anonymous callers for a credential when reads are closed', async () => {
    const authenticate = authenticator({ publicReads: false, jwt: undefined }, async () => null);
    await expect(authenticate({})).rejects.toThrow(/credential/);
  });

  it('tells anonymous writers to authenticate and readers that they may not write', () => {
    expect(() => requireEditor({ subject: 'anonymous', role: null, via: 'none' })).toThrow(
      expect.objectContaining({ extensions: expect.objectContaining({ code: 'UNAUTHENTICATED' }) }),
    );
    expect(() => requireEditor({ subject: 'bot', role: 'reader', via: 'api-key' })).toThrow(
      expect.objectContaining({ extensions: expect.objectContaining({ code: 'FORBIDDEN' }) }),
    );
    expect(() => requireEditor({ subject: 'ann', role: 'editor', via: 'jwt' })).not.toThrow();
  });
});
