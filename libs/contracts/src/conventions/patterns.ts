/**
 * Formats shared by every contract. Patterns are anchored so they carry over unchanged into the
 * generated JSON Schemas (`pattern`) and AsyncAPI document.
 */

/** Batch number: bureau prefix, year, six-digit sequence (一个批次对应一个编号), e.g. `HZ2026-000123`. */
export const BATCH_NUMBER = /^[A-Z]{2,4}\d{4}-\d{6}$/;

/** GB/T 2260 administrative area code: six digits (province, city, district), e.g. `330106`. */
export const AREA_CODE = /^[1-8]\d{5}$/;

/** GB 32100 unified social credit code: 18 characters, no I, O, S, V, Z; check character verified separately. */
export const UNIFIED_SOCIAL_CREDIT_CODE = /^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/;

/** An instant: ISO-8601 in UTC with a `Z`, optional milliseconds, e.g. `2026-03-01T02:30:00.000Z`. */
export const UTC_TIMESTAMP =
  /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])T([01]\d|2[0-3]):[0-5]\d:[0-5]\d(\.\d{1,3})?Z$/;

/** A calendar date without time zone (a deadline day, a claimed production date), e.g. `2026-03-01`. */
export const CALENDAR_DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

/** Platform code, lower-case, e.g. `taobao`, `jd`; never contains `:` (it is a key separator). */
export const PLATFORM_CODE = /^[a-z][a-z0-9-]{1,31}$/;

/** An identifier assigned outside QIS (platform listing id, complaint id); never contains `:`. */
export const EXTERNAL_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

/** Product category code, kebab-case English, e.g. `silk-quilt`, `power-strip`. */
export const CATEGORY_CODE = /^[a-z][a-z0-9-]{1,47}$/;

/** Sample code, seal number, work-order number, notice number: upper-case letters, digits, dashes. */
export const DOCUMENT_CODE = /^[A-Z0-9][A-Z0-9-]{3,39}$/;

/** A lab's report number, in the lab's own format. */
export const REPORT_NUMBER = /^[A-Za-z0-9][A-Za-z0-9/._-]{2,63}$/;
