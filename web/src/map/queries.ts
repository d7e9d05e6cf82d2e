// The map's GraphQL operations; their answers' types are generated from them.
import { graphql } from '../__generated__';
import type { MapPlantQuery, MapPlantsQuery, MapQuoteFragment } from '../__generated__/graphql';

export const MAP_PLANTS = graphql(`
  query MapPlants($asOf: String!, $after: String) {
    plants(asOf: $asOf, first: 100, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        id
        name
        status(asOf: $asOf)
        operator {
          id
          name
        }
        ...PlantPlace
      }
    }
  }
`);

export const MAP_CAPACITY = graphql(`
  query MapCapacity($year: Int!, $asOf: String!) {
    capacity(groupBy: PLANT, from: $year, to: $year, asOf: $asOf) {
      figures {
        key
        planned
        operating
        claims {
          id
        }
      }
      totals {
        planned
        operating
        plants
      }
    }
  }
`);

export const MAP_PLANT = graphql(`
  query MapPlant($id: ID!, $asOf: String!) {
    plant(id: $id) {
      id
      name
      aliases
      chemistry
      status(asOf: $asOf)
      operator {
        id
        name
      }
      owners {
        company {
          id
          name
        }
        stake
        evidence {
          ...MapQuote
        }
      }
      ...PlantPlace
      stages {
        id
        status
        summary
        date {
          value
        }
        evidence {
          ...MapQuote
        }
      }
      claims {
        id
        property
        value
        unit
        year
        bound
        modality
        approximate
        preferred
        stated {
          value
        }
        evidence {
          ...MapQuote
        }
      }
      partnerships {
        id
        name
        kind
        status
      }
    }
  }

  fragment PlantPlace on Plant {
    city {
      name
    }
    country {
      name
    }
    location {
      latitude
      longitude
      source
    }
  }

  fragment MapQuote on Evidence {
    id
    quote
    source {
      id
      name
      publisher
      url
      published {
        value
      }
    }
  }
`);

export type PlantNode = MapPlantsQuery['plants']['nodes'][number];
export type PlantDetail = NonNullable<MapPlantQuery['plant']>;
export type PlantClaim = PlantDetail['claims'][number];
export type Quote = MapQuoteFragment;
