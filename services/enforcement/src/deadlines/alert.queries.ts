import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Principal } from '@qis/auth';
import { Repository } from 'typeorm';
import { Alert } from '../kernel/alert.entity';
import { BatchScope } from '../scope/batch-scope';
import { AlertView } from './alert.view';

/** The alerts as officers, approvers and auditors read them. */
@Injectable()
export class AlertQueries {
  constructor(
    @InjectRepository(Alert) private readonly alerts: Repository<Alert>,
    private readonly batchScope: BatchScope,
  ) {}

  /** The latest 500 alerts (of one batch when given), newest first, as the caller's scope allows. */
  async visible(principal: Principal, batchNumber: string | undefined): Promise<AlertView[]> {
    const found = await this.alerts.find({
      where: batchNumber ? { batchNumber } : {},
      order: { raisedAt: 'DESC' },
      take: 500,
    });
    // An officer gets the alerts of the batches in their scope, and those of no batch (a missing
    // holiday schedule concerns every officer); a foreign batch's alerts are left out, as if none.
    const visible = await this.batchScope.visible(
      principal,
      found.flatMap((a) => (a.batchNumber ? [a.batchNumber] : [])),
    );
    return found
      .filter((a) => a.batchNumber === null || visible.has(a.batchNumber))
      .map((a) => AlertView.of(a));
  }
}
