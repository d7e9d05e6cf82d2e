/** API keys, JWT checks and auth settings: pure code, no server. */
import jwt from 'jsonwebtoken';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { authenticator, authSettings, requireEditor } from '../../src/auth';
import { verifyToken } from '../../src/auth/jwt';
import { createKey, findKey, readKeys } from '../../src/auth/keys';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'kg-auth-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('API keys', () => {
  it('stores only a hash and finds the key again', () => {
    const file = path.join(dir, 'keys.json');
    const { key, record } = createKey(file, 'ann', 'editor');
    expect(readFileSync(file, 'utf8')).not.toContain(key.split('_')[2]);
    expect(findKey(readKeys(file), key)).toEqual(record);
  });

  it('rejects a key that differs in one character, or has another shape', () => {
    const file = path.join(dir, 'keys.json');
    const { key } = createKey(file, 'ann', 'reader');
    const keys = readKeys(file);
    const flipped = key.slice(0, -1) + (key.endsWith('a') ? 'b' : 'a');
    expect(findKey(keys, flipped)).toBeNull();
    expect(findKey(keys, key + 'x')).toBeNull();
    expect(findKey(keys, '')).toBeNull();
  });

  it('keeps earlier keys when adding one', () => {
    const file = path.join(dir, 'keys.json');
    createKey(file, 'a', 'reader');
    createKey(file, 'b', 'editor');
    expect(readKeys(file).map((k) => k.name)).toEqual(['a', 'b']);
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

  it('asks anonymous callers for a credential when reads are closed', () => {
    const authenticate = authenticator({ publicReads: false, keysFile: path.join(dir, 'none.json'), jwt: undefined });
    expect(() => authenticate({})).toThrow(/credential/);
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
