import { createHash } from 'node:crypto';

/** The chain starts from this hash. */
export const GENESIS_HASH = '0'.repeat(64);

/** The fields of an entry the hash covers: all of them but the hash itself. */
export interface HashedEntry {
  seq: string;
  occurredAt: Date;
  action: string;
  subjectType: string;
  subjectId: string;
  batchNumber: string | null;
  objectSha256: string | null;
  objectVersionId: string | null;
  actor: string;
  actorRoles: readonly string[];
  sourceIp: string | null;
  tool: string;
  detail: Record<string, unknown>;
  prevHash: string;
}

/** JSON with object keys sorted at every level, so jsonb's own key order does not matter. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** SHA-256 over the previous hash and the entry's canonical form. */
export function entryHash(entry: HashedEntry): string {
  const body = canonicalJson({
    ...entry,
    occurredAt: entry.occurredAt.toISOString(),
    actorRoles: [...entry.actorRoles],
  });
  return createHash('sha256').update(entry.prevHash).update('\n').update(body).digest('hex');
}
