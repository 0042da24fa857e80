import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Sandbox labs (an integrator's test lab, never drawn for real samples) and their synthetic assignments. */
export class AddLabSandbox1765300000000 implements MigrationInterface {
  name = 'AddLabSandbox1765300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query('alter table lab add column sandbox boolean not null default false');
    await q.query('alter table assignment add column sandbox boolean not null default false');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('alter table assignment drop column sandbox');
    await q.query('alter table lab drop column sandbox');
  }
}
