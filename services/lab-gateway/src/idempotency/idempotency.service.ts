import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { HeldWrites } from '@qis/persistence';
import { DataSource, type EntityManager } from 'typeorm';
import { BadRequestError, conflict, ErrorCode } from '@qis/domain';
import { canonicalJson } from './canonical-json';
import { IDEMPOTENCY_KEY } from './idempotency-key.header';
import type { IdempotentAnswer } from './idempotent-answer';
import type { IdempotentRequest } from './idempotent-request';

/**
 * `Idempotency-Key` on every POST: the first request's answer is stored with the key and a hash of
 * route and body, in the same transaction as its state change. The same key with the same body
 * gets that answer again; with another body, 409. Two concurrent requests with one key: the second
 * waits on the key's row and then replays the first's answer. Failures (4xx) store nothing, so a
 * corrected retry under the same key is possible.
 */
@Injectable()
export class IdempotencyService {
  constructor(private readonly dataSource: DataSource) {}

  async run<T extends object>(
    request: IdempotentRequest,
    statusCode: number,
    work: (manager: EntityManager) => Promise<T>,
  ): Promise<IdempotentAnswer<T>> {
    const key = request.key;
    if (key === undefined || !IDEMPOTENCY_KEY.test(key)) {
      throw new BadRequestError(ErrorCode.validationFailed, 'validation failed', {
        errors: [
          {
            field: 'Idempotency-Key',
            reasons: [
              key === undefined
                ? 'header is required on every POST'
                : 'must be 1 to 255 visible ASCII characters',
            ],
          },
        ],
      });
    }
    const fingerprint = createHash('sha256')
      .update(`${request.method} ${request.path}\n${canonicalJson(request.body)}`)
      .digest('hex');
    // Claim first: a first attempt (the usual case) costs no extra read; a retry finds the key taken.
    const answer = await this.dataSource.transaction(async (manager): Promise<IdempotentAnswer<T>> => {
      // A concurrent request with the same key holds the row until it commits: the insert waits,
      // then finds the key taken, and the next statement (a new snapshot) reads the stored answer.
      const claimed = (await manager.query(
        `insert into idempotency_record (scope, key, fingerprint, status_code, response)
         values ($1, $2, $3, $4, '{}') on conflict do nothing returning key`,
        [request.scope, key, fingerprint, statusCode],
      )) as unknown[];
      if (claimed.length === 0) {
        const stored = await this.replay<T>(manager, request.scope, key, fingerprint);
        if (!stored) throw new Error(`idempotency record ${request.scope}/${key} vanished`);
        return stored;
      }
      // The audit entries of the work go with the stored answer, and both with the COMMIT: no
      // round trip of their own.
      HeldWrites.hold(manager);
      const body = await work(manager);
      await HeldWrites.flushWithCommit(manager, {
        sql: 'update idempotency_record set response = $3 where scope = $1 and key = $2',
        params: [request.scope, key, JSON.stringify(body)],
      });
      return { statusCode, body, replayed: false };
    });
    return answer;
  }

  /** Whether an answer is already stored under the key (a retry): work done before `run` may be skipped. */
  async answered(scope: string, key: string | undefined): Promise<boolean> {
    if (key === undefined || !IDEMPOTENCY_KEY.test(key)) return false;
    const rows = (await this.dataSource.query(
      'select 1 from idempotency_record where scope = $1 and key = $2',
      [scope, key],
    )) as unknown[];
    return rows.length > 0;
  }

  private async replay<T>(
    manager: EntityManager,
    scope: string,
    key: string,
    fingerprint: string,
  ): Promise<IdempotentAnswer<T> | null> {
    const [record] = (await manager.query(
      'select fingerprint, status_code, response from idempotency_record where scope = $1 and key = $2',
      [scope, key],
    )) as Array<{ fingerprint: string; status_code: number; response: T }>;
    if (!record) return null;
    if (record.fingerprint !== fingerprint) {
      throw conflict(
        'Idempotency-Key already used with a different request body',
        ErrorCode.idempotencyKeyReused,
      );
    }
    return { statusCode: record.status_code, body: record.response, replayed: true };
  }
}
