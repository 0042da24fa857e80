import type { Readable } from 'node:stream';
import {
  BadRequestException,
  Body,
  Controller,
  Get,
  HttpCode,
  Param,
  Post,
  Query,
  Req,
  UnsupportedMediaTypeException,
} from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBody,
  ApiConsumes,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { AuditService, CurrentActor, type AuditActor } from '@qis/audit';
import { Policy } from '@qis/auth';
import type { Request } from 'express';
import { IMPORT_CONTENT_TYPES } from './import-format';
import { ImportHeaderError } from './import-header.error';
import { ImportListingsUseCase } from './import-listings.usecase';
import { ImportReport } from './import-report.view';
import { ListingPageView } from './listing-page.view';
import { ListingSearchQuery } from './listing-search.query';
import { ListingView } from './listing.view';
import { ListingQuery } from './listing.query';
import { ListingRef } from './listing-ref.params';
import { RecordSignalCommand } from './record-signal.command';
import { RecordSignalUseCase } from './record-signal.usecase';
import { SearchListingsUseCase } from './search-listings.usecase';
import { SignalView } from './signal.view';

@ApiTags('signals')
@Controller()
export class SignalsController {
  constructor(
    private readonly importer: ImportListingsUseCase,
    private readonly recordSignal: RecordSignalUseCase,
    private readonly listings: ListingQuery,
    private readonly listingSearch: SearchListingsUseCase,
    private readonly audit: AuditService,
  ) {}

  @Post('listings/import')
  @HttpCode(200)
  @Policy({ roles: ['planner'] })
  @ApiOperation({
    summary: 'Bulk import of listings, streamed (CSV with a header row, or NDJSON)',
    description:
      'Upserts by platform + listing id, keeping the history of price and monthly sales. Bad rows are ' +
      'reported (row = CSV line number, header = 1; NDJSON: record number) and left out; good rows are kept. ' +
      'CSV promotionalClaims are separated by |.',
  })
  @ApiConsumes('text/csv', 'application/x-ndjson')
  @ApiBody({ schema: { type: 'string', format: 'binary' } })
  @ApiOkResponse({ type: ImportReport })
  async importListings(@Req() req: Request, @CurrentActor() actor: AuditActor): Promise<ImportReport> {
    const type = (req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
    const format = IMPORT_CONTENT_TYPES[type];
    if (!format) {
      req.resume();
      throw new UnsupportedMediaTypeException({
        statusCode: 415,
        error: 'Unsupported Media Type',
        message: `send ${Object.keys(IMPORT_CONTENT_TYPES).join(' or ')}`,
        errors: [
          {
            field: 'content-type',
            reasons: [`must be one of ${Object.keys(IMPORT_CONTENT_TYPES).join(', ')}`],
          },
        ],
      });
    }
    let report: ImportReport;
    try {
      report = await this.importer.execute(req as Readable, format);
    } catch (error) {
      if (!(error instanceof ImportHeaderError)) throw error;
      req.resume();
      throw new BadRequestException({
        statusCode: 400,
        error: 'Bad Request',
        message: 'the CSV header does not name the import fields',
        errors: [
          ...error.missing.map((f) => ({ field: f, reasons: ['required column is missing'] })),
          ...error.unknown.map((f) => ({ field: f, reasons: ['unknown column'] })),
        ],
      });
    }
    await this.audit.record(actor, {
      action: 'listing.import',
      entityType: 'listing-import',
      detail: { format, received: report.received, accepted: report.accepted, rejected: report.rejected },
    });
    return report;
  }

  @Get('listings')
  @Policy({ roles: ['planner', 'approver', 'auditor'] })
  @ApiOperation({
    summary:
      'Search listings, a page at a time, each with its risk score and the score explained factor by factor',
    description:
      'Scored as a plan would score them (planId: its weights, category risk, price norms and scope) or with the ' +
      "default weights, the categories' price norms as they stand and the bureau's scope. sort=score needs a category.",
  })
  @ApiOkResponse({ type: ListingPageView })
  @ApiBadRequestResponse({ description: 'a malformed filter; the body names the field' })
  @ApiNotFoundResponse({ description: 'no plan with this planId' })
  searchListings(@Query() query: ListingSearchQuery): Promise<ListingPageView> {
    return this.listingSearch.execute(query);
  }

  @Get('listings/:platform/:listingId')
  @Policy({ roles: ['planner', 'approver', 'auditor'] })
  @ApiOperation({ summary: 'A listing as last observed, with its price and sales history' })
  @ApiOkResponse({ type: ListingView })
  async listing(@Param() ref: ListingRef): Promise<ListingView> {
    return this.listings.byPlatformId(ref.platform, ref.listingId);
  }

  @Post('signals')
  @Policy({ roles: ['planner'] })
  @ApiOperation({
    summary:
      'Record a risk signal: complaint, report, public-opinion item, authority notice, platform self-check failure',
  })
  @ApiCreatedResponse({
    type: SignalView,
    description:
      'recorded; a signal already recorded (same source and externalId) answers its id with created: false',
  })
  @HttpCode(201)
  async signal(@Body() command: RecordSignalCommand, @CurrentActor() actor: AuditActor): Promise<SignalView> {
    return this.recordSignal.execute(command, actor);
  }
}
