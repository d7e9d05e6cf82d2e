/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
/** Proposals to accept. */
export type AcceptProposalsInput = {
  /** Corrections to proposals before they are written; each one's proposal is accepted too, as EDITED. */
  edits?: Array<ProposalEditInput> | null | undefined;
  /** Ids of the proposals to accept as proposed (at most 200, all of one source). */
  ids?: Array<string>;
  /** Why; kept in each decision's revision. */
  reason?: string | null | undefined;
};

/** How binding an agreement is: a letter of intent is not a contract. */
export type Binding =
  /** A binding contract. */
  | 'BINDING'
  /** Not binding, e.g. a letter of intent or talks. */
  | 'NON_BINDING'
  /** The sources do not say. */
  | 'UNKNOWN';

/** What a capacity rollup groups plants by. */
export type CapacityGroup =
  /** The company that runs the plant. */
  | 'COMPANY'
  /** The country the plant is in. */
  | 'COUNTRY'
  /** Each plant on its own (the key is the plant's id): what the map sizes its plants by. */
  | 'PLANT'
  /** The plant's status as of the rollup's date. */
  | 'STATUS';

/** What a claimed value measures. Claims with the same subject and property compete; one is preferred. */
export type ClaimProperty =
  /** Production capacity without a more specific sense. */
  | 'CAPACITY'
  /** Production capacity aimed at for a later year (for example 24 GWh by 2030). */
  | 'CAPACITY_TARGET'
  /** Capacity of the first phase of a plant. */
  | 'INITIAL_CAPACITY'
  /** Money invested or to be invested. */
  | 'INVESTMENT'
  /** Jobs created so far. */
  | 'JOBS_CREATED'
  /** Jobs promised or expected. */
  | 'JOBS_TARGET'
  /** Share one party holds in another. */
  | 'STAKE'
  /** Volume one party supplies to another per year. */
  | 'SUPPLY_VOLUME';

/** What a company is, in the battery value chain. */
export type CompanyKind =
  /** An alliance of companies. */
  | 'ALLIANCE'
  /** Makes cars. */
  | 'AUTOMAKER'
  /** Makes battery cells, modules or packs. */
  | 'BATTERY_MAKER'
  /** Anything else. */
  | 'OTHER'
  /** A research organisation. */
  | 'RESEARCH'
  /** A young company. */
  | 'START_UP'
  /** Supplies parts or materials. */
  | 'SUPPLIER';

/** A new partnership. */
export type CreatePartnershipInput = {
  /** When it was announced. */
  announced?: DateInput | null | undefined;
  /** How binding it is. */
  binding?: Binding | null | undefined;
  /** At least one quote that states the partnership. */
  evidence: Array<QuoteInput>;
  /** Lower-case slug for the new partnership. */
  id: string;
  /** What kind of agreement it is. */
  kind: PartnershipKind;
  /** Ids of milestones that belong to it. */
  milestoneIds?: Array<string> | null | undefined;
  /** How the source asserts it. */
  modality?: Modality | null | undefined;
  /** A readable title. */
  name: string;
  /** At least two companies with their roles. */
  parties: Array<PartyInput>;
  /** Ids of projects it serves. */
  projectIds?: Array<string> | null | undefined;
  /** What it is for. */
  purpose?: string | null | undefined;
  /** Why it is added. */
  reason?: string | null | undefined;
  /** Ids of sites where it takes place. */
  siteIds?: Array<string> | null | undefined;
  /** Where it stands. */
  status: PartnershipStatus;
};

/** A date at its precision: `2021`, `2021-06` or `2021-06-28`. */
export type DateInput = {
  /** How precise the value is. */
  precision: DatePrecision;
  /** The date as written at its precision. */
  value: string;
};

/** How precise a date is: `2030` is a year, not 1 January 2030. */
export type DatePrecision =
  /** The exact day is known. */
  | 'DAY'
  /** Year and month are known. */
  | 'MONTH'
  /** Only the year is known. */
  | 'YEAR';

/** Company proposals to merge into companies the graph holds. */
export type MergeProposalsInput = {
  /** The merges (1 to 200, all of one source). */
  merges: Array<ProposalMergeInput>;
  /** Why; kept in each decision's revision. */
  reason?: string | null | undefined;
};

/** How a milestone's year is meant. */
export type MilestoneBound =
  /** A deadline: by that time. */
  | 'BY'
  /** A start: from that time on. */
  | 'FROM'
  /** A point in time. */
  | 'IN';

/** Whether a milestone is promised, expected, possible or already true. */
export type MilestoneModality =
  /** Something that is already the case. */
  | 'ACTUAL'
  /** Something expected to happen. */
  | 'EXPECTATION'
  /** Something that may happen ('possibly from 2027'). */
  | 'POSSIBILITY'
  /** A goal someone has set ('4,500 jobs by 2030'). */
  | 'TARGET';

/** How a fact is asserted, after Wikidata's 'nature of statement'. */
export type Modality =
  /** Stated as fact. */
  | 'ASSERTED'
  /** Stated not to be the case. */
  | 'NEGATED'
  /** Planned. */
  | 'PLANNED'
  /** Stated as possible only ('possibly from 2027'). */
  | 'POSSIBLE'
  /** Reported by others. */
  | 'REPORTED';

/**
 * Filters for partnerships; all given filters must hold. A partnership's years are the years of its
 * announcement, its start and its milestones.
 */
export type PartnershipFilter = {
  /** Only partnerships that existed on this day (YYYY-MM-DD): a stage by then, or announced by then. */
  asOf?: string | null | undefined;
  /** Only partnerships this binding. */
  binding?: Binding | null | undefined;
  /** Only partnerships this company is party to. */
  companyId?: string | null | undefined;
  /** Only partnerships with a year at or after this one. */
  fromYear?: number | null | undefined;
  /** Only partnerships of this kind. */
  kind?: PartnershipKind | null | undefined;
  /** Only partnerships serving this project. */
  projectId?: string | null | undefined;
  /** Only partnerships at this site or at a site inside it. */
  siteId?: string | null | undefined;
  /** Only partnerships with this status (as of `asOf`, when given). */
  status?: PartnershipStatus | null | undefined;
  /** Only partnerships with a year at or before this one. */
  toYear?: number | null | undefined;
};

/** What kind of agreement a partnership is. */
export type PartnershipKind =
  /** Talks that have not led to an agreement (yet). */
  | 'DISCUSSION'
  /** One party holds shares in another. */
  | 'EQUITY_STAKE'
  /** A joint venture. */
  | 'JOINT_VENTURE'
  /** A letter of intent: an intention, not a contract. */
  | 'LETTER_OF_INTENT'
  /** A technology licence: one party licenses patents or know-how to another. */
  | 'LICENCE'
  /** A long-standing partnership of unspecified form. */
  | 'LONG_TERM_PARTNERSHIP'
  /** A memorandum of understanding. */
  | 'MEMORANDUM'
  /** A research cooperation. */
  | 'RESEARCH'
  /** A strategic cooperation. */
  | 'STRATEGIC_COOPERATION'
  /** A supply relationship or contract. */
  | 'SUPPLY';

/** Where a partnership stands. */
export type PartnershipStatus =
  /** In force and running. */
  | 'ACTIVE'
  /** Announced publicly. */
  | 'ANNOUNCED'
  /** Cancelled. */
  | 'CANCELLED'
  /** Done. */
  | 'COMPLETED'
  /** Under discussion. */
  | 'IN_DISCUSSION'
  /** Talks or plans that came to nothing. */
  | 'LAPSED'
  /** Signed. */
  | 'SIGNED';

/** A company's part in a partnership. */
export type PartyInput = {
  /** Id of the company. */
  companyId: string;
  /** Its role. */
  role: PartyRole;
};

/** A party's role in a partnership. */
export type PartyRole =
  /** Buys what the partnership supplies. */
  | 'BUYER'
  /** Develops or builds. */
  | 'DEVELOPER'
  /** Hosts the site or the ecosystem. */
  | 'HOST'
  /** Started the initiative. */
  | 'INITIATOR'
  /** Invests. */
  | 'INVESTOR'
  /** A partner without a more specific role. */
  | 'PARTNER'
  /** May join later. */
  | 'PROSPECTIVE_MEMBER'
  /** Carries out research. */
  | 'RESEARCHER'
  /** Supplies goods. */
  | 'SUPPLIER';

/** Where a battery-cell plant stands: the status of its latest stage. */
export type PlantStatus =
  /** Announced, not yet under construction. */
  | 'ANNOUNCED'
  /** Cancelled. */
  | 'CANCELLED'
  /** Under construction. */
  | 'CONSTRUCTION_STARTED'
  /** Producing, and expanded since it started. */
  | 'EXPANDED'
  /** Work paused or put on hold. */
  | 'PAUSED'
  /** Producing cells. */
  | 'PRODUCTION_STARTED'
  /** Sold to another owner. */
  | 'SOLD';

/** What a project is. */
export type ProjectKind =
  /** An industrial ecosystem. */
  | 'ECOSYSTEM'
  /** Anything else. */
  | 'OTHER'
  /** A research programme such as ASSB. */
  | 'RESEARCH_PROGRAMME'
  /** A company roadmap such as Renaulution. */
  | 'ROADMAP'
  /** A strategy such as a battery strategy. */
  | 'STRATEGY'
  /** A vehicle model such as the Megane. */
  | 'VEHICLE';

/** An editor's correction of a proposal; fields left out keep the proposed value. */
export type ProposalEditInput = {
  /** Other names (companies, people, sites, projects). */
  aliases?: Array<string> | null | undefined;
  /** How binding a partnership is. */
  binding?: Binding | null | undefined;
  /** What a company is. */
  companyKinds?: Array<CompanyKind> | null | undefined;
  /** A short description (companies, sites, projects). */
  description?: string | null | undefined;
  /** Id of the proposal. */
  id: string;
  /** How the article asserts a partnership. */
  modality?: Modality | null | undefined;
  /** The record's name. */
  name?: string | null | undefined;
  /** What kind of agreement a partnership is. */
  partnershipKind?: PartnershipKind | null | undefined;
  /** What kind of project it is. */
  projectKind?: ProjectKind | null | undefined;
  /** What kind of place a site is. */
  siteKind?: SiteKind | null | undefined;
  /** Where a partnership stands. */
  status?: PartnershipStatus | null | undefined;
};

/** One merge: a pending company proposal and the known company it is the same as. */
export type ProposalMergeInput = {
  /** Id of the pending company proposal. */
  id: string;
  /** Id of the company in the graph it is merged into. */
  into: string;
};

/** What kind of record a proposal is. */
export type ProposalSection =
  /** A stated value, such as a capacity. */
  | 'CLAIM'
  /** A company. */
  | 'COMPANY'
  /** A dated target or event. */
  | 'MILESTONE'
  /** An agreement. */
  | 'PARTNERSHIP'
  /** A person. */
  | 'PERSON'
  /** A project. */
  | 'PROJECT'
  /** A site. */
  | 'SITE'
  /** A stage of a deal. */
  | 'STAGE';

/** Where a proposal stands in review. */
export type ProposalStatus =
  /** Written into the graph as proposed. */
  | 'ACCEPTED'
  /** Written into the graph with an editor's corrections. */
  | 'EDITED'
  /** The same company as one the graph holds: merged into it (see `mergedInto`), nothing new written. */
  | 'MERGED'
  /** Awaiting review. */
  | 'PENDING'
  /** Not written; kept with the decision. */
  | 'REJECTED';

/** A quote to attach: it must occur verbatim in the stored source. */
export type QuoteInput = {
  /** Which occurrence, when the text appears more than once (1 = first). */
  occurrence?: number | null | undefined;
  /** The exact text, as it appears in the source. */
  quote: string;
  /** Id of a stored source. */
  sourceId: string;
};

/** Proposals to reject. */
export type RejectProposalsInput = {
  /** Ids of the proposals to reject (at most 200). */
  ids: Array<string>;
  /** Why; kept in each decision's revision. */
  reason?: string | null | undefined;
};

/** What a site is; sites nest by `locatedIn` (facility in city in country in continent). */
export type SiteKind =
  /** A city or town. */
  | 'CITY'
  /** An industrial cluster such as Renault ElectriCity. */
  | 'CLUSTER'
  /** A continent such as Europe. */
  | 'CONTINENT'
  /** A country. */
  | 'COUNTRY'
  /** A plant or facility such as a gigafactory. */
  | 'FACILITY'
  /** A region inside a country. */
  | 'REGION';

/** What kind of document a source is. */
export type SourceKind =
  /** A news article. */
  | 'NEWS_ARTICLE'
  /** A company's own press release. */
  | 'PRESS_RELEASE'
  /** A report or study. */
  | 'REPORT'
  /** Any other web page. */
  | 'WEB_PAGE';

/**
 * A status a stage moves its deal or plant to: the values of `PartnershipStatus` for deals, of
 * `PlantStatus` for plants.
 */
export type StageStatus =
  /** A deal is in force and running. */
  | 'ACTIVE'
  /** Announced publicly (a deal or a plant). */
  | 'ANNOUNCED'
  /** A deal or plant was cancelled. */
  | 'CANCELLED'
  /** A deal is done. */
  | 'COMPLETED'
  /** Construction of a plant started. */
  | 'CONSTRUCTION_STARTED'
  /** A producing plant was expanded. */
  | 'EXPANDED'
  /** A deal is under discussion. */
  | 'IN_DISCUSSION'
  /** Talks or plans came to nothing. */
  | 'LAPSED'
  /** Work on a plant was paused or put on hold. */
  | 'PAUSED'
  /** A plant started production. */
  | 'PRODUCTION_STARTED'
  /** A deal was signed. */
  | 'SIGNED'
  /** A plant was sold to another owner. */
  | 'SOLD';

/** What happens on a timeline entry. */
export type TimelineEntryKind =
  /** A partnership was announced. */
  | 'ANNOUNCEMENT'
  /** A milestone is due. */
  | 'MILESTONE'
  /** A deal or plant reached a stage: a contract signed, a plant opened, a project cancelled. */
  | 'STAGE'
  /** A partnership starts. */
  | 'START';

export type DashboardLandscapeQueryVariables = Exact<{
  asOf?: string | null | undefined;
  groupBy?: CapacityGroup | null | undefined;
  from?: number | null | undefined;
  to?: number | null | undefined;
  year?: number | null | undefined;
}>;


export type DashboardLandscapeQuery = { dashboard: { asOf: string, capacity: { groupBy: CapacityGroup, from: number, to: number, figures: Array<{ key: string, label: string, year: number, planned: number, operating: number, plants: number }>, totals: Array<{ year: number, planned: number, operating: number, plants: number }>, withoutCapacity: Array<{ id: string, name: string }> }, plantsByStatus: Array<{ key: string, count: number }>, cellMakers: Array<{ plants: number, planned: number, operating: number, company: { id: string, name: string }, customers: Array<{ id: string, name: string }> }> } };

export type DashboardMetaQueryVariables = Exact<{ [key: string]: never; }>;


export type DashboardMetaQuery = { dashboard: { totals: { companies: number, people: number, sites: number, projects: number, partnerships: number, milestones: number, sources: number, evidence: number }, partnershipsByKind: Array<{ key: string, count: number }>, partnershipsByStatus: Array<{ key: string, count: number }>, partnershipsByBinding: Array<{ key: string, count: number }>, announcementsByYear: Array<{ year: number, count: number }>, milestonesByYear: Array<{ year: number, count: number }> }, kinds: { enumValues: Array<{ name: string, description: string | null }> | null } | null, statuses: { enumValues: Array<{ name: string, description: string | null }> | null } | null };

export type DashboardCompaniesQueryVariables = Exact<{
  after?: string | null | undefined;
}>;


export type DashboardCompaniesQuery = { companies: { nodes: Array<{ id: string, name: string, kinds: Array<CompanyKind> }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type DashboardNetworkQueryVariables = Exact<{
  id: string;
}>;


export type DashboardNetworkQuery = { company: { id: string, name: string, kinds: Array<CompanyKind>, partners: Array<{ company: { id: string, name: string, kinds: Array<CompanyKind> }, partnerships: Array<{ id: string, name: string, kind: PartnershipKind, status: PartnershipStatus, binding: Binding }> }> } | null };

export type DashboardPartnershipsQueryVariables = Exact<{
  filter?: PartnershipFilter | null | undefined;
  after?: string | null | undefined;
}>;


export type DashboardPartnershipsQuery = { partnerships: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, nodes: Array<{ id: string, name: string, kind: PartnershipKind, status: PartnershipStatus, binding: Binding, purpose: string | null, announced: { value: string, year: number } | null, start: { value: string, year: number } | null, parties: Array<{ role: PartyRole, company: { id: string, name: string } }>, sites: Array<{ id: string, name: string, kind: SiteKind }>, milestones: Array<{ id: string, year: number, due: string }>, evidence: Array<{ id: string, quote: string, source: { id: string, name: string, url: string | null } }> }> } };

export type DashboardTimelineQueryVariables = Exact<{
  from?: number | null | undefined;
  to?: number | null | undefined;
  companyId?: string | null | undefined;
}>;


export type DashboardTimelineQuery = { timeline: Array<{ year: number, date: string, precision: DatePrecision, kind: TimelineEntryKind, title: string, milestone: { id: string, due: string, modality: MilestoneModality, bound: MilestoneBound | null, measure: { value: number, unit: string, approximate: boolean } | null } | null, partnership: { id: string, name: string, kind: PartnershipKind, status: PartnershipStatus } | null, evidence: Array<{ id: string, quote: string }> }> };

export type ExplorerNodeQueryVariables = Exact<{
  id: string;
}>;


export type ExplorerNodeQuery = { node:
    | { __typename: 'Claim', id: string, name: string }
    | { __typename: 'Company', aliases: Array<string>, kinds: Array<CompanyKind>, description: string | null, id: string, name: string, basedIn: Array<{ __typename: 'Site', id: string, name: string }>, memberOf: Array<{ __typename: 'Company', id: string, name: string }>, members: Array<{ __typename: 'Company', id: string, name: string }>, projects: Array<{ __typename: 'Project', id: string, name: string }>, people: Array<{ title: string, person: { __typename: 'Person', id: string, name: string } }>, partnershipPage: { totalCount: number, nodes: Array<{ id: string, name: string, kind: PartnershipKind, status: PartnershipStatus, binding: Binding, announced: { value: string } | null, parties: Array<{ role: PartyRole, company: { id: string, name: string } }> }> }, evidence: Array<{ id: string, quote: string, start: number, end: number, source: { id: string, name: string, url: string | null }, speaker: { id: string, name: string } | null }> }
    | { __typename: 'Evidence', id: string, name: string, quote: string, start: number, end: number, supports: Array<
        | { __typename: 'Claim', id: string, name: string }
        | { __typename: 'Company', id: string, name: string }
        | { __typename: 'Evidence', id: string, name: string }
        | { __typename: 'Milestone', id: string, name: string }
        | { __typename: 'Partnership', id: string, name: string }
        | { __typename: 'Person', id: string, name: string }
        | { __typename: 'Project', id: string, name: string }
        | { __typename: 'Site', id: string, name: string }
        | { __typename: 'Source', id: string, name: string }
        | { __typename: 'Stage', id: string, name: string }
      >, source: { id: string, name: string, url: string | null }, speaker: { id: string, name: string } | null }
    | { __typename: 'Milestone', year: number, date: string | null, precision: DatePrecision, bound: MilestoneBound | null, due: string, id: string, name: string, milestoneModality: MilestoneModality, measure: { value: number, unit: string, approximate: boolean } | null, partnerships: Array<{ id: string, name: string, kind: PartnershipKind, status: PartnershipStatus, binding: Binding, announced: { value: string } | null, parties: Array<{ role: PartyRole, company: { id: string, name: string } }> }>, companies: Array<{ __typename: 'Company', id: string, name: string }>, sites: Array<{ __typename: 'Site', id: string, name: string }>, projects: Array<{ __typename: 'Project', id: string, name: string }>, evidence: Array<{ id: string, quote: string, start: number, end: number, source: { id: string, name: string, url: string | null }, speaker: { id: string, name: string } | null }> }
    | { __typename: 'Partnership', aliases: Array<string>, modality: Modality, purpose: string | null, id: string, name: string, kind: PartnershipKind, status: PartnershipStatus, binding: Binding, starts: { value: string } | null, sites: Array<{ __typename: 'Site', id: string, name: string }>, projects: Array<{ __typename: 'Project', id: string, name: string }>, milestones: Array<{ __typename: 'Milestone', id: string, name: string }>, evidence: Array<{ id: string, quote: string, start: number, end: number, source: { id: string, name: string, url: string | null }, speaker: { id: string, name: string } | null }>, announced: { value: string } | null, parties: Array<{ role: PartyRole, company: { id: string, name: string } }> }
    | { __typename: 'Person', aliases: Array<string>, id: string, name: string, positions: Array<{ title: string, organization: { __typename: 'Company', id: string, name: string } }>, statements: Array<{ id: string, quote: string, start: number, end: number, source: { id: string, name: string, url: string | null }, speaker: { id: string, name: string } | null }>, evidence: Array<{ id: string, quote: string, start: number, end: number, source: { id: string, name: string, url: string | null }, speaker: { id: string, name: string } | null }> }
    | { __typename: 'Project', aliases: Array<string>, description: string | null, id: string, name: string, projectKind: ProjectKind, owners: Array<{ __typename: 'Company', id: string, name: string }>, partOf: Array<{ __typename: 'Project', id: string, name: string }>, parts: Array<{ __typename: 'Project', id: string, name: string }>, partnerships: Array<{ id: string, name: string, kind: PartnershipKind, status: PartnershipStatus, binding: Binding, announced: { value: string } | null, parties: Array<{ role: PartyRole, company: { id: string, name: string } }> }>, milestones: Array<{ __typename: 'Milestone', id: string, name: string }>, evidence: Array<{ id: string, quote: string, start: number, end: number, source: { id: string, name: string, url: string | null }, speaker: { id: string, name: string } | null }> }
    | { __typename: 'Site', aliases: Array<string>, description: string | null, id: string, name: string, siteKind: SiteKind, locatedIn: { __typename: 'Site', id: string, name: string } | null, contains: Array<{ __typename: 'Site', id: string, name: string }>, near: Array<{ __typename: 'Site', id: string, name: string }>, companies: Array<{ __typename: 'Company', id: string, name: string }>, partnerships: Array<{ id: string, name: string, kind: PartnershipKind, status: PartnershipStatus, binding: Binding, announced: { value: string } | null, parties: Array<{ role: PartyRole, company: { id: string, name: string } }> }>, evidence: Array<{ id: string, quote: string, start: number, end: number, source: { id: string, name: string, url: string | null }, speaker: { id: string, name: string } | null }> }
    | { __typename: 'Source', publisher: string | null, url: string | null, language: string, id: string, name: string, sourceKind: SourceKind, published: { value: string } | null, translation: { machine: boolean, originalLanguage: string | null, note: string | null } | null, evidence: Array<{ id: string, quote: string, start: number, end: number, source: { id: string, name: string, url: string | null }, speaker: { id: string, name: string } | null }> }
    | { __typename: 'Stage', id: string, name: string }
   | null };

export type ExplorerHistoryQueryVariables = Exact<{
  id: string;
}>;


export type ExplorerHistoryQuery = { history: Array<{ id: string, operation: string, changedBy: string, changedAt: string, reason: string | null, changes: Array<{ field: string, before: string | null, after: string | null }> }> };

export type ExplorerSourceQueryVariables = Exact<{
  id: string;
}>;


export type ExplorerSourceQuery = { source: { id: string, name: string, url: string | null, publisher: string | null, text: string, evidence: Array<{ id: string, start: number, end: number, quote: string }> } | null };

export type QuoteFragment = { id: string, quote: string, start: number, end: number, source: { id: string, name: string, url: string | null }, speaker: { id: string, name: string } | null };

export type PartnershipSummaryFragment = { id: string, name: string, kind: PartnershipKind, status: PartnershipStatus, binding: Binding, announced: { value: string } | null, parties: Array<{ role: PartyRole, company: { id: string, name: string } }> };

export type SubgraphFragment = { nodes: Array<
    | { __typename: 'Claim', id: string, name: string }
    | { __typename: 'Company', id: string, name: string }
    | { __typename: 'Evidence', id: string, name: string }
    | { __typename: 'Milestone', id: string, name: string }
    | { __typename: 'Partnership', id: string, name: string }
    | { __typename: 'Person', id: string, name: string }
    | { __typename: 'Project', id: string, name: string }
    | { __typename: 'Site', id: string, name: string }
    | { __typename: 'Source', id: string, name: string }
    | { __typename: 'Stage', id: string, name: string }
  >, edges: Array<{ source: string, target: string, type: string }> };

export type ExplorerNeighborhoodQueryVariables = Exact<{
  id: string;
  depth?: number | null | undefined;
  limit?: number | null | undefined;
}>;


export type ExplorerNeighborhoodQuery = { neighborhood: { nodes: Array<
      | { __typename: 'Claim', id: string, name: string }
      | { __typename: 'Company', id: string, name: string }
      | { __typename: 'Evidence', id: string, name: string }
      | { __typename: 'Milestone', id: string, name: string }
      | { __typename: 'Partnership', id: string, name: string }
      | { __typename: 'Person', id: string, name: string }
      | { __typename: 'Project', id: string, name: string }
      | { __typename: 'Site', id: string, name: string }
      | { __typename: 'Source', id: string, name: string }
      | { __typename: 'Stage', id: string, name: string }
    >, edges: Array<{ source: string, target: string, type: string }> } };

export type ExplorerPathQueryVariables = Exact<{
  fromId: string;
  toId: string;
}>;


export type ExplorerPathQuery = { shortestPath: { nodes: Array<
      | { __typename: 'Claim', id: string, name: string }
      | { __typename: 'Company', id: string, name: string }
      | { __typename: 'Evidence', id: string, name: string }
      | { __typename: 'Milestone', id: string, name: string }
      | { __typename: 'Partnership', id: string, name: string }
      | { __typename: 'Person', id: string, name: string }
      | { __typename: 'Project', id: string, name: string }
      | { __typename: 'Site', id: string, name: string }
      | { __typename: 'Source', id: string, name: string }
      | { __typename: 'Stage', id: string, name: string }
    >, edges: Array<{ source: string, target: string, type: string }> } | null };

export type ExplorerSearchQueryVariables = Exact<{
  text: string;
}>;


export type ExplorerSearchQuery = { search: Array<{ score: number, node:
      | { __typename: 'Claim', id: string, name: string }
      | { __typename: 'Company', id: string, name: string }
      | { __typename: 'Evidence', id: string, name: string }
      | { __typename: 'Milestone', id: string, name: string }
      | { __typename: 'Partnership', id: string, name: string }
      | { __typename: 'Person', id: string, name: string }
      | { __typename: 'Project', id: string, name: string }
      | { __typename: 'Site', id: string, name: string }
      | { __typename: 'Source', id: string, name: string }
      | { __typename: 'Stage', id: string, name: string }
     }> };

export type MapPlantsQueryVariables = Exact<{
  asOf: string;
  after?: string | null | undefined;
}>;


export type MapPlantsQuery = { plants: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, nodes: Array<{ id: string, name: string, status: PlantStatus | null, operator: { id: string, name: string } | null, city: { name: string } | null, country: { name: string } | null, location: { latitude: number, longitude: number, source: string } | null }> } };

export type MapCapacityQueryVariables = Exact<{
  year: number;
  asOf: string;
}>;


export type MapCapacityQuery = { capacity: { figures: Array<{ key: string, planned: number, operating: number, claims: Array<{ id: string }> }>, totals: Array<{ planned: number, operating: number, plants: number }> } };

export type MapPlantQueryVariables = Exact<{
  id: string;
  asOf: string;
}>;


export type MapPlantQuery = { plant: { id: string, name: string, aliases: Array<string>, chemistry: string | null, status: PlantStatus | null, operator: { id: string, name: string } | null, owners: Array<{ stake: number | null, company: { id: string, name: string }, evidence: Array<{ id: string, quote: string, source: { id: string, name: string, publisher: string | null, url: string | null, published: { value: string } | null } }> }>, stages: Array<{ id: string, status: StageStatus, summary: string | null, date: { value: string }, evidence: Array<{ id: string, quote: string, source: { id: string, name: string, publisher: string | null, url: string | null, published: { value: string } | null } }> }>, claims: Array<{ id: string, property: ClaimProperty, value: number, unit: string, year: number | null, bound: MilestoneBound | null, modality: MilestoneModality, approximate: boolean, preferred: boolean, stated: { value: string }, evidence: Array<{ id: string, quote: string, source: { id: string, name: string, publisher: string | null, url: string | null, published: { value: string } | null } }> }>, partnerships: Array<{ id: string, name: string, kind: PartnershipKind, status: PartnershipStatus }>, city: { name: string } | null, country: { name: string } | null, location: { latitude: number, longitude: number, source: string } | null } | null };

export type PlantPlaceFragment = { city: { name: string } | null, country: { name: string } | null, location: { latitude: number, longitude: number, source: string } | null };

export type MapQuoteFragment = { id: string, quote: string, source: { id: string, name: string, publisher: string | null, url: string | null, published: { value: string } | null } };

export type PlaygroundHealthQueryVariables = Exact<{ [key: string]: never; }>;


export type PlaygroundHealthQuery = { dashboard: { totals: { companies: number } } };

export type ReviewQueueQueryVariables = Exact<{ [key: string]: never; }>;


export type ReviewQueueQuery = { reviewQueue: Array<{ pending: number, source: { id: string, name: string, publisher: string | null, published: { value: string } | null } }> };

export type ReviewProposalFragment = { id: string, section: ProposalSection, recordId: string, name: string, confidence: number, known: boolean, status: ProposalStatus, record: string, decidedBy: string | null, entity:
    | { name: string }
    | { name: string }
    | { name: string }
    | { name: string }
    | { name: string }
    | { name: string }
    | { name: string }
    | { name: string }
    | { name: string }
    | { name: string }
   | null, mergedInto: { id: string, name: string } | null, quotes: Array<{ start: number, end: number }> };

export type ReviewSourceQueryVariables = Exact<{
  sourceId: string;
}>;


export type ReviewSourceQuery = { source: { id: string, name: string, url: string | null, publisher: string | null, text: string, published: { value: string } | null } | null, proposals: Array<{ id: string, section: ProposalSection, recordId: string, name: string, confidence: number, known: boolean, status: ProposalStatus, record: string, decidedBy: string | null, entity:
      | { name: string }
      | { name: string }
      | { name: string }
      | { name: string }
      | { name: string }
      | { name: string }
      | { name: string }
      | { name: string }
      | { name: string }
      | { name: string }
     | null, mergedInto: { id: string, name: string } | null, quotes: Array<{ start: number, end: number }> }> };

export type AcceptProposalsMutationVariables = Exact<{
  input: AcceptProposalsInput;
}>;


export type AcceptProposalsMutation = { acceptProposals: Array<{ id: string, status: ProposalStatus }> };

export type RejectProposalsMutationVariables = Exact<{
  input: RejectProposalsInput;
}>;


export type RejectProposalsMutation = { rejectProposals: Array<{ id: string, status: ProposalStatus }> };

export type MergeProposalsMutationVariables = Exact<{
  input: MergeProposalsInput;
}>;


export type MergeProposalsMutation = { mergeProposals: Array<{ id: string, status: ProposalStatus }> };

export type CreateMissedPartnershipMutationVariables = Exact<{
  input: CreatePartnershipInput;
}>;


export type CreateMissedPartnershipMutation = { createPartnership: { id: string, name: string } };

export type MergeCandidatesQueryVariables = Exact<{
  text: string;
}>;


export type MergeCandidatesQuery = { search: Array<{ node:
      | { __typename: 'Claim', id: string, name: string }
      | { __typename: 'Company', id: string, name: string }
      | { __typename: 'Evidence', id: string, name: string }
      | { __typename: 'Milestone', id: string, name: string }
      | { __typename: 'Partnership', id: string, name: string }
      | { __typename: 'Person', id: string, name: string }
      | { __typename: 'Project', id: string, name: string }
      | { __typename: 'Site', id: string, name: string }
      | { __typename: 'Source', id: string, name: string }
      | { __typename: 'Stage', id: string, name: string }
     }> };

type NodeRef_Claim_Fragment = { __typename: 'Claim', id: string, name: string };

type NodeRef_Company_Fragment = { __typename: 'Company', id: string, name: string };

type NodeRef_Evidence_Fragment = { __typename: 'Evidence', id: string, name: string };

type NodeRef_Milestone_Fragment = { __typename: 'Milestone', id: string, name: string };

type NodeRef_Partnership_Fragment = { __typename: 'Partnership', id: string, name: string };

type NodeRef_Person_Fragment = { __typename: 'Person', id: string, name: string };

type NodeRef_Project_Fragment = { __typename: 'Project', id: string, name: string };

type NodeRef_Site_Fragment = { __typename: 'Site', id: string, name: string };

type NodeRef_Source_Fragment = { __typename: 'Source', id: string, name: string };

type NodeRef_Stage_Fragment = { __typename: 'Stage', id: string, name: string };

export type NodeRefFragment =
  | NodeRef_Claim_Fragment
  | NodeRef_Company_Fragment
  | NodeRef_Evidence_Fragment
  | NodeRef_Milestone_Fragment
  | NodeRef_Partnership_Fragment
  | NodeRef_Person_Fragment
  | NodeRef_Project_Fragment
  | NodeRef_Site_Fragment
  | NodeRef_Source_Fragment
  | NodeRef_Stage_Fragment
;

export type SourceLinkFragment = { id: string, name: string, url: string | null };

export type MeasureValueFragment = { value: number, unit: string, approximate: boolean };

export class TypedDocumentString<TResult, TVariables>
  extends String
  implements DocumentTypeDecoration<TResult, TVariables>
{
  __apiType?: NonNullable<DocumentTypeDecoration<TResult, TVariables>['__apiType']>;
  private value: string;
  public __meta__?: Record<string, any> | undefined;

  constructor(value: string, __meta__?: Record<string, any> | undefined) {
    super(value);
    this.value = value;
    this.__meta__ = __meta__;
  }

  override toString(): string & DocumentTypeDecoration<TResult, TVariables> {
    return this.value;
  }
}
export const SourceLinkFragmentDoc = new TypedDocumentString(`
    fragment SourceLink on Source {
  id
  name
  url
}
    `, {"fragmentName":"SourceLink"}) as unknown as TypedDocumentString<SourceLinkFragment, unknown>;
export const QuoteFragmentDoc = new TypedDocumentString(`
    fragment Quote on Evidence {
  id
  quote
  start
  end
  source {
    ...SourceLink
  }
  speaker {
    id
    name
  }
}
    fragment SourceLink on Source {
  id
  name
  url
}`, {"fragmentName":"Quote"}) as unknown as TypedDocumentString<QuoteFragment, unknown>;
export const PartnershipSummaryFragmentDoc = new TypedDocumentString(`
    fragment PartnershipSummary on Partnership {
  id
  name
  kind
  status
  binding
  announced {
    value
  }
  parties {
    role
    company {
      id
      name
    }
  }
}
    `, {"fragmentName":"PartnershipSummary"}) as unknown as TypedDocumentString<PartnershipSummaryFragment, unknown>;
export const NodeRefFragmentDoc = new TypedDocumentString(`
    fragment NodeRef on Node {
  __typename
  id
  name
}
    `, {"fragmentName":"NodeRef"}) as unknown as TypedDocumentString<NodeRefFragment, unknown>;
export const SubgraphFragmentDoc = new TypedDocumentString(`
    fragment Subgraph on Graph {
  nodes {
    ...NodeRef
  }
  edges {
    source
    target
    type
  }
}
    fragment NodeRef on Node {
  __typename
  id
  name
}`, {"fragmentName":"Subgraph"}) as unknown as TypedDocumentString<SubgraphFragment, unknown>;
export const PlantPlaceFragmentDoc = new TypedDocumentString(`
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
    `, {"fragmentName":"PlantPlace"}) as unknown as TypedDocumentString<PlantPlaceFragment, unknown>;
export const MapQuoteFragmentDoc = new TypedDocumentString(`
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
    `, {"fragmentName":"MapQuote"}) as unknown as TypedDocumentString<MapQuoteFragment, unknown>;
export const ReviewProposalFragmentDoc = new TypedDocumentString(`
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
    `, {"fragmentName":"ReviewProposal"}) as unknown as TypedDocumentString<ReviewProposalFragment, unknown>;
export const MeasureValueFragmentDoc = new TypedDocumentString(`
    fragment MeasureValue on Measure {
  value
  unit
  approximate
}
    `, {"fragmentName":"MeasureValue"}) as unknown as TypedDocumentString<MeasureValueFragment, unknown>;
export const DashboardLandscapeDocument = new TypedDocumentString(`
    query DashboardLandscape($asOf: String, $groupBy: CapacityGroup, $from: Int, $to: Int, $year: Int) {
  dashboard(asOf: $asOf) {
    asOf
    capacity(groupBy: $groupBy, from: $from, to: $to) {
      groupBy
      from
      to
      figures {
        key
        label
        year
        planned
        operating
        plants
      }
      totals {
        year
        planned
        operating
        plants
      }
      withoutCapacity {
        id
        name
      }
    }
    plantsByStatus {
      key
      count
    }
    cellMakers(year: $year) {
      company {
        id
        name
      }
      plants
      planned
      operating
      customers {
        id
        name
      }
    }
  }
}
    `) as unknown as TypedDocumentString<DashboardLandscapeQuery, DashboardLandscapeQueryVariables>;
export const DashboardMetaDocument = new TypedDocumentString(`
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
    `) as unknown as TypedDocumentString<DashboardMetaQuery, DashboardMetaQueryVariables>;
export const DashboardCompaniesDocument = new TypedDocumentString(`
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
    `) as unknown as TypedDocumentString<DashboardCompaniesQuery, DashboardCompaniesQueryVariables>;
export const DashboardNetworkDocument = new TypedDocumentString(`
    query DashboardNetwork($id: ID!) {
  company(id: $id) {
    id
    name
    kinds
    partners {
      company {
        id
        name
        kinds
      }
      partnerships {
        id
        name
        kind
        status
        binding
      }
    }
  }
}
    `) as unknown as TypedDocumentString<DashboardNetworkQuery, DashboardNetworkQueryVariables>;
export const DashboardPartnershipsDocument = new TypedDocumentString(`
    query DashboardPartnerships($filter: PartnershipFilter, $after: String) {
  partnerships(filter: $filter, first: 100, after: $after) {
    totalCount
    pageInfo {
      hasNextPage
      endCursor
    }
    nodes {
      id
      name
      kind
      status
      binding
      purpose
      announced {
        value
        year
      }
      start {
        value
        year
      }
      parties {
        role
        company {
          id
          name
        }
      }
      sites {
        id
        name
        kind
      }
      milestones {
        id
        year
        due
      }
      evidence {
        id
        quote
        source {
          ...SourceLink
        }
      }
    }
  }
}
    fragment SourceLink on Source {
  id
  name
  url
}`) as unknown as TypedDocumentString<DashboardPartnershipsQuery, DashboardPartnershipsQueryVariables>;
export const DashboardTimelineDocument = new TypedDocumentString(`
    query DashboardTimeline($from: Int, $to: Int, $companyId: ID) {
  timeline(from: $from, to: $to, companyId: $companyId) {
    year
    date
    precision
    kind
    title
    milestone {
      id
      due
      modality
      bound
      measure {
        ...MeasureValue
      }
    }
    partnership {
      id
      name
      kind
      status
    }
    evidence {
      id
      quote
    }
  }
}
    fragment MeasureValue on Measure {
  value
  unit
  approximate
}`) as unknown as TypedDocumentString<DashboardTimelineQuery, DashboardTimelineQueryVariables>;
export const ExplorerNodeDocument = new TypedDocumentString(`
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
    fragment Quote on Evidence {
  id
  quote
  start
  end
  source {
    ...SourceLink
  }
  speaker {
    id
    name
  }
}
fragment PartnershipSummary on Partnership {
  id
  name
  kind
  status
  binding
  announced {
    value
  }
  parties {
    role
    company {
      id
      name
    }
  }
}
fragment NodeRef on Node {
  __typename
  id
  name
}
fragment SourceLink on Source {
  id
  name
  url
}
fragment MeasureValue on Measure {
  value
  unit
  approximate
}`) as unknown as TypedDocumentString<ExplorerNodeQuery, ExplorerNodeQueryVariables>;
export const ExplorerHistoryDocument = new TypedDocumentString(`
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
    `) as unknown as TypedDocumentString<ExplorerHistoryQuery, ExplorerHistoryQueryVariables>;
export const ExplorerSourceDocument = new TypedDocumentString(`
    query ExplorerSource($id: ID!) {
  source(id: $id) {
    id
    name
    url
    publisher
    text
    evidence {
      id
      start
      end
      quote
    }
  }
}
    `) as unknown as TypedDocumentString<ExplorerSourceQuery, ExplorerSourceQueryVariables>;
export const ExplorerNeighborhoodDocument = new TypedDocumentString(`
    query ExplorerNeighborhood($id: ID!, $depth: Int, $limit: Int) {
  neighborhood(id: $id, depth: $depth, limit: $limit) {
    ...Subgraph
  }
}
    fragment Subgraph on Graph {
  nodes {
    ...NodeRef
  }
  edges {
    source
    target
    type
  }
}
fragment NodeRef on Node {
  __typename
  id
  name
}`) as unknown as TypedDocumentString<ExplorerNeighborhoodQuery, ExplorerNeighborhoodQueryVariables>;
export const ExplorerPathDocument = new TypedDocumentString(`
    query ExplorerPath($fromId: ID!, $toId: ID!) {
  shortestPath(fromId: $fromId, toId: $toId) {
    ...Subgraph
  }
}
    fragment Subgraph on Graph {
  nodes {
    ...NodeRef
  }
  edges {
    source
    target
    type
  }
}
fragment NodeRef on Node {
  __typename
  id
  name
}`) as unknown as TypedDocumentString<ExplorerPathQuery, ExplorerPathQueryVariables>;
export const ExplorerSearchDocument = new TypedDocumentString(`
    query ExplorerSearch($text: String!) {
  search(text: $text, first: 25) {
    score
    node {
      ...NodeRef
    }
  }
}
    fragment NodeRef on Node {
  __typename
  id
  name
}`) as unknown as TypedDocumentString<ExplorerSearchQuery, ExplorerSearchQueryVariables>;
export const MapPlantsDocument = new TypedDocumentString(`
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
}`) as unknown as TypedDocumentString<MapPlantsQuery, MapPlantsQueryVariables>;
export const MapCapacityDocument = new TypedDocumentString(`
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
    `) as unknown as TypedDocumentString<MapCapacityQuery, MapCapacityQueryVariables>;
export const MapPlantDocument = new TypedDocumentString(`
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
}`) as unknown as TypedDocumentString<MapPlantQuery, MapPlantQueryVariables>;
export const PlaygroundHealthDocument = new TypedDocumentString(`
    query PlaygroundHealth {
  dashboard {
    totals {
      companies
    }
  }
}
    `) as unknown as TypedDocumentString<PlaygroundHealthQuery, PlaygroundHealthQueryVariables>;
export const ReviewQueueDocument = new TypedDocumentString(`
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
    `) as unknown as TypedDocumentString<ReviewQueueQuery, ReviewQueueQueryVariables>;
export const ReviewSourceDocument = new TypedDocumentString(`
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
  proposals(
    sourceId: $sourceId
    status: [PENDING, ACCEPTED, EDITED, REJECTED, MERGED]
  ) {
    ...ReviewProposal
  }
}
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
}`) as unknown as TypedDocumentString<ReviewSourceQuery, ReviewSourceQueryVariables>;
export const AcceptProposalsDocument = new TypedDocumentString(`
    mutation AcceptProposals($input: AcceptProposalsInput!) {
  acceptProposals(input: $input) {
    id
    status
  }
}
    `) as unknown as TypedDocumentString<AcceptProposalsMutation, AcceptProposalsMutationVariables>;
export const RejectProposalsDocument = new TypedDocumentString(`
    mutation RejectProposals($input: RejectProposalsInput!) {
  rejectProposals(input: $input) {
    id
    status
  }
}
    `) as unknown as TypedDocumentString<RejectProposalsMutation, RejectProposalsMutationVariables>;
export const MergeProposalsDocument = new TypedDocumentString(`
    mutation MergeProposals($input: MergeProposalsInput!) {
  mergeProposals(input: $input) {
    id
    status
  }
}
    `) as unknown as TypedDocumentString<MergeProposalsMutation, MergeProposalsMutationVariables>;
export const CreateMissedPartnershipDocument = new TypedDocumentString(`
    mutation CreateMissedPartnership($input: CreatePartnershipInput!) {
  createPartnership(input: $input) {
    id
    name
  }
}
    `) as unknown as TypedDocumentString<CreateMissedPartnershipMutation, CreateMissedPartnershipMutationVariables>;
export const MergeCandidatesDocument = new TypedDocumentString(`
    query MergeCandidates($text: String!) {
  search(text: $text, first: 25) {
    node {
      __typename
      id
      name
    }
  }
}
    `) as unknown as TypedDocumentString<MergeCandidatesQuery, MergeCandidatesQueryVariables>;