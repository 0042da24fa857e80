import { Body, Controller, Post } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { CurrentActor, type AuditActor } from '@qis/audit';
import { Policy } from '@qis/auth';
import { RecordBlacklistCommand } from './record-blacklist.command';
import { RecordBlacklistUseCase } from './record-blacklist.usecase';

@ApiTags('blacklists')
@ApiBearerAuth()
@Controller('blacklists')
export class BlacklistsController {
  constructor(private readonly record: RecordBlacklistUseCase) {}

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
