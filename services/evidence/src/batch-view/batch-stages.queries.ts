import { Injectable } from '@nestjs/common';
import type { Principal } from '@qis/auth';
import type { BatchStagesView, BatchStageView } from '@qis/runtime';
import { DataSource } from 'typeorm';
import { readAccess } from '../access/evidence-policy';
import type { EvidenceKind } from '../objects/evidence-kind';

/** Order numbers tell which orders were mystery buys: not for planners (as in purchasing's view). */
const ORDER_NUMBER_READERS: readonly string[] = ['intake-officer', 'auditor', 'admin', 'approver'];

const holdsAny = (principal: Principal, roles: readonly string[]) =>
  principal.roles.some((role) => roles.includes(role));

interface ParcelRow {
  id: string;
  carrier: string;
  tracking_number: string;
  condition: string;
  received_at: Date;
  received_by: string;
  order_number: string | null;
  quarantine_reason: string | null;
  resolution_reason: string | null;
}

interface CustodyStepRow {
  action: 'hand-over-to-lab' | 'hand-back-from-lab' | 're-seal';
  subject_id: string;
  occurred_at: Date;
  actor: string;
  detail: Record<string, unknown>;
}

interface SealingRow {
  id: string;
  sample_code: string;
  category: string;
  test_seal_number: string;
  test_units: number;
  backup_seal_number: string;
  backup_units: number;
  backup_storage_location: string;
  work_order_number: string;
  work_order_object_id: string;
  notice_object_id: string;
  sealed_by: string;
  sealed_at: Date;
  parcel_id: string;
  video_object_id: string;
  waybill_photo_object_id: string;
  photo_object_ids: string[];
  participant_roles: string[];
}

/** The evidence service's part of a batch's story, read for the batch view as the caller may see it. */
@Injectable()
export class BatchStagesQueries {
  constructor(private readonly dataSource: DataSource) {}

  /** The batch's stages here; null when no parcel of the batch was received. */
  async stages(batchNumber: string, principal: Principal): Promise<BatchStagesView | null> {
    const seesOrderNumber = holdsAny(principal, ORDER_NUMBER_READERS);
    // Only ids the caller may open (GET /evidence/objects/{id}, download) by the read policy of
    // their kind: an intake officer or auditor sees the unboxing video's id, not the waybill's.
    const seesEvidence = holdsAny(principal, ['intake-officer', 'auditor', 'admin']);
    const m = this.dataSource.manager;
    const parcels: ParcelRow[] = await m.query(
      `select p.id, p.carrier, p.tracking_number, p.condition, p.received_at, p.received_by, e.order_number,
              p.quarantine_reason, p.resolution_reason
         from parcel p left join expected_parcel e on e.batch_number = p.batch_number
        where p.batch_number = $1 and p.status = 'admitted'
        order by p.received_at`,
      [batchNumber],
    );
    if (parcels.length === 0) return null;
    const sealings: SealingRow[] = await m.query(
      `select s.id, s.sample_code, s.category, s.test_seal_number, s.test_units, s.backup_seal_number,
              s.backup_units, s.backup_storage_location, s.work_order_number, s.work_order_object_id,
              s.notice_object_id, s.sealed_by, s.sealed_at, u.parcel_id, u.video_object_id,
              u.waybill_photo_object_id, u.photo_object_ids,
              array(select jsonb_array_elements(u.participants)->>'role') as participant_roles
         from sealing s join unpacking_session u on u.id = s.session_id
        where s.batch_number = $1
        order by s.sealed_at`,
      [batchNumber],
    );
    // The sealed sample's later custody: handed to a lab and back, re-sealed for re-inspection.
    const steps: CustodyStepRow[] = await m.query(
      `select action, subject_id, occurred_at, actor, detail
         from custody_entry
        where subject_type = 'sample' and batch_number = $1
          and action in ('hand-over-to-lab', 'hand-back-from-lab', 're-seal')
        order by seq`,
      [batchNumber],
    );
    const ids = !seesEvidence
      ? []
      : sealings.flatMap((s) => [
          s.video_object_id,
          s.waybill_photo_object_id,
          ...s.photo_object_ids,
          s.work_order_object_id,
          s.notice_object_id,
        ]);
    const kinds = new Map<string, string>(
      ids.length === 0
        ? []
        : (
            (await m.query(`select id::text as id, kind from evidence_object where id = any($1::uuid[])`, [
              ids,
            ])) as Array<{ id: string; kind: string }>
          ).map((o) => [o.id, o.kind]),
    );
    const ref = (objectId: string, fallback: EvidenceKind) => ({
      objectId,
      kind: (kinds.get(objectId) ?? fallback) as EvidenceKind,
    });
    const readable = (r: { objectId: string; kind: EvidenceKind }) =>
      readAccess(principal, { kind: r.kind, uploader: '' }, []) !== 'none';
    const stages: BatchStageView[] = [
      ...parcels.map((p): BatchStageView => ({
        stage: 'received',
        at: p.received_at.toISOString(),
        actor: p.received_by,
        facts: {
          parcelId: p.id,
          ...(seesOrderNumber ? { matchedOrderNumber: p.order_number } : {}),
          carrier: p.carrier,
          trackingNumber: p.tracking_number,
          condition: p.condition,
          // Admitted by an officer's release from quarantine: why it was held, why released.
          ...(p.resolution_reason
            ? { quarantineReason: p.quarantine_reason, reason: p.resolution_reason }
            : {}),
        },
      })),
      ...sealings.map((s): BatchStageView => ({
        stage: 'sealed',
        at: s.sealed_at.toISOString(),
        actor: s.sealed_by,
        ...(seesEvidence
          ? {
              evidence: [
                ref(s.video_object_id, 'unboxing-video'),
                ref(s.waybill_photo_object_id, 'waybill-photo'),
                ...s.photo_object_ids.map((id) => ref(id, 'sample-photo')),
                ref(s.work_order_object_id, 'signed-work-order'),
                ref(s.notice_object_id, 'notice'),
              ].filter(readable),
            }
          : {}),
        facts: {
          sampleCode: s.sample_code,
          category: s.category,
          parcelId: s.parcel_id,
          testSample: { sealNumber: s.test_seal_number, units: s.test_units },
          backupSample: {
            sealNumber: s.backup_seal_number,
            units: s.backup_units,
            storageLocation: s.backup_storage_location,
          },
          workOrderNumber: s.work_order_number,
          participants: countBy(s.participant_roles),
        },
      })),
      ...steps.map((c): BatchStageView => {
        const [sampleCode, sampleRole] = c.subject_id.split(':');
        const d = c.detail;
        return {
          stage: 'sealed',
          at: c.occurred_at.toISOString(),
          actor: c.actor,
          facts: {
            sampleCode,
            custodyStep: c.action,
            sampleRole,
            sealNumber: d['newSeal'] ?? d['sealNumber'] ?? null,
            ...(c.action === 're-seal'
              ? { reason: d['reason'] ?? null }
              : { labId: d['labId'] ?? null, sealIntact: d['sealIntact'] ?? null }),
          },
        };
      }),
    ];
    return { batchNumber, stages };
  }
}

/** How many of each role were present: the count the joint-unpacking rule asks for, without names. */
function countBy(roles: string[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const role of roles) counts[role] = (counts[role] ?? 0) + 1;
  return counts;
}
