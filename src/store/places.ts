/** Positions on the map: the cities to place, and their coordinates written with their plants'. */
import type { Database } from '../db/neo4j';

export interface CityToPlace {
  id: string;
  /** Its name and aliases, as the gazetteer may know it. */
  names: string[];
  country: string;
}

export interface CityPosition {
  id: string;
  latitude: number;
  longitude: number;
  source: string;
}

/** Every city that lies in a known country, with that country's name. */
export function citiesToPlace(db: Database): Promise<CityToPlace[]> {
  return db.read<CityToPlace>(
    'citiesToPlace',
    `/* citiesToPlace */
     MATCH (c:Site {kind: 'city'})-[:LOCATED_IN*1..4]->(k:Site {kind: 'country'})
     WITH c, head(collect(k.name)) AS country
     RETURN c.id AS id, [c.name] + coalesce(c.aliases, []) AS names, country`,
  );
}

/** Sets each city's position, and the position of the plants in it. */
export async function placeCities(db: Database, rows: readonly CityPosition[]): Promise<void> {
  await db.write('placeOnMap', (tx) =>
    tx.run(
      `/* placeOnMap */
       UNWIND $rows AS row
       MATCH (c:Site {id: row.id})
       SET c.latitude = row.latitude, c.longitude = row.longitude, c.geoSource = row.source
       WITH c
       MATCH (p:Plant)-[:LOCATED_IN*1..3]->(c)
       SET p.latitude = c.latitude, p.longitude = c.longitude, p.geoSource = c.geoSource`,
      { rows },
    ),
  );
}
