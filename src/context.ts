/** Per-request context: the database and DataLoaders that batch every lookup of the request. */
import DataLoader from 'dataloader';
import type { PartnershipFilter } from './__generated__/resolvers-types';
import { ANONYMOUS, Principal } from './auth';
import type { Database } from './db/neo4j';
import type { ConnectionModel, NodeLabel, NodeModel, PartnershipModel, RelatedModel } from './model';
import { partnershipsOfCompanies } from './store/lists';
import {
  NodeWithRelated,
  nodesByIds,
  partnersByIds,
  PrefetchRelation,
  RelationName,
  relatedByIds,
} from './store/nodes';
import type { Page } from './store/paging';
import { plantCapacityRows, type PlantCapacityRow } from './store/plants';

export interface Loaders {
  node: DataLoader<string, NodeModel | null>;
  /** Nodes with the given relations fetched in the same query (they then come from `related`). */
  nodeWith(prefetch: readonly PrefetchRelation[]): DataLoader<string, NodeModel | null>;
  related(name: RelationName): DataLoader<string, RelatedModel[]>;
  partners: DataLoader<string, { node: NodeModel; partnershipIds: string[] }[]>;
  /**
   * Forgets everything the request has read. After a write any cached record, relation or list may be
   * stale (the other end of a changed link caches it too), and a request holds few writes.
   */
  forgetAll(): void;
  /** Every plant with its stages and capacity claims, read once per request (key: 'all'). */
  plantCapacity: DataLoader<'all', PlantCapacityRow[]>;
  companyPartnerships(
    filter: PartnershipFilter | null | undefined,
    page: Page,
    prefetch?: readonly PrefetchRelation[],
  ): DataLoader<string, ConnectionModel<PartnershipModel>>;
}

export interface Context {
  db: Database;
  loaders: Loaders;
  /** Who sent the request; mutations check its role. */
  principal: Principal;
}

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
  /** Caches what a query fetched along the way, so the field resolvers asking for it send no query. */
  const prime = (id: string, fetched: NodeWithRelated['related']) => {
    for (const [name, items] of fetched) related(name).prime(id, items);
  };
  const withPrefetch = new Map<string, DataLoader<string, NodeModel | null>>();
  const nodeWith = (prefetch: readonly PrefetchRelation[]) => {
    const key = prefetch.join(',');
    let loader = withPrefetch.get(key);
    if (!loader) {
      loader = new DataLoader<string, NodeModel | null>(async (ids) => {
        const found = await nodesByIds(db, ids, prefetch);
        for (const [id, { node: n, related: fetched }] of found) {
          node.prime(id, n);
          prime(id, fetched);
        }
        return ids.map((id) => found.get(id)?.node ?? null);
      });
      withPrefetch.set(key, loader);
    }
    return loader;
  };
  const node = nodeWith([]);
  const pages = new Map<string, DataLoader<string, ConnectionModel<PartnershipModel>>>();
  const loaders: Loaders = {
    node,
    nodeWith: (prefetch) => (prefetch.length === 0 ? node : nodeWith(prefetch)),
    related,
    plantCapacity: new DataLoader(async (keys) => {
      const rows = await plantCapacityRows(db);
      return keys.map(() => rows);
    }),
    partners: new DataLoader(async (ids) => {
      const found = await partnersByIds(db, ids);
      return ids.map((id) => found.get(id) ?? []);
    }),
    companyPartnerships(filter, page, prefetch = []) {
      const key = JSON.stringify({ filter, page, prefetch });
      let loader = pages.get(key);
      if (!loader) {
        loader = new DataLoader(async (ids) => {
          const found = await partnershipsOfCompanies(db, ids, filter, page, prefetch);
          for (const { connection, related: fetched } of found.values()) {
            for (const p of connection.nodes) {
              node.prime(p.id, p);
              prime(p.id, fetched.get(p.id) ?? new Map());
            }
          }
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

/** A node of one type by id (with relations to prefetch); null when the id is unknown or names another type. */
export async function loadTyped<L extends NodeLabel>(
  ctx: Context,
  id: string,
  label: L,
  prefetch: readonly PrefetchRelation[] = [],
): Promise<Extract<NodeModel, { __typename: L }> | null> {
  const node = await ctx.loaders.nodeWith(prefetch).load(id);
  return node && node.__typename === label ? (node as Extract<NodeModel, { __typename: L }>) : null;
}

/** The nodes of one type at the other end of a relation. */
export async function relatedNodes<L extends NodeLabel>(
  ctx: Context,
  name: RelationName,
  id: string,
  label: L,
): Promise<Extract<NodeModel, { __typename: L }>[]> {
  return (await ctx.loaders.related(name).load(id))
    .map((r) => r.node)
    .filter((n): n is Extract<NodeModel, { __typename: L }> => n.__typename === label);
}
