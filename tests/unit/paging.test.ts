import { BadUserInputError } from '../../src/errors';
import { checkYear } from '../../src/rules';
import { encodeCursor, pageOf } from '../../src/store/paging';

describe('pageOf', () => {
  it('continues after the cursor it was given', () => {
    expect(pageOf(5, encodeCursor(9))).toEqual({ offset: 10, limit: 5 });
    expect(pageOf(undefined, undefined)).toEqual({ offset: 0, limit: 20 });
  });

  it.each([[-1], [101], [1.5]])('rejects first=%p naming the argument', (first) => {
    expect(() => pageOf(first, null)).toThrow(BadUserInputError);
    expect(() => pageOf(first, null)).toThrow(/"first"/);
  });

  it('rejects a cursor it did not make', () => {
    expect(() => pageOf(5, 'not-a-cursor')).toThrow(/"after"/);
  });
});

describe('checkYear', () => {
  it('accepts plausible years and rejects others with the argument name', () => {
    expect(checkYear('from', 2030)).toBe(2030);
    expect(checkYear('from', null)).toBeNull();
    expect(() => checkYear('to', 99999)).toThrow(/"to"/);
  });
});
