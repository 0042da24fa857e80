import type { Pool, PoolClient } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { LISTING_COLUMNS, listingUpsertSql } from './listing-columns';
import type { ListingRow } from './listing-row';

const COLUMNS = [...LISTING_COLUMNS.map(([name]) => name), 'history'];
/** A chunk of new listings goes straight into `listing`, as fast as COPY goes. */
const COPY_LISTING = `copy listing (${COLUMNS.join(', ')}) from stdin`;
/** Otherwise into the staging table of the connection (TEMP), in file order (`seq`), to be merged. */
const STAGE = 'listing_import';
const CREATE_STAGE = `create temp table if not exists ${STAGE} (seq int8 generated always as identity, ${LISTING_COLUMNS.map(
  ([name, type]) => `${name} ${type}`,
).join(', ')}, history jsonb)`;
const COPY_STAGE = `copy ${STAGE} (${COLUMNS.join(', ')}) from stdin`;
/** A staged chunk with each listing at most once: one statement. */
const MERGE = listingUpsertSql(`${STAGE} u`);
/** A staged chunk with repeated listings: round k holds each listing's k-th observation, oldest first. */
const MERGE_ROUND = listingUpsertSql(
  `(select s.*, row_number() over (partition by s.platform, s.platform_listing_id order by s.observed_at, s.seq) as round
    from ${STAGE} s) u`,
  'u.round = $1',
);
/** Bytes of COPY data gathered before a write to the stream. */
const WRITE_BYTES = 256 * 1024;

type CopyStream = ReturnType<typeof copyFrom>;

/** One of the two connections of an import, each with its own staging table. */
interface Lane {
  client: PoolClient;
  copy?: CopyStream;
  /** Why the COPY of the current chunk straight into `listing` failed (a listing already there). */
  copyError?: Error;
  /** The merge of the chunk last staged on this lane. */
  merged: Promise<void>;
}

/** A chunk copied straight into `listing`, committing on its lane while the next one is copied. */
interface CommittingChunk {
  lane: Lane;
  copy: CopyStream;
  /** Its COPY data, to be staged and merged should its COPY fail. */
  chunk: Buffer[];
  /** Its listings (`listingKeyHash`): a row of one of them waits until the chunk has ended. */
  keys: Set<number>;
}

/**
 * Where an import's validated rows go, a chunk of `chunkRows` at a time, each committed on its
 * own (a failure keeps every chunk before it). A chunk is first streamed with COPY straight into
 * `listing`: when its listings are all new (the common case of a bulk import) that is all. When
 * COPY meets a listing already stored (or one repeated in the chunk), nothing of the chunk is
 * kept, and the chunk, kept meanwhile as COPY text, is copied into a TEMP staging table and merged
 * by one set-based upsert that keeps the history (in rounds, oldest observation first, when a
 * listing repeats); later chunks go the staged way at once. Two connections take turns, so a
 * chunk is committed (its facts written by the table's triggers) or merged while the next one is
 * copied. Chunks are stored in file order: a chunk copied straight in commits only after the one
 * before it has, and when that one met a stored listing, the chunk is cancelled and both are
 * merged, in order; a row of a listing the committing chunk holds is sent only once that chunk has
 * ended (else each transaction would wait for the other). Whoever writes waits while PostgreSQL is
 * behind, so the body is read no faster than it is stored and memory stays flat.
 */
export class ListingCopySink {
  private lane = 0;
  private rows = 0;
  private data = '';
  /** The current chunk as COPY data while it may still have to be staged. */
  private chunk: Buffer[] = [];
  /** Whether chunks are tried straight into `listing` first. */
  private direct = true;
  /** The listings of the current chunk (`listingKeyHash`) while it is tried straight into `listing`. */
  private keys = new Set<number>();
  /** The chunk last copied straight in, committing on its lane while the next one is copied. */
  private committing?: CommittingChunk;
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
        // A chunk's COPY lasts as long as the client takes to send it: no statement timeout for
        // it (a stalled upload ends with the HTTP request's own timeout, and the COPY with it).
        await client.query('set statement_timeout = 0');
        await client.query(CREATE_STAGE);
        await client.query(`truncate ${STAGE} restart identity`);
      }
    } catch (error) {
      for (const lane of lanes) lane.client.release(true);
      throw error;
    }
    return new ListingCopySink(lanes, chunkRows);
  }

  /** Adds a row; when PostgreSQL is behind, answers a promise to wait for before the next one. */
  write(row: ListingRow): Promise<void> | undefined {
    if (this.direct) {
      const key = listingKeyHash(row.platform, row.platformListingId);
      // A listing of the chunk still committing: the row waits until that chunk has ended. Inserted
      // first, it would make that chunk's own insert of the listing wait for this chunk's
      // transaction, which commits only after that chunk: neither would ever end. (Another
      // listing with the same hash, about once in 10^11 rows, only waits for nothing.)
      if (this.committing?.keys.has(key)) return this.committingEnded().then(() => this.write(row));
      this.keys.add(key);
    }
    this.data += copyLine(row);
    this.rows++;
    if (this.rows >= this.chunkRows) return this.endChunk();
    if (this.data.length >= WRITE_BYTES) return this.send();
    return undefined;
  }

  /** Stores what is left and waits for every merge. */
  async end(): Promise<void> {
    if (this.rows > 0) await this.endChunk();
    await this.committed();
    await this.merges;
  }

  /** Gives the connections back (dropping their staging tables); after a failure, closes them. */
  async close(): Promise<void> {
    // The chunk committing when the import failed is kept like every chunk before the failure.
    await this.committed().catch(() => (this.failed = true));
    await this.merges.catch(() => undefined);
    for (const lane of this.lanes) {
      // A COPY that failed has already ended; one still open is cancelled (CopyFail).
      if (lane.copy && !lane.copy.writableFinished && !lane.copyError) {
        this.failed = true;
        lane.copy.destroy();
      }
      if (this.failed) {
        lane.client.release(true);
        continue;
      }
      try {
        await lane.client.query(`drop table if exists ${STAGE}`);
        await lane.client.query('reset statement_timeout');
        lane.client.release();
      } catch (error) {
        lane.client.release(error as Error);
      }
    }
  }

  private async send(): Promise<void> {
    const lane = this.lanes[this.lane];
    const data = Buffer.from(this.data);
    this.data = '';
    if (!lane.copy) {
      // The last merge on this lane read its staging table: wait for it before using the lane again.
      await lane.merged;
      lane.copyError = undefined;
      lane.copy = this.startCopy(lane, this.direct ? COPY_LISTING : COPY_STAGE);
    }
    if (this.direct) this.chunk.push(data);
    if (lane.copyError) return;
    if (!lane.copy.write(data)) await drained(lane.copy);
  }

  private startCopy(lane: Lane, sql: string): CopyStream {
    const copy = lane.client.query(copyFrom(sql));
    copy.on('error', (error: Error) => (lane.copyError = error));
    return copy;
  }

  private async endChunk(): Promise<void> {
    await this.send();
    const lane = this.lanes[this.lane];
    const copy = lane.copy as CopyStream;
    const chunk = this.chunk;
    const keys = this.keys;
    this.rows = 0;
    this.chunk = [];
    this.keys = new Set();
    const direct = this.direct;
    // Meanwhile this chunk's COPY stays open on its lane: should the wait fail, close() cancels it.
    const before = await this.committed();
    lane.copy = undefined;
    if (before) {
      // The chunk before met a stored listing and is merged: this one, copied meanwhile, must not
      // be stored ahead of it. Cancelled (rolled back), it is merged after it.
      if (!lane.copyError) await cancelled(copy);
      await this.stage(lane, chunk);
      await this.merge(lane, false);
    } else if (direct && !lane.copyError) {
      // Committed (its facts written) while the next chunk is copied on the other lane.
      copy.end();
      this.committing = { lane, copy, chunk, keys };
    } else {
      if (!lane.copyError) {
        copy.end();
        await finished(copy);
      }
      if (direct) await this.stage(lane, chunk);
      else if (lane.copyError) throw lane.copyError;
      await this.merge(lane, direct);
    }
    this.lane = 1 - this.lane;
    await this.lanes[this.lane].merged;
  }

  /** Waits until the chunk committing has ended, committed or failed (then to be merged). */
  private async committingEnded(): Promise<void> {
    if (this.committing) await ended(this.committing);
  }

  /**
   * Waits for the chunk last copied straight in to commit. When it met a listing already stored (or
   * one repeated in it) nothing of it was kept: it is staged and merged, and the answer is true.
   */
  private async committed(): Promise<boolean> {
    const chunk = this.committing;
    if (!chunk) return false;
    // Taken first: a second caller meanwhile (close() after a failure) must not merge it again.
    this.committing = undefined;
    await ended(chunk);
    if (!chunk.lane.copyError) return false;
    await this.stage(chunk.lane, chunk.chunk);
    await this.merge(chunk.lane, true);
    return true;
  }

  /**
   * Merges the chunk staged on `lane` after every merge before it. When `copyFailed` (its COPY
   * straight into `listing` failed) and no listing repeats within it, listings are being updated:
   * the next chunks are staged at once.
   */
  private async merge(lane: Lane, copyFailed: boolean): Promise<void> {
    const rounds = await roundsOf(lane.client);
    if (copyFailed && rounds === 1) this.direct = false;
    const merged = this.merges.then(() => merge(lane.client, rounds));
    // A failed merge surfaces at the next wait for it; keep it from going unhandled meanwhile.
    merged.catch(() => (this.failed = true));
    lane.merged = merged;
    this.merges = merged;
  }

  /** Copies a chunk kept as COPY text into the lane's staging table. */
  private async stage(lane: Lane, chunk: readonly Buffer[]): Promise<void> {
    lane.copyError = undefined;
    const copy = this.startCopy(lane, COPY_STAGE);
    for (const data of chunk) {
      if (lane.copyError) throw lane.copyError;
      if (!copy.write(data)) await drained(copy);
    }
    copy.end();
    await finished(copy);
    if (lane.copyError) throw lane.copyError;
  }
}

/**
 * A 53-bit hash of a listing's key (cyrb53, public domain): a set of numbers, filled once per row,
 * costs a fraction of a set of the key strings, which would be built and kept for every row.
 */
export function listingKeyHash(platform: string, platformListingId: string): number {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  // The platform, a tab (as in the COPY line), then the listing id: no string is built.
  for (let i = 0; i <= platform.length + platformListingId.length; i++) {
    const c =
      i < platform.length
        ? platform.charCodeAt(i)
        : i === platform.length
          ? 9
          : platformListingId.charCodeAt(i - platform.length - 1);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

/** Resolves when a chunk copied straight in has ended, committed or failed; forgets its keys. */
async function ended(chunk: CommittingChunk): Promise<void> {
  // A COPY that failed has ended (its error is recorded, and no other event follows).
  if (!chunk.lane.copyError) await finished(chunk.copy);
  chunk.keys.clear();
}

/** Resolves at the first of these events of the stream (an error is recorded by the stream's handler). */
function firstOf(stream: CopyStream, events: readonly string[]): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      for (const event of events) stream.off(event, done);
      resolve();
    };
    for (const event of events) stream.on(event, done);
  });
}

/** Resolves when the stream takes data again, or has failed. */
const drained = (stream: CopyStream) => firstOf(stream, ['drain', 'error', 'close']);

/** Cancels a COPY still open (CopyFail: PostgreSQL rolls it back); resolves once it has ended. */
async function cancelled(stream: CopyStream): Promise<void> {
  const closed = firstOf(stream, ['close']);
  stream.destroy();
  await closed;
}

/** Resolves when the COPY is committed, or has failed. */
async function finished(stream: CopyStream): Promise<void> {
  if (stream.writableFinished || stream.destroyed) return;
  await firstOf(stream, ['finish', 'error', 'close']);
}

/** The most observations of one listing in the staged chunk: the rounds its merge needs. */
async function roundsOf(client: PoolClient): Promise<number> {
  const { rows } = await client.query<{ rounds: number | null }>(
    `select max(n)::int as rounds from (select count(*) as n from ${STAGE} group by platform, platform_listing_id) c`,
  );
  return rows[0]?.rounds ?? 1;
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
const SPECIALS = /[\\\t\n\r]/g;
const COPY_ESCAPES: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };

/** Free text in COPY's text format. */
function copyText(s: string): string {
  return SPECIAL.test(s) ? s.replace(SPECIALS, (c) => COPY_ESCAPES[c]) : s;
}

/** A value that can hold no tab, newline or backslash (checked by its pattern, or a number). */
function copyPlain(v: string | number | null): string {
  return v === null ? '\\N' : String(v);
}

function copyOptional(s: string | null): string {
  return s === null ? '\\N' : copyText(s);
}

/** An instant as PostgreSQL writes a `timestamptz` into JSON in UTC: `2026-03-01T00:00:00.12+00:00`. */
function pgJsonInstant(utc: string): string {
  if (utc.length === 20) return `${utc.slice(0, 19)}+00:00`;
  const digits = utc.slice(20, -1).replace(/0+$/, '');
  return `${utc.slice(0, 19)}${digits ? `.${digits}` : ''}+00:00`;
}

/**
 * A row in COPY's text format, in the order of LISTING_COLUMNS, then its first history entry.
 * Written out field by field: it runs once per row of million-row imports.
 */
export function copyLine(r: ListingRow): string {
  const claims = r.promotionalClaims.length === 0 ? '[]' : copyText(JSON.stringify(r.promotionalClaims));
  const history = `[{"at":"${pgJsonInstant(r.observedAt)}","priceFen":${r.priceFen},"monthlySales":${r.monthlySales ?? 'null'}}]`;
  return `${r.platform}\t${r.platformListingId}\t${copyText(r.url)}\t${copyText(r.title)}\t${copyPlain(r.category)}\t${copyOptional(r.brand)}\t${copyOptional(r.specModel)}\t${copyOptional(r.brandSpecKey)}\t${r.priceFen}\t${copyPlain(r.monthlySales)}\t${copyPlain(r.stock)}\t${copyPlain(r.ratingCount)}\t${copyPlain(r.badRatingRate)}\t${claims}\t${r.promoHits}\t${copyText(r.shopName)}\t${copyText(r.shopUrl)}\t${copyText(r.sellerName)}\t${r.sellerEntityType}\t${copyPlain(r.sellerCreditCode)}\t${copyPlain(r.sellerAreaCode)}\t${copyOptional(r.sellerAddress)}\t${copyText(r.operatorName)}\t${copyPlain(r.operatorAreaCode)}\t${r.observedAt}\t${history}\n`;
}
