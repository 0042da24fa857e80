import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, IsNull, Not, Repository } from 'typeorm';
import { BatchFile } from '../kernel/batch-file.entity';
import { TakedownReport } from './takedown-report.entity';
import { TriageItem } from './triage-item.entity';
import { TriageItemView } from './triage-item.view';
import { TriageSuggester } from './triage-suggestion';
import { TriagedTakedownView } from './triaged-takedown.view';

/** The manual triage queue and the unmatched takedown reports, bureau-wide (approvers and auditors). */
@Injectable()
export class TriageQueries {
  constructor(
    @InjectRepository(TriageItem) private readonly items: Repository<TriageItem>,
    @InjectRepository(TakedownReport) private readonly takedowns: Repository<TakedownReport>,
    @InjectRepository(BatchFile) private readonly batches: Repository<BatchFile>,
    private readonly suggester: TriageSuggester,
  ) {}

  /** The latest 500 triage items with their batch, and the district to check for each open one. */
  async queue(): Promise<TriageItemView[]> {
    const items = await this.items.find({ order: { createdAt: 'DESC' }, take: 500 });
    const batches = new Map(
      (await this.batches.findBy({ batchNumber: In(items.map((t) => t.batchNumber)) })).map((b) => [
        b.batchNumber,
        b,
      ]),
    );
    return items.map((t) => {
      const batch = batches.get(t.batchNumber) ?? null;
      return TriageItemView.of(t, batch, t.status === 'open' ? this.suggester.suggest(batch) : null);
    });
  }

  /** The latest 500 takedown reports that matched no order of their batch. */
  async triagedTakedowns(): Promise<TriagedTakedownView[]> {
    return (
      await this.takedowns.find({
        where: { triageReason: Not(IsNull()) },
        order: { receivedAt: 'DESC' },
        take: 500,
      })
    ).map((t) => TriagedTakedownView.of(t));
  }
}
