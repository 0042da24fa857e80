import { BatchKey } from '../../facts/batch-key';

export class ReinspectionRequestedKey extends BatchKey {}
