import { Injectable } from '@nestjs/common';
import type { Principal } from '@qis/auth';
import { DataSource, type SelectQueryBuilder } from 'typeorm';
import { BatchScope } from '../scope/batch-scope';
import type { ListNoticesQuery, NoticeState } from './list-notices.query';
import { Notice } from './notice.entity';
import type { NoticePageView } from './notice-page.view';
import { NoticeView } from './notice.view';

const STATE_WHERE: Record<NoticeState, string> = {
  unsent:
    "n.sent_at is null and n.withdrawn_at is null and n.delivery_failed_at is null and n.channel <> 'public-notice'",
  'awaiting-receipt':
    "n.sent_at is not null and n.received_at is null and n.delivery_failed_at is null and n.channel <> 'public-notice'",
  received: "n.received_at is not null and n.channel <> 'public-notice'",
  failed: 'n.delivery_failed_at is not null',
  'public-notice': "n.channel = 'public-notice'",
};

/** The notices of the batches the caller may see (BatchScope), newest first. */
@Injectable()
export class ListNoticesUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly batchScope: BatchScope,
  ) {}

  async execute(principal: Principal, query: ListNoticesQuery): Promise<NoticePageView> {
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? 20;
    const filtered = (): SelectQueryBuilder<Notice> => {
      const qb = this.dataSource.getRepository(Notice).createQueryBuilder('n');
      if (query.batchNumber) qb.andWhere('n.batch_number = :batchNumber', { batchNumber: query.batchNumber });
      if (query.kind) qb.andWhere('n.kind = :kind', { kind: query.kind });
      if (query.state) qb.andWhere(STATE_WHERE[query.state]);
      return qb;
    };
    const batches = (
      await filtered()
        .select('distinct n.batch_number', 'batch_number')
        .getRawMany<{ batch_number: string }>()
    ).map((r) => r.batch_number);
    const visible = [...(await this.batchScope.visible(principal, batches))];
    if (visible.length === 0) return { items: [], total: 0, page, pageSize };
    const [found, total] = await filtered()
      .andWhere('n.batch_number = any(:visible)', { visible })
      .orderBy('n.created_at', 'DESC')
      .addOrderBy('n.notice_number', 'DESC')
      .skip((page - 1) * pageSize)
      .take(pageSize)
      .getManyAndCount();
    return { items: found.map((n) => NoticeView.of(n)), total, page, pageSize };
  }
}
