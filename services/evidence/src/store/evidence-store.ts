import { createHash } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { Client } from 'minio';
import { EvidenceConfig } from '../evidence.config';

export interface StoredVersion {
  versionId: string;
  size: number;
  retainUntil: Date | null;
}

/** The evidence bucket: presigned URLs, streamed hashing, retention. Never buffers a whole object. */
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

  presignPut(key: string): Promise<string> {
    return this.client.presignedPutObject(this.bucket, key, this.config.EVIDENCE_UPLOAD_URL_TTL_SECONDS);
  }

  startMultipart(key: string, contentType: string): Promise<string> {
    return this.client.initiateNewMultipartUpload(this.bucket, key, { 'Content-Type': contentType });
  }

  presignPart(key: string, uploadId: string, partNumber: number): Promise<string> {
    return this.client.presignedUrl('PUT', this.bucket, key, this.config.EVIDENCE_UPLOAD_URL_TTL_SECONDS, {
      partNumber: String(partNumber),
      uploadId,
    });
  }

  async completeMultipart(
    key: string,
    uploadId: string,
    parts: Array<{ part: number; etag: string }>,
  ): Promise<void> {
    await this.client.completeMultipartUpload(this.bucket, key, uploadId, parts);
  }

  presignGet(key: string, versionId: string, fileName: string | null): Promise<string> {
    return this.client.presignedGetObject(this.bucket, key, this.config.EVIDENCE_DOWNLOAD_URL_TTL_SECONDS, {
      versionId,
      ...(fileName
        ? { 'response-content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent(fileName)}` }
        : {}),
    });
  }

  /** The version now under the key (the latest), with its size and retention. */
  async stat(key: string, versionId?: string): Promise<StoredVersion> {
    const stat = await this.client.statObject(this.bucket, key, versionId ? { versionId } : {});
    const retention = stat.versionId
      ? await this.client
          .getObjectRetention(this.bucket, key, { versionId: stat.versionId })
          .catch(() => null)
      : null;
    return {
      versionId: stat.versionId ?? 'null',
      size: stat.size,
      retainUntil: retention?.retainUntilDate ? new Date(retention.retainUntilDate) : null,
    };
  }

  /** Streams one version through SHA-256. */
  async hash(key: string, versionId?: string): Promise<{ sha256: string; size: number }> {
    const stream = await this.client.getObject(this.bucket, key, versionId ? { versionId } : {});
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
