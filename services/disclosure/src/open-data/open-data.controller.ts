import { Controller, Get, Query, Res } from '@nestjs/common';
import {
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiProperty,
  ApiPropertyOptional,
  ApiTags,
  IntersectionType,
} from '@nestjs/swagger';
import { Public } from '@qis/auth';
import { IsIn, IsOptional } from 'class-validator';
import type { Response } from 'express';
import { ResultFilterQuery } from '../dimensions/result-filter.query';
import { RegionDirectory } from '../dimensions/region-directory';
import { PublicResultView } from '../publication/public-result.view';
import { PublicResultsQuery } from '../publication/public-results.query';
import { StatisticsQuery } from '../statistics/statistics.query-dto';
import { StatisticsService } from '../statistics/statistics.service';
import { StatisticsView, type StatisticsRowView } from '../statistics/statistics.view';
import { BOM, csvLine } from './csv';
import { RESULT_FIELDS, STATISTICS_FIELDS, type FieldSpec } from './dataset-schema';

const CHUNK = 500;

class CsvHeader {
  @ApiPropertyOptional({
    enum: ['en', 'zh'],
    default: 'en',
    description: 'header row: field names or Chinese',
  })
  @IsOptional()
  @IsIn(['en', 'zh'])
  header?: 'en' | 'zh';
}

class ResultsCsvQuery extends IntersectionType(ResultFilterQuery, CsvHeader) {}

class StatisticsCsvQuery extends IntersectionType(StatisticsQuery, CsvHeader) {}

const CSV_RESPONSE = {
  description: 'CSV, UTF-8 with a BOM; columns as in /open-data/schema',
  content: { 'text/csv': { schema: { type: 'string' as const } } },
};

class ResultsExport {
  @ApiProperty({ example: 'results' }) dataset!: string;
  @ApiProperty({ example: 1 }) schemaVersion!: number;
  @ApiProperty({ format: 'date-time' }) generatedAt!: string;
  @ApiProperty() count!: number;
  @ApiProperty({
    type: PublicResultView,
    isArray: true,
    description: 'without supersededBy (always null here)',
  })
  items!: Array<Omit<PublicResultView, 'supersededBy'>>;
}

class StatisticsExport extends StatisticsView {
  @ApiProperty({ example: 'statistics' }) dataset!: string;
  @ApiProperty({ example: 1 }) schemaVersion!: number;
}

class DatasetSchemaField {
  @ApiProperty() name!: string;
  @ApiProperty({ enum: ['string', 'integer', 'number', 'boolean', 'date', 'date-time', 'string[]'] })
  type!: string;
  @ApiProperty() nullable!: boolean;
  @ApiProperty() zh!: string;
  @ApiProperty() description!: string;
}

class DatasetSchemas {
  @ApiProperty({ type: DatasetSchemaField, isArray: true }) results!: FieldSpec[];
  @ApiProperty({ type: DatasetSchemaField, isArray: true }) statistics!: FieldSpec[];
}

const headerRow = (fields: readonly FieldSpec[], header: CsvHeader['header']): string =>
  csvLine(fields.map((f) => (header === 'zh' ? f.zh : f.name)));

const statisticsRecord = (by: string, row: StatisticsRowView): Record<string, unknown> => ({
  by,
  ...row,
  ...Object.fromEntries(
    (['passRate', 'detectionRate', 'threeNoRate', 'qualityIndex'] as const).flatMap((k) => [
      [k, row[k]?.value ?? null],
      [`${k}Low`, row[k]?.low ?? null],
      [`${k}High`, row[k]?.high ?? null],
    ]),
  ),
});

/**
 * Open data (开放数据), anonymous: the published results and the statistics as CSV (UTF-8 with a
 * BOM) and JSON, with the schema at /open-data/schema (documented in the README too).
 */
@ApiTags('open-data')
@Controller('open-data')
export class OpenDataController {
  constructor(
    private readonly results: PublicResultsQuery,
    private readonly statistics: StatisticsService,
    private readonly regions: RegionDirectory,
  ) {}

  @Get('schema')
  @Public()
  @ApiOperation({ summary: 'Field names, types, Chinese headers and meanings of every open-data set' })
  @ApiOkResponse({ type: DatasetSchemas })
  schema(): DatasetSchemas {
    return { results: [...RESULT_FIELDS], statistics: [...STATISTICS_FIELDS] };
  }

  @Get('results.csv')
  @Public()
  @ApiProduces('text/csv')
  @ApiOkResponse(CSV_RESPONSE)
  @ApiOperation({ summary: 'Published results as CSV (UTF-8 with BOM), filtered like the list' })
  async resultsCsv(@Query() query: ResultsCsvQuery, @Res() res: Response): Promise<void> {
    res.setHeader('content-type', 'text/csv; charset=utf-8');
    res.setHeader('content-disposition', 'attachment; filename="qis-results.csv"');
    res.write(BOM + headerRow(RESULT_FIELDS, query.header));
    for await (const chunk of this.currentResults(query)) {
      res.write(
        chunk.map((r) => csvLine(RESULT_FIELDS.map((f) => r[f.name as keyof PublicResultView]))).join(''),
      );
    }
    res.end();
  }

  @Get('results.json')
  @Public()
  @ApiOperation({ summary: 'Published results as JSON: { dataset, generatedAt, count, items }' })
  @ApiOkResponse({ type: ResultsExport })
  async resultsJson(@Query() query: ResultFilterQuery, @Res() res: Response): Promise<void> {
    // Streamed a chunk at a time; the count comes last, once every item is out.
    res.setHeader('content-type', 'application/json; charset=utf-8');
    const head: Omit<ResultsExport, 'items' | 'count'> = {
      dataset: 'results',
      schemaVersion: 1,
      generatedAt: new Date().toISOString(),
    };
    res.write(`${JSON.stringify(head).slice(0, -1)},"items":[`);
    let count = 0;
    for await (const chunk of this.currentResults(query)) {
      // Current versions only: `supersededBy` is always null here, so the export leaves it out.
      const items: ResultsExport['items'] = chunk.map(({ supersededBy: _, ...r }) => r);
      res.write(items.map((item) => `${count++ === 0 ? '' : ','}${JSON.stringify(item)}`).join(''));
    }
    res.end(`],"count":${count}}`);
  }

  @Get('statistics.csv')
  @Public()
  @ApiProduces('text/csv')
  @ApiOkResponse(CSV_RESPONSE)
  @ApiOperation({
    summary: 'Statistics by one dimension as CSV (UTF-8 with BOM): rates, intervals, quality index',
  })
  async statisticsCsv(@Query() query: StatisticsCsvQuery, @Res() res: Response): Promise<void> {
    const view = await this.statistics.breakdown(query);
    const lines = [...view.rows, view.total].map((row) =>
      csvLine(STATISTICS_FIELDS.map((f) => statisticsRecord(view.by, row)[f.name])),
    );
    res.setHeader('content-type', 'text/csv; charset=utf-8');
    res.setHeader('content-disposition', `attachment; filename="qis-statistics-${view.by}.csv"`);
    res.send(BOM + headerRow(STATISTICS_FIELDS, query.header) + lines.join(''));
  }

  @Get('statistics.json')
  @Public()
  @ApiOperation({
    summary: 'Statistics by one dimension as JSON (same shape as /public/statistics, with dataset)',
  })
  @ApiOkResponse({ type: StatisticsExport })
  async statisticsJson(@Query() query: StatisticsQuery): Promise<StatisticsExport> {
    return { dataset: 'statistics', schemaVersion: 1, ...(await this.statistics.breakdown(query)) };
  }

  /** The current, not withdrawn results matching the filter, a chunk at a time in a stable order. */
  private async *currentResults(filter: ResultFilterQuery): AsyncGenerator<PublicResultView[]> {
    for (let skip = 0; ; skip += CHUNK) {
      const rows = await this.results
        .current(filter)
        .orderBy('p.published_at', 'ASC')
        .addOrderBy('p.id', 'ASC')
        .skip(skip)
        .take(CHUNK)
        .getMany();
      if (rows.length > 0) yield rows.map((p) => PublicResultView.of(p, this.regions));
      if (rows.length < CHUNK) return;
    }
  }
}
