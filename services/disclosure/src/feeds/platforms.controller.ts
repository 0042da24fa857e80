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
import { FeedPlatformView } from './feed-platform.view';
import { RegisterPlatformCommand } from './register-platform.command';
import { RegisterPlatformUseCase } from './register-platform.usecase';

/** Administrators register platforms for their result feeds and hand them their credential. */
@ApiTags('platform feeds')
@Controller('feeds/platforms')
export class PlatformsController {
  constructor(private readonly platforms: RegisterPlatformUseCase) {}

  @Post()
  @HttpCode(201)
  @Policy({ roles: ['admin'] })
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
  @Policy({ roles: ['admin'] })
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
  @Policy({ roles: ['admin'] })
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

  @Get()
  @Policy({ roles: ['admin', 'auditor'] })
  @ApiOperation({ summary: 'Registered platforms and how they connect (never a password)' })
  @ApiOkResponse({ type: FeedPlatformView, isArray: true })
  listPlatformFeeds(): Promise<FeedPlatformView[]> {
    return this.platforms.list();
  }
}
