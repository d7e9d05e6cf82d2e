// The map's GraphQL operations and the shapes of their answers.

export const MAP_PLANTS = /* GraphQL */ `
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
        city {
          name
        }
        country {
          name
        }
        location {
          latitude
          longitude
        }
      }
    }
  }
`;

export interface MapPlantsAnswer {
  plants: {
    totalCount: number;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    nodes: PlantNode[];
  };
}

export interface PlantNode {
  id: string;
  name: string;
  status: string | null;
  operator: { id: string; name: string } | null;
  city: { name: string } | null;
  country: { name: string } | null;
  location: { latitude: number; longitude: number } | null;
}

export const MAP_CAPACITY = /* GraphQL */ `
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
`;

export interface MapCapacityAnswer {
  capacity: {
    figures: Array<{ key: string; planned: number; operating: number; claims: Array<{ id: string }> }>;
    totals: Array<{ planned: number; operating: number; plants: number }>;
  };
}

export const MAP_PLANT = /* GraphQL */ `
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
`;

export interface Quote {
  id: string;
  quote: string;
  source: {
    id: string;
    name: string;
    publisher: string | null;
    url: string | null;
    published: { value: string } | null;
  };
}

export interface PlantClaim {
  id: string;
  property: string;
  value: number;
  unit: string;
  year: number | null;
  bound: string | null;
  modality: string;
  approximate: boolean;
  preferred: boolean;
  stated: { value: string };
  evidence: Quote[];
}

export interface PlantDetail {
  id: string;
  name: string;
  aliases: string[];
  chemistry: string | null;
  status: string | null;
  operator: { id: string; name: string } | null;
  owners: Array<{ company: { id: string; name: string }; stake: number | null; evidence: Quote[] }>;
  city: { name: string } | null;
  country: { name: string } | null;
  location: { latitude: number; longitude: number; source: string } | null;
  stages: Array<{ id: string; status: string; summary: string | null; date: { value: string }; evidence: Quote[] }>;
  claims: PlantClaim[];
  partnerships: Array<{ id: string; name: string; kind: string; status: string }>;
}

export interface MapPlantAnswer {
  plant: PlantDetail | null;
}
