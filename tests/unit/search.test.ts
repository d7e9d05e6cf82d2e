import { luceneQuery } from '../../src/store/explore';

describe('luceneQuery', () => {
  it('escapes every Lucene operator so user text is matched literally', () => {
    const q = luceneQuery('a:b (c) "d" e~ f* g^2 h\\ i/j');
    expect(q).toContain('a\\:b');
    expect(q).toContain('\\(c\\)');
    expect(q).toContain('\\"d\\"');
    expect(q).toContain('e\\~');
    expect(q).toContain('f\\*');
    expect(q).toContain('g\\^2');
    expect(q).toContain('i\\/j');
  });

  it('matches the last word as a prefix too, and boosts names', () => {
    expect(luceneQuery('Verk')).toBe('name:((verk OR verk*))^4 aliasText:((verk OR verk*))^3 (verk OR verk*)');
  });

  it('drops boolean keywords and empty input', () => {
    expect(luceneQuery('   ')).toBe('');
    expect(luceneQuery('AND OR')).toBe('');
    expect(luceneQuery('renault AND verkor')).toContain('renault (verkor OR verkor*)');
  });
});
