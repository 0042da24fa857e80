import { Injectable } from '@nestjs/common';
import type { ResultFinalValue, Verdict } from '@qis/contracts';
import type { EntityManager } from 'typeorm';

/** What a final result adds to the statistics, and where (one aggregate cell). */
interface CountedFact {
  month: string;
  category: string;
  /** Platform name; '' for a seller's own website. */
  platform: string;
  /** District of the seller; '' when unknown. */
  regionCode: string;
  verdict: Verdict;
  noProducer: boolean;
  noAddress: boolean;
  noCertificate: boolean;
}

interface FactRow {
  counted: boolean;
  verdict: Verdict;
  month: string;
  category: string;
  platform: string;
  region_code: string;
  no_producer: boolean;
  no_address: boolean;
  no_certificate: boolean;
}

/**
 * Keeps the statistics incrementally, inside the transaction that publishes or revises a result
 * (so the inbox makes it exactly once): each result's fact row, and the sums of its aggregate cell
 * (month × category × platform × district). A correction of the verdict moves the result between
 * pass and fail; a withdrawal takes it out.
 */
@Injectable()
export class StatisticsRecorder {
  /** Counts a newly published final result; a batch counts once. */
  async record(manager: EntityManager, final: ResultFinalValue, month: string): Promise<void> {
    const fact: CountedFact = {
      month,
      category: final.category,
      platform: final.platform?.name ?? '',
      regionCode: final.seller.registeredAreaCode ?? '',
      verdict: final.verdict,
      // 三无: the product names no producer, no producer address, or came without a certificate.
      noProducer: !final.claimed.producerName,
      noAddress: !final.claimed.producerAddress,
      noCertificate: !final.claimed.hasCertificate,
    };
    const inserted = (await manager.query(
      `insert into result_fact (batch_number, counted, verdict, month, category, platform, region_code,
         no_producer, no_address, no_certificate)
       values ($1, true, $2, $3, $4, $5, $6, $7, $8, $9)
       on conflict (batch_number) do nothing
       returning batch_number`,
      [
        final.batchNumber,
        fact.verdict,
        fact.month,
        fact.category,
        fact.platform,
        fact.regionCode,
        fact.noProducer,
        fact.noAddress,
        fact.noCertificate,
      ],
    )) as unknown[];
    if (inserted.length > 0) await this.add(manager, fact, 1);
  }

  /** A revision: the result now has `verdict`, and counts only while it is not withdrawn. */
  async revise(
    manager: EntityManager,
    batchNumber: string,
    verdict: Verdict,
    counted: boolean,
  ): Promise<void> {
    const [row] = (await manager.query(`select * from result_fact where batch_number = $1 for update`, [
      batchNumber,
    ])) as FactRow[];
    if (!row || (row.verdict === verdict && row.counted === counted)) return;
    const before: CountedFact = {
      month: row.month,
      category: row.category,
      platform: row.platform,
      regionCode: row.region_code,
      verdict: row.verdict,
      noProducer: row.no_producer,
      noAddress: row.no_address,
      noCertificate: row.no_certificate,
    };
    if (row.counted) await this.add(manager, before, -1);
    if (counted) await this.add(manager, { ...before, verdict }, 1);
    await manager.query(`update result_fact set verdict = $2, counted = $3 where batch_number = $1`, [
      batchNumber,
      verdict,
      counted,
    ]);
  }

  private async add(manager: EntityManager, fact: CountedFact, sign: 1 | -1): Promise<void> {
    const threeNo = fact.noProducer || fact.noAddress || fact.noCertificate;
    const deltas = [
      sign,
      fact.verdict === 'fail' ? sign : 0,
      threeNo ? sign : 0,
      fact.noProducer ? sign : 0,
      fact.noAddress ? sign : 0,
      fact.noCertificate ? sign : 0,
    ];
    const cell = [fact.month, fact.category, fact.platform, fact.regionCode];
    if (sign > 0) {
      await manager.query(
        `insert into stat_cell as c (month, category, platform, region_code,
           tested, failed, three_no, no_producer, no_address, no_certificate)
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
         on conflict (month, category, platform, region_code) do update set
           tested = c.tested + excluded.tested, failed = c.failed + excluded.failed,
           three_no = c.three_no + excluded.three_no, no_producer = c.no_producer + excluded.no_producer,
           no_address = c.no_address + excluded.no_address, no_certificate = c.no_certificate + excluded.no_certificate`,
        [...cell, ...deltas],
      );
      return;
    }
    // Taking back what a counted result added: its cell exists.
    await manager.query(
      `update stat_cell set tested = tested + $5, failed = failed + $6, three_no = three_no + $7,
         no_producer = no_producer + $8, no_address = no_address + $9, no_certificate = no_certificate + $10
       where month = $1 and category = $2 and platform = $3 and region_code = $4`,
      [...cell, ...deltas],
    );
  }
}
