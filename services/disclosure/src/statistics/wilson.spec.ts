import { qualityIndex } from './quality-index';
import { wilson } from './wilson';

describe('Wilson score interval', () => {
  it('matches published values (20 of 100: 0.1333–0.2888)', () => {
    const e = wilson(20, 100);
    expect(e?.value).toBe(0.2);
    expect(e?.low).toBeCloseTo(0.1334, 3);
    expect(e?.high).toBeCloseTo(0.2888, 3);
  });

  it('keeps a small sample wide: 3 of 3 passing is 0.44–1, not a certain 100%', () => {
    const e = wilson(3, 3);
    expect(e?.value).toBe(1);
    expect(e?.low).toBeCloseTo(0.4385, 3);
    expect(e?.high).toBe(1);
  });

  it('stays inside [0, 1] at 0 successes and narrows as the sample grows', () => {
    const small = wilson(0, 5);
    const large = wilson(0, 500);
    expect(small?.low).toBe(0);
    expect((large?.high ?? 1) < (small?.high ?? 0)).toBe(true);
  });

  it('has no estimate without trials and refuses impossible counts', () => {
    expect(wilson(0, 0)).toBeNull();
    expect(() => wilson(4, 3)).toThrow('4 successes out of 3 trials');
  });
});

describe('quality index', () => {
  it('is 100 × (0.8 × pass rate + 0.2 × (1 − three-no rate)), with the interval from both rates’ bounds', () => {
    const qi = qualityIndex(wilson(227, 309), wilson(33, 309));
    expect(qi?.value).toBeCloseTo(100 * (0.8 * (227 / 309) + 0.2 * (1 - 33 / 309)), 1);
    expect(qi?.low).toBeLessThan(qi?.value ?? 0);
    expect(qi?.high).toBeGreaterThan(qi?.value ?? 100);
  });

  it('is 100 only when everything passed and nothing was three-no, and wide for a handful of batches', () => {
    const qi = qualityIndex(wilson(3, 3), wilson(0, 3));
    expect(qi?.value).toBe(100);
    expect(qi?.high).toBe(100);
    expect(qi?.low).toBeLessThan(60);
  });
});
