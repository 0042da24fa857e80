import { Body, Controller, Delete, Get, HttpCode, Param, Post } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { CurrentActor, type AuditActor } from '@qis/audit';
import { Policy } from '@qis/auth';
import { PlatformCodePipe } from './platform-code.pipe';
import { FeedDeliveryQuery } from './feed-delivery.query';
import { FeedDeliveryView } from './feed-delivery.view';
import { FeedPlatformView } from './feed-platform.view';
import { RegisterPlatformCommand } from './register-platform.command';
import { RegisterPlatformUseCase } from './register-platform.usecase';

/** Who registers platforms, rotates and retires their credential: the bureau's disclosure officer and admins. */
const MANAGERS = ['disclosure-officer', 'admin'] as const;

/** The bureau registers platforms for their result feeds, hands them their credential and watches delivery. */
@ApiTags('platform feeds')
@Controller('feeds/platforms')
export class PlatformsController {
  constructor(
    private readonly platforms: RegisterPlatformUseCase,
    private readonly delivery: FeedDeliveryQuery,
  ) {}

  @Post()
  @HttpCode(201)
  @Policy({ roles: [...MANAGERS] })
  @ApiOperation({
    summary:
      'Register a platform: its feed and takedown topics, ACLs and SASL/SCRAM user; the answer carries the password once (audited)',
  })
  @ApiCreatedResponse({ type: FeedPlatformView })
  @ApiConflictResponse({ description: 'the platform is already registered: rotate its credential instead' })
  register(
    @CurrentActor() actor: AuditActor,
    @Body() command: RegisterPlatformCommand,
  ): Promise<FeedPlatformView> {
    return this.platforms.register(actor, command);
  }

  @Post(':code/credential')
  @HttpCode(200)
  @Policy({ roles: [...MANAGERS] })
  @ApiOperation({
    summary: "Issue a new password for a platform's user; the old one stops working (audited)",
  })
  @ApiOkResponse({ type: FeedPlatformView })
  rotate(
    @CurrentActor() actor: AuditActor,
    @Param('code', PlatformCodePipe) code: string,
  ): Promise<FeedPlatformView> {
    return this.platforms.rotateCredential(actor, code);
  }

  @Delete(':code')
  @HttpCode(204)
  @Policy({ roles: [...MANAGERS] })
  @ApiOperation({
    summary: 'Retire a platform: its SCRAM user and ACLs are removed at once; its topics stay (audited)',
  })
  @ApiNoContentResponse()
  async retire(
    @CurrentActor() actor: AuditActor,
    @Param('code', PlatformCodePipe) code: string,
  ): Promise<void> {
    await this.platforms.retire(actor, code);
  }

  @Get('delivery')
  @Policy({ roles: [...MANAGERS, 'auditor'] })
  @ApiOperation({
    summary:
      "Each platform's delivery state: items written and last written, items waiting for the relay, its consumer groups' lag, dead-lettered takedown reports",
  })
  @ApiOkResponse({ type: FeedDeliveryView, isArray: true })
  listFeedDelivery(): Promise<FeedDeliveryView[]> {
    return this.delivery.list();
  }

  @Get()
  @Policy({ roles: [...MANAGERS, 'auditor'] })
  @ApiOperation({ summary: 'Registered platforms and how they connect (never a password)' })
  @ApiOkResponse({ type: FeedPlatformView, isArray: true })
  listPlatformFeeds(): Promise<FeedPlatformView[]> {
    return this.platforms.list();
  }
}
