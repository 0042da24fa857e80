import { Injectable } from '@nestjs/common';
import { HealthIndicatorService } from '@nestjs/terminus';
import type { Client } from 'minio';

/** Readiness of the object store: the evidence bucket answers within the timeout. */
@Injectable()
export class ObjectStoreHealthIndicator {
  constructor(
    private readonly health: HealthIndicatorService,
    private readonly client: Client,
    private readonly bucket: string,
  ) {}

  async isReady(key = 'objectStore', timeoutMs = 3_000) {
    const session = this.health.check(key);
    let timer: NodeJS.Timeout | undefined;
    try {
      const exists = await Promise.race([
        this.client.bucketExists(this.bucket),
        new Promise<never>((_, reject) => {
          timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
        }),
      ]);
      return exists
        ? session.up({ bucket: this.bucket })
        : session.down({ message: `bucket ${this.bucket} is missing` });
    } catch (error) {
      return session.down({ message: (error as Error).message });
    } finally {
      clearTimeout(timer);
    }
  }
}
