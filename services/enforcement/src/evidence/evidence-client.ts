import { createHash } from 'node:crypto';
import { context, propagation } from '@opentelemetry/api';
import type { ServiceTokenSource } from '@qis/auth';

/** What the evidence service recorded for a stored file. */
export interface StoredEvidence {
  objectId: string;
  /** SHA-256 the evidence service computed from the stored bytes. */
  sha256: string;
}

export interface EvidenceFile {
  /** Enforcement stores notices; `lab-report` is what a lab uploads (tests stand in for the lab). */
  kind: 'notice' | 'lab-report';
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
/** Status polls (250 ms apart) before a finalize still verifying is given up. */
const FINALIZE_POLLS = 240;

/**
 * Stores a file through the evidence service's upload API as a service principal: announce it
 * (kind, size, SHA-256), PUT the bytes to the presigned URL (signed for that size and checksum),
 * finalize (a background job at the service hashes what MinIO staged, refuses a mismatch and
 * copies it into the locked bucket) and poll the upload's status until it is stored.
 */
export class EvidenceClient {
  constructor(
    private readonly baseUrl: string,
    private readonly tokens: Pick<ServiceTokenSource, 'headers'>,
  ) {}

  async store(file: EvidenceFile): Promise<StoredEvidence> {
    const sha256 = createHash('sha256').update(file.data).digest('hex');
    const ticket = await this.call<{
      objectId: string;
      method: string;
      url?: string;
      headers?: Record<string, string>;
    }>('start', '/evidence/uploads', {
      kind: file.kind,
      batchNumber: file.batchNumber,
      contentType: file.contentType,
      size: file.data.length,
      sha256,
      fileName: file.fileName,
    });
    if (ticket.method !== 'single' || !ticket.url)
      throw new EvidenceUploadError(`start: expected a single presigned PUT, got ${ticket.method}`);
    const put = await fetch(ticket.url, {
      method: 'PUT',
      // signed with the URL: the store refuses bytes that do not hash to the declared SHA-256
      headers: ticket.headers ?? {},
      body: Uint8Array.from(file.data),
      signal: AbortSignal.timeout(TIMEOUT_MS),
    }).catch((error: Error) => {
      throw new EvidenceUploadError(`put: object store unreachable: ${error.message}`);
    });
    if (!put.ok) throw new EvidenceUploadError(`put: object store answered ${put.status}`);
    type Stored = { id: string; status: string; sha256: string | null };
    type Status = { state: string; rejection: string | null; object?: Stored };
    let answer = await this.call<Stored | Status>(
      'finalize',
      `/evidence/uploads/${ticket.objectId}/finalize`,
      {},
      {
        prefer: 'respond-async',
      },
    );
    // The service hashes and copies the staged bytes in a background job: poll its status.
    for (let i = 0; 'state' in answer && answer.state === 'verifying'; i++) {
      if (i >= FINALIZE_POLLS)
        throw new EvidenceUploadError(`finalize: object ${ticket.objectId} still verifying, gave up waiting`);
      await new Promise((resolve) => setTimeout(resolve, 250));
      answer = await this.call<Status>('finalize', `/evidence/uploads/${ticket.objectId}/status`);
    }
    const stored: Stored =
      'state' in answer
        ? (answer.object ?? { id: ticket.objectId, status: answer.state, sha256: null })
        : answer;
    if (stored.status !== 'stored' || stored.sha256 !== sha256)
      throw new EvidenceUploadError(
        `finalize: object ${ticket.objectId} is ${stored.status} with SHA-256 ${stored.sha256 ?? 'none'}, expected ${sha256}`,
      );
    return { objectId: stored.id, sha256: stored.sha256 };
  }

  /**
   * The stored bytes of an evidence object (e.g. a lab's signed report), checked against the SHA-256
   * the evidence service recorded: a presigned GET of the pinned version, audited there as a download.
   */
  async read(objectId: string): Promise<Buffer> {
    const ticket = await this.call<{ url: string; sha256: string }>(
      'download',
      `/evidence/objects/${encodeURIComponent(objectId)}/download`,
      { purpose: 'attach to the result notice (抽检结果通知书附检验报告)' },
    );
    const res = await fetch(ticket.url, { signal: AbortSignal.timeout(TIMEOUT_MS) }).catch((error: Error) => {
      throw new EvidenceUploadError(`download: object store unreachable: ${error.message}`);
    });
    if (!res.ok) throw new EvidenceUploadError(`download: object store answered ${res.status}`);
    const data = Buffer.from(await res.arrayBuffer());
    const sha256 = createHash('sha256').update(data).digest('hex');
    if (sha256 !== ticket.sha256)
      throw new EvidenceUploadError(
        `download: object ${objectId} has SHA-256 ${sha256}, the evidence service recorded ${ticket.sha256}`,
      );
    return data;
  }

  /** POST with a JSON body, or GET without one. */
  private async call<T>(
    step: string,
    path: string,
    body?: object,
    extra: Record<string, string> = {},
  ): Promise<T> {
    const headers = { ...(await this.tokens.headers()), ...extra, 'content-type': 'application/json' };
    // The notice's trace goes on at the evidence service (fetch is not instrumented).
    propagation.inject(context.active(), headers);
    const res = await fetch(`${this.baseUrl}${path}`, {
      method: body ? 'POST' : 'GET',
      headers,
      body: body ? JSON.stringify(body) : undefined,
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
