import { Injectable } from '@nestjs/common';
import type { BatchStageView, BatchStagesView } from '@qis/runtime';
import { DataSource } from 'typeorm';
import type { EvidenceItem } from '../kernel/evidence-item';
import type { PurchaseRecordCommand } from '../kernel/purchase-record.command';

interface TaskRow {
  status: string;
  platform: string;
  unit_price_cap_fen: string;
  purchase_due_at: Date;
  purchase: PurchaseRecordCommand | null;
  evidence: EvidenceItem[];
  evidence_package_id: string;
  price_approved_by: string | null;
  price_approved_at: Date | null;
  purchased_at: Date | null;
  carrier: string | null;
  tracking_number: string | null;
  shipped_at: Date | null;
  /** The pseudonym of the buyer holding the task now (the one who bought, once bought). */
  pseudonym: string | null;
}

interface AssignmentRow {
  assigned_at: Date;
  due_at: Date;
  outcome: string;
  ended_at: Date | null;
  pseudonym: string;
}

/** Met when done by the due time; missed once the due time passed undone; open (null) before. */
const metBy = (due: Date, done: Date | null, now: number): boolean | null =>
  done ? done <= due : now > due.getTime() ? false : null;

/** What the caller may see beside the stages: the order number, the purchase evidence ids. */
export interface StagesDisclosure {
  seesOrderNumber: boolean;
  seesEvidence: boolean;
}

/**
 * What purchasing knows of a batch's story, read for the batch view: each assignment to a buyer, the
 * purchase and the shipment. A buyer appears only by pseudonym: these queries never read a name, ID
 * number, phone, login subject, shopping account or address (they select none of them).
 */
@Injectable()
export class BatchStagesQueries {
  constructor(private readonly dataSource: DataSource) {}

  /** The stages of a batch, with what the caller may see; null for no such batch. */
  async stages(
    batchNumber: string,
    { seesOrderNumber, seesEvidence }: StagesDisclosure,
  ): Promise<BatchStagesView | null> {
    const m = this.dataSource.manager;
    const [task]: TaskRow[] = await m.query(
      `select t.status, t.platform, t.unit_price_cap_fen, t.purchase_due_at, t.purchase, t.evidence,
              t.evidence_package_id, t.price_approved_by, t.price_approved_at, t.purchased_at, t.carrier,
              t.tracking_number, t.shipped_at, b.pseudonym
         from purchase_task t left join buyer b on b.id = t.buyer_id
        where t.batch_number = $1`,
      [batchNumber],
    );
    if (!task) return null;
    const assignments: AssignmentRow[] = await m.query(
      `select a.assigned_at, a.due_at, a.outcome, a.ended_at, b.pseudonym
         from assignment a join purchase_task t on t.id = a.task_id join buyer b on b.id = a.buyer_id
        where t.batch_number = $1
        order by a.assigned_at`,
      [batchNumber],
    );
    const now = Date.now();
    const stages: BatchStageView[] = assignments.map((a) => ({
      stage: 'assigned',
      at: a.assigned_at.toISOString(),
      actor: a.pseudonym,
      deadline: {
        due: a.due_at.toISOString(),
        // Refused or timed out: this buyer never recorded the order.
        met:
          a.outcome === 'active'
            ? metBy(a.due_at, null, now)
            : a.outcome === 'completed'
              ? metBy(a.due_at, a.ended_at, now)
              : false,
        rule: "order recorded within the assignment timeout (48 h by default), at most the batch's purchase due date",
      },
      facts: { outcome: a.outcome, endedAt: a.ended_at?.toISOString() ?? null },
    }));
    const p = task.purchase;
    if (task.purchased_at && p)
      stages.push({
        stage: 'bought',
        at: task.purchased_at.toISOString(),
        actor: task.pseudonym,
        deadline: {
          due: task.purchase_due_at.toISOString(),
          met: metBy(task.purchase_due_at, task.purchased_at, now),
          rule: "purchase completed by the batch's purchase due date (set by the plan)",
        },
        ...(seesEvidence
          ? { evidence: task.evidence.map((e) => ({ objectId: e.objectId, kind: e.kind })) }
          : {}),
        facts: {
          ...(seesOrderNumber ? { orderNumber: p.orderNumber } : {}),
          orderedAt: new Date(p.orderedAt).toISOString(),
          platform: task.platform,
          platformName: p.platform?.name ?? null,
          productName: p.productName,
          productUrl: p.productUrl,
          unitPriceFen: p.unitPriceFen,
          shippingFeeFen: p.shippingFeeFen,
          totalPaidFen: p.totalPaidFen,
          unitPriceCapFen: Number(task.unit_price_cap_fen),
          quantity: { testUnits: p.quantity.testUnits, backupUnits: p.quantity.backupUnits },
          priceApprovedBy: task.price_approved_by,
          priceApprovedAt: task.price_approved_at?.toISOString() ?? null,
          evidencePackageId: task.evidence_package_id,
          status: task.status,
        },
      });
    if (task.shipped_at)
      stages.push({
        stage: 'shipped',
        at: task.shipped_at.toISOString(),
        actor: task.pseudonym,
        facts: { carrier: task.carrier, trackingNumber: task.tracking_number },
      });
    return { batchNumber, stages };
  }
}
