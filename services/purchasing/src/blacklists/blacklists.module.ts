import { Module } from '@nestjs/common';
import { BlacklistsController } from './blacklists.controller';
import { RecordBlacklistUseCase } from './record-blacklist.usecase';

/** Shops and sellers a buyer must not buy from. */
@Module({
  controllers: [BlacklistsController],
  providers: [RecordBlacklistUseCase],
})
export class BlacklistsModule {}
