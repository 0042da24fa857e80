import { BatchKey } from '../../facts/batch-key';

export class CaseClosedKey extends BatchKey {}
