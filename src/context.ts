/** Per-request context: the database and DataLoaders that batch every lookup of the request. */
import DataLoader from 'dataloader';
import { ANONYMOUS, Principal } from './auth';
import type { Database } from './db/neo4j';
import type { ConnectionModel, NodeLabel, NodeModel, PartnershipModel, RelatedModel } from './model';
import {
  companiesWithPartnerships,
  PartnershipPage,
  PartnershipPageRequest,
  partnershipsOfCompanies,
} from './store/lists';
import {
  NodeWithRelated,
  nodesByIds,
  partnersByIds,
  PrefetchRelation,
  RelationName,
  relatedByIds,
  Shape,
} from './store/nodes';
import { isComplete } from './store/projection';
import { plantCapacityRows, type PlantCapacityRow } from './store/plants';

export interface Loaders {
  node: DataLoader<string, NodeModel | null>;
  /** Nodes with the given relations fetched in the same query (they then come from `related`). */
  nodeWith(fetch: Fetch): DataLoader<string, NodeModel | null>;
  related(name: RelationName): DataLoader<string, RelatedModel[]>;
  partners: DataLoader<string, { node: NodeModel; partnershipIds: string[] }[]>;
  /**
   * Forgets everything the request has read. After a write any cached record, relation or list may be
   * stale (the other end of a changed link caches it too), and a request holds few writes.
   */
  forgetAll(): void;
  /** Every plant with its stages and capacity claims, read once per request (key: 'all'). */
  plantCapacity: DataLoader<'all', readonly PlantCapacityRow[]>;
  companyPartnerships(request: PartnershipPageRequest): DataLoader<string, ConnectionModel<PartnershipModel>>;
}

export interface Context {
  db: Database;
  loaders: Loaders;
  /** Who sent the request; mutations check its role. */
  principal: Principal;
}

/** What to fetch with a node: relations, what of it (a shape), and for a company a page of its partnerships. */
export interface Fetch {
  prefetch: readonly PrefetchRelation[];
  shape?: Shape;
  partnerships?: PartnershipPageRequest;
}

const selectionKeys = new WeakMap<object, string>();

/** A selection's key, spelled once per selection object (the same query document reuses its selections). */
function selectionKey(selection: ReadonlyMap<string, unknown>): string {
  let key = selectionKeys.get(selection);
  if (key === undefined) {
    key = `{${[...selection].map(([name, below]) => `${name}:${below instanceof Map ? selectionKey(below) : ''}`).join(',')}}`;
    selectionKeys.set(selection, key);
  }
  return key;
}

/** Tells apart what two fetches bring, to key the loaders (selections are maps, so spelled out). */
const fetchKey = (value: unknown): string =>
  JSON.stringify(value, (_key, v: unknown) => (v instanceof Map ? selectionKey(v) : v));

/** Relations and partnership pages that arrived with a record (a partial record is never cached by id). */
const fetchedWith = new WeakMap<object, NodeWithRelated['related']>();
const pagesWith = new WeakMap<object, Map<string, ConnectionModel<PartnershipModel>>>();

export function createLoaders(db: Database): Loaders {
  const relations = new Map<RelationName, DataLoader<string, RelatedModel[]>>();
  const related = (name: RelationName) => {
    let loader = relations.get(name);
    if (!loader) {
      loader = new DataLoader(async (ids) => {
        const found = await relatedByIds(db, name, ids);
        return ids.map((id) => found.get(id) ?? []);
      });
      relations.set(name, loader);
    }
    return loader;
  };
  /**
   * Keeps what a query fetched along the way on the records it belongs to, so their field resolvers
   * send no query; a record fetched whole is also cached by id for the rest of the request.
   */
  const keep = (found: NodeWithRelated, complete: boolean) => {
    if (complete) node.prime(found.node.id, found.node);
    fetchedWith.set(found.node, found.related);
  };
  const withPrefetch = new Map<string, DataLoader<string, NodeModel | null>>();
  const nodeWith = (fetch: Fetch) => {
    const key = fetchKey(fetch);
    let loader = withPrefetch.get(key);
    if (!loader) {
      const { prefetch, shape = {}, partnerships } = fetch;
      const complete = isComplete(shape.label, shape.selection);
      loader = new DataLoader<string, NodeModel | null>(async (ids) => {
        if (!partnerships) {
          const found = await nodesByIds(db, ids, prefetch, shape);
          for (const item of found.values()) keep(item, complete);
          return ids.map((id) => found.get(id)?.node ?? null);
        }
        const found = await companiesWithPartnerships(db, ids, prefetch, shape, partnerships);
        for (const item of found.values()) {
          keep(item, complete);
          keepPage(item.node, partnerships, item.partnerships);
        }
        return ids.map((id) => found.get(id)?.node ?? null);
      });
      withPrefetch.set(key, loader);
    }
    return loader;
  };
  const node = nodeWith({ prefetch: [] });
  /** A page's partnerships, kept with their relations (and the page with its company, if any). */
  const keepPage = (owner: object | null, request: PartnershipPageRequest, page: PartnershipPage) => {
    const complete = isComplete('Partnership', request.shape.selection);
    for (const p of page.connection.nodes) keep({ node: p, related: page.related.get(p.id) ?? new Map() }, complete);
    if (!owner) return;
    const kept = pagesWith.get(owner) ?? new Map<string, ConnectionModel<PartnershipModel>>();
    kept.set(fetchKey(request), page.connection);
    pagesWith.set(owner, kept);
  };
  const pages = new Map<string, DataLoader<string, ConnectionModel<PartnershipModel>>>();
  const loaders: Loaders = {
    node,
    nodeWith: (fetch) => (fetch.prefetch.length === 0 && !fetch.shape && !fetch.partnerships ? node : nodeWith(fetch)),
    related,
    plantCapacity: new DataLoader(async (keys) => {
      const rows = await plantCapacityRows(db);
      return keys.map(() => rows);
    }),
    partners: new DataLoader(async (ids) => {
      const found = await partnersByIds(db, ids);
      return ids.map((id) => found.get(id) ?? []);
    }),
    companyPartnerships(request) {
      const key = fetchKey(request);
      let loader = pages.get(key);
      if (!loader) {
        loader = new DataLoader(async (ids) => {
          const found = await partnershipsOfCompanies(db, ids, request);
          for (const page of found.values()) keepPage(null, request, page);
          return ids.map((id) => found.get(id)!.connection);
        });
        pages.set(key, loader);
      }
      return loader;
    },
    forgetAll() {
      for (const loader of [...withPrefetch.values(), ...relations.values(), ...pages.values()]) loader.clearAll();
      for (const value of Object.values(loaders)) if (value instanceof DataLoader) value.clearAll();
    },
  };
  return loaders;
}

export function createContext(db: Database, principal: Principal = ANONYMOUS): Context {
  return { db, loaders: createLoaders(db), principal };
}

/** Nodes of one type by id, in order, skipping ids that no longer resolve. */
export async function loadNodes<L extends NodeLabel>(
  ctx: Context,
  ids: readonly string[],
  label: L,
): Promise<Extract<NodeModel, { __typename: L }>[]> {
  const nodes = await ctx.loaders.node.loadMany(ids);
  return nodes.filter(
    (n): n is Extract<NodeModel, { __typename: L }> => n !== null && !(n instanceof Error) && n.__typename === label,
  );
}

/** A node of one type by id (with what to fetch along); null when the id is unknown or names another type. */
export async function loadTyped<L extends NodeLabel>(
  ctx: Context,
  id: string,
  label: L,
  fetch: Fetch = { prefetch: [] },
): Promise<Extract<NodeModel, { __typename: L }> | null> {
  const node = await ctx.loaders.nodeWith(fetch).load(id);
  return node && node.__typename === label ? (node as Extract<NodeModel, { __typename: L }>) : null;
}

/** The far ends of a relation's items that are of one type. */
const farEndsOf = <L extends NodeLabel>(items: RelatedModel[], label: L): Extract<NodeModel, { __typename: L }>[] =>
  items.map((r) => r.node).filter((n): n is Extract<NodeModel, { __typename: L }> => n.__typename === label);

/** The nodes of one type at the other end of a relation. */
export async function relatedNodes<L extends NodeLabel>(
  ctx: Context,
  name: RelationName,
  id: string,
  label: L,
): Promise<Extract<NodeModel, { __typename: L }>[]> {
  return farEndsOf(await ctx.loaders.related(name).load(id), label);
}

/** A value now or later, as resolvers may return it: what arrived with a record costs no promise. */
export type Eventually<T> = T | Promise<T>;

/**
 * `f` applied to a value now or later; a value at hand stays at hand. Not named `then`: a module
 * exporting `then` is itself a thenable, and `await import()` of it would call that function.
 */
export const mapEventually = <T, U>(value: Eventually<T>, f: (value: T) => U): Eventually<U> =>
  value instanceof Promise ? value.then(f) : f(value);

/** A relation of a record: as it arrived with the record, or from the relation's loader. */
export function relatedOf(ctx: Context, record: NodeModel, name: PrefetchRelation): Eventually<RelatedModel[]> {
  return (
    (fetchedWith.get(record)?.get(name) as RelatedModel[] | undefined) ?? ctx.loaders.related(name).load(record.id)
  );
}

/** The nodes of one type at the other end of a relation of a record (as it arrived with it, or loaded). */
export function relatedNodesOf<L extends NodeLabel>(
  ctx: Context,
  record: NodeModel,
  name: PrefetchRelation,
  label: L,
): Eventually<Extract<NodeModel, { __typename: L }>[]> {
  return mapEventually(relatedOf(ctx, record, name), (items) => farEndsOf(items, label));
}

/** A company's page of partnerships: as it arrived with the company, or from the page loader. */
export function partnershipsOf(
  ctx: Context,
  company: NodeModel,
  request: PartnershipPageRequest,
): Eventually<ConnectionModel<PartnershipModel>> {
  return pagesWith.get(company)?.get(fetchKey(request)) ?? ctx.loaders.companyPartnerships(request).load(company.id);
}
