import { Injectable } from '@nestjs/common';

/** The time now; a provider so tests on the running service can set the date (the 1 November alert). */
@Injectable()
export class Clock {
  now(): Date {
    return new Date();
  }
}
