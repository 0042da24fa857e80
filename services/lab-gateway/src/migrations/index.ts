import { AddReportAndCapacityIndexes1764600000000 } from './add-report-and-capacity-indexes.migration';
import { AddReportDocumentVerification1764600100000 } from './add-report-document-verification.migration';
import { AddWaitingDispatch1764600200000 } from './add-waiting-dispatch.migration';
import { AddLabContracts1765400000000 } from './add-lab-contracts.migration';
import { AddLabSandbox1765300000000 } from './add-lab-sandbox.migration';
import { CreateLabGateway1763900800000 } from './create-lab-gateway.migration';

export const migrations = [
  CreateLabGateway1763900800000,
  AddReportAndCapacityIndexes1764600000000,
  AddReportDocumentVerification1764600100000,
  AddWaitingDispatch1764600200000,
  AddLabSandbox1765300000000,
  AddLabContracts1765400000000,
];
