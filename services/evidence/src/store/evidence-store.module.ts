import {
  Inject,
  Injectable,
  Logger,
  Module,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { createObjectStoreClient, ensureEvidenceBucket, ensureStagingBucket } from '@qis/storage';
import { Client } from 'minio';
import { EvidenceConfig } from '../evidence.config';
import { EvidenceStore } from './evidence-store';

/**
 * Makes sure the evidence bucket exists with object lock, retention and encryption, and the
 * staging bucket uploads land in, unlocked, with a lifecycle expiry. Runs in the
 * background and retries, so the service starts (and reports not-ready) while MinIO is away.
 */
@Injectable()
class EvidenceBucketProvisioner implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(EvidenceBucketProvisioner.name);
  private stopped = false;

  constructor(
    private readonly client: Client,
    @Inject(EvidenceConfig) private readonly config: EvidenceConfig,
  ) {}

  onApplicationBootstrap(): void {
    void this.provision();
  }

  onApplicationShutdown(): void {
    this.stopped = true;
  }

  private async provision(): Promise<void> {
    for (let attempt = 1; !this.stopped; attempt++) {
      try {
        await ensureEvidenceBucket(this.client, this.config.EVIDENCE_BUCKET, {
          region: this.config.MINIO_REGION,
          retentionYears: this.config.EVIDENCE_RETENTION_YEARS,
          mode: this.config.EVIDENCE_LOCK_MODE,
        });
        await ensureStagingBucket(this.client, this.config.stagingBucket, {
          region: this.config.MINIO_REGION,
          expiryDays: this.config.EVIDENCE_STAGING_EXPIRY_DAYS,
        });
        this.logger.log(
          `staging bucket ${this.config.stagingBucket} ready (no lock, expires after ${this.config.EVIDENCE_STAGING_EXPIRY_DAYS}d, SSE)`,
        );
        this.logger.log(
          `evidence bucket ${this.config.EVIDENCE_BUCKET} ready (object lock, ${this.config.EVIDENCE_RETENTION_YEARS}y ${this.config.EVIDENCE_LOCK_MODE}, SSE)`,
        );
        return;
      } catch (error) {
        this.logger.warn(`evidence bucket not ready (attempt ${attempt}): ${(error as Error).message}`);
        await new Promise((resolve) => setTimeout(resolve, Math.min(10_000, 500 * attempt)));
      }
    }
  }
}

@Module({
  providers: [
    {
      provide: Client,
      inject: [EvidenceConfig],
      useFactory: (config: EvidenceConfig) => createObjectStoreClient(config),
    },
    EvidenceBucketProvisioner,
    EvidenceStore,
  ],
  exports: [Client, EvidenceStore],
})
export class EvidenceStoreModule {}
