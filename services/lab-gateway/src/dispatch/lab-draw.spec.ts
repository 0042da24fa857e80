import { randomBytes, randomUUID } from 'node:crypto';
import { drawLab } from './lab-draw';

describe('drawLab', () => {
  const labs = Array.from({ length: 5 }, () => randomUUID());

  it('gives the same lab again from the recorded seed and candidates', () => {
    const seed = randomBytes(32).toString('hex');
    expect(drawLab(seed, 'HZ2026-000123', labs)).toBe(drawLab(seed, 'HZ2026-000123', labs));
  });

  it('does not depend on the order the candidates were listed in', () => {
    const seed = randomBytes(32).toString('hex');
    expect(drawLab(seed, 'HZ2026-000123', labs)).toBe(drawLab(seed, 'HZ2026-000123', [...labs].reverse()));
  });

  it('only ever picks a candidate, and every candidate gets picked over many seeds', () => {
    const counts = new Map<string, number>();
    for (let i = 0; i < 5000; i++) {
      const lab = drawLab(randomBytes(32).toString('hex'), 'HZ2026-000123', labs);
      counts.set(lab, (counts.get(lab) ?? 0) + 1);
    }
    expect([...counts.keys()].sort()).toEqual([...labs].sort());
    for (const n of counts.values()) expect(n).toBeGreaterThan(800);
  });

  it('refuses an empty candidate list', () => {
    expect(() => drawLab('seed', 'HZ2026-000123', [])).toThrow('no candidate lab');
  });
});
