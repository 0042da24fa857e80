import type { Readable } from 'node:stream';
import { Inject, Injectable } from '@nestjs/common';
import type { Pool } from 'pg';
import { DataSource } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';
import { PlanningConfig } from '../planning.config';
import type { ImportFormat } from './import-format';
import { ImportReport } from './import-report.view';
import { ListingCopySink } from './listing-copy-sink';
import type { RowError } from './listing-row';
import {
  csvImportRecord,
  IMPORT_FIELDS,
  importColumns,
  parseListingRecord,
  REQUIRED_IMPORT_FIELDS,
  type ImportRecord,
} from './parse-listing-record';
import { csvRecords } from './csv-records';
import { ImportHeaderError } from './import-header.error';
import { jsonLines } from './json-lines';

/** Most errors listed in one report; the counts stay exact. */
const MAX_REPORTED_ERRORS = 1_000;

/**
 * A bulk import of listings, streamed: records are parsed as the body arrives, checked one by one,
 * and the good ones streamed to PostgreSQL with COPY a chunk at a time (`ListingCopySink`), so memory
 * stays flat whatever the size. Bad rows are reported with their row number, field and reason;
 * every good row is kept. A record longer than `PLANNING_IMPORT_MAX_RECORD_BYTES` (a quote never
 * closed, a missing line break) is a bad row, skipped without being held.
 */
@Injectable()
export class ImportListingsUseCase {
  constructor(
    private readonly dataSource: DataSource,
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
    const pool = (this.dataSource.driver as PostgresDriver).master as Pool;
    let sink: ListingCopySink | undefined;
    try {
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
          sink ??= await ListingCopySink.open(pool, this.config.PLANNING_IMPORT_CHUNK_ROWS);
          report.accepted++;
          const wait = sink.write(result.row);
          if (wait) await wait;
        }
      }
      await sink?.end();
    } finally {
      await sink?.close();
    }
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
    let at: number[] = [];
    for await (const records of csvRecords(body, {
      maxRecordBytes: this.config.PLANNING_IMPORT_MAX_RECORD_BYTES,
    })) {
      const out: SourceRecord[] = [];
      for (const r of records) {
        if (!columns) {
          columns = 'fields' in r ? r.fields.map((h) => h.trim()) : [];
          const missing = REQUIRED_IMPORT_FIELDS.filter((f) => !columns?.includes(f));
          const unknown = columns.filter((c) => !(IMPORT_FIELDS as readonly string[]).includes(c));
          if (missing.length > 0 || unknown.length > 0) throw new ImportHeaderError(missing, unknown);
          at = importColumns(columns);
          continue;
        }
        if ('error' in r) out.push({ row: r.line, record: {}, malformed: r.error });
        else if (r.fields.length > columns.length) {
          out.push({
            row: r.line,
            record: {},
            malformed: `${r.fields.length} fields, the header has ${columns.length}`,
          });
        } else out.push({ row: r.line, record: csvImportRecord(r.fields, at) });
      }
      if (out.length > 0) yield out;
    }
  }

  private async *jsonRecords(body: Readable): AsyncGenerator<SourceRecord[]> {
    const lines = jsonLines(body, { maxLineBytes: this.config.PLANNING_IMPORT_MAX_RECORD_BYTES });
    for await (const items of lines) {
      yield items.map((item): SourceRecord => {
        if ('error' in item) return { row: item.row, record: {}, malformed: item.error };
        const value = item.value;
        return value !== null && typeof value === 'object' && !Array.isArray(value)
          ? { row: item.row, record: value as ImportRecord }
          : { row: item.row, record: {}, malformed: 'must be a JSON object' };
      });
    }
  }
}

/** One record of the body with its row number, or why it could not be read. */
interface SourceRecord {
  row: number;
  record: ImportRecord;
  malformed?: string;
}
