import { ComplaintKey } from '../../facts/complaint-key';

export class ComplaintReceivedKey extends ComplaintKey {}
