import { BatchKey } from '../../facts/batch-key';

export class SampleDispatchedKey extends BatchKey {}
