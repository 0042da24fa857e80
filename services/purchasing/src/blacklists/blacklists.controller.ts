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
import { DataSource, type FindOptionsWhere } from 'typeorm';
import { BlacklistListQuery } from './blacklist-list.query';
import { BlacklistEntryView } from './blacklist-entry.view';
import { RecordBlacklistCommand } from './record-blacklist.command';
import { RecordBlacklistUseCase } from './record-blacklist.usecase';
import { SellerBlacklistEntry } from './seller-blacklist-entry.entity';

@ApiTags('blacklists')
@ApiBearerAuth()
@Controller('blacklists')
export class BlacklistsController {
  constructor(
    private readonly record: RecordBlacklistUseCase,
    private readonly dataSource: DataSource,
  ) {}

  @Get()
  @Policy({ roles: ['purchasing-admin'] })
  @ApiOperation({
    summary: 'Seller blacklistings, newest first (at most 1000): what assignment avoids for each seller',
  })
  @ApiOkResponse({ type: [BlacklistEntryView] })
  async listBlacklists(@Query() query: BlacklistListQuery): Promise<BlacklistEntryView[]> {
    const where: FindOptionsWhere<SellerBlacklistEntry> = {
      ...(query.targetKind ? { targetKind: query.targetKind } : {}),
      ...(query.targetId ? { targetId: query.targetId } : {}),
    };
    const found = await this.dataSource.manager.find(SellerBlacklistEntry, {
      where,
      order: { recordedAt: 'DESC' },
      take: 1000,
    });
    return found.map((e) => BlacklistEntryView.of(e));
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
