import { Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentActor, type AuditActor } from '@qis/audit';
import { Policy } from '@qis/auth';
import { IdentityCipher } from './identity-cipher';
import { KeyRotationView } from './key-rotation-view';
import { RotateIdentityKeysUseCase } from './rotate-identity-keys.usecase';

@ApiTags('identity-keys')
@ApiBearerAuth()
@Controller('identity-keys')
export class IdentityKeysController {
  constructor(
    private readonly rotation: RotateIdentityKeysUseCase,
    private readonly cipher: IdentityCipher,
  ) {}

  @Get()
  @Policy({ roles: ['purchasing-admin'] })
  @ApiOperation({ summary: 'The active key id and how many values each key id still seals' })
  @ApiOkResponse({ type: KeyRotationView })
  async status(): Promise<KeyRotationView> {
    return {
      activeKeyId: this.cipher.activeKeyId,
      reencrypted: 0,
      keysInUse: await this.rotation.keysInUse(),
      unboundValues: await this.rotation.unboundValues(),
    };
  }

  @Post('rotation')
  @HttpCode(200)
  @Policy({ roles: ['purchasing-admin'] })
  @ApiOperation({ summary: 'Re-encrypt every identity value with the active key (in batches; audited)' })
  @ApiOkResponse({ type: KeyRotationView })
  async rotate(@CurrentActor() actor: AuditActor): Promise<KeyRotationView> {
    return this.rotation.execute(actor);
  }
}
