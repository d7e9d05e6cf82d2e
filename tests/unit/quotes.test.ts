import { evidenceId, locateQuote, quoteTitle } from '../../src/quotes';

describe('locateQuote', () => {
  const text = 'Renault and Verkor. Renault and Envision AESC.';

  it('gives offsets that slice back to the quote, with prefix and suffix', () => {
    const loc = locateQuote(text, 'Verkor')!;
    expect(text.slice(loc.start, loc.end)).toBe('Verkor');
    expect(loc.prefix).toBe('Renault and ');
    expect(loc.suffix).toBe('. Renault and Envision AESC.');
  });

  it('finds the n-th occurrence', () => {
    expect(locateQuote(text, 'Renault', 1)!.start).toBe(0);
    expect(locateQuote(text, 'Renault', 2)!.start).toBe(20);
    expect(locateQuote(text, 'Renault', 3)).toBeNull();
  });

  it('returns null for a quote that does not occur', () => {
    expect(locateQuote(text, 'Renault and ACC')).toBeNull();
  });

  it('builds stable ids and short titles', () => {
    expect(evidenceId('src', { start: 3, end: 9 })).toBe('ev-src-3-9');
    expect(quoteTitle('a'.repeat(100)).length).toBe(60);
    expect(quoteTitle('short  quote\n')).toBe('short quote');
  });
});
