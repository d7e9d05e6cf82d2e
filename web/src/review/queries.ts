// The review page's GraphQL operations; their answers' types are generated from them.
import { graphql } from '../__generated__';
import type { ReviewProposalFragment, ReviewSourceQuery } from '../__generated__/graphql';

export const REVIEW_QUEUE = graphql(`
  query ReviewQueue {
    reviewQueue(first: 50) {
      pending
      source {
        id
        name
        publisher
        published {
          value
        }
      }
    }
  }
`);

graphql(`
  fragment ReviewProposal on Proposal {
    id
    section
    recordId
    name
    confidence
    known
    status
    record
    decidedBy
    entity {
      name
    }
    mergedInto {
      id
      name
    }
    quotes {
      start
      end
    }
  }
`);

export const REVIEW_SOURCE = graphql(`
  query ReviewSource($sourceId: ID!) {
    source(id: $sourceId) {
      id
      name
      url
      publisher
      published {
        value
      }
      text
    }
    proposals(sourceId: $sourceId, status: [PENDING, ACCEPTED, EDITED, REJECTED, MERGED]) {
      ...ReviewProposal
    }
  }
`);

export const ACCEPT_PROPOSALS = graphql(`
  mutation AcceptProposals($input: AcceptProposalsInput!) {
    acceptProposals(input: $input) {
      id
      status
    }
  }
`);

export const REJECT_PROPOSALS = graphql(`
  mutation RejectProposals($input: RejectProposalsInput!) {
    rejectProposals(input: $input) {
      id
      status
    }
  }
`);

export const MERGE_PROPOSALS = graphql(`
  mutation MergeProposals($input: MergeProposalsInput!) {
    mergeProposals(input: $input) {
      id
      status
    }
  }
`);

/** A partnership the article states that ingestion did not propose, written with its quote as evidence. */
export const CREATE_PARTNERSHIP = graphql(`
  mutation CreateMissedPartnership($input: CreatePartnershipInput!) {
    createPartnership(input: $input) {
      id
      name
    }
  }
`);

/** Companies the graph knows whose names, aliases or quotes match the text: candidates for a merge. */
export const MERGE_CANDIDATES = graphql(`
  query MergeCandidates($text: String!) {
    search(text: $text, first: 25) {
      node {
        __typename
        id
        name
      }
    }
  }
`);

export type ProposalView = ReviewProposalFragment;
export type ReviewedSource = NonNullable<ReviewSourceQuery['source']>;
