/**
 * What the client selected below the current field, so a resolver can fetch the relations it will be
 * asked for in the same query instead of one more round trip per level.
 */
import { FieldNode, FragmentDefinitionNode, GraphQLResolveInfo, Kind, SelectionSetNode } from 'graphql';

function fieldsOf(set: SelectionSetNode, fragments: Record<string, FragmentDefinitionNode>): FieldNode[] {
  return set.selections.flatMap((selection) => {
    if (selection.kind === Kind.FIELD) return [selection];
    if (selection.kind === Kind.INLINE_FRAGMENT) return fieldsOf(selection.selectionSet, fragments);
    const fragment = fragments[selection.name.value];
    return fragment ? fieldsOf(fragment.selectionSet, fragments) : [];
  });
}

/** Names of the fields selected at `path` below the current field (through fragments and aliases). */
export function selectedFields(info: GraphQLResolveInfo, path: readonly string[] = []): Set<string> {
  let sets = info.fieldNodes.flatMap((node) => (node.selectionSet ? [node.selectionSet] : []));
  for (const name of path) {
    sets = sets.flatMap((set) =>
      fieldsOf(set, info.fragments).flatMap((f) => (f.name.value === name && f.selectionSet ? [f.selectionSet] : [])),
    );
  }
  return new Set(sets.flatMap((set) => fieldsOf(set, info.fragments).map((f) => f.name.value)));
}

/** The relations to prefetch: those of `wanted` (GraphQL field → relation) the client selected. */
export function prefetchOf<R extends string>(selected: Set<string>, wanted: Record<string, R>): R[] {
  return Object.entries(wanted)
    .filter(([field]) => selected.has(field))
    .map(([, relation]) => relation)
    .sort();
}
