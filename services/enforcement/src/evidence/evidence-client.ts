import { createHash } from 'node:crypto';
import type { ServiceTokenSource } from '@qis/auth';

/** What the evidence service recorded for a stored file. */
export interface StoredEvidence {
  objectId: string;
  /** SHA-256 the evidence service computed from the stored bytes. */
  sha256: string;
}

export interface EvidenceFile {
  kind: 'notice';
  batchNumber: string;
  contentType: string;
  fileName: string;
  data: Buffer;
}

/** A call to the evidence service failed; the message names the step and the status, never a token. */
export class EvidenceUploadError extends Error {
  override name = 'EvidenceUploadError';
}

const TIMEOUT_MS = 15_000;

/**
 * Stores a file through the evidence service's upload API as a service principal: announce it
 * (kind, size, SHA-256), PUT the bytes to the presigned URL, finalize (the service hashes what
 * MinIO stored and refuses a mismatch).
 */
export class EvidenceClient {
  constructor(
    private readonly baseUrl: string,
    private readonly tokens: ServiceTokenSource,
  ) {}

  async store(file: EvidenceFile): Promise<StoredEvidence> {
    const sha256 = createHash('sha256').update(file.data).digest('hex');
    const ticket = await this.call<{ objectId: string; method: string; url?: string }>(
      'start',
      '/evidence/uploads',
      {
        kind: file.kind,
        batchNumber: file.batchNumber,
        contentType: file.contentType,
        size: file.data.length,
        sha256,
        fileName: file.fileName,
      },
    );
    if (ticket.method !== 'single' || !ticket.url)
      throw new EvidenceUploadError(`start: expected a single presigned PUT, got ${ticket.method}`);
    const put = await fetch(ticket.url, {
      method: 'PUT',
      body: Uint8Array.from(file.data),
      signal: AbortSignal.timeout(TIMEOUT_MS),
    }).catch((error: Error) => {
      throw new EvidenceUploadError(`put: object store unreachable: ${error.message}`);
    });
    if (!put.ok) throw new EvidenceUploadError(`put: object store answered ${put.status}`);
    const stored = await this.call<{ id: string; status: string; sha256: string | null }>(
      'finalize',
      `/evidence/uploads/${ticket.objectId}/finalize`,
      {},
    );
    if (stored.status !== 'stored' || stored.sha256 !== sha256)
      throw new EvidenceUploadError(
        `finalize: object ${ticket.objectId} is ${stored.status} with SHA-256 ${stored.sha256 ?? 'none'}, expected ${sha256}`,
      );
    return { objectId: stored.id, sha256: stored.sha256 };
  }

  private async call<T>(step: string, path: string, body: object): Promise<T> {
    const headers = { ...(await this.tokens.headers()), 'content-type': 'application/json' };
    const res = await fetch(`${this.baseUrl}${path}`, {
      method: 'POST',
      headers,
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(TIMEOUT_MS),
    }).catch((error: Error) => {
      throw new EvidenceUploadError(`${step}: evidence service unreachable: ${error.message}`);
    });
    const answer = (await res.json().catch(() => ({}))) as T & { message?: unknown };
    if (!res.ok)
      throw new EvidenceUploadError(
        `${step}: evidence service answered ${res.status}${typeof answer.message === 'string' ? ` (${answer.message.slice(0, 200)})` : ''}`,
      );
    return answer;
  }
}
