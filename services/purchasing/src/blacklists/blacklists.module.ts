import { Module } from '@nestjs/common';
import { BlacklistsController } from './blacklists.controller';
import { BlacklistQueries } from './blacklist.queries';
import { RecordBlacklistUseCase } from './record-blacklist.usecase';

/** Shops and sellers a buyer must not buy from. */
@Module({
  controllers: [BlacklistsController],
  providers: [RecordBlacklistUseCase, BlacklistQueries],
})
export class BlacklistsModule {}
