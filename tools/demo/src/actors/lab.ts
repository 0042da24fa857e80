import { randomUUID } from 'node:crypto';
import { ServiceApi, query, seg, type Claims } from './http';

export interface LabRegistration {
  name: string;
  address: string;
  /** CMA certificate number (资质认定) */
  cmaNumber: string;
  /** YYYY-MM-DD; an expired CMA (or CNAS when recorded) excludes the lab from draws */
  cmaExpiresOn: string;
  cnasNumber?: string;
  cnasExpiresOn?: string;
  /** 1 (lowest) to 5; re-inspection prefers a level above the original lab's */
  qualificationLevel: number;
  /** categories with the standards the lab may apply there ([] = any standard) */
  scopes: Array<{ category: string; standards: string[] }>;
  /** open assignments at once */
  capacity: number;
  /** turnaround of sandbox assignments; a real sample's due day follows the entrustment contract */
  turnaroundWorkingDays: number;
  active?: boolean;
  /** the entrustment contract (委托检验合同): without one the lab is never drawn */
  contract?: LabContractTerms;
}

export interface LabContractTerms {
  contractNumber: string;
  /** YYYY-MM-DD, first and last day in force */
  validFrom: string;
  validTo: string;
  /** the testing period in working days: the assignment's due day */
  turnaroundWorkingDays: number;
  /** categories covered, price per sample in fen, optionally their own turnaround */
  categories: Array<{ category: string; priceFen: number; turnaroundWorkingDays?: number }>;
}

export interface Lab extends LabRegistration {
  id: string;
  active: boolean;
}

export type AssignmentStatus = 'dispatched' | 'accepted' | 'in-progress' | 'declined' | 'reported';

export interface Assignment {
  id: string;
  batchNumber: string;
  purpose: 'initial' | 're-inspection';
  reinspectionOfReport?: string;
  category: string;
  sampleName: string;
  /** `<batch>-S`; the report must name it */
  sampleCode: string;
  sampleRole: 'test' | 'backup';
  sealNumber: string;
  productStandard?: string;
  dispatchedAt: string;
  /** YYYY-MM-DD */
  dueOn: string;
  status: AssignmentStatus;
  declineReason?: string;
  progress: Array<{ stage: string; note?: string; at: string }>;
  overdue: boolean;
}

export interface AssignmentPage {
  items: Assignment[];
  page: number;
  pageSize: number;
  total: number;
}

export type ProgressStage = 'sample-received' | 'testing' | 'reviewing' | 'report-drafted';

export interface ReportItem {
  /** an item of the category's catalogue (`PUT /test-items/{category}`); every mandatory one must be there */
  item: string;
  /** standard and clause applied, e.g. `GB/T 24252-2019 5.2` */
  standard: string;
  requirement: string;
  measuredValue: string;
  unit?: string;
  verdict: 'pass' | 'fail';
}

export interface LabReport {
  /** unique at the lab (报告编号), `[A-Za-z0-9][A-Za-z0-9/._-]{2,63}` */
  reportNumber: string;
  amendsReportNumber?: string;
  amendmentReason?: string;
  sample: {
    /** the dispatched sample code */
    sampleCode: string;
    conditionOnReceipt: string;
    /** YYYY-MM-DD, Asia/Shanghai */
    receivedOn: string;
  };
  /** YYYY-MM-DD, not before receipt, not in the future */
  testedFrom: string;
  testedTo: string;
  testLocation?: string;
  items: ReportItem[];
  /** overall verdict: `fail` exactly when some item fails */
  verdict: 'pass' | 'fail';
  /** main nonconforming items: exactly the items whose verdict is `fail` */
  failingItems: string[];
  deviations?: string;
  /** the signed PDF uploaded to the evidence service (kind `lab-report`) */
  reportDocumentId: string;
  authorisedBy: string;
  authorisedTitle: string;
  /**
   * UTC instant ending in Z, not in the future, not before `testedTo` (Shanghai day), which is not
   * before `receivedOn`, which is not before the dispatch day: a report cannot be back-dated past
   * its dispatch, so enforcement's 5-working-day result-notice clock always starts at real time.
   */
  issuedAt: string;
}

export interface ReportReceipt {
  id: string;
  reportNumber: string;
  assignmentId: string;
  batchNumber: string;
  verdict: string;
  failingItems: string[];
  reportDocumentId: string;
  documentVerification: string;
  issuedAt: string;
  receivedAt: string;
}

export interface Dispatch {
  id: string;
  labId: string;
  batchNumber: string;
  purpose: string;
  status: string;
  drawSeed: string;
  candidateLabIds: string[];
  redrawnLabId: string;
  dueOn: string;
  sampleCode: string;
  overdueAlertedAt: string | null;
}

/**
 * Lab gateway (:7104): the lab registry and catalogue (admin), dispatches (admin, auditor) and the
 * lab-facing API `/v1/assignments` (role `lab` with the `labId` claim). Every POST carries an
 * `Idempotency-Key` (a fresh UUID unless given): same key + same body replays the stored answer,
 * same key + another body is 409.
 */
export class LabActor extends ServiceApi {
  /** Registers a lab (admin). Its `id` is the `labId` claim of the lab's tokens. No event. */
  registerLab(admin: Claims, lab: LabRegistration, idempotencyKey = randomUUID()): Promise<Lab> {
    return this.labPost<Lab>(admin, '/labs', lab, idempotencyKey);
  }

  /** The time the lab gateway reads (admin, auditor): dispatch, receipt of reports, testing periods. */
  clock(as: Claims): Promise<{ now: string; offsetMs: number; overridable: boolean }> {
    return this.call<{ now: string; offsetMs: number; overridable: boolean }>(as, 'GET', '/ops/clock');
  }

  /**
   * Moves the lab gateway's clock forward by `byMs` (admin; development and test only, the service
   * needs `CLOCK_OVERRIDE_ENABLED=true`, else 409): in step with enforcement's, whose deadlines
   * count from the gateway's dispatch and receipt times.
   */
  advanceClock(
    admin: Claims,
    byMs: number,
  ): Promise<{ now: string; offsetMs: number; overridable: boolean }> {
    return this.call<{ now: string; offsetMs: number; overridable: boolean }>(admin, 'POST', '/ops/clock', {
      json: { byMs },
    });
  }

  /** Changes a lab (admin): scopes, capacity, active, certificates. */
  updateLab(admin: Claims, labId: string, patch: Partial<LabRegistration>): Promise<Lab> {
    return this.call<Lab>(admin, 'PATCH', `/labs/${seg(labId)}`, { json: patch });
  }

  /**
   * Replaces the test-item catalogue of a category (admin). Reports of the category must use these
   * items and carry every mandatory one. (The migration seeds silk-quilt, power-strip, induction-cooker.)
   */
  setTestItems(
    admin: Claims,
    category: string,
    items: Array<{ item: string; mandatory: boolean }>,
  ): Promise<unknown> {
    return this.call(admin, 'PUT', `/test-items/${seg(category)}`, { json: { items } });
  }

  /** The catalogue of a category (admin, auditor, lab). */
  testItems(as: Claims, category: string): Promise<Array<{ item: string; mandatory: boolean }>> {
    return this.call(as, 'GET', `/test-items/${seg(category)}`);
  }

  /**
   * Dispatches (admin, auditor), by batch. A dispatch is made when lab-gateway consumes
   * `evidence.sample-sealed.v1` (or `enforcement.reinspection-requested.v1`) and publishes
   * `lab.sample-dispatched.v1`. No qualified lab: the event is retried then dead-lettered.
   */
  async dispatches(
    as: Claims,
    filter: { batchNumber?: string; overdue?: boolean } = {},
  ): Promise<Dispatch[]> {
    return (await this.call<{ items: Dispatch[] }>(as, 'GET', `/dispatches${query(filter)}`)).items;
  }

  /** The lab's own assignments, newest first (lab). */
  assignments(
    lab: Claims,
    filter: { status?: AssignmentStatus; page?: number; pageSize?: number } = {},
  ): Promise<AssignmentPage> {
    return this.call<AssignmentPage>(lab, 'GET', `/v1/assignments${query(filter)}`);
  }

  assignment(lab: Claims, assignmentId: string): Promise<Assignment> {
    return this.call<Assignment>(lab, 'GET', `/v1/assignments/${seg(assignmentId)}`);
  }

  /** Accepts a dispatched assignment (lab). Status `accepted`. */
  accept(lab: Claims, assignmentId: string, idempotencyKey = randomUUID()): Promise<Assignment> {
    return this.labPost<Assignment>(lab, `/v1/assignments/${seg(assignmentId)}/accept`, {}, idempotencyKey);
  }

  /** Declines with a reason (lab); the sample is drawn again among the other labs (a new dispatch). */
  decline(
    lab: Claims,
    assignmentId: string,
    reason: string,
    idempotencyKey = randomUUID(),
  ): Promise<Assignment> {
    return this.labPost<Assignment>(
      lab,
      `/v1/assignments/${seg(assignmentId)}/decline`,
      { reason },
      idempotencyKey,
    );
  }

  /** Reports progress on an accepted assignment (lab). Status `in-progress`. */
  progress(
    lab: Claims,
    assignmentId: string,
    stage: ProgressStage,
    note?: string,
    idempotencyKey = randomUUID(),
  ): Promise<Assignment> {
    return this.labPost<Assignment>(
      lab,
      `/v1/assignments/${seg(assignmentId)}/progress`,
      note === undefined ? { stage } : { stage, note },
      idempotencyKey,
    );
  }

  /**
   * Submits the test report (lab; assignment accepted or in progress). 400 on shapes, 422 listing
   * every broken rule. Publishes `lab.report-issued.v1` (verdict, items, failing items); enforcement
   * then issues the result notices.
   */
  submitReport(
    lab: Claims,
    assignmentId: string,
    report: LabReport,
    idempotencyKey = randomUUID(),
  ): Promise<ReportReceipt> {
    return this.labPost<ReportReceipt>(
      lab,
      `/v1/assignments/${seg(assignmentId)}/reports`,
      report,
      idempotencyKey,
    );
  }

  private labPost<T>(as: Claims, path: string, body: object, idempotencyKey: string): Promise<T> {
    return this.call<T>(as, 'POST', path, { json: body, headers: { 'idempotency-key': idempotencyKey } });
  }
}
