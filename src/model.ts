/**
 * The data layer's model types: what the store returns and what resolvers receive (codegen maps the
 * GraphQL types onto these). Values are already converted from Neo4j (plain numbers, GraphQL enum
 * spellings), so nothing above the store sees a Neo4j Integer or a storage spelling.
 */
import type {
  Binding,
  ClaimProperty,
  CompanyKind,
  DatePrecision,
  MilestoneBound,
  MilestoneModality,
  Modality,
  PartnershipKind,
  PartnershipStatus,
  PartyRole,
  PlantStatus,
  ProjectKind,
  SiteKind,
  SourceKind,
  StageStatus,
  TimelineEntryKind,
} from './__generated__/resolvers-types';

export interface DateValueModel {
  value: string;
  year: number;
  precision: DatePrecision;
  evidenceIds: string[];
}

interface Named {
  id: string;
  name: string;
}

export interface CompanyModel extends Named {
  __typename: 'Company';
  aliases: string[];
  kinds: CompanyKind[];
  description: string | null;
}

export interface PersonModel extends Named {
  __typename: 'Person';
  aliases: string[];
}

export interface GeoPointModel {
  latitude: number;
  longitude: number;
  source: string;
}

/** What a facility that is a cell plant carries beyond a site. */
export interface PlantFactsModel {
  chemistry: string | null;
  /** The status of its latest stage, null without stages. */
  status: PlantStatus | null;
}

export interface SiteModel extends Named {
  __typename: 'Site';
  aliases: string[];
  kind: SiteKind;
  description: string | null;
  /** From the gazetteer: a city's coordinates, which its plants share. */
  location: GeoPointModel | null;
  /** Set when the site is a cell plant. */
  plant: PlantFactsModel | null;
}

/** A cell plant: a facility site with its plant facts. */
export type PlantModel = SiteModel & { plant: PlantFactsModel };

export interface ProjectModel extends Named {
  __typename: 'Project';
  aliases: string[];
  kind: ProjectKind;
  description: string | null;
}

export interface PartnershipModel extends Named {
  __typename: 'Partnership';
  aliases: string[];
  kind: PartnershipKind;
  status: PartnershipStatus;
  binding: Binding;
  modality: Modality;
  purpose: string | null;
  announced: DateValueModel | null;
  start: DateValueModel | null;
}

export interface MeasureModel {
  value: number;
  unit: string;
  approximate: boolean;
}

export interface MilestoneModel extends Named {
  __typename: 'Milestone';
  year: number;
  date: string | null;
  precision: DatePrecision;
  bound: MilestoneBound | null;
  due: string;
  modality: MilestoneModality;
  measure: MeasureModel | null;
}

export interface TranslationModel {
  machine: boolean;
  originalLanguage: string | null;
  note: string | null;
}

export interface SourceModel extends Named {
  __typename: 'Source';
  kind: SourceKind;
  publisher: string | null;
  url: string | null;
  published: DateValueModel | null;
  language: string;
  translation: TranslationModel | null;
  text: string;
}

export interface EvidenceModel extends Named {
  __typename: 'Evidence';
  quote: string;
  start: number;
  end: number;
  prefix: string;
  suffix: string;
  sourceId: string;
  speakerId: string | null;
}

/** A stage of a deal or plant in the world (valid time), not an edit of the record (see revisions). */
export interface StageModel extends Named {
  __typename: 'Stage';
  status: StageStatus;
  kind: PartnershipKind | null;
  binding: Binding | null;
  modality: Modality;
  summary: string | null;
  date: DateValueModel;
}

/** One source's value for one property of a record, beside the values other sources state. */
export interface ClaimModel extends Named {
  __typename: 'Claim';
  property: ClaimProperty;
  value: number;
  unit: string;
  approximate: boolean;
  year: number | null;
  bound: MilestoneBound | null;
  modality: MilestoneModality;
  stated: DateValueModel;
  preferred: boolean;
}

/** The values stated for one property of one record, the preferred one first. */
export interface ClaimGroupModel {
  subject: NodeModel;
  property: ClaimProperty;
  values: ClaimModel[];
}

/** A deal, the agreements it replaced (oldest first) and those that replaced it. */
export interface DealHistoryModel {
  partnership: PartnershipModel;
  path: PartnershipModel[];
  supersededBy: PartnershipModel[];
}

export type NodeModel =
  | CompanyModel
  | PersonModel
  | SiteModel
  | ProjectModel
  | PartnershipModel
  | MilestoneModel
  | SourceModel
  | EvidenceModel
  | StageModel
  | ClaimModel;

export type NodeLabel = NodeModel['__typename'];

/** A relation from the store: the node at the other end plus the relationship's own properties. */
export interface RelatedModel<T extends NodeModel = NodeModel> {
  node: T;
  role: string | null;
  title: string | null;
  /** A shareholder's stake in percent (HOLDS_STAKE). */
  stake: number | null;
  evidenceIds: string[];
}

export interface PartyModel {
  company: CompanyModel;
  role: PartyRole;
  evidenceIds: string[];
}

export interface PositionModel {
  title: string;
  personId: string;
  organizationId: string;
  evidenceIds: string[];
}

export interface PartnerModel {
  company: CompanyModel;
  partnershipIds: string[];
}

export interface TimelineEntryModel {
  year: number;
  date: string;
  precision: DatePrecision;
  kind: TimelineEntryKind;
  title: string;
  milestoneId: string | null;
  partnershipId: string | null;
  stageId: string | null;
  evidenceIds: string[];
  /** The milestone's and deal's records when the timeline's statement brought them (else read by id). */
  milestone?: MilestoneModel | null;
  partnership?: PartnershipModel | null;
}

export interface SearchHitModel {
  score: number;
  node: NodeModel;
}

export interface EdgeModel {
  source: string;
  target: string;
  type: string;
}

export interface GraphModel {
  nodes: NodeModel[];
  edges: EdgeModel[];
}

export interface FieldChangeModel {
  field: string;
  before: string | null;
  after: string | null;
}

export interface RevisionModel {
  id: string;
  entityId: string;
  operation: string;
  changes: FieldChangeModel[];
  changedBy: string;
  changedAt: string;
  reason: string | null;
}

export interface ConnectionModel<T> {
  nodes: T[];
  offset: number;
  totalCount: number;
}

/** A shareholder of a plant, with its stake where stated. */
export interface OwnershipModel {
  company: CompanyModel;
  plantId: string;
  stake: number | null;
  evidenceIds: string[];
}
