import { BatchKey } from '../../facts/batch-key';

export class ResultPublishedKey extends BatchKey {}
