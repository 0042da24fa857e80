import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Indexes for the hot paths: a report is checked against the assignment's earlier reports (the
 * partial unique index does not serve a plain lookup), and every draw counts each lab's open
 * assignments (without an index that read every assignment ever dispatched).
 */
export class AddReportAndCapacityIndexes1764600000000 implements MigrationInterface {
  name = 'AddReportAndCapacityIndexes1764600000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query('create index report_assignment on report (assignment_id, received_at)');
    await q.query(`create index assignment_open_by_lab on assignment (lab_id)
      where status in ('dispatched', 'accepted', 'in-progress')`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('drop index assignment_open_by_lab');
    await q.query('drop index report_assignment');
  }
}
