/**
 * The stable `code` of every error body, for the console and integrators to switch on (the
 * `message` is for people and may change). Specific codes name the rule that refused the request;
 * an error without one gets the code of its HTTP status. Listed in docs/errors.md.
 */
export const ErrorCode = {
  /** 400 with `errors`: each invalid field and its reasons. */
  validationFailed: 'validation_failed',
  /** 400 without field reasons (e.g. a malformed JSON body). */
  badRequest: 'bad_request',
  unauthorized: 'unauthorized',
  forbidden: 'forbidden',
  /** Unknown, or outside what the caller may see: the same answer. */
  notFound: 'not_found',
  methodNotAllowed: 'method_not_allowed',
  /** The record's state does not allow the request. */
  conflict: 'conflict',
  payloadTooLarge: 'payload_too_large',
  unsupportedMediaType: 'unsupported_media_type',
  /** Well-formed input that breaks a rule; `errors` names the field. */
  unprocessable: 'unprocessable',
  tooManyRequests: 'too_many_requests',
  internalError: 'internal_error',
  serviceUnavailable: 'service_unavailable',
  /** A second person must approve or confirm what the caller recorded (409, `rule: 'four-eyes'`). */
  fourEyes: 'four_eyes',
  /** The record already exists (a registration repeated with other data). */
  alreadyExists: 'already_exists',
  /** Idempotency-Key reused with another request body (409). */
  idempotencyKeyReused: 'idempotency_key_reused',
  /** The working-day calendar has no holiday schedule for the year a deadline reaches (503). */
  calendarYearUnknown: 'calendar_year_unknown',
  /** A plan's workflow step asked in the wrong state (409). */
  planState: 'plan_state',
  /** A brand + spec/model would be sampled a third time in a year (409; run the selection again). */
  twiceAYear: 'twice_a_year',
  /** 一事一委托: the plan or batch is already covered by a delegation (409, `delegationId` names it). */
  oneMatterOneDelegation: 'one_matter_one_delegation',
  /** The delegation was revoked already (409). */
  delegationRevoked: 'delegation_revoked',
  /** A lab's assignment is not in a state that allows the action (409). */
  assignmentState: 'assignment_state',
  /** A lab's report breaks the report rules (422 naming each field). */
  reportRejected: 'report_rejected',
  /** A lab's report number is already used by another of its reports (409). */
  reportNumberTaken: 'report_number_taken',
  /** An entrustment contract that has ended cannot change (409). */
  contractEnded: 'contract_ended',
  /** A purchase task is not in a state that allows the action (409). */
  taskState: 'task_state',
  /** The evidence package changed while it was being verified: complete again (409). */
  evidenceChanged: 'evidence_changed',
  /** A batch's result is final: nothing more can be filed against it (409). */
  resultFinal: 'result_final',
  /** Evidence is never overwritten or changed once stored (409). */
  evidenceImmutable: 'evidence_immutable',
  /** A re-inspection approved on an incomplete materials checklist (422 naming each missing item). */
  materialsMissing: 'materials_missing',
  /** An evidence upload failed verification (422 naming each part or field). */
  uploadRejected: 'upload_rejected',
  /** A read of evidence showing the buyer states no purpose (400 naming `purpose`). */
  purposeRequired: 'purpose_required',
  /** The service's clock cannot be set here (409). */
  clockOverrideDisabled: 'clock_override_disabled',
} as const;

const BY_STATUS: Readonly<Record<number, string>> = {
  400: ErrorCode.badRequest,
  401: ErrorCode.unauthorized,
  403: ErrorCode.forbidden,
  404: ErrorCode.notFound,
  405: ErrorCode.methodNotAllowed,
  409: ErrorCode.conflict,
  413: ErrorCode.payloadTooLarge,
  415: ErrorCode.unsupportedMediaType,
  422: ErrorCode.unprocessable,
  429: ErrorCode.tooManyRequests,
  500: ErrorCode.internalError,
  503: ErrorCode.serviceUnavailable,
};

/**
 * The code of an error body that names none (a framework error, a Nest exception): a 400 naming
 * fields is `validation_failed`, a refusal by the four-eyes rule `four_eyes`, else the status's.
 */
export function errorCodeFor(
  status: number,
  body: { code?: unknown; errors?: unknown; rule?: unknown },
): string {
  if (typeof body.code === 'string' && body.code.length > 0) return body.code;
  if (status === 400 && Array.isArray(body.errors) && body.errors.length > 0)
    return ErrorCode.validationFailed;
  if (body.rule === 'four-eyes') return ErrorCode.fourEyes;
  return BY_STATUS[status] ?? (status >= 500 ? ErrorCode.internalError : `http_${status}`);
}
