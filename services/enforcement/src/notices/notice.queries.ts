import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { notFound, type Principal } from '@qis/auth';
import { Repository } from 'typeorm';
import { BatchScope } from '../scope/batch-scope';
import { Notice } from './notice.entity';
import { NoticeView } from './notice.view';

/** Notices, read only by callers whose scope covers their batch (BatchScope); others get 404. */
@Injectable()
export class NoticeQueries {
  constructor(
    @InjectRepository(Notice) private readonly notices: Repository<Notice>,
    private readonly batchScope: BatchScope,
  ) {}

  /** The notice, if the caller may see its batch; else the 404 of an unknown id. */
  async visible(principal: Principal, id: string): Promise<Notice> {
    const found = await this.notices.findOneBy({ id });
    if (!found) throw notFound('notice', id);
    await this.batchScope.assertVisible(principal, found.batchNumber, 'notice', id);
    return found;
  }

  /** A batch's notices by number; the 404 of an unknown batch outside the caller's scope. */
  async ofBatch(principal: Principal, batchNumber: string): Promise<NoticeView[]> {
    await this.batchScope.assertVisible(principal, batchNumber, 'batch', batchNumber);
    const found = await this.notices.find({ where: { batchNumber }, order: { noticeNumber: 'ASC' } });
    return found.map((n) => NoticeView.of(n));
  }
}
