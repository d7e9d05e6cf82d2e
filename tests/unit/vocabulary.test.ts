/**
 * The graph vocabulary (src/graph/vocabulary.ts) agrees with the SDL and the fact-file schema: every
 * read that names a GraphQL field exists on its type and leads to the vocabulary's far end (directly,
 * or through a wrapper such as Party or Ownership), and every declared fact-file field exists.
 */
import {
  buildASTSchema,
  getNamedType,
  GraphQLEnumType,
  GraphQLInputObjectType,
  GraphQLObjectType,
  isEnumType,
  isInputObjectType,
  isObjectType,
  parse,
} from 'graphql';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { CURATED_LINKS, declaredIn, RELATIONSHIPS, SECTIONS } from '../../src/graph/vocabulary';
import { typeDefs } from '../../src/server/schema';

const schema = buildASTSchema(parse(typeDefs().join('\n')));
const facts = JSON.parse(
  readFileSync(path.join(__dirname, '..', '..', 'data', 'schema', 'facts.schema.json'), 'utf8'),
) as { definitions: Record<string, { properties: Record<string, unknown> }> };

/** The GraphQL types a far end may appear as: a plant is a Site in the graph and a Plant in the API. */
const apiTypes = (label: string): string[] => (label === 'Plant' ? ['Plant', 'Site'] : [label]);

const reads = RELATIONSHIPS.flatMap((r) => r.reads.map((read) => ({ type: r.type, ...read })));

describe('graph vocabulary', () => {
  it.each(reads.filter((r) => 'field' in r && r.on !== 'Entity'))('$name: $on reads $type to $to', (read) => {
    const on = schema.getType(read.on);
    expect(isObjectType(on)).toBe(true);
    const field = (on as GraphQLObjectType).getFields()[(read as { field: string }).field];
    expect(field).toBeDefined();
    const returned = getNamedType(field!.type);
    if (read.to === 'Entity' || apiTypes(read.to).includes(returned.name)) return;
    // A wrapper (Party, Position, Ownership, a connection) carries the far end in one of its fields.
    const inner = isObjectType(returned)
      ? Object.values(returned.getFields()).map((f) => getNamedType(f.type).name)
      : [];
    const edges =
      isObjectType(returned) && returned.getFields().nodes ? [getNamedType(returned.getFields().nodes!.type).name] : [];
    expect([...inner, ...edges].some((name) => apiTypes(read.to).includes(name))).toBe(true);
  });

  it('every record type with evidence has the evidence field', () => {
    for (const label of Object.values(SECTIONS)) {
      expect((schema.getType(label) as GraphQLObjectType).getFields().evidence).toBeDefined();
    }
  });

  it.each(Object.keys(SECTIONS))('the fact-file fields %s declares exist in its schema', (section) => {
    const definition =
      facts.definitions[section === 'people' ? 'person' : section.replace(/ies$/, 'y').replace(/s$/, '')];
    expect(definition).toBeDefined();
    for (const field of Object.keys(declaredIn(section as keyof typeof SECTIONS))) {
      expect(definition!.properties[field]).toBeDefined();
    }
  });

  // Every value a fact file may hold has its GraphQL spelling, or the API fails on loaded data.
  it.each([
    ['company', 'kinds', 'CompanyKind'],
    ['site', 'kind', 'SiteKind'],
    ['project', 'kind', 'ProjectKind'],
    ['partnership', 'kind', 'PartnershipKind'],
    ['partnership', 'status', 'PartnershipStatus'],
    ['partnership', 'binding', 'Binding'],
    ['partnership', 'modality', 'Modality'],
    ['party', 'role', 'PartyRole'],
    ['stage', 'status', 'StageStatus'],
    ['stage', 'kind', 'PartnershipKind'],
    ['milestone', 'modality', 'MilestoneModality'],
    ['claim', 'property', 'ClaimProperty'],
  ])('fact-file %s.%s values are %s values', (definition, field, enumName) => {
    const property = facts.definitions[definition]!.properties[field] as {
      enum?: string[];
      items?: { enum: string[] };
    };
    const values = property.enum ?? property.items!.enum;
    const type = schema.getType(enumName);
    expect(isEnumType(type)).toBe(true);
    const known = (type as GraphQLEnumType).getValues().map((v) => v.name);
    for (const value of values) expect(known).toContain(value.toUpperCase().replace(/-/g, '_'));
  });

  // A curated link list is edited through an input field named after it (`parties`, `siteIds`, ...).
  it.each(Object.values(CURATED_LINKS))('curation mutations edit $field ($type to $target)', (link) => {
    const inputs = Object.values(schema.getTypeMap()).filter((t): t is GraphQLInputObjectType => isInputObjectType(t));
    const singular = link.field.replace(/ies$/, 'y').replace(/s$/, '');
    const named = inputs.filter((t) => t.getFields()[link.field] ?? t.getFields()[`${singular}Ids`]);
    expect(named.length).toBeGreaterThan(0);
  });

  it('names each read once', () => {
    const names = reads.map((r) => r.name);
    expect(new Set(names).size).toBe(names.length);
  });
});
