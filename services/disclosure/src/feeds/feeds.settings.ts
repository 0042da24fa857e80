import { Matches } from 'class-validator';

/** The feeds' own settings (read from the environment at start; a bad value stops the service). */
export class FeedsSettings {
  /** The SASL/SCRAM listener the platforms connect to (handed out with their credential). */
  @Matches(/^[^,\s]+:\d+(,[^,\s]+:\d+)*$/, { message: 'must be a comma-separated list of host:port' })
  KAFKA_SASL_BROKERS = '127.0.0.1:19094';
}
