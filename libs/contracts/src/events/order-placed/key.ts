import { BatchKey } from '../../facts/batch-key';

export class OrderPlacedKey extends BatchKey {}
