// Reads a whole connection page by page (the API serves at most 100 items a page).

interface Page {
  nodes: unknown[];
  pageInfo: { hasNextPage: boolean; endCursor?: string | null };
}

/** Every node over at most `maxPages` pages, and the last page (for its totalCount). */
export async function allPages<P extends Page>(
  maxPages: number,
  fetchPage: (after: string | null) => Promise<P>,
): Promise<{ nodes: P['nodes']; last: P | null }> {
  const nodes: P['nodes'] = [];
  let last: P | null = null;
  let after: string | null = null;
  for (let page = 0; page < maxPages; page++) {
    last = await fetchPage(after);
    nodes.push(...last.nodes);
    if (!last.pageInfo.hasNextPage || !last.pageInfo.endCursor) break;
    after = last.pageInfo.endCursor;
  }
  return { nodes, last };
}
