import { Injectable } from '@nestjs/common';
import { jurisdictionCovers, jurisdictionPrefix, queryScope, type Principal } from '@qis/auth';
import { DataSource } from 'typeorm';
import { shanghaiDate } from '@qis/domain';
import { Clock } from '../kernel/clock';
import { DEADLINE_KINDS } from '../kernel/deadline.entity';
import { CaseRouter } from '../routing/case-router';
import { BATCH_STAGES, type BatchStage, type EnforcementOverviewView } from './enforcement-overview.view';

/** Staff who see the whole bureau's figures; an officer sees their jurisdiction's. */
const UNRESTRICTED = ['auditor', 'admin'] as const;

/** `YYYY-MM` of `at` in Asia/Shanghai. */
const shanghaiMonth = (at: Date): string => shanghaiDate(at).slice(0, 7);

/**
 * The dashboard's enforcement figures: batches by the furthest stage enforcement knows, cases per
 * authority area by status, and this month's legal deadlines met or missed. An officer's figures
 * cover the batches with a case in their jurisdiction and, for an officer whose jurisdiction covers
 * the sampling bureau, the batches with no case yet (a district's desk also follows the unrouted
 * batches the rules would hand it; its figures start with the case).
 */
@Injectable()
export class EnforcementOverviewQuery {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly router: CaseRouter,
  ) {}

  async overview(principal: Principal, month?: string): Promise<EnforcementOverviewView> {
    const now = this.clock.now();
    const period = month ?? shanghaiMonth(now);
    const scope = queryScope(principal, 'jurisdiction', UNRESTRICTED);
    const jurisdiction = scope.kind === 'own' ? scope.value : null;
    // $1: the area prefix cases must match ('' = every area); $2: batches with no case count.
    const prefix = jurisdiction ? jurisdictionPrefix(jurisdiction) : '';
    const home = jurisdiction ? jurisdictionCovers(jurisdiction, this.router.homeAreaCode) : true;
    const none = scope.kind === 'none';
    const visible = (column: string) => `(
      exists (select 1 from enforcement_case c where c.batch_number = ${column} and c.area_code like $1 || '%')
      or ($2 and not exists (select 1 from enforcement_case c where c.batch_number = ${column})))`;
    const params = [prefix, home];

    const stages: Array<{ stage: BatchStage; batches: number }> = none
      ? []
      : await this.dataSource.query(
          `select stage, count(*)::int as batches from (
             select case when b.final_at is not null then 'final'
                         when b.result_notified_at is not null then 'notified'
                         when b.initial_report is not null then 'reported'
                         when b.sealed_facts is not null then 'sealed'
                         when b.order_facts is not null then 'ordered' end as stage
               from enforcement_batch b where ${visible('b.batch_number')}) s
            where stage is not null group by stage`,
          params,
        );
    const cases: Array<{ area_code: string; authority_name: string | null; status: string; n: number }> = none
      ? []
      : await this.dataSource.query(
          `select area_code, max(authority ->> 'name') as authority_name, status, count(*)::int as n
             from enforcement_case where area_code like $1 || '%' group by area_code, status`,
          [prefix],
        );
    const deadlines: Array<{ kind: string; met: number; missed: number; open: number }> = none
      ? []
      : await this.dataSource.query(
          `select kind,
                  count(*) filter (where met_at is not null and met_at <= due_at)::int as met,
                  count(*) filter (where (met_at is not null and met_at > due_at)
                                      or (met_at is null and due_at <= $3))::int as missed,
                  count(*) filter (where met_at is null and due_at > $3)::int as open
             from deadline d
            where to_char(due_at at time zone 'Asia/Shanghai', 'YYYY-MM') = $4
              and ${visible('d.batch_number')}
            group by kind`,
          [...params, now, period],
        );

    const areas = new Map<string, EnforcementOverviewView['casesByArea'][number]>();
    for (const row of cases) {
      const area = areas.get(row.area_code) ?? {
        areaCode: row.area_code,
        authorityName: row.authority_name,
        routed: 0,
        accepted: 0,
        investigating: 0,
        closed: 0,
        total: 0,
      };
      if (
        row.status === 'routed' ||
        row.status === 'accepted' ||
        row.status === 'investigating' ||
        row.status === 'closed'
      )
        area[row.status] += row.n;
      area.total += row.n;
      areas.set(row.area_code, area);
    }
    return {
      month: period,
      jurisdiction,
      batchesByStage: BATCH_STAGES.map((stage) => ({
        stage,
        batches: stages.find((s) => s.stage === stage)?.batches ?? 0,
      })),
      casesByArea: [...areas.values()].sort((a, b) => a.areaCode.localeCompare(b.areaCode)),
      deadlines: DEADLINE_KINDS.map((kind) => {
        const row = deadlines.find((d) => d.kind === kind);
        return { kind, met: row?.met ?? 0, missed: row?.missed ?? 0, open: row?.open ?? 0 };
      }),
      generatedAt: now.toISOString(),
    };
  }
}
