import { Injectable } from '@nestjs/common';
import {
  BatchIssued,
  OrderPlaced,
  ReportIssued,
  SampleDispatched,
  SampleSealed,
  TakedownReported,
  type BatchIssuedValue,
  type OrderPlacedValue,
  type ReportIssuedValue,
  type SampleDispatchedValue,
  type SampleSealedValue,
  type TakedownReportedValue,
} from '@qis/contracts';
import { ConsumeEvent, type EventContext } from '@qis/messaging';
import { RecordTakedownUseCase } from '../cases/record-takedown.usecase';
import { RecordFollowUpOutcomeUseCase } from '../credit/record-follow-up-outcome.usecase';
import { RecordReinspectionLabUseCase } from '../objections/record-reinspection-lab.usecase';
import { RecordBatchFactUseCase } from './record-batch-fact.usecase';

/** The events enforcement acts on; each handler runs in the inbox transaction. */
@Injectable()
export class BatchEventsConsumer {
  constructor(
    private readonly facts: RecordBatchFactUseCase,
    private readonly takedowns: RecordTakedownUseCase,
    private readonly reinspectionLab: RecordReinspectionLabUseCase,
    private readonly followUps: RecordFollowUpOutcomeUseCase,
  ) {}

  /** Only follow-up batches matter here: they close the loop of an earlier failure. */
  @ConsumeEvent(BatchIssued)
  async onBatchIssued(value: BatchIssuedValue, { manager }: EventContext): Promise<void> {
    await this.followUps.linkIssued(manager, value);
  }

  @ConsumeEvent(OrderPlaced)
  async onOrderPlaced(value: OrderPlacedValue, { manager, messageId }: EventContext): Promise<void> {
    await this.facts.execute(manager, { kind: 'order', value }, messageId);
  }

  @ConsumeEvent(SampleSealed)
  async onSampleSealed(value: SampleSealedValue, { manager, messageId }: EventContext): Promise<void> {
    await this.facts.execute(manager, { kind: 'sealed', value }, messageId);
  }

  @ConsumeEvent(ReportIssued)
  async onReportIssued(value: ReportIssuedValue, { manager, messageId }: EventContext): Promise<void> {
    await this.facts.execute(manager, { kind: 'report', value }, messageId);
  }

  /** The re-inspection lab is known: the 7 days for the procedures start. */
  @ConsumeEvent(SampleDispatched)
  async onSampleDispatched(
    value: SampleDispatchedValue,
    { manager, messageId }: EventContext,
  ): Promise<void> {
    await this.reinspectionLab.execute(manager, value, messageId);
  }

  @ConsumeEvent(TakedownReported)
  async onTakedownReported(value: TakedownReportedValue, { manager }: EventContext): Promise<void> {
    await this.takedowns.execute(manager, value);
  }
}
