import type { ServiceDefinition } from '@qis/runtime';
import { EvidenceConfig } from './evidence.config';
import { migrations } from './migrations';
import { EvidenceStoreModule } from './store/evidence-store.module';

export const evidenceService: ServiceDefinition<EvidenceConfig> = {
  name: 'evidence',
  title: 'QIS Evidence service',
  description: 'Tamper-evident evidence storage, custody ledger, parcel intake, unpacking and sealing.',
  config: EvidenceConfig,
  entities: [],
  migrations,
  imports: [EvidenceStoreModule],
  objectStore: { bucket: (config) => config.EVIDENCE_BUCKET },
};
