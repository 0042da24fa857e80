import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A quarantined parcel is resolved by an officer with a reason: released (admitted to a batch) or
 * rejected (refused, returned). Who, when and why stay on the parcel. Expand only.
 */
export class AddQuarantineResolution1765200000000 implements MigrationInterface {
  name = 'AddQuarantineResolution1765200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      alter table parcel
        drop constraint parcel_status_check,
        add constraint parcel_status_check check (status in ('admitted', 'quarantined', 'rejected')),
        add column resolved_at timestamptz,
        add column resolved_by text,
        add column resolution_reason text,
        add constraint parcel_resolution_check
          check ((resolved_at is null) = (resolved_by is null) and (resolved_at is null) = (resolution_reason is null))`);
    await q.query('create index parcel_status_received on parcel (status, received_at)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('drop index parcel_status_received');
    await q.query(`
      alter table parcel
        drop constraint parcel_resolution_check,
        drop column resolution_reason,
        drop column resolved_by,
        drop column resolved_at,
        drop constraint parcel_status_check,
        add constraint parcel_status_check check (status in ('admitted', 'quarantined'))`);
  }
}
