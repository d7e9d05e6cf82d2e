// What the dashboard loads once: the graph's totals and breakdowns, the filter values and the companies.
import { graphql } from '../__generated__';
import type { DashboardCompaniesQuery, DashboardMetaQuery } from '../__generated__/graphql';
import { execute } from '../shared/api';
import { allPages } from '../shared/paging';

export type Meta = DashboardMetaQuery;
export type CompanyOption = DashboardCompaniesQuery['companies']['nodes'][number];

const MetaQuery = graphql(`
  query DashboardMeta {
    dashboard {
      totals {
        companies
        people
        sites
        projects
        partnerships
        milestones
        sources
        evidence
      }
      partnershipsByKind {
        key
        count
      }
      partnershipsByStatus {
        key
        count
      }
      partnershipsByBinding {
        key
        count
      }
      announcementsByYear {
        year
        count
      }
      milestonesByYear {
        year
        count
      }
    }
    kinds: __type(name: "PartnershipKind") {
      enumValues {
        name
        description
      }
    }
    statuses: __type(name: "PartnershipStatus") {
      enumValues {
        name
        description
      }
    }
  }
`);

const CompaniesQuery = graphql(`
  query DashboardCompanies($after: String) {
    companies(first: 100, after: $after) {
      nodes {
        id
        name
        kinds
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

export async function loadMeta(): Promise<{ meta: Meta; companies: CompanyOption[] }> {
  const [meta, companies] = await Promise.all([
    execute(MetaQuery),
    allPages(50, async (after) => (await execute(CompaniesQuery, { after })).companies),
  ]);
  return { meta, companies: companies.nodes };
}

/** The values the kind and status filters offer: the API's enums, or failing that the kinds in the graph. */
export function filterValues(meta: Meta): { kinds: string[]; statuses: string[] } {
  return {
    kinds: meta.kinds?.enumValues?.map((v) => v.name) ?? meta.dashboard.partnershipsByKind.map((c) => c.key),
    statuses: meta.statuses?.enumValues?.map((v) => v.name) ?? meta.dashboard.partnershipsByStatus.map((c) => c.key),
  };
}
