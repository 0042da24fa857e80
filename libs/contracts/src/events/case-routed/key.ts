import { BatchKey } from '../../facts/batch-key';

export class CaseRoutedKey extends BatchKey {}
