import { AddReportAndCapacityIndexes1764600000000 } from './add-report-and-capacity-indexes.migration';
import { AddReportDocumentVerification1764600100000 } from './add-report-document-verification.migration';
import { CreateLabGateway1763900800000 } from './create-lab-gateway.migration';

export const migrations = [
  CreateLabGateway1763900800000,
  AddReportAndCapacityIndexes1764600000000,
  AddReportDocumentVerification1764600100000,
];
