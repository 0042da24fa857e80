import { ServiceUnavailableException } from '@nestjs/common';

/**
 * The store could not confirm that a version is retained as evidence must be (the lock mode, for
 * the retention years): its retention could not be read, or it is another mode or shorter. Never
 * read as "no retention": the finalize job refuses the upload with the reason; a request that meets
 * it answers 503 naming `retention` (the store's configuration needs an operator, not a retry).
 */
export class RetentionNotConfirmed extends ServiceUnavailableException {
  constructor(readonly reason: string) {
    super({
      statusCode: 503,
      error: 'Service Unavailable',
      message: `could not confirm the evidence retention: ${reason}`,
      errors: [{ field: 'retention', reasons: [reason] }],
    });
    this.name = 'RetentionNotConfirmed';
  }
}
