// The editor's API key: kept in sessionStorage (gone when the tab closes) and sent with every request.
import type { TypedDocumentString } from '../__generated__/graphql';
import { executeWith, type VariablesArgument } from '../shared/api';

const STORAGE = 'kg.review.apiKey';

export function storedKey(): string | null {
  return sessionStorage.getItem(STORAGE);
}

export function keepKey(key: string): void {
  sessionStorage.setItem(STORAGE, key);
}

export function forgetKey(): void {
  sessionStorage.removeItem(STORAGE);
}

/** Runs an operation as the editor whose key is kept; the server decides what that key may do. */
export function asEditor<TResult, TVariables>(
  document: TypedDocumentString<TResult, TVariables>,
  ...rest: VariablesArgument<TVariables>
): Promise<TResult> {
  const key = storedKey();
  return executeWith(key ? { authorization: `Bearer ${key}` } : {}, document, ...rest);
}
