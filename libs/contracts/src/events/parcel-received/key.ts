import { BatchKey } from '../../facts/batch-key';

export class ParcelReceivedKey extends BatchKey {}
