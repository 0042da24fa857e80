import { ServiceApi, query, seg, type Claims } from './http';

export type NoticeKind = 'sampling' | 'result' | 'reinspection-result';
export type NoticeChannel = 'post' | 'email' | 'platform-message' | 'in-person' | 'public-notice';

export interface Notice {
  id: string;
  batchNumber: string;
  kind: NoticeKind;
  recipient: 'seller' | 'producer' | 'platform';
  recipientName: string;
  /** null when unknown: then `channel` is `public-notice` */
  address: string | null;
  channel: NoticeChannel;
  noticeNumber: string;
  reportNumber: string | null;
  content: string;
  /** result notices: end of the 5th working day after the report's issuedAt (Asia/Shanghai) */
  dueAt: string | null;
  issuedAt: string;
  sentAt: string | null;
  receivedAt: string | null;
  receiptPendingAt: string | null;
  /**
   * the PDF stored through the evidence service (kind `notice`), once stored: only when enforcement
   * runs with `EVIDENCE_URL` and a service token (`SERVICE_TOKEN_PRIVATE_KEY_FILE` in test/dev)
   */
  evidenceObjectId?: string | null;
}

/** A 《复检机构确定通知书》 with its delivery record. */
export interface LabNotice {
  id: string;
  objectionId: string;
  recipient: 'applicant' | 'reinspection-lab';
  recipientName: string;
  noticeNumber: string;
  supersededAt: string | null;
  sentAt: string | null;
  receivedAt: string | null;
  receivedBy: string | null;
  evidenceObjectId: string | null;
}

/**
 * Waits (up to `waitMs`, a minute by default) for a document's PDF to be stored as evidence, as an
 * officer sends only the document on record; past that the call goes ahead and enforcement says
 * why it refuses (an enforcement without an evidence service stores none).
 */
async function whenStored(
  read: () => Promise<{ evidenceObjectId?: string | null }>,
  waitMs = 60_000,
): Promise<void> {
  const until = Date.now() + waitMs;
  while (Date.now() < until) {
    if ((await read()).evidenceObjectId) return;
    await new Promise((resolve) => setTimeout(resolve, 1_000));
  }
}

export interface Objection {
  id: string;
  batchNumber: string;
  applicantRole: 'seller' | 'producer';
  applicantName: string;
  applicantUnifiedSocialCreditCode: string | null;
  /** filed → approved → re-inspecting → completed; or refused (late), rejected, waived */
  status: 'filed' | 'refused' | 'approved' | 'rejected' | 're-inspecting' | 'waived' | 'completed';
  noticeReceivedAt: string;
  filedAt: string;
  /** YYYY-MM-DD, the 15th day after receipt (moved to the next working day when it is a rest day) */
  windowLastDay: string;
  refusalReason: string | null;
  decidedAt: string | null;
  decisionReason: string | null;
  /** when the re-inspection lab was drawn (lab-gateway's sample-dispatched): its notices are issued then */
  labNotifiedAt?: string | null;
  reinspectionLabName?: string | null;
  /** when the applicant received the 《复检机构确定通知书》: the 7 days of the procedures run from then */
  labNoticeReceivedAt?: string | null;
  /** end of the 7th day after `labNoticeReceivedAt`: procedures not completed by then → waived by the scan */
  completeBy: string | null;
  proceduresPeriod?: 'awaiting-lab' | 'awaiting-receipt' | 'awaiting-calendar' | 'running' | 'ended' | null;
  proceduresCompletedAt: string | null;
}

export interface EnforcementCase {
  id: string;
  batchNumber: string;
  rule: 'platform-operator-address' | 'seller-address' | 'major-or-urgent' | 'out-of-area';
  authority: { kind: string; areaCode: string; name: string };
  copiedTo: Array<{ kind: string; name: string }>;
  explanation: string;
  sellerName: string;
  sellerUnifiedSocialCreditCode: string | null;
  platform: string | null;
  status: 'routed' | 'accepted' | 'investigating' | 'closed';
  outcomes: string[] | null;
  penaltyFen: number | null;
  summary: string | null;
  dueAt: string;
}

export interface TriageItem {
  id: string;
  batchNumber: string;
  reason: string;
  status: string;
  caseId: string | null;
  createdAt: string;
}

export interface Alert {
  id: string;
  /** `result-notice-overdue`, `case-overdue`, … */
  kind: string;
  batchNumber: string;
  subjectType: string;
  subjectId: string;
  message: string;
  raisedAt: string;
}

export type CaseOutcome = 'penalty' | 'rectification' | 'takedown-confirmed' | 'seller-not-found';

/**
 * Enforcement (:7105): notices, objections, re-inspection, finality, cases, credit.
 *
 * Time: enforcement's legal clocks read one clock (`clock`); `advanceClock` moves it forward where
 * the service runs with `CLOCK_OVERRIDE_ENABLED=true` (development and test, set by the local stack
 * and the test stack; never production, which refuses to start with it). Nothing is back-dated:
 * a delivery's `sentAt` lies between the notice's `issuedAt` and the clock's now, its `receivedAt`
 * on the clock's day (an earlier day needs `receiptReason` and a second officer's
 * `confirmReceipt`); an objection's `filedAt`, a waiver's `declaredAt`, procedures' `completedAt`
 * are read from the clock. The 15-day objection windows then run out when the clock is moved past
 * them, and the next scan (`scanDeadlines`) makes the results final (`no-objection`). The result
 * notice's 5 working days run from the bureau's receipt of the lab report (lab-gateway's time),
 * and the 7 days of re-inspection procedures from the applicant's receipt of the 《复检机构确定通知书》.
 */
export class EnforcementActor extends ServiceApi {
  /**
   * A batch's notices (enforcement-officer, approver, auditor). Sampling notices appear after
   * enforcement consumed `evidence.sample-sealed.v1` (seller, platform when bought on one); result
   * notices after `lab.report-issued.v1`: seller, the claimed producer if failed, the platform.
   * A seller without `registeredAddress` in the purchase record (or a producer without
   * `producerAddress` at unpacking) gets a `public-notice` instead, counted as sent and received
   * when issued.
   */
  notices(as: Claims, batchNumber: string): Promise<Notice[]> {
    return this.call<Notice[]>(as, 'GET', `/batches/${seg(batchNumber)}/notices`);
  }

  notice(as: Claims, noticeId: string): Promise<Notice> {
    return this.call<Notice>(as, 'GET', `/notices/${seg(noticeId)}`);
  }

  /** The notice as a Chinese PDF (enforcement-officer, approver, auditor). */
  async noticePdf(as: Claims, noticeId: string): Promise<Buffer> {
    return (await this.bytes(as, `/notices/${seg(noticeId)}/pdf`)).data;
  }

  /**
   * Records how a notice was sent and when it was received (enforcement-officer). Receipt starts the
   * 15-day objection clock. When the last result notice of the batch is sent, enforcement publishes
   * `enforcement.result-notified.v1`. Channel defaults to the notice's own. Storing PDFs as evidence,
   * enforcement records no delivery before the notice's PDF is stored (409): this waits for it first.
   */
  async recordDelivery(
    officer: Claims,
    noticeId: string,
    delivery: {
      sentAt: string;
      receivedAt?: string;
      receiptReason?: string;
      channel?: Exclude<NoticeChannel, 'public-notice'>;
    },
    waitMs?: number,
  ): Promise<Notice> {
    await whenStored(() => this.notice(officer, noticeId), waitMs);
    return this.call<Notice>(officer, 'POST', `/notices/${seg(noticeId)}/delivery`, { json: delivery });
  }

  /**
   * An objection's 《复检机构确定通知书》 (to the applicant and to the re-inspection lab), issued once
   * lab-gateway drew the lab; a redraw supersedes the earlier ones (`supersededAt`).
   */
  labNotices(as: Claims, objectionId: string): Promise<LabNotice[]> {
    return this.call<LabNotice[]>(as, 'GET', `/objections/${seg(objectionId)}/lab-notices`);
  }

  /**
   * Records the delivery of a 《复检机构确定通知书》 (enforcement-officer): how, when sent, when and by
   * whom received. The applicant's receipt starts the 7 days of the re-inspection procedures
   * (`completeBy` on the objection); until then they are pending. Waits for the stored PDF first.
   */
  async recordLabNoticeDelivery(
    officer: Claims,
    objectionId: string,
    noticeId: string,
    delivery: {
      channel: Exclude<NoticeChannel, 'public-notice'>;
      sentAt: string;
      receivedAt?: string;
      receivedBy?: string;
    },
    waitMs?: number,
  ): Promise<LabNotice> {
    await whenStored(async () => {
      const found = (await this.labNotices(officer, objectionId)).find((n) => n.id === noticeId);
      if (!found) throw new Error(`re-inspection lab notice ${noticeId} is not on objection ${objectionId}`);
      return found;
    }, waitMs);
    return this.call<LabNotice>(officer, 'POST', `/reinspection-lab-notices/${seg(noticeId)}/delivery`, {
      json: delivery,
    });
  }

  /**
   * Records a seller's or claimed producer's written objection (enforcement-officer records it; the
   * applicant is the seller or producer who received a result notice). In time = filed by the 15th
   * day after that notice's receipt (Asia/Shanghai days, moved past rest days): `filed`, published
   * as `enforcement.objection-filed.v1`; late: kept `refused` with the dates in `refusalReason`.
   * 409 when the applicant's notice has no receipt yet, an objection of theirs is in progress, or
   * the result is already final. `materials`: the application's checklist, each item received or
   * missing; a re-inspection is approved only when every required item is received (422 naming each).
   */
  fileObjection(
    officer: Claims,
    batchNumber: string,
    objection: {
      applicantRole: 'seller' | 'producer';
      applicantName: string;
      applicantUnifiedSocialCreditCode?: string;
      filedAt: string;
      grounds?: string;
      materials?: Record<
        'noticeReceipt' | 'writtenApplication' | 'proofOfStanding' | 'powerOfAttorney' | 'authorisedPersonId',
        'received' | 'missing'
      >;
    },
  ): Promise<Objection> {
    return this.call<Objection>(officer, 'POST', `/batches/${seg(batchNumber)}/objections`, {
      json: objection,
    });
  }

  objections(as: Claims, batchNumber: string): Promise<Objection[]> {
    return this.call<Objection[]>(as, 'GET', `/batches/${seg(batchNumber)}/objections`);
  }

  objection(as: Claims, objectionId: string): Promise<Objection> {
    return this.call<Objection>(as, 'GET', `/objections/${seg(objectionId)}`);
  }

  /**
   * Decides a filed objection (approver). Approve: `approved`, publishes
   * `enforcement.reinspection-requested.v1` (backup sample's seal, the original lab to exclude);
   * lab-gateway draws another lab (`lab.sample-dispatched.v1`, purpose `re-inspection`), which sets
   * `labNotifiedAt` and issues the 《复检机构确定通知书》; `completeBy` (7 days) follows the
   * applicant's receipt of it (`recordLabNoticeDelivery`). Refuse: `rejected`.
   */
  decideObjection(
    approver: Claims,
    objectionId: string,
    decision: { approve: boolean; reason: string; decidedAt?: string },
  ): Promise<Objection> {
    return this.call<Objection>(approver, 'POST', `/objections/${seg(objectionId)}/decision`, {
      json: decision,
    });
  }

  /**
   * The applicant and the lab completed the procedures (enforcement-officer): `re-inspecting`; the
   * re-inspection lab's report then replaces the first and is final at once. 409 before the
   * re-inspection lab is drawn (wait for its `lab.sample-dispatched.v1`); 422 when `completedAt`
   * is before `labNotifiedAt` (compared to the millisecond: don't truncate a "now") or after
   * `completeBy`. Not completed in time: the next deadline scan
   * marks it `waived` and the first result becomes final (`re-inspection-waived`).
   */
  completeProcedures(officer: Claims, objectionId: string, completedAt: string): Promise<Objection> {
    return this.call<Objection>(officer, 'POST', `/objections/${seg(objectionId)}/procedures-completed`, {
      json: { completedAt },
    });
  }

  /**
   * Records the applicant's written waiver of an approved re-inspection (enforcement-officer):
   * `waived` at once, and the first result becomes final (`re-inspection-waived`). 409 unless approved.
   */
  waiveReinspection(
    officer: Claims,
    objectionId: string,
    waiver: { declaredAt: string; reason: string },
  ): Promise<Objection> {
    return this.call<Objection>(officer, 'POST', `/objections/${seg(objectionId)}/waiver`, { json: waiver });
  }

  /**
   * Runs the deadline scan now (admin): unsent result notices past their 5th working day and
   * overdue cases raise alerts; objection windows and procedure periods that ended are acted on
   * (waiver, then `enforcement.result-final.v1` when nothing is pending; a final failure is routed
   * as `enforcement.case-routed.v1` and written to the credit file). Uses the server clock.
   */
  scanDeadlines(admin: Claims): Promise<{ handled: number }> {
    return this.call<{ handled: number }>(admin, 'POST', '/deadlines/scan');
  }

  /** The time enforcement's legal clocks read (admin, auditor). */
  clock(as: Claims): Promise<{ now: string; offsetMs: number; overridable: boolean }> {
    return this.call<{ now: string; offsetMs: number; overridable: boolean }>(as, 'GET', '/ops/clock');
  }

  /**
   * A second officer (not the one who recorded it) confirms a receipt recorded after the day it
   * happened; the objection window then runs from it. 409 `four-eyes` for the recording officer.
   */
  confirmReceipt(
    officer: Claims,
    noticeId: string,
    confirmation: { receivedAt: string; note?: string },
  ): Promise<Notice> {
    return this.call<Notice>(officer, 'POST', `/notices/${seg(noticeId)}/receipt-confirmation`, {
      json: confirmation,
    });
  }

  /**
   * Moves enforcement's legal clock forward by `byMs` (admin; development and test only: the
   * service needs `CLOCK_OVERRIDE_ENABLED=true`, which production refuses at boot, else 409). The
   * next scan then sees objection windows and procedure periods run out without back-dated records.
   */
  advanceClock(
    admin: Claims,
    byMs: number,
  ): Promise<{ now: string; offsetMs: number; overridable: boolean }> {
    return this.call<{ now: string; offsetMs: number; overridable: boolean }>(admin, 'POST', '/ops/clock', {
      json: { byMs },
    });
  }

  /** Breached deadlines (enforcement-officer, approver, auditor). */
  alerts(as: Claims, batchNumber?: string): Promise<Alert[]> {
    return this.call<Alert[]>(as, 'GET', `/alerts${query({ batchNumber })}`);
  }

  /**
   * Cases (an officer: only those their `jurisdiction` covers, by GB/T 2260 prefix, so `330100`
   * sees every Hangzhou district and `330110` only 余杭; approver, auditor: all). A final failure is
   * routed to the platform operator's district (platform sale, 网监办 copied) or the seller's
   * district (own-site sale); what cannot be placed goes to `triage`.
   */
  cases(as: Claims): Promise<EnforcementCase[]> {
    return this.call<EnforcementCase[]>(as, 'GET', '/cases');
  }

  case(as: Claims, caseId: string): Promise<EnforcementCase> {
    return this.call<EnforcementCase>(as, 'GET', `/cases/${seg(caseId)}`);
  }

  /** The routed authority accepts the case (enforcement-officer of that jurisdiction). */
  acceptCase(officer: Claims, caseId: string): Promise<EnforcementCase> {
    return this.call<EnforcementCase>(officer, 'POST', `/cases/${seg(caseId)}/accept`);
  }

  /** Investigation started (enforcement-officer of that jurisdiction). */
  investigateCase(officer: Claims, caseId: string): Promise<EnforcementCase> {
    return this.call<EnforcementCase>(officer, 'POST', `/cases/${seg(caseId)}/investigate`);
  }

  /**
   * Closes the case with outcomes (enforcement-officer of that jurisdiction; `penaltyFen` with a
   * penalty). Publishes `enforcement.case-closed.v1` and writes the credit file.
   */
  closeCase(
    officer: Claims,
    caseId: string,
    close: { outcomes: CaseOutcome[]; penaltyFen?: number; summary?: string },
  ): Promise<EnforcementCase> {
    return this.call<EnforcementCase>(officer, 'POST', `/cases/${seg(caseId)}/close`, { json: close });
  }

  /** Major or urgent, or a leader's assignment (approver): to 稽查支队 or 网监办. */
  escalateCase(
    approver: Claims,
    caseId: string,
    escalation: { to: 'inspection-brigade' | 'online-supervision-office'; reason: string },
  ): Promise<EnforcementCase> {
    return this.call<EnforcementCase>(approver, 'POST', `/cases/${seg(caseId)}/escalate`, {
      json: escalation,
    });
  }

  /** Failed batches routing could not place (approver, auditor). */
  triage(as: Claims): Promise<TriageItem[]> {
    return this.call<TriageItem[]>(as, 'GET', '/triage');
  }

  /** Routes a triage item by the district a person established, or escalates it (approver). */
  resolveTriage(
    approver: Claims,
    itemId: string,
    resolution: {
      areaCode?: string;
      escalateTo?: 'inspection-brigade' | 'online-supervision-office';
      reason: string;
    },
  ): Promise<EnforcementCase> {
    return this.call<EnforcementCase>(approver, 'POST', `/triage/${seg(itemId)}/resolve`, {
      json: resolution,
    });
  }

  /** The credit file of a seller or producer by credit code (planner, approver, enforcement-officer, auditor). */
  creditFile(as: Claims, unifiedSocialCreditCode: string): Promise<Record<string, unknown>> {
    return this.call(as, 'GET', `/credit/${seg(unifiedSocialCreditCode)}`);
  }

  /** Follow-up samplings proposed after final failures (planner, approver, auditor). */
  followUpProposals(as: Claims): Promise<Array<Record<string, unknown>>> {
    return this.call(as, 'GET', '/follow-up-proposals');
  }
}
