/**
 * The graph's vocabulary: every node label and relationship type, once. The loader's plan, the
 * writer, the store's relation reads, the resolvers' prefetchable fields and the explorer's views
 * derive from these entries, and a test checks them against the SDL, so adding a relationship is one
 * entry here plus its fields in schema/ (see docs/architecture.md).
 */

/** Labels of the domain's records (every one is also an `Entity` with a unique `id`). */
export const DOMAIN_LABELS = [
  'Company',
  'Person',
  'Site',
  'Project',
  'Partnership',
  'Milestone',
  'Stage',
  'Claim',
] as const;
export type DomainLabel = (typeof DOMAIN_LABELS)[number];

/** Where a fact file declares records of each label. */
export const SECTIONS = {
  companies: 'Company',
  people: 'Person',
  sites: 'Site',
  projects: 'Project',
  partnerships: 'Partnership',
  milestones: 'Milestone',
  stages: 'Stage',
  claims: 'Claim',
} as const satisfies Record<string, DomainLabel>;
export type Section = keyof typeof SECTIONS;

/**
 * A label a relationship may end at: a domain label, a cell plant (a Site also labelled Plant),
 * provenance, or `Entity` for any record.
 */
export type EndLabel = DomainLabel | 'Plant' | 'Evidence' | 'Source' | 'Entity';

/** A fact-file field that is a plain list of references (`[id, {id, evidence}]`) making this relationship. */
interface Declared {
  section: Section;
  field: string;
  /** The label the referenced record must have. */
  target: DomainLabel;
}

/**
 * How the store reads one direction of a relationship: `name` is the relation loaders' key, `to` the
 * label at the far end. `field` names the GraphQL field on `on` that shows it, when one does;
 * `prefetch` lets a query for `on` fetch it in the same statement (src/resolvers/lookahead.ts).
 */
interface Read {
  name: string;
  on: EndLabel;
  to: EndLabel;
  direction: 'out' | 'in' | 'both';
  field?: string;
  prefetch?: boolean;
  /** Cypher ORDER BY over the far end `m` (default: name, then id). */
  order?: string;
}

export interface Relationship {
  type: string;
  /** Which graph views show it: business ties, places, a record's life, or provenance. */
  view: 'business' | 'place' | 'lifecycle' | 'provenance';
  declared: readonly Declared[];
  reads: readonly Read[];
  /**
   * The record a revision files the link under, and its field there: the end a curator or a fact file
   * edits it from (a deal's parties, a project's owners, a deal's milestones).
   */
  listedAs?: { field: string; on: 'from' | 'to' };
  /** For links a curator edits by mutation: the label of the records listed. */
  curated?: 'Company' | 'Site' | 'Project' | 'Milestone';
}

// Oldest first; on the same date the less precise date first (`2021` before `2021-06-28`), then id.
const BY_DATE = 'm.dateValue, m.id';

export const RELATIONSHIPS = [
  {
    type: 'BASED_IN',
    view: 'place',
    listedAs: { field: 'basedIn', on: 'from' },
    curated: 'Site',
    declared: [{ section: 'companies', field: 'basedIn', target: 'Site' }],
    reads: [{ name: 'basedIn', on: 'Company', to: 'Site', direction: 'out', field: 'basedIn', prefetch: true }],
  },
  {
    type: 'MEMBER_OF',
    view: 'business',
    listedAs: { field: 'memberOf', on: 'from' },
    curated: 'Company',
    declared: [{ section: 'companies', field: 'memberOf', target: 'Company' }],
    reads: [
      { name: 'memberOf', on: 'Company', to: 'Company', direction: 'out', field: 'memberOf', prefetch: true },
      { name: 'members', on: 'Company', to: 'Company', direction: 'in', field: 'members', prefetch: true },
    ],
  },
  {
    // Declared as a person's positions, each with its title.
    type: 'HOLDS_POSITION',
    view: 'business',
    listedAs: { field: 'positions', on: 'from' },
    declared: [],
    reads: [
      { name: 'positions', on: 'Person', to: 'Company', direction: 'out', field: 'positions' },
      { name: 'people', on: 'Company', to: 'Person', direction: 'in', field: 'people' },
    ],
  },
  {
    type: 'LOCATED_IN',
    view: 'place',
    listedAs: { field: 'locatedIn', on: 'from' },
    curated: 'Site',
    declared: [{ section: 'sites', field: 'locatedIn', target: 'Site' }],
    reads: [
      { name: 'locatedIn', on: 'Site', to: 'Site', direction: 'out', field: 'locatedIn' },
      { name: 'contains', on: 'Site', to: 'Site', direction: 'in', field: 'contains' },
    ],
  },
  {
    type: 'NEAR',
    view: 'place',
    listedAs: { field: 'near', on: 'from' },
    declared: [{ section: 'sites', field: 'near', target: 'Site' }],
    reads: [{ name: 'near', on: 'Site', to: 'Site', direction: 'both', field: 'near' }],
  },
  {
    // Declared on the project (`owners`), pointing from the owning company.
    type: 'OWNS',
    view: 'business',
    listedAs: { field: 'owners', on: 'to' },
    curated: 'Company',
    declared: [],
    reads: [
      { name: 'ownedProjects', on: 'Company', to: 'Project', direction: 'out', field: 'projects' },
      { name: 'owners', on: 'Project', to: 'Company', direction: 'in', field: 'owners' },
    ],
  },
  {
    type: 'PART_OF',
    view: 'business',
    listedAs: { field: 'partOf', on: 'from' },
    declared: [{ section: 'projects', field: 'partOf', target: 'Project' }],
    reads: [
      { name: 'partOf', on: 'Project', to: 'Project', direction: 'out', field: 'partOf' },
      { name: 'parts', on: 'Project', to: 'Project', direction: 'in', field: 'parts' },
    ],
  },
  {
    // Declared as a deal's parties, each with its role.
    type: 'HAS_PARTY',
    view: 'business',
    listedAs: { field: 'parties', on: 'from' },
    curated: 'Company',
    declared: [],
    reads: [
      { name: 'parties', on: 'Partnership', to: 'Company', direction: 'out', field: 'parties', prefetch: true },
      { name: 'partnershipsOfCompany', on: 'Company', to: 'Partnership', direction: 'in' },
    ],
  },
  {
    type: 'AT_SITE',
    view: 'business',
    listedAs: { field: 'sites', on: 'from' },
    curated: 'Site',
    declared: [
      { section: 'partnerships', field: 'sites', target: 'Site' },
      { section: 'milestones', field: 'sites', target: 'Site' },
      { section: 'stages', field: 'sites', target: 'Site' },
    ],
    reads: [{ name: 'sites', on: 'Partnership', to: 'Site', direction: 'out', field: 'sites', prefetch: true }],
  },
  {
    type: 'SERVES',
    view: 'business',
    listedAs: { field: 'projects', on: 'from' },
    curated: 'Project',
    declared: [{ section: 'partnerships', field: 'projects', target: 'Project' }],
    reads: [
      { name: 'projects', on: 'Partnership', to: 'Project', direction: 'out', field: 'projects', prefetch: true },
      { name: 'partnershipsOfProject', on: 'Project', to: 'Partnership', direction: 'in', field: 'partnerships' },
    ],
  },
  {
    type: 'MILESTONE_OF',
    view: 'business',
    listedAs: { field: 'milestones', on: 'to' },
    curated: 'Milestone',
    declared: [
      { section: 'milestones', field: 'partnerships', target: 'Partnership' },
      { section: 'milestones', field: 'projects', target: 'Project' },
    ],
    reads: [
      { name: 'milestonePartnerships', on: 'Milestone', to: 'Partnership', direction: 'out', field: 'partnerships' },
      { name: 'milestoneProjects', on: 'Milestone', to: 'Project', direction: 'out', field: 'projects' },
    ],
  },
  {
    type: 'CONCERNS',
    view: 'business',
    listedAs: { field: 'companies', on: 'from' },
    declared: [{ section: 'milestones', field: 'companies', target: 'Company' }],
    reads: [{ name: 'milestoneCompanies', on: 'Milestone', to: 'Company', direction: 'out', field: 'companies' }],
  },
  {
    // Declared on the stage (`partnership` or `plant`), pointing from the deal or plant.
    type: 'HAS_STAGE',
    view: 'lifecycle',
    listedAs: { field: 'stages', on: 'from' },
    declared: [],
    reads: [
      { name: 'stagesOf', on: 'Partnership', to: 'Stage', direction: 'out', field: 'stages', order: BY_DATE },
      { name: 'dealOfStage', on: 'Stage', to: 'Partnership', direction: 'in', field: 'partnership' },
      { name: 'plantOfStage', on: 'Stage', to: 'Plant', direction: 'in', field: 'plant' },
    ],
  },
  {
    // Declared on the newer agreement (`evolvedFrom`), pointing from the older one.
    type: 'EVOLVED_INTO',
    view: 'lifecycle',
    listedAs: { field: 'evolvedFrom', on: 'to' },
    declared: [],
    reads: [
      {
        name: 'evolvedFrom',
        on: 'Partnership',
        to: 'Partnership',
        direction: 'in',
        field: 'evolvedFrom',
        order: 'm.announcedValue, m.id',
      },
      {
        name: 'evolvedInto',
        on: 'Partnership',
        to: 'Partnership',
        direction: 'out',
        field: 'evolvedInto',
        order: 'm.announcedValue, m.id',
      },
    ],
  },
  {
    // Declared as the claim's `subject`: any domain record. A record's claims are read in the
    // preference order, which the store adds (it is the loader's rule).
    type: 'CLAIM_OF',
    view: 'lifecycle',
    listedAs: { field: 'subject', on: 'from' },
    declared: [],
    reads: [
      { name: 'claimsOf', on: 'Entity', to: 'Claim', direction: 'in', field: 'claims' },
      { name: 'subjectOfClaim', on: 'Claim', to: 'Entity', direction: 'out', field: 'subject' },
    ],
  },
  {
    // Declared in a facility's `plant` block (`operator`).
    type: 'OPERATES',
    view: 'business',
    listedAs: { field: 'operator', on: 'to' },
    declared: [],
    reads: [
      { name: 'operator', on: 'Plant', to: 'Company', direction: 'in', field: 'operator' },
      { name: 'operatedPlants', on: 'Company', to: 'Plant', direction: 'out', field: 'operatedPlants' },
    ],
  },
  {
    // Declared in a facility's `plant` block (`owners`), each with its stake.
    type: 'HOLDS_STAKE',
    view: 'business',
    listedAs: { field: 'stakeholders', on: 'to' },
    declared: [],
    reads: [
      { name: 'plantOwners', on: 'Plant', to: 'Company', direction: 'in', field: 'owners' },
      { name: 'plantStakes', on: 'Company', to: 'Plant', direction: 'out', field: 'plantStakes' },
    ],
  },
  {
    type: 'SUPPORTED_BY',
    view: 'provenance',
    declared: [],
    reads: [
      { name: 'evidence', on: 'Entity', to: 'Evidence', direction: 'out', field: 'evidence', prefetch: true },
      { name: 'supports', on: 'Evidence', to: 'Entity', direction: 'in' },
    ],
  },
  {
    type: 'QUOTED_FROM',
    view: 'provenance',
    declared: [],
    reads: [{ name: 'quotes', on: 'Source', to: 'Evidence', direction: 'in', field: 'evidence' }],
  },
  {
    type: 'SPOKEN_BY',
    view: 'provenance',
    declared: [],
    reads: [{ name: 'statements', on: 'Person', to: 'Evidence', direction: 'in', field: 'statements' }],
  },
] as const satisfies readonly Relationship[];

export type RelationshipType = (typeof RELATIONSHIPS)[number]['type'];
export type ReadName = (typeof RELATIONSHIPS)[number]['reads'][number]['name'];
export type PrefetchName = Extract<(typeof RELATIONSHIPS)[number]['reads'][number], { prefetch: true }>['name'];

/** Which record and field revisions file each relationship's links under (see `listedAs`). */
export const LINK_FIELDS: Readonly<Record<string, { field: string; on: 'from' | 'to' }>> = Object.fromEntries(
  RELATIONSHIPS.flatMap((r) => ('listedAs' in r ? [[r.type, r.listedAs]] : [])),
);

type Curated = Extract<(typeof RELATIONSHIPS)[number], { curated: string }>;
/** A link list a curation mutation edits, by its field (`parties`, `sites`, …). */
export type CuratedField = Curated['listedAs']['field'];
export interface CuratedLink {
  type: Curated['type'];
  /** Whether the edited record is the relationship's start. */
  outgoing: boolean;
  target: Curated['curated'];
  field: CuratedField;
}
/** The link lists curation mutations edit, by field. */
export const CURATED_LINKS = Object.fromEntries(
  RELATIONSHIPS.flatMap((r) =>
    'curated' in r
      ? [
          [
            r.listedAs.field,
            { type: r.type, outgoing: r.listedAs.on === 'from', target: r.curated, field: r.listedAs.field },
          ],
        ]
      : [],
  ),
) as Record<CuratedField, CuratedLink>;

/** Relationship types a graph view shows, as a Cypher type alternation (`A|B|C`). */
export const typesOf = (...views: Relationship['view'][]): string =>
  RELATIONSHIPS.filter((r) => (views as string[]).includes(r.view))
    .map((r) => r.type)
    .join('|');

/** The Cypher pattern of a read: the node `n`, the relationship `r`, the far end `m`. */
export function patternOf(type: string, read: Pick<Read, 'direction' | 'to'>): string {
  const [left, right] = read.direction === 'out' ? ['-', '->'] : read.direction === 'in' ? ['<-', '-'] : ['-', '-'];
  return `(n)${left}[r:${type}]${right}(m${read.to === 'Entity' ? '' : `:${read.to}`})`;
}

/** Every simple read by name, with its relationship. */
export const READS: ReadonlyMap<string, { type: string; read: Read }> = new Map(
  RELATIONSHIPS.flatMap((r) =>
    r.reads.map((read): [string, { type: string; read: Read }] => [read.name, { type: r.type, read }]),
  ),
);

/** The fields of a label whose relation a query for it may fetch along (GraphQL field → read name). */
export function prefetchable(label: EndLabel): Record<string, PrefetchName> {
  return Object.fromEntries(
    RELATIONSHIPS.flatMap((r) =>
      (r.reads as readonly Read[])
        .filter((read) => read.prefetch && (read.on === label || read.on === 'Entity'))
        .map((read) => [read.field!, read.name as PrefetchName]),
    ),
  );
}

/** Plain reference lists a fact-file section declares: field → relationship type and target label. */
export function declaredIn(section: Section): Record<string, [RelationshipType, DomainLabel]> {
  return Object.fromEntries(
    RELATIONSHIPS.flatMap((r) =>
      (r.declared as readonly Declared[])
        .filter((d) => d.section === section)
        .map((d) => [d.field, [r.type, d.target] as [RelationshipType, DomainLabel]]),
    ),
  );
}
