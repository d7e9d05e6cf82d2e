// What the side panel asks for a node: its fields by type, and its curated history.
import { graphql } from '../../__generated__';
import type { ExplorerHistoryQuery, ExplorerNodeQuery } from '../../__generated__/graphql';

export type Details = NonNullable<ExplorerNodeQuery['node']>;
export type Revision = ExplorerHistoryQuery['history'][number];

// Fields of the same name but different types (a site's kind, a project's kind …) get aliases.
export const DetailsQuery = graphql(`
  query ExplorerNode($id: ID!) {
    node(id: $id) {
      __typename
      id
      name
      ... on Company {
        aliases
        kinds
        description
        basedIn {
          ...NodeRef
        }
        memberOf {
          ...NodeRef
        }
        members {
          ...NodeRef
        }
        projects {
          ...NodeRef
        }
        people {
          title
          person {
            ...NodeRef
          }
        }
        partnershipPage: partnerships(first: 100) {
          totalCount
          nodes {
            ...PartnershipSummary
          }
        }
        evidence {
          ...Quote
        }
      }
      ... on Person {
        aliases
        positions {
          title
          organization {
            ...NodeRef
          }
        }
        statements {
          ...Quote
        }
        evidence {
          ...Quote
        }
      }
      ... on Site {
        aliases
        siteKind: kind
        description
        locatedIn {
          ...NodeRef
        }
        contains {
          ...NodeRef
        }
        near {
          ...NodeRef
        }
        companies {
          ...NodeRef
        }
        partnerships {
          ...PartnershipSummary
        }
        evidence {
          ...Quote
        }
      }
      ... on Project {
        aliases
        projectKind: kind
        description
        owners {
          ...NodeRef
        }
        partOf {
          ...NodeRef
        }
        parts {
          ...NodeRef
        }
        partnerships {
          ...PartnershipSummary
        }
        milestones {
          ...NodeRef
        }
        evidence {
          ...Quote
        }
      }
      ... on Partnership {
        ...PartnershipSummary
        aliases
        modality
        purpose
        starts: start {
          value
        }
        sites {
          ...NodeRef
        }
        projects {
          ...NodeRef
        }
        milestones {
          ...NodeRef
        }
        evidence {
          ...Quote
        }
      }
      ... on Milestone {
        year
        date
        precision
        bound
        due
        milestoneModality: modality
        measure {
          ...MeasureValue
        }
        partnerships {
          ...PartnershipSummary
        }
        companies {
          ...NodeRef
        }
        sites {
          ...NodeRef
        }
        projects {
          ...NodeRef
        }
        evidence {
          ...Quote
        }
      }
      ... on Source {
        sourceKind: kind
        publisher
        url
        language
        published {
          value
        }
        translation {
          machine
          originalLanguage
          note
        }
        evidence {
          ...Quote
        }
      }
      ... on Evidence {
        ...Quote
        supports {
          ...NodeRef
        }
      }
    }
  }
`);

export const HistoryQuery = graphql(`
  query ExplorerHistory($id: ID!) {
    history(id: $id) {
      id
      operation
      changedBy
      changedAt
      reason
      changes {
        field
        before
        after
      }
    }
  }
`);
