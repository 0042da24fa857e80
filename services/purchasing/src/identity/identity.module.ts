import { Module } from '@nestjs/common';
import { BlindIndex } from './blind-index';
import { IdNumberIndexBackfill } from './id-number-index-backfill';
import { IdentityCipher } from './identity-cipher';
import { IdentityKeysController } from './identity-keys.controller';
import { RotateIdentityKeysUseCase } from './rotate-identity-keys.usecase';

/** Buyers' identities encrypted at rest, the ID number's blind index, and key rotation. */
@Module({
  controllers: [IdentityKeysController],
  providers: [IdentityCipher, BlindIndex, IdNumberIndexBackfill, RotateIdentityKeysUseCase],
  exports: [IdentityCipher, BlindIndex],
})
export class IdentityModule {}
