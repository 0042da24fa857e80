import { BatchKey } from '../../facts/batch-key';

export class ResultFinalKey extends BatchKey {}
