import { BatchKey } from '../../facts/batch-key';

/** Keyed by each batch the delegation covers: a batch's delegation and revocation stay in order. */
export class SamplingDelegatedKey extends BatchKey {}
