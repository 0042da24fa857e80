import { createHash } from 'node:crypto';
import { BadRequestException, ConflictException, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { canonicalJson } from './canonical-json';
import type { IdempotentAnswer } from './idempotent-answer';
import type { IdempotentRequest } from './idempotent-request';
import { IdempotencyRecord } from './idempotency-record.entity';

const KEY = /^[\x21-\x7e]{1,255}$/;

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
    if (key === undefined || !KEY.test(key)) {
      throw new BadRequestException({
        statusCode: 400,
        error: 'Bad Request',
        message: 'validation failed',
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
    const stored = await this.replay<T>(request.scope, key, fingerprint);
    if (stored) return stored;
    const body = await this.dataSource.transaction(async (manager) => {
      // A concurrent request with the same key holds this row until it commits: wait, then replay.
      const claimed = (await manager.query(
        `insert into idempotency_record (scope, key, fingerprint, status_code, response)
         values ($1, $2, $3, $4, '{}') on conflict do nothing returning key`,
        [request.scope, key, fingerprint, statusCode],
      )) as unknown[];
      if (claimed.length === 0) return null;
      const result = await work(manager);
      await manager.update(IdempotencyRecord, { scope: request.scope, key }, { response: result });
      return result;
    });
    if (body !== null) return { statusCode, body, replayed: false };
    const winner = await this.replay<T>(request.scope, key, fingerprint);
    if (!winner) throw new Error(`idempotency record ${request.scope}/${key} vanished`);
    return winner;
  }

  private async replay<T>(
    scope: string,
    key: string,
    fingerprint: string,
  ): Promise<IdempotentAnswer<T> | null> {
    const record = await this.dataSource.manager.findOneBy(IdempotencyRecord, { scope, key });
    if (!record) return null;
    if (record.fingerprint !== fingerprint) {
      throw new ConflictException({
        statusCode: 409,
        error: 'Conflict',
        message: 'Idempotency-Key already used with a different request body',
      });
    }
    return { statusCode: record.statusCode, body: record.response as T, replayed: true };
  }
}
