import type { ServiceDefinition } from '@qis/runtime';
import { CustodyEntry } from './custody/custody-entry.entity';
import { CustodyModule } from './custody/custody.module';
import { EvidenceConfig } from './evidence.config';
import { migrations } from './migrations';
import { EvidenceObject } from './objects/evidence-object.entity';
import { ObjectsModule } from './objects/objects.module';
import { EvidenceStoreModule } from './store/evidence-store.module';

export const evidenceService: ServiceDefinition<EvidenceConfig> = {
  name: 'evidence',
  title: 'QIS Evidence service',
  description: 'Tamper-evident evidence storage, custody ledger, parcel intake, unpacking and sealing.',
  config: EvidenceConfig,
  entities: [EvidenceObject, CustodyEntry],
  migrations,
  imports: [EvidenceStoreModule, CustodyModule, ObjectsModule],
  objectStore: { bucket: (config) => config.EVIDENCE_BUCKET },
};
