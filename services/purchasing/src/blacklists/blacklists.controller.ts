import { Body, Controller, Get, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { CurrentActor, type AuditActor } from '@qis/audit';
import { Policy } from '@qis/auth';
import { BlacklistListQuery } from './blacklist-list.query';
import { BlacklistEntryView } from './blacklist-entry.view';
import { BlacklistQueries } from './blacklist.queries';
import { RecordBlacklistCommand } from './record-blacklist.command';
import { RecordBlacklistUseCase } from './record-blacklist.usecase';

@ApiTags('blacklists')
@ApiBearerAuth()
@Controller('blacklists')
export class BlacklistsController {
  constructor(
    private readonly record: RecordBlacklistUseCase,
    private readonly queries: BlacklistQueries,
  ) {}

  @Get()
  @Policy({ roles: ['purchasing-admin'] })
  @ApiOperation({
    summary: 'Seller blacklistings, newest first (at most 1000): what assignment avoids for each seller',
  })
  @ApiOkResponse({ type: [BlacklistEntryView] })
  async listBlacklists(@Query() query: BlacklistListQuery): Promise<BlacklistEntryView[]> {
    return this.queries.list(query);
  }

  @Post()
  @Policy({ roles: ['purchasing-admin'] })
  @ApiOperation({
    summary:
      "Record that a batch's seller blacklisted a buyer, account or address (forever, for that seller)",
  })
  @ApiCreatedResponse({ description: '{ sellerKey }' })
  @ApiNotFoundResponse({ description: 'no purchase task with this batchNumber' })
  async recordBlacklist(
    @CurrentActor() actor: AuditActor,
    @Body() command: RecordBlacklistCommand,
  ): Promise<{ sellerKey: string }> {
    return this.record.execute(actor, command);
  }
}
