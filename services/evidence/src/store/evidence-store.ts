import { createHash } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { checksumHeaderOf, presignWithHeaders } from '@qis/storage';
import { Client, CopyDestinationOptions, CopySourceOptions } from 'minio';
import { EvidenceConfig } from '../evidence.config';
import { RetentionNotConfirmed } from './retention-not-confirmed';

/** Slack between a version's creation and the check of its retention. */
const RETENTION_SLACK_MS = 24 * 3600 * 1000;

export interface StoredVersion {
  versionId: string;
  size: number;
  /** confirmed: the lock mode, for at least the retention years */
  retainUntil: Date;
}

/**
 * The evidence buckets: the unlocked staging bucket uploads land in, and the locked one they are
 * copied into once verified. Presigned URLs, streamed hashing, retention. Never buffers a whole object.
 */
@Injectable()
export class EvidenceStore {
  readonly bucket: string;

  constructor(
    readonly client: Client,
    @Inject(EvidenceConfig) private readonly config: EvidenceConfig,
  ) {
    this.bucket = config.EVIDENCE_BUCKET;
  }

  get lockMode(): 'COMPLIANCE' | 'GOVERNANCE' {
    return this.config.EVIDENCE_LOCK_MODE;
  }

  /** The unlocked bucket uploads land in until they are verified. */
  get stagingBucket(): string {
    return this.config.stagingBucket;
  }

  /** A multipart upload in the staging bucket (a single PUT is its one part). */
  startStagedUpload(key: string, contentType: string): Promise<string> {
    return this.client.initiateNewMultipartUpload(this.stagingBucket, key, { 'Content-Type': contentType });
  }

  /**
   * A presigned PUT of one part whose signature covers its exact size and, when given, its SHA-256:
   * the store refuses other bytes (403 on another length, 400 on another checksum). The
   * `headers` are what the uploader must send besides the body.
   */
  presignStagedPart(
    key: string,
    uploadId: string,
    partNumber: number,
    size: number,
    sha256?: string,
    encoding: 'hex' | 'base64' = 'hex',
  ): { url: string; headers: Record<string, string> } {
    const headers: Record<string, string> = sha256
      ? { 'x-amz-checksum-sha256': encoding === 'hex' ? checksumHeaderOf(sha256) : sha256 }
      : {};
    const url = presignWithHeaders(this.config, {
      method: 'PUT',
      bucket: this.stagingBucket,
      key,
      expiresSeconds: this.config.EVIDENCE_UPLOAD_URL_TTL_SECONDS,
      query: { partNumber: String(partNumber), uploadId },
      headers: { 'content-length': String(size), ...headers },
    });
    return { url, headers };
  }

  /** The parts the store holds for a staged upload: number, ETag, size. */
  async stagedParts(
    key: string,
    uploadId: string,
  ): Promise<Array<{ part: number; etag: string; size: number }>> {
    // minio-js 8 has ListParts (with the pages followed) but keeps it protected.
    const client = this.client as unknown as {
      listParts(
        bucket: string,
        key: string,
        uploadId: string,
      ): Promise<Array<{ part: number; etag: string; size: number }>>;
    };
    const parts = await client.listParts(this.stagingBucket, key, uploadId);
    return parts.map((p) => ({ part: p.part, etag: p.etag.replace(/"/g, ''), size: p.size }));
  }

  async completeStaged(
    key: string,
    uploadId: string,
    parts: Array<{ part: number; etag: string }>,
  ): Promise<void> {
    await this.client.completeMultipartUpload(this.stagingBucket, key, uploadId, parts);
  }

  /**
   * Streams the staged object through SHA-256; with a part size, each part's SHA-256 too (base64,
   * as the uploader declared it), in the same pass.
   */
  async hashStaged(
    key: string,
    partSize?: number,
  ): Promise<{ sha256: string; size: number; parts: string[] }> {
    const stream = await this.client.getObject(this.stagingBucket, key);
    const whole = createHash('sha256');
    const parts: string[] = [];
    let part = partSize ? createHash('sha256') : undefined;
    let inPart = 0;
    let size = 0;
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      whole.update(chunk);
      size += chunk.length;
      for (let at = 0; part && partSize && at < chunk.length;) {
        const take = Math.min(partSize - inPart, chunk.length - at);
        part.update(chunk.subarray(at, at + take));
        at += take;
        inPart += take;
        if (inPart === partSize) {
          parts.push(part.digest('base64'));
          part = createHash('sha256');
          inPart = 0;
        }
      }
    }
    if (part && inPart > 0) parts.push(part.digest('base64'));
    return { sha256: whole.digest('hex'), size, parts };
  }

  /**
   * Copies a verified staged object into the locked bucket, server-side (the bytes never pass
   * through the service); the bucket's default retention applies to the copy. Answers its version.
   */
  async copyIntoLocked(key: string, size: number): Promise<string> {
    const source = new CopySourceOptions({ Bucket: this.stagingBucket, Object: key });
    const target = new CopyDestinationOptions({ Bucket: this.bucket, Object: key });
    // CopyObject takes up to 5 GiB; above that the copy is made of ranged part copies.
    const result =
      size <= 5 * 1024 ** 3
        ? await this.client.copyObject(this.bucket, key, `/${this.stagingBucket}/${key}`)
        : await this.client.composeObject(target, [source]);
    const versionId = (result as { versionId?: string | null }).versionId;
    if (versionId) return versionId;
    return (await this.client.statObject(this.bucket, key)).versionId ?? 'null';
  }

  /**
   * The retention of one version in the locked bucket, read strictly: a store that cannot tell is
   * an error here, never "no retention".
   */
  async retentionOf(key: string, versionId: string): Promise<{ mode: string; retainUntil: Date }> {
    const retention = await this.client.getObjectRetention(this.bucket, key, { versionId });
    if (!retention?.mode || !retention.retainUntilDate) {
      throw new Error(`the store reports no retention for ${key} (${versionId})`);
    }
    return { mode: String(retention.mode).toUpperCase(), retainUntil: new Date(retention.retainUntilDate) };
  }

  /**
   * That one version is retained in the configured lock mode for at least the retention years from
   * now: answers its retain-until date, or throws {@link RetentionNotConfirmed} saying why (the
   * retention could not be read, another mode, too short).
   */
  async confirmRetention(key: string, versionId: string): Promise<Date> {
    let retention: { mode: string; retainUntil: Date };
    try {
      retention = await this.retentionOf(key, versionId);
    } catch (error) {
      throw new RetentionNotConfirmed(
        `the retention of ${key} (version ${versionId}) could not be read: ${(error as Error).message}`,
      );
    }
    const years = this.config.EVIDENCE_RETENTION_YEARS;
    const needed = new Date();
    needed.setUTCFullYear(needed.getUTCFullYear() + years);
    if (retention.mode !== this.lockMode) {
      throw new RetentionNotConfirmed(
        `${key} (version ${versionId}) is retained in ${retention.mode} mode, evidence needs ${this.lockMode}`,
      );
    }
    if (retention.retainUntil.getTime() < needed.getTime() - RETENTION_SLACK_MS) {
      throw new RetentionNotConfirmed(
        `${key} (version ${versionId}) is retained until ${retention.retainUntil.toISOString()}, evidence needs ${years} years (${needed.toISOString()})`,
      );
    }
    return retention.retainUntil;
  }

  /** Removes a staged object or abandons its multipart upload; what is already gone is fine. */
  async removeStaged(key: string, uploadId?: string | null): Promise<void> {
    if (uploadId)
      await this.client.abortMultipartUpload(this.stagingBucket, key, uploadId).catch(() => undefined);
    await this.client.removeObject(this.stagingBucket, key);
  }

  /** Tries to remove a copy that was refused; a lock that forbids it leaves the version in place. */
  async removeRefusedCopy(key: string, versionId: string): Promise<boolean> {
    try {
      await this.client.removeObject(this.bucket, key, {
        versionId,
        ...(this.lockMode === 'GOVERNANCE' ? { governanceBypass: true } : {}),
      });
      return true;
    } catch {
      return false;
    }
  }

  presignGet(key: string, versionId: string, fileName: string | null): Promise<string> {
    return this.client.presignedGetObject(this.bucket, key, this.config.EVIDENCE_DOWNLOAD_URL_TTL_SECONDS, {
      versionId,
      ...(fileName
        ? { 'response-content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent(fileName)}` }
        : {}),
    });
  }

  /** The version now under the key (the latest), or the one named, with its size. */
  async versionOf(key: string, versionId?: string): Promise<{ versionId: string; size: number }> {
    const stat = await this.client.statObject(this.bucket, key, versionId ? { versionId } : {});
    return { versionId: stat.versionId ?? 'null', size: stat.size };
  }

  /**
   * The version now under the key (or the one named), with its size and its retention confirmed
   * ({@link confirmRetention}): a retention that cannot be read, or is not the lock mode for the
   * retention years, throws {@link RetentionNotConfirmed}, never reads as "no retention".
   */
  async stat(key: string, versionId?: string): Promise<StoredVersion> {
    const version = await this.versionOf(key, versionId);
    return { ...version, retainUntil: await this.confirmRetention(key, version.versionId) };
  }

  /** Streams one version through SHA-256. */
  hash(key: string, versionId?: string): Promise<{ sha256: string; size: number }> {
    return this.hashIn(this.bucket, key, versionId);
  }

  private async hashIn(
    bucket: string,
    key: string,
    versionId?: string,
  ): Promise<{ sha256: string; size: number }> {
    const stream = await this.client.getObject(bucket, key, versionId ? { versionId } : {});
    const digest = createHash('sha256');
    let size = 0;
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      digest.update(chunk);
      size += chunk.length;
    }
    return { sha256: digest.digest('hex'), size };
  }

  /** Stores a small generated file (a PDF the service rendered). */
  async putSmall(key: string, body: Buffer, contentType: string): Promise<string> {
    const info = await this.client.putObject(this.bucket, key, body, body.length, {
      'Content-Type': contentType,
    });
    return info.versionId ?? 'null';
  }

  /** Keys under a prefix, in key order (small listings: checkpoints). */
  async listKeys(prefix: string): Promise<string[]> {
    const keys: string[] = [];
    for await (const item of this.client.listObjectsV2(this.bucket, prefix, true)) {
      const name = (item as { name?: string }).name;
      if (name) keys.push(name);
    }
    return keys.sort();
  }

  /** A small object's bytes (a checkpoint), never an evidence file. */
  async readSmall(key: string): Promise<Buffer> {
    const chunks: Buffer[] = [];
    for await (const chunk of await this.client.getObject(this.bucket, key)) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks);
  }

  /** Tries to remove one version: object lock refuses while it is retained. */
  async removeVersion(key: string, versionId: string): Promise<void> {
    await this.client.removeObject(this.bucket, key, { versionId });
  }

  async extendRetention(key: string, versionId: string, retainUntil: Date): Promise<void> {
    await this.client.putObjectRetention(this.bucket, key, {
      mode: this.lockMode,
      retainUntilDate: retainUntil.toISOString(),
      versionId,
    });
  }
}
