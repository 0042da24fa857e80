import { createHash } from 'node:crypto';
import { ApiError, asBody, ServiceApi, seg, type Claims } from './http';

/** What an evidence object is (the evidence service's kinds). */
export type EvidenceKind =
  | 'purchase-screen-recording'
  | 'order-screenshot'
  | 'chat-screenshot'
  | 'listing-snapshot'
  | 'product-claim-photo'
  | 'payment-proof'
  | 'waybill-photo'
  | 'unboxing-video'
  | 'sample-photo'
  | 'seal-photo'
  | 'signed-work-order'
  | 'lab-report'
  | 'notice';

export interface EvidenceFile {
  kind: EvidenceKind;
  /** `HZ2026-000123`; purchasing refuses package items of another batch */
  batchNumber?: string;
  /** a MIME type `type/subtype` in lower case (`image/png`, `video/mp4`, `application/pdf`, …) */
  contentType: string;
  data: Buffer;
  fileName?: string;
}

export interface EvidenceObject {
  id: string;
  kind: EvidenceKind;
  batchNumber: string | null;
  uploader: string;
  /** `pending` until finalized, then `stored` (or `rejected` on a size/hash mismatch) */
  status: string;
  rejection: string | null;
  contentType: string;
  fileName: string | null;
  /** computed by the service from the stored bytes */
  sha256: string | null;
  size: number;
  versionId: string | null;
  retainUntil: string | null;
  createdAt: string;
  storedAt: string | null;
}

interface UploadTicket {
  objectId: string;
  method: 'single' | 'multipart';
  url?: string;
  /** single: headers the URL was signed with (`x-amz-checksum-sha256`), sent as given */
  headers?: Record<string, string>;
  partSize?: number;
  partCount?: number;
  /** multipart: `parts` lists the declared parts' URLs, each signed for its size and SHA-256 */
  partsDeclared?: boolean;
  parts?: Array<{ partNumber: number; url: string; headers?: Record<string, string> }>;
  expiresAt: string;
}

/** Where an upload stands after finalize (`GET /evidence/uploads/{id}/status`). */
interface UploadStatus {
  objectId: string;
  state: 'uploading' | 'verifying' | 'stored' | 'rejected' | 'deleted';
  rejection: string | null;
  errors?: Array<{ field: string; reasons: string[] }>;
  object?: EvidenceObject;
}

export type ParcelCondition = 'intact' | 'damaged';

export interface Parcel {
  id: string;
  /** `admitted` when carrier + tracking number match one order-placed, else `quarantined` */
  status: 'admitted' | 'quarantined';
  batchNumber: string | null;
  quarantineReason: string | null;
  carrier: string;
  trackingNumber: string;
  condition: ParcelCondition;
  receivedAt: string;
}

export interface Participant {
  role: 'buyer' | 'enforcement-officer' | 'lab-staff';
  /** officers and lab staff: their name; the buyer: their buyer code (pseudonym), never the real name */
  name: string;
}

/** What the product claims about itself (标称信息); all but sampleName and hasCertificate optional. */
export interface ClaimedProduct {
  sampleName: string;
  brand?: string;
  producerName?: string;
  /** without it a failed result's producer notice becomes a public notice */
  producerAddress?: string;
  /** lab-gateway only draws labs whose scope has the category and this standard */
  productStandard?: string;
  specModel?: string;
  /** YYYY-MM-DD */
  productionDate?: string;
  lotNumber?: string;
  hasCertificate: boolean;
}

export interface UnpackingInput {
  parcelId: string;
  /** the buyer, at least 2 enforcement officers, at least 2 lab staff (distinct names), else 422 `participants` */
  participants: Participant[];
  /** a stored object of kind `unboxing-video` */
  videoObjectId: string;
  /** a stored object of kind `waybill-photo` */
  waybillPhotoObjectId: string;
  /** `sample-photo` / `product-claim-photo` objects */
  photoObjectIds?: string[];
  claimed: ClaimedProduct;
}

export interface UnpackingSession {
  id: string;
  batchNumber: string;
  parcelId: string;
  status: 'open' | 'sealed';
  openedAt: string;
}

export interface Signature {
  role: 'buyer' | 'enforcement-officer' | 'lab-staff';
  name: string;
  /** UTC instant ending in Z */
  signedAt: string;
}

export interface SealingInput {
  category: string;
  /** seal numbers: upper-case letters, digits, dashes (4–40), e.g. `FY2026-004561`; test ≠ backup */
  testSample: { sealNumber: string; units: number };
  backupSample: { sealNumber: string; units: number };
  backupStorageLocation: string;
  /**
   * At least 2 distinct enforcement officers and 2 distinct lab staff, each present at unpacking
   * (same role and name as a participant). Fewer officers: 422 with
   * `errors: [{ field: 'signatures', reasons: ['needs at least 2 enforcement officers, got 1'] }]`
   * and the session stays open (sealing can be retried with enough signatures).
   */
  signatures: Signature[];
}

export interface Sealing {
  id: string;
  batchNumber: string;
  /** `<batch>-S` */
  sampleCode: string;
  category: string;
  testSealNumber: string;
  backupSealNumber: string;
  backupStorageLocation: string;
  /** `GD-<batch>` */
  workOrderNumber: string;
  workOrderObjectId: string;
  noticeObjectId: string;
  sealedAt: string;
}

const sha256 = (data: Buffer): string => createHash('sha256').update(data).digest('hex');

/** Evidence (:7103): evidence files, parcel intake, unpacking, sealing, labels. */
export class EvidenceActor extends ServiceApi {
  /**
   * Uploads a file as evidence (buyer, purchasing-admin, intake-officer, lab, enforcement-officer):
   * `POST /evidence/uploads` with kind, batch, content type, size and SHA-256 → a presigned PUT
   * signed for that size and checksum (or, above `EVIDENCE_PART_SIZE_MB`, a part size: each part is
   * declared with `POST /evidence/uploads/{id}/parts` — its size and base64 SHA-256 — for a URL
   * signed for both, ETags kept) → `POST /evidence/uploads/{id}/finalize` (with the parts,
   * `Prefer: respond-async`: 202) → `GET /evidence/uploads/{id}/status` polled until the background
   * job hashed the staged bytes (each part against its declaration) and copied them into the locked
   * bucket. Answers the stored object (`status: 'stored'`). No event.
   */
  async upload(uploader: Claims, file: EvidenceFile): Promise<EvidenceObject> {
    const ticket = await this.call<UploadTicket>(uploader, 'POST', '/evidence/uploads', {
      json: {
        kind: file.kind,
        batchNumber: file.batchNumber,
        contentType: file.contentType,
        size: file.data.length,
        sha256: sha256(file.data),
        fileName: file.fileName,
        parts: [],
      },
    });
    let parts: Array<{ partNumber: number; etag: string }> | undefined;
    if (ticket.method === 'single') {
      await putBytes(ticket.url as string, file.data, ticket.headers);
    } else {
      const size = ticket.partSize as number;
      const count = ticket.partCount ?? Math.ceil(file.data.length / size);
      parts = [];
      for (let partNumber = 1; partNumber <= count; partNumber++) {
        const bytes = file.data.subarray((partNumber - 1) * size, partNumber * size);
        const declared = await this.call<UploadTicket>(
          uploader,
          'POST',
          `/evidence/uploads/${seg(ticket.objectId)}/parts`,
          {
            json: {
              parts: [
                {
                  partNumber,
                  size: bytes.length,
                  sha256: createHash('sha256').update(bytes).digest('base64'),
                },
              ],
            },
          },
        );
        const [part] = declared.parts ?? [];
        parts.push({ partNumber, etag: await putBytes(part!.url, bytes, part!.headers) });
      }
    }
    const finalize = `/evidence/uploads/${seg(ticket.objectId)}/finalize`;
    let status = await this.call<UploadStatus | EvidenceObject>(uploader, 'POST', finalize, {
      json: parts ? { parts } : {},
      headers: { prefer: 'respond-async' },
    });
    for (let wait = 100; 'state' in status && status.state === 'verifying'; wait = Math.min(wait * 2, 2000)) {
      await new Promise((resolve) => setTimeout(resolve, wait));
      status = await this.call<UploadStatus>(
        uploader,
        'GET',
        `/evidence/uploads/${seg(ticket.objectId)}/status`,
      );
    }
    if (!('state' in status)) return status;
    if (status.state !== 'stored' || !status.object)
      throw new ApiError('POST', `${this.baseUrl}${finalize}`, 422, status);
    return status.object;
  }

  /** An object's metadata (readers and uploaders). */
  object(as: Claims, objectId: string): Promise<EvidenceObject> {
    return this.call<EvidenceObject>(as, 'GET', `/evidence/objects/${seg(objectId)}`);
  }

  /** Downloads an object (intake-officer, enforcement-officer, purchasing-admin, auditor; audited). */
  async download(reader: Claims, objectId: string): Promise<Buffer> {
    const ticket = await this.call<{ url: string }>(
      reader,
      'POST',
      `/evidence/objects/${seg(objectId)}/download`,
      {
        json: {},
      },
    );
    const res = await fetch(ticket.url);
    if (!res.ok) throw new ApiError('GET', ticket.url, res.status, await res.text());
    return Buffer.from(await res.arrayBuffer());
  }

  /**
   * Intake of a parcel (intake-officer). Admitted when carrier + tracking number match an order
   * the service learnt from `purchasing.order-placed.v1` (wait for that event first) and the batch
   * has no admitted parcel yet; then publishes `evidence.parcel-received.v1`. Otherwise the parcel
   * is kept `quarantined` with the reason (still 201).
   */
  receiveParcel(
    officer: Claims,
    parcel: { carrier: string; trackingNumber: string; condition: ParcelCondition },
  ): Promise<Parcel> {
    return this.call<Parcel>(officer, 'POST', '/intake/parcels', { json: parcel });
  }

  parcel(officer: Claims, parcelId: string): Promise<Parcel> {
    return this.call<Parcel>(officer, 'GET', `/intake/parcels/${seg(parcelId)}`);
  }

  /**
   * The batch's buyer as the evidence service knows them (intake-officer): their pseudonym, the only
   * name the unpacking session takes for the buyer (422 `participants[i].name` for any other).
   */
  batchBuyer(officer: Claims, batchNumber: string): Promise<{ pseudonym: string }> {
    return this.call<{ pseudonym: string }>(officer, 'GET', `/batches/${seg(batchNumber)}/buyer`);
  }

  /**
   * Opens the unpacking session of an admitted parcel (intake-officer): participants, the stored
   * unboxing video and waybill photo (upload them first with the batch number), photos, claimed
   * facts. 422 `participants` when fewer than the buyer + 2 officers + 2 lab staff. No event.
   */
  openUnpacking(officer: Claims, input: UnpackingInput): Promise<UnpackingSession> {
    return this.call<UnpackingSession>(officer, 'POST', '/unpacking-sessions', { json: input });
  }

  /**
   * Seals the test and backup samples (intake-officer): sample code `<batch>-S`, work order and
   * sampling notice stored as Chinese PDFs, then `evidence.sample-sealed.v1` (lab-gateway draws a
   * lab; enforcement issues the sampling notices). See `SealingInput.signatures` for the 422 on
   * too few officers; 409 when the session is already sealed.
   */
  seal(officer: Claims, sessionId: string, input: SealingInput): Promise<Sealing> {
    return this.call<Sealing>(officer, 'POST', `/unpacking-sessions/${seg(sessionId)}/sealing`, {
      json: input,
    });
  }

  /** The printable labels (Code 128 + QR) of the test and backup samples, a PDF (intake-officer). */
  async labels(officer: Claims, sampleCode: string): Promise<Buffer> {
    return (await this.bytes(officer, `/samples/${seg(sampleCode)}/labels`)).data;
  }

  /** Records a physical hand-over of a sample to or back from a lab (intake-officer; 204). */
  async handOver(
    officer: Claims,
    sampleCode: string,
    input: {
      sample: 'test' | 'backup';
      direction: 'to-lab' | 'from-lab';
      labId: string;
      counterpart: string;
      sealNumber: string;
      sealIntact: boolean;
    },
  ): Promise<void> {
    await this.call(officer, 'POST', `/samples/${seg(sampleCode)}/hand-overs`, { json: input });
  }

  /** Re-seals a sample (e.g. the backup for a re-inspection; intake-officer; ≥ 1 officer signs). */
  reseal(
    officer: Claims,
    sampleCode: string,
    input: { sample: 'test' | 'backup'; newSealNumber: string; reason: string; signatures: Signature[] },
  ): Promise<Record<string, unknown>> {
    return this.call(officer, 'POST', `/samples/${seg(sampleCode)}/reseals`, { json: input });
  }

  /** Recomputes the custody ledger's hash chain (auditor, admin). */
  verifyCustody(auditor: Claims): Promise<{ intact: boolean } & Record<string, unknown>> {
    return this.call(auditor, 'GET', '/custody/verify');
  }
}

/** PUTs bytes to a presigned URL; answers the ETag. */
async function putBytes(url: string, data: Buffer, headers: Record<string, string> = {}): Promise<string> {
  const res = await fetch(url, { method: 'PUT', headers, body: asBody(data) });
  if (!res.ok) throw new ApiError('PUT', url.split('?')[0] as string, res.status, await res.text());
  return res.headers.get('etag') ?? '';
}
