// What the map shows for one year: the plants announced by its end, each with its status then and the
// capacity the rollup counts for it in that year (as known on that day).
import type { MapPlantsQuery } from '../__generated__/graphql';
import { execute } from '../shared/api';
import { MAP_CAPACITY, MAP_PLANTS, type PlantNode } from './queries';

export interface MapPlant extends PlantNode {
  /** GWh a year the rollup counts for the plant in the year; null when none is stated (or it was cancelled). */
  planned: number | null;
  operating: number | null;
  /** The claim behind `planned`. */
  claimId: string | null;
}

export interface MapYear {
  year: number;
  asOf: string;
  plants: MapPlant[];
  totals: { planned: number; operating: number; plants: number };
}

/** The last day of a year: the slider's "as of". */
export const endOfYear = (year: number): string => `${year}-12-31`;

async function allPlants(asOf: string, signal: AbortSignal): Promise<PlantNode[]> {
  const nodes: PlantNode[] = [];
  let after: string | null = null;
  for (;;) {
    const { plants }: MapPlantsQuery = await execute(MAP_PLANTS, { asOf, after }, signal);
    nodes.push(...plants.nodes);
    if (!plants.pageInfo.hasNextPage || plants.pageInfo.endCursor === null) return nodes;
    after = plants.pageInfo.endCursor;
  }
}

export async function loadYear(year: number, signal: AbortSignal): Promise<MapYear> {
  const asOf = endOfYear(year);
  const [nodes, { capacity }] = await Promise.all([
    allPlants(asOf, signal),
    execute(MAP_CAPACITY, { year, asOf }, signal),
  ]);
  const figures = new Map(capacity.figures.map((f) => [f.key, f]));
  return {
    year,
    asOf,
    plants: nodes.map((node) => {
      const figure = figures.get(node.id);
      return {
        ...node,
        planned: figure?.planned ?? null,
        operating: figure?.operating ?? null,
        claimId: figure?.claims[0]?.id ?? null,
      };
    }),
    totals: capacity.totals[0] ?? { planned: 0, operating: 0, plants: 0 },
  };
}
