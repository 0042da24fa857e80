import { api, ApiError, unwrap } from '../../api/client';
import type { components } from '../../api/generated/evidence';
import { fileSha256, partSha256 } from './file-sha256';
import { putBlob, PutFailed } from './object-store-put';
import { savedUploads, uploadKey } from './saved-upload';

export type EvidenceKind = components['schemas']['StartUploadCommand']['kind'];
type UploadTicket = components['schemas']['UploadTicket'];
type PartUrl = components['schemas']['PartUrl'];

/** Where an upload stands: `interrupted` keeps what was sent, {@link EvidenceUpload.run} goes on. */
export type UploadPhase = 'waiting' | 'hashing' | 'uploading' | 'finalizing' | 'done' | 'interrupted';

export interface UploadProgress {
  phase: UploadPhase;
  /** bytes of the current phase done (hashing: read; uploading: accepted by the store) */
  loaded: number;
  total: number;
  /** 0..100 of the current phase */
  percent: number;
  error?: string;
}

export interface UploadedEvidence {
  objectId: string;
  kind: EvidenceKind;
  sha256: string;
  size: number;
  fileName: string;
}

export interface UploadTarget {
  kind: EvidenceKind;
  batchNumber?: string;
  /** defaults to the file's own type */
  contentType?: string;
}

export interface RetryPolicy {
  /** attempts per part (or single PUT) before the upload is `interrupted` */
  attempts: number;
  /** first pause between attempts; doubled each time */
  delayMs: number;
}

const DEFAULT_RETRY: RetryPolicy = { attempts: 5, delayMs: 1000 };

const pause = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener(
      'abort',
      () => {
        clearTimeout(timer);
        reject(signal.reason);
      },
      { once: true },
    );
  });

/** A dropped connection or a store hiccup is worth another try; a refusal (expired URL, 403) is not. */
const retryable = (error: unknown): boolean =>
  error instanceof PutFailed && (error.status === 0 || error.status >= 500 || error.status === 429);

/** The content type the evidence service accepts (`type/subtype`, lower case). */
const contentTypeOf = (file: File): string =>
  /^[a-z]+\/[a-z0-9.+-]{1,100}$/.test(file.type) ? file.type : 'application/octet-stream';

/**
 * One file into the evidence store: SHA-256 computed while reading the file in slices, announced to
 * the evidence service (`POST /evidence/uploads`), the bytes PUT to the presigned URL(s) — one, or
 * above the service's part size one per part: each part is read and hashed (slice by slice) just
 * before it is sent, declared (`POST …/parts`: size, SHA-256) for its URL — so every URL is signed
 * for its exact size and SHA-256 and the store refuses other bytes — then finalized: a background
 * job at the service hashes the staged bytes again (each part against its declaration), copies them
 * into the locked bucket, and this polls its status.
 *
 * Resumable: the hash, the ticket and each part the store accepted (with its ETag) are kept, so
 * after a network drop `run()` again sends only the parts still missing. A failed part is retried
 * by itself, with a growing pause, before the upload reports `interrupted`. The object id, hash
 * and ETags are also kept in localStorage until finalized: the same file chosen again after a
 * reload renews the URLs of its pending object and sends only what the store does not hold.
 */
export class EvidenceUpload {
  private sha256?: string;
  private ticket?: UploadTicket;
  /** part number → ETag of every part the store accepted */
  private readonly sent = new Map<number, string>();
  /** part number → its URL (and signed headers), once declared */
  private readonly partUrls = new Map<number, PartUrl>();
  /** part number → its base64 SHA-256, once read */
  private readonly partSums = new Map<number, string>();
  private result?: UploadedEvidence;
  private running?: Promise<UploadedEvidence>;
  /** an unfinished upload of this file from an earlier page, to resume */
  private resumeId?: string;
  private readonly key: string;

  constructor(
    readonly file: File,
    readonly target: UploadTarget,
    private readonly onProgress: (progress: UploadProgress) => void = () => undefined,
    private readonly retry: RetryPolicy = DEFAULT_RETRY,
  ) {
    this.key = uploadKey(file, target.kind, target.batchNumber);
    const saved = savedUploads.read(this.key);
    if (saved) {
      this.resumeId = saved.objectId;
      this.sha256 = saved.sha256;
      for (const [part, etag] of saved.sent) this.sent.set(part, etag);
    }
  }

  /** Whether this upload goes on from an earlier page's. */
  get resumed(): boolean {
    return this.resumeId !== undefined;
  }

  private save(): void {
    if (!this.ticket || !this.sha256) return;
    savedUploads.write(this.key, {
      objectId: this.ticket.objectId,
      sha256: this.sha256,
      sent: [...this.sent],
    });
  }

  /** Parts the store holds already (a resumed upload does not send them again). */
  get partsSent(): number[] {
    return [...this.sent.keys()].sort((a, b) => a - b);
  }

  /** Starts the upload, or resumes it where it stopped; concurrent calls share one run. */
  run(signal?: AbortSignal): Promise<UploadedEvidence> {
    if (this.result) return Promise.resolve(this.result);
    this.running ??= this.attempt(signal).finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  private report(phase: UploadPhase, loaded: number, error?: string) {
    const total = this.file.size;
    const percent = phase === 'done' ? 100 : Math.min(99, Math.floor((loaded / Math.max(1, total)) * 100));
    this.onProgress({ phase, loaded, total, percent, error });
  }

  private async attempt(signal?: AbortSignal): Promise<UploadedEvidence> {
    try {
      if (!this.ticket && this.resumeId) this.ticket = await this.renewed(this.resumeId);
      if (!this.sha256) {
        this.report('hashing', 0);
        this.sha256 = await fileSha256(this.file, (n) => this.report('hashing', n), signal);
      }
      if (!this.ticket) {
        this.ticket = await unwrap(
          api.evidence.POST('/evidence/uploads', {
            body: {
              kind: this.target.kind,
              batchNumber: this.target.batchNumber,
              contentType: this.target.contentType ?? contentTypeOf(this.file),
              size: this.file.size,
              sha256: this.sha256,
              fileName: this.file.name.slice(0, 255),
              // Parts are declared one by one as they are read (POST …/parts), once the part size is known.
              parts: [],
            },
          }),
        );
      }
      this.save();
      const parts = await this.sendBytes(this.ticket, signal);
      this.report('finalizing', this.file.size);
      await this.finalized(this.ticket.objectId, parts, signal);
      this.result = {
        objectId: this.ticket.objectId,
        kind: this.target.kind,
        sha256: this.sha256,
        size: this.file.size,
        fileName: this.file.name,
      };
      savedUploads.remove(this.key);
      this.report('done', this.file.size);
      return this.result;
    } catch (error) {
      const message =
        error instanceof ApiError || error instanceof Error ? error.message : String(error ?? 'failed');
      this.report('interrupted', this.bytesSent(), message);
      throw error;
    }
  }

  /**
   * Asks for the background check (hash, copy into the locked bucket, retention) and polls the
   * upload's status until it is stored; a refusal (size, SHA-256, retention) is an error naming it.
   */
  private async finalized(
    objectId: string,
    parts: Array<{ partNumber: number; etag: string }> | undefined,
    signal?: AbortSignal,
  ): Promise<void> {
    await unwrap(
      api.evidence.POST('/evidence/uploads/{id}/finalize', {
        params: { path: { id: objectId }, header: { Prefer: 'respond-async' } },
        body: parts ? { parts } : {},
      }),
    );
    for (let wait = 250; ; wait = Math.min(wait * 2, 3000)) {
      const status = await unwrap(
        api.evidence.GET('/evidence/uploads/{id}/status', { params: { path: { id: objectId } } }),
      );
      if (status.state === 'stored') return;
      if (status.state !== 'verifying' && status.state !== 'uploading') {
        // A refused object is never finalized again: the next run() starts a new upload.
        savedUploads.remove(this.key);
        this.ticket = undefined;
        this.sha256 = undefined;
        this.sent.clear();
        this.partSums.clear();
        throw new Error(`upload ${status.state}: ${status.rejection ?? ''}`);
      }
      await pause(wait, signal);
    }
  }

  /** The earlier page's pending object with fresh URLs; none (start over) if it is gone or done. */
  private async renewed(objectId: string): Promise<UploadTicket | undefined> {
    try {
      const ticket = await unwrap(
        api.evidence.POST('/evidence/uploads/{id}/renewal', { params: { path: { id: objectId } } }),
      );
      this.resumeId = undefined;
      return ticket;
    } catch (error) {
      // A network or server failure: try again on the next run. Refused (gone, done): start over.
      if (!(error instanceof ApiError) || error.status >= 500) throw error;
      this.resumeId = undefined;
      savedUploads.remove(this.key);
      this.sent.clear();
      this.partSums.clear();
      this.sha256 = undefined;
      return undefined;
    }
  }

  private bytesSent(): number {
    const partSize = this.ticket?.partSize ?? this.file.size;
    return [...this.sent.keys()].reduce(
      (sum, n) => sum + Math.min(partSize, this.file.size - (n - 1) * partSize),
      0,
    );
  }

  /** PUTs what the store does not hold yet; the parts and ETags to finalize with (none for single). */
  private async sendBytes(
    ticket: UploadTicket,
    signal?: AbortSignal,
  ): Promise<Array<{ partNumber: number; etag: string }> | undefined> {
    if (ticket.method === 'single') {
      if (!this.sent.has(1)) {
        const etag = await this.putPart(1, this.file, (n) => this.report('uploading', n), signal);
        this.sent.set(1, etag);
      }
      return undefined;
    }
    this.partUrls.clear();
    // An upload of the released flow (resumed from an older page) has every part's URL already.
    if (ticket.partsDeclared === false)
      for (const p of ticket.parts ?? []) this.partUrls.set(p.partNumber, p);
    const partSize = ticket.partSize as number;
    const count = ticket.partCount ?? Math.ceil(this.file.size / partSize);
    for (let partNumber = 1; partNumber <= count; partNumber++) {
      if (this.sent.has(partNumber)) continue;
      const start = (partNumber - 1) * partSize;
      const slice = this.file.slice(start, Math.min(this.file.size, start + partSize));
      const before = this.bytesSent();
      this.report('uploading', before);
      const etag = await this.putPart(partNumber, slice, (n) => this.report('uploading', before + n), signal);
      this.sent.set(partNumber, etag);
      this.save();
      this.report('uploading', this.bytesSent());
    }
    return this.partsSent.map((partNumber) => ({ partNumber, etag: this.sent.get(partNumber) as string }));
  }

  /**
   * The URL of a part (1 for a single PUT) and the headers it was signed with. A part of a declared
   * upload is declared first: its bytes hashed (slice by slice) and sent as its size and SHA-256;
   * `fresh` declares it again for a new URL (the same declaration: the part's bytes did not change).
   */
  private async urlOf(
    partNumber: number,
    body: Blob,
    fresh: boolean,
    signal?: AbortSignal,
  ): Promise<{ url: string; headers: Record<string, string> }> {
    const ticket = this.ticket as UploadTicket;
    if (ticket.method === 'single') return { url: ticket.url as string, headers: ticket.headers ?? {} };
    let part = this.partUrls.get(partNumber);
    if (!part || fresh) {
      const sha256 = (this.partSums.get(partNumber) ?? (await partSha256(body, undefined, signal))) as string;
      this.partSums.set(partNumber, sha256);
      const declared = await unwrap(
        api.evidence.POST('/evidence/uploads/{id}/parts', {
          params: { path: { id: ticket.objectId } },
          body: { parts: [{ partNumber, size: body.size, sha256 }] },
        }),
      );
      part = (declared.parts ?? [])[0] as PartUrl;
      this.partUrls.set(partNumber, part);
    }
    return { url: part.url, headers: part.headers ?? {} };
  }

  /**
   * PUTs one part, retried when the network drops; when the store refuses the URL (403: it
   * expired while the upload waited), a fresh one is asked for once (the part declared again, or
   * the ticket renewed for a single PUT) and it goes on.
   */
  private async putPart(
    partNumber: number,
    body: Blob,
    onLoaded: (loaded: number) => void,
    signal?: AbortSignal,
  ): Promise<string> {
    for (let renewed = false; ; renewed = true) {
      const { url, headers } = await this.urlOf(
        partNumber,
        body,
        renewed && this.ticket?.partsDeclared === true,
        signal,
      );
      try {
        return await this.withRetry(() => putBlob(url, body, onLoaded, signal, headers), signal);
      } catch (error) {
        if (renewed || !(error instanceof PutFailed && error.status === 403)) throw error;
        if (this.ticket?.partsDeclared !== true) {
          this.ticket = await unwrap(
            api.evidence.POST('/evidence/uploads/{id}/renewal', {
              params: { path: { id: (this.ticket as UploadTicket).objectId } },
            }),
          );
          for (const p of this.ticket.parts ?? []) this.partUrls.set(p.partNumber, p);
        }
      }
    }
  }

  private async withRetry<T>(send: () => Promise<T>, signal?: AbortSignal): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await send();
      } catch (error) {
        if (!retryable(error) || attempt >= this.retry.attempts) throw error;
        await pause(this.retry.delayMs * 2 ** (attempt - 1), signal);
      }
    }
  }
}

/** Uploads one file to the evidence store at once (no resume handle kept by the caller). */
export function uploadEvidence(
  file: File,
  target: UploadTarget,
  onProgress?: (progress: UploadProgress) => void,
): Promise<UploadedEvidence> {
  return new EvidenceUpload(file, target, onProgress).run();
}
