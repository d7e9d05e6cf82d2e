/** Checks of curators' input: each failure names its argument. */
import { checkDate, checkId, checkIds, checkText, checkUrl, slugify } from '../../src/rules';

const argumentOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    return (error as { extensions: { argument: string } }).extensions.argument;
  }
  return undefined;
};

describe('curation input', () => {
  it('accepts slugs and refuses anything else, naming the argument', () => {
    expect(checkId('input.id', 'envision-aesc')).toBe('envision-aesc');
    for (const bad of ['Envision', 'a--b', '-a', 'a b', '', 'x'.repeat(81), "a' OR 1=1"]) {
      expect(argumentOf(() => checkId('input.id', bad))).toBe('input.id');
    }
  });

  it('refuses the same id twice in a list', () => {
    expect(argumentOf(() => checkIds('input.siteIds', ['douai', 'douai']))).toBe('input.siteIds');
  });

  it('keeps text verbatim but refuses blank, overlong or control characters', () => {
    expect(checkText('input.name', ` Renault "Group" ' MATCH `)).toBe(` Renault "Group" ' MATCH `);
    expect(argumentOf(() => checkText('input.name', '   '))).toBe('input.name');
    expect(argumentOf(() => checkText('input.name', 'a'.repeat(201), 200))).toBe('input.name');
    expect(argumentOf(() => checkText('input.name', 'a\u0000b'))).toBe('input.name');
  });

  it('accepts real dates at their precision only', () => {
    expect(checkDate('d', '2021-06-28', 'DAY')).toBe('2021-06-28');
    expect(checkDate('d', '2030')).toBe('2030');
    for (const bad of ['2021-02-30', '2021-13', '21', '2021-6-1', '9999'])
      expect(argumentOf(() => checkDate('d', bad))).toBe('d');
    expect(argumentOf(() => checkDate('d', '2021-06', 'YEAR'))).toBe('d');
  });

  it('accepts only http and https addresses', () => {
    expect(checkUrl('u', 'https://example.com/a')).toBe('https://example.com/a');
    for (const bad of ['javascript:alert(1)', 'file:///etc/passwd', 'example.com'])
      expect(argumentOf(() => checkUrl('u', bad))).toBe('u');
  });

  it('derives readable ids', () => {
    expect(slugify('Electrive 2021-06-28 Renault’s Batterie-Pläne!')).toBe(
      'electrive-2021-06-28-renault-s-batterie-plane',
    );
  });
});
