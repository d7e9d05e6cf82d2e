/**
 * Readable slugs from free text, for the ids the server derives. It imports nothing, so the review page
 * bundles the same function for the ids it proposes, and both stay within the id rule's length.
 */
export const ID_LENGTH = 80;

export function slugify(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, ID_LENGTH)
    .replace(/-+$/, '');
}
