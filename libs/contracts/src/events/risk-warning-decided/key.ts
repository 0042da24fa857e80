import { BatchKey } from '../../facts/batch-key';

/** Keyed by the batch whose failed product the warning is about: its events stay in order. */
export class RiskWarningDecidedKey extends BatchKey {}
