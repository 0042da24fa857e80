import { Injectable } from '@nestjs/common';
import { shanghaiDate } from '@qis/domain';
import { DataSource } from 'typeorm';
import { Clock } from '../clock/clock';
import { ASSIGNMENT_VIEW_COLUMNS, assignmentViewOfRow } from '../dispatch/assignment-row';
import { AssignmentPage } from './assignment-page.view';
import { AssignmentView } from './assignment.view';
import { ListAssignmentsQuery } from './list-assignments.query';
import { loadOwnAssignment } from './load-own-assignment';

/** A lab's own assignments, as the lab API shows them. */
@Injectable()
export class AssignmentQueries {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  /** The lab's assignments, newest first, a page of them (none for a caller without a lab). */
  async page(labId: string | null, query: ListAssignmentsQuery): Promise<AssignmentPage> {
    if (labId === null) return { items: [], page: query.page, pageSize: query.pageSize, total: 0 };
    // One statement for the page and the total (a lab polls this). The total is counted on the
    // index alone: a window count over the page query read every matching row in full first
    // (1.2 ms against 0.2 ms for a lab with 400 waiting samples).
    const params: unknown[] = [labId, query.pageSize, (query.page - 1) * query.pageSize];
    if (query.status) params.push(query.status);
    const matching = `lab_id = $1${query.status ? ' and status = $4' : ''}`;
    const rows = (await this.dataSource.query(
      `with page as (
         select ${ASSIGNMENT_VIEW_COLUMNS} from assignment where ${matching}
         order by dispatched_at desc, id asc limit $2 offset $3)
       select page.*, (select count(*) from assignment where ${matching}) as total from page
       order by dispatched_at desc, id asc`,
      params,
    )) as Array<Record<string, unknown>>;
    const total =
      rows.length > 0
        ? Number(rows[0]['total'])
        : query.page === 1
          ? 0
          : await this.countOf(labId, query.status);
    const today = shanghaiDate(this.clock.now());
    return {
      items: rows.map((row) => AssignmentView.of(assignmentViewOfRow(row), today)),
      page: query.page,
      pageSize: query.pageSize,
      total,
    };
  }

  /** One of the lab's assignments (404 for another lab's or none). */
  async one(labId: string | null, id: string): Promise<AssignmentView> {
    const found = await loadOwnAssignment(this.dataSource.manager, labId, id, { lock: false });
    return AssignmentView.of(found, shanghaiDate(this.clock.now()));
  }

  /** The total when the page asked for lies beyond the last one. */
  private async countOf(labId: string, status: string | undefined): Promise<number> {
    const rows = (await this.dataSource.query(
      `select count(*)::int as n from assignment where lab_id = $1${status ? ' and status = $2' : ''}`,
      status ? [labId, status] : [labId],
    )) as Array<{ n: number }>;
    return rows[0].n;
  }
}
