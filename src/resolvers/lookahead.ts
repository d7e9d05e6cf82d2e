/**
 * What the client selected below the current field, so a resolver can fetch the relations it will be
 * asked for in the same query instead of one more round trip per level, and only the properties the
 * selection reads (src/store/projection.ts).
 */
import {
  FieldNode,
  FragmentDefinitionNode,
  getArgumentValues,
  getNamedType,
  GraphQLResolveInfo,
  isObjectType,
  Kind,
  SelectionSetNode,
} from 'graphql';
import type { Fetch } from '../context';
import type { NodeLabel } from '../model';
import type { PrefetchRelation } from '../store/nodes';
import type { Selection } from '../store/projection';

function fieldsOf(set: SelectionSetNode, fragments: Record<string, FragmentDefinitionNode>): FieldNode[] {
  return set.selections.flatMap((selection) => {
    if (selection.kind === Kind.FIELD) return [selection];
    if (selection.kind === Kind.INLINE_FRAGMENT) return fieldsOf(selection.selectionSet, fragments);
    const fragment = fragments[selection.name.value];
    return fragment ? fieldsOf(fragment.selectionSet, fragments) : [];
  });
}

function treeOf(sets: readonly SelectionSetNode[], fragments: Record<string, FragmentDefinitionNode>): Selection {
  const children = new Map<string, SelectionSetNode[]>();
  for (const field of sets.flatMap((set) => fieldsOf(set, fragments))) {
    const below = children.get(field.name.value) ?? [];
    if (field.selectionSet) below.push(field.selectionSet);
    children.set(field.name.value, below);
  }
  return new Map([...children].map(([name, below]) => [name, treeOf(below, fragments)]));
}

const trees = new WeakMap<readonly FieldNode[], Selection>();

/**
 * Everything selected below the current field, as a tree (aliases and fragments merged), computed once
 * per query document: the same field of every list item shares it.
 */
export function selectionTree(info: GraphQLResolveInfo): Selection {
  let tree = trees.get(info.fieldNodes);
  if (!tree) {
    tree = treeOf(
      info.fieldNodes.flatMap((node) => (node.selectionSet ? [node.selectionSet] : [])),
      info.fragments,
    );
    trees.set(info.fieldNodes, tree);
  }
  return tree;
}

const EMPTY: Selection = new Map();

/** Both selections at once (a connection's `nodes` and `edges { node }`). */
export function merged(a: Selection | undefined, b: Selection | undefined): Selection {
  if (!a || !b) return a ?? b ?? EMPTY;
  const out = new Map(a);
  for (const [name, below] of b) out.set(name, merged(out.get(name), below));
  return out;
}

/** A connection's items: what is selected under `nodes` and under `edges { node }`. */
export const itemsOf = (connection: Selection | undefined): Selection =>
  merged(connection?.get('nodes'), connection?.get('edges')?.get('node'));

/**
 * What to fetch with a record of `label` for `selection`: the relations of `wanted` (GraphQL field →
 * relation) it selects, each with the selection of its far end (`through` names a field that wraps
 * the far end, such as a party's `company`), and only the properties the selection needs.
 */
export function fetchFor(
  label: NodeLabel,
  selection: Selection,
  wanted: Record<string, PrefetchRelation>,
  through: Record<string, string> = {},
): Fetch {
  const fields = Object.entries(wanted).filter(([field]) => selection.has(field));
  const related = Object.fromEntries(
    fields.map(([field, relation]) => {
      const below = selection.get(field);
      return [relation, through[field] ? below?.get(through[field]) : below];
    }),
  );
  return {
    prefetch: fields.map(([, relation]) => relation).sort(),
    shape: { label, selection, related },
  };
}

/**
 * The arguments of the field `name` selected below the current one, when it is selected once (or
 * always with the same arguments); undefined otherwise.
 */
export function argumentsBelow(info: GraphQLResolveInfo, name: string): Record<string, unknown> | undefined {
  const type = getNamedType(info.returnType);
  const definition = isObjectType(type) ? type.getFields()[name] : undefined;
  if (!definition) return undefined;
  const nodes = info.fieldNodes
    .flatMap((node) => (node.selectionSet ? fieldsOf(node.selectionSet, info.fragments) : []))
    .filter((field) => field.name.value === name);
  const values = nodes.map((node) => getArgumentValues(definition, node, info.variableValues));
  const first = JSON.stringify(values[0]);
  return values.length > 0 && values.every((v) => JSON.stringify(v) === first) ? values[0] : undefined;
}
