import { AddBatchJurisdiction1765100000000 } from './add-batch-jurisdiction.migration';
import { AddCustodyVerification1765300000000 } from './add-custody-verification.migration';
import { AddObjectDeletion1765000000000 } from './add-object-deletion.migration';
import { AddQuarantineResolution1765200000000 } from './add-quarantine-resolution.migration';
import { AddUploadFinalization1765400000000 } from './add-upload-finalization.migration';
import { AddUploadParts1765500000000 } from './add-upload-parts.migration';
import { CreateEvidence1763900006000 } from './create-evidence.migration';

/** The evidence service's migrations, in order. Each runs once, in its own transaction, at start. */
export const migrations = [
  CreateEvidence1763900006000,
  AddObjectDeletion1765000000000,
  AddBatchJurisdiction1765100000000,
  AddQuarantineResolution1765200000000,
  AddCustodyVerification1765300000000,
  AddUploadFinalization1765400000000,
  AddUploadParts1765500000000,
];
