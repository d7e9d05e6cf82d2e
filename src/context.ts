/** Per-request context: the database and DataLoaders that batch every lookup of the request. */
import DataLoader from 'dataloader';
import type { PartnershipFilter } from './__generated__/resolvers-types';
import { ANONYMOUS, Principal } from './auth';
import type { Database } from './db/neo4j';
import { DEFAULT_DATA_DIR } from './load';
import type { ConnectionModel, NodeLabel, NodeModel, PartnershipModel, RelatedModel } from './model';
import { partnershipsOfCompanies } from './store/lists';
import { nodesByIds, partnersByIds, RelationName, relatedByIds } from './store/nodes';
import type { Page } from './store/paging';

export interface Loaders {
  node: DataLoader<string, NodeModel | null>;
  related(name: RelationName): DataLoader<string, RelatedModel[]>;
  partners: DataLoader<string, { node: NodeModel; partnershipIds: string[] }[]>;
  companyPartnerships(
    filter: PartnershipFilter | null | undefined,
    page: Page,
  ): DataLoader<string, ConnectionModel<PartnershipModel>>;
}

export interface Context {
  db: Database;
  loaders: Loaders;
  /** Who sent the request; mutations check its role. */
  principal: Principal;
  /** Where articles ingested through the API are written (sources/, review/, facts/). */
  dataDir: string;
}

export function createLoaders(db: Database): Loaders {
  const node = new DataLoader<string, NodeModel | null>(async (ids) => {
    const found = await nodesByIds(db, ids);
    return ids.map((id) => found.get(id) ?? null);
  });
  const relations = new Map<RelationName, DataLoader<string, RelatedModel[]>>();
  const pages = new Map<string, DataLoader<string, ConnectionModel<PartnershipModel>>>();
  return {
    node,
    related(name) {
      let loader = relations.get(name);
      if (!loader) {
        loader = new DataLoader(async (ids) => {
          const found = await relatedByIds(db, name, ids);
          return ids.map((id) => found.get(id) ?? []);
        });
        relations.set(name, loader);
      }
      return loader;
    },
    partners: new DataLoader(async (ids) => {
      const found = await partnersByIds(db, ids);
      return ids.map((id) => found.get(id) ?? []);
    }),
    companyPartnerships(filter, page) {
      const key = JSON.stringify({ filter, page });
      let loader = pages.get(key);
      if (!loader) {
        loader = new DataLoader(async (ids) => {
          const found = await partnershipsOfCompanies(db, ids, filter, page);
          return ids.map((id) => found.get(id)!);
        });
        pages.set(key, loader);
      }
      return loader;
    },
  };
}

export function createContext(db: Database, principal: Principal = ANONYMOUS, dataDir = DEFAULT_DATA_DIR): Context {
  return { db, loaders: createLoaders(db), principal, dataDir };
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

/** A node of one type by id; null when the id is unknown or names another type. */
export async function loadTyped<L extends NodeLabel>(
  ctx: Context,
  id: string,
  label: L,
): Promise<Extract<NodeModel, { __typename: L }> | null> {
  const node = await ctx.loaders.node.load(id);
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
