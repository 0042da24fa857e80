import { Global, Module } from '@nestjs/common';
import { Clock } from './clock';
import { ClockController } from './clock.controller';

/** One clock for every module of the lab gateway. */
@Global()
@Module({ controllers: [ClockController], providers: [Clock], exports: [Clock] })
export class ClockModule {}
