import { BatchKey } from '../../facts/batch-key';

export class ObjectionFiledKey extends BatchKey {}
