import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Lab registry, test-item catalogue, assignments (dispatches), reports and idempotency records. */
export class CreateLabGateway1763900800000 implements MigrationInterface {
  name = 'CreateLabGateway1763900800000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      create table lab (
        id uuid primary key,
        name text not null,
        address text not null,
        cma_number text not null unique,
        cma_expires_on date not null,
        cnas_number text,
        cnas_expires_on date,
        qualification_level integer not null check (qualification_level between 1 and 5),
        scopes jsonb not null,
        capacity integer not null check (capacity >= 0),
        turnaround_working_days integer not null check (turnaround_working_days between 1 and 120),
        active boolean not null default true,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now()
      )`);
    await q.query(`
      create table test_item (
        category text not null,
        item text not null,
        mandatory boolean not null,
        primary key (category, item)
      )`);
    await q.query(`
      create table assignment (
        id uuid primary key,
        batch_number text not null,
        purpose text not null check (purpose in ('initial', 're-inspection')),
        category text not null,
        sample_name text not null,
        sample_code text not null,
        sample_role text not null,
        seal_number text not null,
        product_standard text,
        reinspection_of_report text,
        lab_id uuid not null references lab(id),
        lab_name text not null,
        draw_seed text not null,
        candidate_lab_ids uuid[] not null,
        excluded_lab_ids uuid[] not null default '{}',
        dispatched_at timestamptz not null,
        due_on date not null,
        due_on_provisional boolean not null default false,
        status text not null check (status in ('dispatched', 'accepted', 'in-progress', 'declined', 'reported')),
        decline_reason text,
        progress jsonb not null default '[]',
        overdue_alerted_at timestamptz,
        updated_at timestamptz not null default now()
      )`);
    await q.query('create index assignment_lab_status on assignment (lab_id, status, dispatched_at)');
    await q.query('create index assignment_batch on assignment (batch_number, purpose)');
    await q.query(`create index assignment_open_due on assignment (due_on)
      where status in ('dispatched', 'accepted', 'in-progress') and overdue_alerted_at is null`);
    await q.query(`
      create table report (
        id uuid primary key,
        report_number text not null,
        lab_id uuid not null references lab(id),
        assignment_id uuid not null references assignment(id),
        batch_number text not null,
        amends_report_id uuid references report(id),
        verdict text not null check (verdict in ('pass', 'fail')),
        failing_items jsonb not null,
        content jsonb not null,
        report_document_id uuid not null,
        authorised_by text not null,
        issued_at timestamptz not null,
        received_at timestamptz not null default now(),
        unique (lab_id, report_number)
      )`);
    // One original report per assignment, and a report is amended at most once (amend the latest).
    await q.query(
      'create unique index report_one_original on report (assignment_id) where amends_report_id is null',
    );
    await q.query(
      'create unique index report_one_amendment on report (amends_report_id) where amends_report_id is not null',
    );
    await q.query(`
      create table idempotency_record (
        scope text not null,
        key text not null,
        fingerprint text not null,
        status_code integer not null,
        response jsonb not null,
        created_at timestamptz not null default now(),
        primary key (scope, key)
      )`);
    await seedCatalogue(q);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['idempotency_record', 'report', 'assignment', 'test_item', 'lab']) {
      await q.query(`drop table ${table}`);
    }
  }
}

/** A starting catalogue for focus categories; admins replace it with PUT /test-items/{category}. */
async function seedCatalogue(q: QueryRunner): Promise<void> {
  const catalogue: Record<string, Array<[string, boolean]>> = {
    'silk-quilt': [
      ['蚕丝含量', true],
      ['质量偏差率', true],
      ['纤维含量', true],
      ['杂质含量', false],
      ['填充物质量', false],
    ],
    'power-strip': [
      ['标志', true],
      ['防触电保护', true],
      ['插头插座尺寸', true],
      ['温升', true],
      ['电气间隙与爬电距离', false],
    ],
    'induction-cooker': [
      ['输入功率和电流', true],
      ['发热', true],
      ['泄漏电流和电气强度', true],
      ['接地措施', true],
    ],
  };
  for (const [category, items] of Object.entries(catalogue)) {
    for (const [item, mandatory] of items) {
      await q.query('insert into test_item (category, item, mandatory) values ($1, $2, $3)', [
        category,
        item,
        mandatory,
      ]);
    }
  }
}
