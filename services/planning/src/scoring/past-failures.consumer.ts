import { Injectable } from '@nestjs/common';
import { ResultFinal, type ResultFinalValue } from '@qis/contracts';
import { ConsumeEvent, type EventContext } from '@qis/messaging';
import { normaliseProductText } from '../shared/brand-spec-key';

/** Final failed results feed the past-failures factor (same seller or brand) and follow-up plans. */
@Injectable()
export class PastFailuresConsumer {
  @ConsumeEvent(ResultFinal)
  async onResultFinal(result: ResultFinalValue, { manager }: EventContext): Promise<void> {
    if (result.verdict !== 'fail') return;
    const brand = result.claimed.brand ? normaliseProductText(result.claimed.brand) : '';
    await manager.query(
      `insert into past_failure (batch_number, category, seller_credit_code, seller_name, producer_name,
                                 brand_key, failing_items, final_at)
       values ($1, $2, $3, $4, $5, $6, $7::jsonb, $8)
       on conflict (batch_number) do nothing`,
      [
        result.batchNumber,
        result.category,
        result.seller.unifiedSocialCreditCode ?? null,
        result.seller.name,
        result.claimed.producerName ?? null,
        brand || null,
        JSON.stringify(result.failingItems),
        result.finalAt,
      ],
    );
  }
}
