import { canonicalJson, entryHash, GENESIS_HASH, type HashedEntry } from './custody-hash';

const entry = (overrides: Partial<HashedEntry> = {}): HashedEntry => ({
  seq: '1',
  occurredAt: new Date('2026-03-05T03:00:00.000Z'),
  action: 'upload',
  subjectType: 'object',
  subjectId: '5e4d3c2b-1a09-4f8e-b7d6-c5b4a3928170',
  batchNumber: 'HZ2026-000123',
  objectSha256: 'a'.repeat(64),
  objectVersionId: 'v1',
  actor: 'officer-wang',
  actorRoles: ['intake-officer'],
  sourceIp: '10.0.0.8',
  tool: 'curl/8.5 via qis-evidence/0.1',
  detail: { kind: 'unboxing-video', size: 10 },
  prevHash: GENESIS_HASH,
  ...overrides,
});

describe('custody hash', () => {
  it('does not depend on the key order of the detail (jsonb reorders keys)', () => {
    expect(entryHash(entry({ detail: { size: 10, kind: 'unboxing-video' } }))).toBe(entryHash(entry()));
    expect(canonicalJson({ b: 1, a: { d: 2, c: [3, { f: 1, e: 0 }] } })).toBe(
      '{"a":{"c":[3,{"e":0,"f":1}],"d":2},"b":1}',
    );
  });

  it('changes when any covered field changes, including the link to the previous entry', () => {
    const base = entryHash(entry());
    expect(entryHash(entry({ actor: 'officer-li' }))).not.toBe(base);
    expect(entryHash(entry({ objectSha256: 'b'.repeat(64) }))).not.toBe(base);
    expect(entryHash(entry({ occurredAt: new Date('2026-03-05T03:00:00.001Z') }))).not.toBe(base);
    expect(entryHash(entry({ prevHash: 'f'.repeat(64) }))).not.toBe(base);
    expect(entryHash(entry({ detail: { kind: 'unboxing-video', size: 11 } }))).not.toBe(base);
  });
});
