import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Each platform batch keeps its latest result notice and its final result: a platform registered later gets them. */
export class AddFeedBacklog1764700000001 implements MigrationInterface {
  name = 'AddFeedBacklog1764700000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query('alter table feed_batch add column notice jsonb, add column final_result jsonb');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('alter table feed_batch drop column final_result, drop column notice');
  }
}
