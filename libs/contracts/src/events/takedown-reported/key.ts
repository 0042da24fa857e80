import { BatchKey } from '../../facts/batch-key';

export class TakedownReportedKey extends BatchKey {}
