import {
  BadGatewayException,
  Injectable,
  Logger,
  ServiceUnavailableException,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { DataSource } from 'typeorm';
import { EvidenceConfig } from '../../evidence.config';
import { EvidenceStore } from '../../store/evidence-store';
import type { CustodyBreak } from '../custody-report.view';
import { TimestampAuthority } from './timestamp-authority';

/** Where checkpoints live: the evidence bucket, so under its object lock (nobody deletes them). */
const CHECKPOINT_PREFIX = 'custody-checkpoints/';
const STATEMENT_TYPE = 'qis.custody-checkpoint.v1';

/** The statement a checkpoint stamps: the chain's head at a moment. */
export interface CheckpointStatement {
  type: typeof STATEMENT_TYPE;
  ledger: 'evidence.custody_entry';
  headSeq: string;
  headHash: string;
  takenAt: string;
}

/** A checkpoint as kept: the exact statement bytes and the TSA's token over them. */
interface StoredCheckpoint {
  statement: string; // base64 of the statement's bytes
  token: string;
  genTime: string;
  serialNumber: string;
}

export interface Checkpoint extends CheckpointStatement {
  key: string;
  genTime: string;
  serialNumber: string;
}

export interface CheckpointCheck {
  checked: number;
  lastGenTime: string | null;
  firstBreak?: CustodyBreak;
}

/**
 * Checkpoints of the custody chain: its head (last sequence number and hash) stamped by an RFC 3161
 * time-stamping authority and written to the locked evidence bucket. Verification then holds the
 * chain to every checkpoint, so a ledger cut at its end, or rewritten and re-hashed as a whole (which
 * the chain's own links cannot show), no longer verifies. Taken every
 * EVIDENCE_CHECKPOINT_INTERVAL_MINUTES when the head moved, and on request.
 */
@Injectable()
export class CustodyCheckpoints implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(CustodyCheckpoints.name);
  private timer?: NodeJS.Timeout;
  private running?: Promise<unknown>;
  private lastHeadSeq?: string;

  constructor(
    private readonly dataSource: DataSource,
    private readonly store: EvidenceStore,
    private readonly tsa: TimestampAuthority,
    private readonly config: EvidenceConfig,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.tsa.configured) {
      this.logger.warn(
        'no time-stamping authority configured (EVIDENCE_TSA_URL): custody checkpoints are off',
      );
      return;
    }
    this.timer = setInterval(() => {
      if (this.running) return;
      this.running = this.takeIfMoved()
        .catch((error: unknown) => this.logger.error({ err: error }, 'custody checkpoint failed'))
        .finally(() => (this.running = undefined));
    }, this.config.EVIDENCE_CHECKPOINT_INTERVAL_MINUTES * 60_000);
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }

  /** A checkpoint of the head as it is now; null when the ledger is empty. */
  async take(): Promise<Checkpoint | null> {
    if (!this.tsa.configured)
      throw new ServiceUnavailableException(
        'no time-stamping authority is configured (EVIDENCE_TSA_URL, EVIDENCE_TSA_CERT_FILE)',
      );
    // No transaction around the TSA's round trip: nothing is locked while it answers. Two
    // instances stamping the same head at once make two valid checkpoints, which is harmless.
    const [head] = (await this.dataSource.query(
      'select seq::text as seq, hash from custody_entry order by seq desc limit 1',
    )) as Array<{ seq: string; hash: string }>;
    if (!head) return null;
    const statement: CheckpointStatement = {
      type: STATEMENT_TYPE,
      ledger: 'evidence.custody_entry',
      headSeq: head.seq,
      headHash: head.hash,
      takenAt: new Date().toISOString(),
    };
    const bytes = Buffer.from(JSON.stringify(statement), 'utf8');
    const stamped = await this.tsa.stamp(bytes).catch((error: Error) => {
      throw new BadGatewayException(`time-stamping authority: ${error.message}`);
    });
    const key = `${CHECKPOINT_PREFIX}${head.seq.padStart(20, '0')}-${statement.takenAt.replace(/[:.]/g, '')}.json`;
    const stored: StoredCheckpoint = { statement: bytes.toString('base64'), ...stamped };
    await this.store.putSmall(key, Buffer.from(JSON.stringify(stored)), 'application/json');
    this.lastHeadSeq = head.seq;
    this.logger.log(`custody checkpoint at entry ${head.seq}, stamped ${stamped.genTime}`);
    return { ...statement, key, genTime: stamped.genTime, serialNumber: stamped.serialNumber };
  }

  private async takeIfMoved(): Promise<void> {
    const [head] = (await this.dataSource.query(
      'select seq::text as seq from custody_entry order by seq desc limit 1',
    )) as Array<{ seq: string }>;
    if (head && head.seq !== this.lastHeadSeq) await this.take();
  }

  /**
   * Holds the ledger to every checkpoint: each token must verify (the TSA's signature over the exact
   * statement) and the entry it names must still be there with the hash it had.
   */
  async check(): Promise<CheckpointCheck> {
    const keys = await this.store.listKeys(CHECKPOINT_PREFIX);
    let lastGenTime: string | null = null;
    let checked = 0;
    const fail = (seq: string | undefined, reason: string): CheckpointCheck => ({
      checked,
      lastGenTime,
      firstBreak: { kind: 'ledger-entry', ...(seq ? { seq } : {}), reason },
    });
    if (keys.length > 0 && !this.tsa.configured)
      return fail(undefined, `${keys.length} checkpoints cannot be verified: no TSA certificate configured`);
    const [end] = (await this.dataSource.query(
      'select coalesce(max(seq), 0)::text as seq from custody_entry',
    )) as Array<{ seq: string }>;
    for (const key of keys) {
      checked++;
      let stored: StoredCheckpoint;
      let statement: CheckpointStatement;
      let bytes: Buffer;
      try {
        stored = JSON.parse((await this.store.readSmall(key)).toString('utf8')) as StoredCheckpoint;
        bytes = Buffer.from(stored.statement, 'base64');
        statement = JSON.parse(bytes.toString('utf8')) as CheckpointStatement;
      } catch (error) {
        return fail(undefined, `checkpoint ${key} is unreadable: ${(error as Error).message}`);
      }
      const problem = await this.tsa.verify(stored.token, bytes);
      if (problem) return fail(statement.headSeq, `checkpoint ${key}: its timestamp token ${problem}`);
      lastGenTime = stored.genTime;
      const [entry] = (await this.dataSource.query('select hash from custody_entry where seq = $1', [
        statement.headSeq,
      ])) as Array<{ hash: string }>;
      const when = `the checkpoint timestamped ${stored.genTime} (TSA serial ${stored.serialNumber})`;
      if (!entry)
        return fail(
          statement.headSeq,
          BigInt(statement.headSeq) > BigInt(end.seq)
            ? `the ledger ends at entry ${end.seq}, but ${when} saw entry ${statement.headSeq}: entries were cut from its end`
            : `entry ${statement.headSeq}, which ${when} saw, is gone: the chain was rewritten`,
        );
      if (entry.hash !== statement.headHash)
        return fail(
          statement.headSeq,
          `entry ${statement.headSeq} hashes to ${entry.hash} now; ${when} recorded ${statement.headHash}: the chain was rewritten after it`,
        );
    }
    return { checked, lastGenTime };
  }
}
