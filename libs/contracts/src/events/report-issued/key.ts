import { BatchKey } from '../../facts/batch-key';

export class ReportIssuedKey extends BatchKey {}
