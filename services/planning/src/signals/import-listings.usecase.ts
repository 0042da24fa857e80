import type { Readable } from 'node:stream';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { PlanningConfig } from '../planning.config';
import type { ImportFormat } from './import-format';
import { ImportReport } from './import-report.view';
import { ListingWriter } from './listing-writer';
import type { ListingRow, RowError } from './listing-row';
import { IMPORT_FIELDS, parseListingRecord, REQUIRED_IMPORT_FIELDS } from './parse-listing-record';
import { csvRecords } from './csv-records';
import { ImportHeaderError } from './import-header.error';

// stream-json 1.x is CommonJS without bundled types for these entry points.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const jsonl = require('stream-json/jsonl/Parser') as {
  parser(options: { errorIndicator: unknown }): NodeJS.ReadWriteStream;
};

/** Most errors listed in one report; the counts stay exact. */
const MAX_REPORTED_ERRORS = 1_000;

/**
 * A bulk import of listings, streamed: records are parsed as the body arrives, checked one by one,
 * and upserted a batch at a time while the next batch is parsed (one write in flight), so memory
 * stays flat whatever the size. Bad rows are reported with their row number, field and reason;
 * every good row is kept.
 */
@Injectable()
export class ImportListingsUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly writer: ListingWriter,
    @Inject(PlanningConfig) private readonly config: PlanningConfig,
  ) {}

  async execute(body: Readable, format: ImportFormat): Promise<ImportReport> {
    const report: ImportReport = {
      received: 0,
      accepted: 0,
      rejected: 0,
      errors: [],
      errorsTruncated: false,
    };
    const records = format === 'csv' ? this.csvRecords(body) : this.jsonRecords(body);
    // Rows are spread over writers by listing, so one listing's observations stay in order on one
    // connection while the writers use the database's cores in parallel.
    const writers = this.config.PLANNING_IMPORT_WRITERS;
    const batches: ListingRow[][] = Array.from({ length: writers }, () => []);
    const inFlight: Array<Promise<void>> = Array.from({ length: writers }, () => Promise.resolve());
    const flush = async (w: number) => {
      const rows = batches[w];
      batches[w] = [];
      await inFlight[w];
      inFlight[w] = this.dataSource.transaction((manager) => this.writer.upsert(manager, rows));
      // A failed write surfaces at the next await; keep the rejection from going unhandled meanwhile.
      inFlight[w].catch(() => undefined);
    };
    for await (const items of records) {
      for (const item of items) {
        report.received++;
        if (item.malformed !== undefined) {
          report.rejected++;
          this.addErrors(report, [{ row: item.row, field: '(record)', reason: item.malformed }]);
          continue;
        }
        const result = parseListingRecord(item.record, item.row);
        if ('errors' in result) {
          report.rejected++;
          this.addErrors(report, result.errors);
          continue;
        }
        const w = writers === 1 ? 0 : writerOf(result.row, writers);
        batches[w].push(result.row);
        report.accepted++;
        if (batches[w].length >= this.config.PLANNING_IMPORT_BATCH_ROWS) await flush(w);
      }
    }
    for (let w = 0; w < writers; w++) if (batches[w].length > 0) await flush(w);
    await Promise.all(inFlight);
    return report;
  }

  private addErrors(report: ImportReport, errors: RowError[]): void {
    for (const error of errors) {
      if (report.errors.length < MAX_REPORTED_ERRORS) report.errors.push(error);
      else report.errorsTruncated = true;
    }
  }

  private async *csvRecords(body: Readable): AsyncGenerator<SourceRecord[]> {
    let columns: string[] | undefined;
    for await (const records of csvRecords(body)) {
      const out: SourceRecord[] = [];
      for (const r of records) {
        if (!columns) {
          columns = 'fields' in r ? r.fields.map((h) => h.trim()) : [];
          const missing = REQUIRED_IMPORT_FIELDS.filter((f) => !columns?.includes(f));
          const unknown = columns.filter((c) => !(IMPORT_FIELDS as readonly string[]).includes(c));
          if (missing.length > 0 || unknown.length > 0) throw new ImportHeaderError(missing, unknown);
          continue;
        }
        if ('error' in r) out.push({ row: r.line, record: {}, malformed: r.error });
        else if (r.fields.length > columns.length) {
          out.push({
            row: r.line,
            record: {},
            malformed: `${r.fields.length} fields, the header has ${columns.length}`,
          });
        } else {
          const record: Raw = {};
          for (let i = 0; i < r.fields.length; i++) record[columns[i]] = r.fields[i];
          out.push({ row: r.line, record });
        }
      }
      if (out.length > 0) yield out;
    }
  }

  private async *jsonRecords(body: Readable): AsyncGenerator<SourceRecord[]> {
    const parser = body.pipe(jsonl.parser({ errorIndicator: MALFORMED })) as unknown as Readable;
    body.on('error', (error) => parser.destroy(error));
    let row = 0;
    for await (const item of parser as AsyncIterable<{ value: unknown }>) {
      row++;
      const value = item.value;
      if (value === MALFORMED) yield [{ row, record: {}, malformed: 'is not valid JSON' }];
      else if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
        yield [{ row, record: value as Raw }];
      } else yield [{ row, record: {}, malformed: 'must be a JSON object' }];
    }
  }
}

type Raw = Record<string, unknown>;

/** The writer of a listing: a cheap hash of platform + listing id. */
function writerOf(row: ListingRow, writers: number): number {
  const key = row.platformListingId;
  let h = row.platform.length;
  for (let i = 0; i < key.length; i++) h = (h * 31 + key.charCodeAt(i)) | 0;
  return Math.abs(h) % writers;
}

/** One record of the body with its row number, or why it could not be read. */
interface SourceRecord {
  row: number;
  record: Raw;
  malformed?: string;
}

const MALFORMED = Symbol('malformed');
