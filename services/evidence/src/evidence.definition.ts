import { sqlGauge, type ServiceDefinition } from '@qis/runtime';
import { AccessModule } from './access/access.module';
import { BatchJurisdiction } from './access/batch-jurisdiction.entity';
import { BatchViewModule } from './batch-view/batch-view.module';
import { CustodyEntry } from './custody/custody-entry.entity';
import { CustodyModule } from './custody/custody.module';
import { EvidenceConfig } from './evidence.config';
import { migrations } from './migrations';
import { EvidenceObject } from './objects/evidence-object.entity';
import { ObjectsModule } from './objects/objects.module';
import { ExpectedParcel } from './intake/expected-parcel.entity';
import { IntakeModule } from './intake/intake.module';
import { Parcel } from './intake/parcel.entity';
import { Sealing } from './sealing/sealing.entity';
import { SealingModule } from './sealing/sealing.module';
import { UnpackingSession } from './unpacking/unpacking-session.entity';
import { UnpackingModule } from './unpacking/unpacking.module';
import { EvidenceStoreModule } from './store/evidence-store.module';

export const evidenceService: ServiceDefinition<EvidenceConfig> = {
  name: 'evidence',
  title: 'QIS Evidence service',
  description: 'Tamper-evident evidence storage, custody ledger, parcel intake, unpacking and sealing.',
  config: EvidenceConfig,
  entities: [
    EvidenceObject,
    CustodyEntry,
    ExpectedParcel,
    Parcel,
    UnpackingSession,
    Sealing,
    BatchJurisdiction,
  ],
  migrations,
  imports: [
    EvidenceStoreModule,
    CustodyModule,
    AccessModule,
    ObjectsModule,
    IntakeModule,
    UnpackingModule,
    SealingModule,
    BatchViewModule,
  ],
  appendOnlyTables: ['custody_entry'],
  metrics: (registry, app) => {
    sqlGauge(registry, app, {
      name: 'qis_evidence_objects',
      help: 'Evidence objects stored (finalized, not deleted after retention), by kind',
      labelNames: ['kind'],
      sql: "select kind, count(*)::int as value from evidence_object where status = 'stored' group by kind",
    });
    sqlGauge(registry, app, {
      name: 'qis_evidence_bytes_stored',
      help: 'Bytes of evidence stored (finalized, not deleted after retention)',
      sql: "select coalesce(sum(size), 0)::float8 as value from evidence_object where status = 'stored'",
    });
  },
  // Ready once the staging bucket answers: the provisioner makes it after the locked bucket, so
  // both exist, and no upload is announced into a bucket that is not there yet.
  objectStore: { bucket: (config) => config.stagingBucket },
  openApiLinks: [
    {
      from: 'start',
      to: ['declareParts', 'finalize', 'renew', 'uploadStatus'],
      parameters: { id: '$response.body#/objectId' },
    },
    {
      from: 'receive',
      to: ['getParcel', 'rejectParcel', 'releaseParcel'],
      parameters: { id: '$response.body#/id' },
    },
    { from: 'openUnpackingSession', to: ['getSession', 'seal'], parameters: { id: '$response.body#/id' } },
    { from: 'startVerification', to: ['getVerification'], parameters: { id: '$response.body#/id' } },
  ],
};
