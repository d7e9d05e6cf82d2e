import { LoadError } from '../../src/load/errors';
import { buildPlan, FactFile } from '../../src/load/plan';
import type { Source } from '../../src/load/sources';
import { locate } from '../../src/load/validate';

const text = 'Acme signs a letter of intent with Beta. Related articles. Great article!';
const sources = new Map<string, Source>([
  [
    'src',
    {
      id: 'src',
      title: 'T',
      kind: 'news-article',
      language: 'en',
      file: 'src.yaml',
      text,
      factsEnd: text.indexOf('Related'),
    },
  ],
]);
const company = (id: string, quote: string) => ({ id, name: id, kinds: ['other'], evidence: [quote] });

describe('buildPlan', () => {
  it('locates quotes, dedups evidence and records relations with their evidence', () => {
    const facts = {
      source: 'src',
      companies: [company('acme', 'Acme'), company('beta', 'Beta')],
      partnerships: [
        {
          id: 'acme-beta',
          name: 'Acme–Beta LOI',
          kind: 'letter-of-intent',
          status: 'signed',
          binding: 'non-binding',
          parties: [
            { company: 'acme', role: 'partner' },
            { company: 'beta', role: 'partner', evidence: ['Beta'] },
          ],
          evidence: ['Acme signs a letter of intent with Beta'],
        },
      ],
    } as unknown as FactFile;
    const plan = buildPlan('f.yaml', facts, sources);
    expect(plan.nodes.map((n) => n.id)).toEqual(['acme', 'beta', 'acme-beta']);
    expect(plan.evidence).toHaveLength(3);
    const parties = plan.relations.filter((r) => r.type === 'HAS_PARTY');
    expect(parties[0]!.props.evidenceIds).toEqual(['ev-src-0-39']);
    expect(parties[1]!.props.evidenceIds).toEqual(['ev-src-35-39']);
  });

  it('rejects a quote that is not in the source, naming file, record and field', () => {
    const facts = { source: 'src', companies: [company('acme', 'Acme Corp')] } as unknown as FactFile;
    expect(() => buildPlan('f.yaml', facts, sources)).toThrow(LoadError);
    expect(() => buildPlan('f.yaml', facts, sources)).toThrow(
      'f.yaml: companies[0] (acme): evidence[0]: quote does not occur',
    );
  });

  it('rejects a quote from the reader comments', () => {
    const facts = { source: 'src', companies: [company('acme', 'Great article')] } as unknown as FactFile;
    expect(() => buildPlan('f.yaml', facts, sources)).toThrow(/holds no facts/);
  });

  it('rejects a date whose value does not match its precision', () => {
    const facts = {
      source: 'src',
      partnerships: [
        {
          id: 'p',
          name: 'p',
          kind: 'supply',
          status: 'signed',
          binding: 'binding',
          parties: [],
          announced: { value: '2021', precision: 'day', evidence: ['Acme'] },
          evidence: ['Acme'],
        },
      ],
    } as unknown as FactFile;
    expect(() => buildPlan('f.yaml', facts, sources)).toThrow(/announced.value/);
  });
});

describe('locate', () => {
  it('turns a JSON pointer into record and field', () => {
    const doc = { partnerships: [{ id: 'a' }, { id: 'b' }] };
    expect(locate(doc, '/partnerships/1/parties/0/role')).toEqual({
      record: 'partnerships[1] (b)',
      field: 'parties[0].role',
    });
  });
});
