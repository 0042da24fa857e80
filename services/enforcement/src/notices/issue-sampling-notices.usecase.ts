import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { BatchFile } from '../kernel/batch-file.entity';
import { samplingAddressees } from './notice-addressees';
import { nextNoticeNumber } from './notice-numbers';
import { insertNotice, noticesExist } from './notice-register';
import { samplingNoticeText } from './notice-text';

/** Issues the sampling notices once the order and the sealed sample are known, once per batch. */
@Injectable()
export class IssueSamplingNoticesUseCase {
  async execute(manager: EntityManager, batch: BatchFile, now: Date): Promise<void> {
    const { order, sealed } = batch;
    if (!order || !sealed) return;
    if (await noticesExist(manager, batch.batchNumber, 'sampling', null)) return;
    for (const to of samplingAddressees(batch)) {
      const number = await nextNoticeNumber(manager, 'CJ', now);
      await insertNotice(
        manager,
        {
          batchNumber: batch.batchNumber,
          kind: 'sampling',
          to,
          noticeNumber: number,
          reportNumber: null,
          content: samplingNoticeText(number, to.name, order, sealed),
          dueAt: null,
        },
        now,
      );
    }
  }
}
