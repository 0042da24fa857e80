import { BatchKey } from '../../facts/batch-key';

export class ResultNotifiedKey extends BatchKey {}
