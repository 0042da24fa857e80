import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { PURCHASE_KINDS } from './evidence-policy';
import { Pseudonyms } from './pseudonyms';

/**
 * The pseudonym of a batch's buyer, from what this service knows of the purchase: the subject who,
 * holding the buyer role, uploaded the batch's purchase evidence (the custody ledger records the
 * uploader's roles). The latest such upload wins (a batch reassigned to another buyer). Null when
 * no buyer has stored purchase evidence for the batch.
 */
@Injectable()
export class BatchBuyer {
  constructor(private readonly pseudonyms: Pseudonyms) {}

  async pseudonym(manager: EntityManager, batchNumber: string): Promise<string | null> {
    const rows = (await manager.query(
      `select c.actor
         from custody_entry c join evidence_object o on o.id::text = c.subject_id
        where c.action = 'upload' and c.subject_type = 'object' and 'buyer' = any(c.actor_roles)
          and o.batch_number = $1 and o.status = 'stored' and o.kind = any($2::text[])
        order by c.seq desc
        limit 1`,
      [batchNumber, PURCHASE_KINDS],
    )) as Array<{ actor: string }>;
    return rows[0] ? this.pseudonyms.of(rows[0].actor) : null;
  }
}
