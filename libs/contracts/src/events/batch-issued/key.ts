import { BatchKey } from '../../facts/batch-key';

export class BatchIssuedKey extends BatchKey {}
