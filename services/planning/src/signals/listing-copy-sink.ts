import { once } from 'node:events';
import type { Pool, PoolClient } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { LISTING_COLUMNS, listingUpsertSql } from './listing-columns';
import type { ListingRow } from './listing-row';

/** The staging table of one import: a TEMP table, so it lives on its own connection only. */
const STAGE = 'listing_import';
const STAGE_COLUMNS = ['seq', ...LISTING_COLUMNS.map(([name]) => name)];
const CREATE_STAGE = `create temp table if not exists ${STAGE} (seq int8 not null, ${LISTING_COLUMNS.map(
  ([name, type]) => `${name} ${type}`,
).join(', ')})`;
const COPY_STAGE = `copy ${STAGE} (${STAGE_COLUMNS.join(', ')}) from stdin`;
/** A chunk with each listing at most once: one statement. */
const MERGE = listingUpsertSql(`${STAGE} u`);
/** A chunk with repeated listings: round k holds each listing's k-th observation, oldest first. */
const MERGE_ROUND = listingUpsertSql(
  `(select s.*, row_number() over (partition by s.platform, s.platform_listing_id order by s.observed_at, s.seq) as round
    from ${STAGE} s) u`,
  'u.round = $1',
);
/** Bytes of COPY data gathered before a write to the stream. */
const WRITE_BYTES = 256 * 1024;

/** One of the two connections of an import, each with its own staging table. */
interface Lane {
  client: PoolClient;
  copy?: ReturnType<typeof copyFrom>;
  /** The merge of the chunk last copied on this lane. */
  merged: Promise<void>;
}

/**
 * Where an import's validated rows go: streamed with COPY into a TEMP staging table, merged into
 * `listing` every `chunkRows` rows by one set-based upsert, and committed chunk by chunk (a failure
 * keeps every chunk merged before it). Two connections take turns, so the next chunk is copied
 * while the last one is merged; merges run one at a time, in order, so a listing's observations
 * are applied in the order of the file. Whoever writes waits while PostgreSQL is behind, so the
 * body is read no faster than it is stored and memory stays flat.
 */
export class ListingCopySink {
  private lane = 0;
  private rows = 0;
  private data = '';
  /** Observations of each listing in the current chunk: the rounds its merge needs. */
  private seen = new Map<string, number>();
  private rounds = 1;
  private merges: Promise<void> = Promise.resolve();
  private failed = false;

  private constructor(
    private readonly lanes: Lane[],
    private readonly chunkRows: number,
  ) {}

  static async open(pool: Pool, chunkRows: number): Promise<ListingCopySink> {
    const lanes: Lane[] = [];
    try {
      for (let i = 0; i < 2; i++) {
        const client = await pool.connect();
        lanes.push({ client, merged: Promise.resolve() });
        await client.query(CREATE_STAGE);
        await client.query(`truncate ${STAGE}`);
      }
    } catch (error) {
      for (const lane of lanes) lane.client.release(true);
      throw error;
    }
    return new ListingCopySink(lanes, chunkRows);
  }

  /** Adds a row; when PostgreSQL is behind, answers a promise to wait for before the next one. */
  write(row: ListingRow, seq: number): Promise<void> | undefined {
    const key = `${row.platform} ${row.platformListingId}`;
    const n = (this.seen.get(key) ?? 0) + 1;
    this.seen.set(key, n);
    if (n > this.rounds) this.rounds = n;
    this.data += copyLine(row, seq);
    this.rows++;
    if (this.rows >= this.chunkRows) return this.endChunk();
    if (this.data.length >= WRITE_BYTES) return this.send();
    return undefined;
  }

  /** Merges what is left and waits for every merge. */
  async end(): Promise<void> {
    if (this.rows > 0) await this.endChunk();
    await this.merges;
  }

  /** Gives the connections back (dropping their staging tables); after a failure, closes them. */
  async close(): Promise<void> {
    await this.merges.catch(() => undefined);
    for (const lane of this.lanes) {
      if (lane.copy && !lane.copy.writableFinished) {
        this.failed = true;
        lane.copy.destroy();
      }
      if (this.failed) {
        lane.client.release(true);
        continue;
      }
      try {
        await lane.client.query(`drop table if exists ${STAGE}`);
        lane.client.release();
      } catch (error) {
        lane.client.release(error as Error);
      }
    }
  }

  private async send(): Promise<void> {
    const lane = this.lanes[this.lane];
    if (!lane.copy) {
      // Its last merge read the staging table: wait for it before filling the table again.
      await lane.merged;
      lane.copy = lane.client.query(copyFrom(COPY_STAGE));
      lane.copy.on('error', () => (this.failed = true));
    }
    const data = this.data;
    this.data = '';
    if (!lane.copy.write(data)) await once(lane.copy, 'drain');
  }

  private async endChunk(): Promise<void> {
    await this.send();
    const lane = this.lanes[this.lane];
    const copy = lane.copy;
    lane.copy = undefined;
    copy?.end();
    if (copy) await once(copy, 'finish');
    const rounds = this.rounds;
    this.rows = 0;
    this.rounds = 1;
    this.seen = new Map();
    const merged = this.merges.then(() => merge(lane.client, rounds));
    // A failed merge surfaces at the next wait for it; keep it from going unhandled meanwhile.
    merged.catch(() => (this.failed = true));
    lane.merged = merged;
    this.merges = merged;
    this.lane = 1 - this.lane;
    await this.lanes[this.lane].merged;
  }
}

async function merge(client: PoolClient, rounds: number): Promise<void> {
  if (rounds === 1) await client.query(MERGE);
  else {
    await client.query('begin');
    try {
      for (let round = 1; round <= rounds; round++) await client.query(MERGE_ROUND, [round]);
      await client.query('commit');
    } catch (error) {
      await client.query('rollback').catch(() => undefined);
      throw error;
    }
  }
  await client.query(`truncate ${STAGE}`);
}

const SPECIAL = /[\\\t\n\r]/;

/** A value in COPY's text format. */
function copyValue(v: unknown): string {
  if (v === null || v === undefined) return '\\N';
  const s = typeof v === 'string' ? v : String(v);
  return SPECIAL.test(s) ? s.replace(/[\\\t\n\r]/g, (c) => COPY_ESCAPES[c]) : s;
}

const COPY_ESCAPES: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };

/** A staging row in COPY's text format. */
function copyLine(row: ListingRow, seq: number): string {
  let line = String(seq);
  for (const [, , read] of LISTING_COLUMNS) line += `\t${copyValue(read(row))}`;
  return `${line}\n`;
}
