import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Whether the evidence service confirmed a report's signed PDF; earlier reports were stored as given. */
export class AddReportDocumentVerification1764600100000 implements MigrationInterface {
  name = 'AddReportDocumentVerification1764600100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`alter table report add column document_verification text not null default 'not-verified'
      check (document_verification in ('verified', 'not-verified'))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('alter table report drop column document_verification');
  }
}
