/** Who sent a request, and what they may do. */
export type Role = 'reader' | 'editor';
export const ROLES: readonly Role[] = ['reader', 'editor'];

export interface Principal {
  /** The key's name or the token's subject; `anonymous` without credentials. */
  subject: string;
  /** null without credentials. */
  role: Role | null;
  via: 'api-key' | 'jwt' | 'none';
}

export const ANONYMOUS: Principal = { subject: 'anonymous', role: null, via: 'none' };
