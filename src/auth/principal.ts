/** Who sent a request, and what they may do. */
export type Role = 'reader' | 'editor';
export const ROLES: readonly Role[] = ['reader', 'editor'];

export interface Principal {
  /** The key's name or the token's subject; `anonymous` without credentials. */
  subject: string;
  /** null without credentials. */
  role: Role | null;
  via: 'api-key' | 'jwt' | 'cli' | 'none';
}

export const ANONYMOUS: Principal = { subject: 'anonymous', role: null, via: 'none' };

/** Whoever runs `kg` on a machine with access to Neo4j: an editor, named after the system user. */
export function cliPrincipal(user: string): Principal {
  return { subject: `cli:${user}`, role: 'editor', via: 'cli' };
}
