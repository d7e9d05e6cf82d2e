// The values of the API's enums the review forms offer, each list checked against its generated type.
import type {
  Binding,
  CompanyKind,
  Modality,
  PartnershipKind,
  PartnershipStatus,
  PartyRole,
  ProjectKind,
  SiteKind,
} from '../__generated__/graphql';

/** Every value of an enum, checked against its generated type so none is missed. */
const values = <T extends string>(all: Record<T, true>): T[] => Object.keys(all) as T[];

export const COMPANY_KINDS = values<CompanyKind>({
  ALLIANCE: true,
  AUTOMAKER: true,
  BATTERY_MAKER: true,
  OTHER: true,
  RESEARCH: true,
  START_UP: true,
  SUPPLIER: true,
});
export const SITE_KINDS = values<SiteKind>({
  CITY: true,
  CLUSTER: true,
  CONTINENT: true,
  COUNTRY: true,
  FACILITY: true,
  REGION: true,
});
export const PROJECT_KINDS = values<ProjectKind>({
  ECOSYSTEM: true,
  OTHER: true,
  RESEARCH_PROGRAMME: true,
  ROADMAP: true,
  STRATEGY: true,
  VEHICLE: true,
});
export const PARTNERSHIP_KINDS = values<PartnershipKind>({
  DISCUSSION: true,
  EQUITY_STAKE: true,
  JOINT_VENTURE: true,
  LICENCE: true,
  LETTER_OF_INTENT: true,
  LONG_TERM_PARTNERSHIP: true,
  MEMORANDUM: true,
  RESEARCH: true,
  STRATEGIC_COOPERATION: true,
  SUPPLY: true,
});
export const STATUSES = values<PartnershipStatus>({
  ACTIVE: true,
  ANNOUNCED: true,
  CANCELLED: true,
  COMPLETED: true,
  IN_DISCUSSION: true,
  LAPSED: true,
  SIGNED: true,
});
export const BINDINGS = values<Binding>({ BINDING: true, NON_BINDING: true, UNKNOWN: true });
export const MODALITIES = values<Modality>({
  ASSERTED: true,
  NEGATED: true,
  PLANNED: true,
  POSSIBLE: true,
  REPORTED: true,
});
export const PARTY_ROLES = values<PartyRole>({
  BUYER: true,
  DEVELOPER: true,
  HOST: true,
  INITIATOR: true,
  INVESTOR: true,
  PARTNER: true,
  PROSPECTIVE_MEMBER: true,
  RESEARCHER: true,
  SUPPLIER: true,
});
