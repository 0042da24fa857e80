import { BatchKey } from '../../facts/batch-key';

export class SampleSealedKey extends BatchKey {}
