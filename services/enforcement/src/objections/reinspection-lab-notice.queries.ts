import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { notFound, type Principal } from '@qis/auth';
import { Repository } from 'typeorm';
import { ReinspectionLabNotice } from '../notices/reinspection-lab-notice.entity';
import { BatchScope } from '../scope/batch-scope';
import { ObjectionQueries } from './objection.queries';
import { ReinspectionLabNoticeView } from './reinspection-lab-notice.view';

/** The 《复检机构确定通知书》, read like their objection: by callers whose scope covers the batch. */
@Injectable()
export class ReinspectionLabNoticeQueries {
  constructor(
    @InjectRepository(ReinspectionLabNotice) private readonly notices: Repository<ReinspectionLabNotice>,
    private readonly objections: ObjectionQueries,
    private readonly batchScope: BatchScope,
  ) {}

  /** The notice, if the caller may see its batch; else the 404 of an unknown id. */
  async visible(principal: Principal, id: string): Promise<ReinspectionLabNotice> {
    const found = await this.notices.findOneBy({ id });
    if (!found) throw notFound('reinspection-lab-notice', id);
    await this.batchScope.assertVisible(principal, found.batchNumber, 'reinspection-lab-notice', id);
    return found;
  }

  /** An objection's notices, oldest first (the objection's 404 when the caller may not see it). */
  async ofObjection(principal: Principal, objectionId: string): Promise<ReinspectionLabNoticeView[]> {
    await this.objections.visible(principal, objectionId);
    const found = await this.notices.find({
      where: { objectionId },
      order: { issuedAt: 'ASC', recipient: 'ASC' },
    });
    return found.map((n) => ReinspectionLabNoticeView.of(n));
  }
}
