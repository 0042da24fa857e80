import type { FieldError } from '@qis/contracts';
import { shanghaiDate } from '@qis/domain';
import type { SubmitReportCommand } from './submit-report.command';

/** What a report is checked against besides its own content. */
export interface ReportRulesContext {
  category: string;
  /** The category's catalogue: item name → mandatory. */
  catalogue: ReadonlyMap<string, boolean>;
  sampleCode: string;
  /** Shanghai day the sample was dispatched. */
  dispatchedOn: string;
  /** Shanghai day now, and the instant now. */
  today: string;
  now: Date;
  /** The assignment's current (latest) report, if any. */
  latestReportNumber: string | null;
  /** Every report number already on the assignment. */
  reportNumbers: readonly string[];
}

/**
 * Every reason a well-formed report cannot be accepted (answered 422 together): unknown or
 * repeated test items, a missing mandatory item, verdicts that contradict each other, dates out of
 * order, a sample that is not the dispatched one, an amendment that names the wrong report.
 */
export function reportProblems(cmd: SubmitReportCommand, ctx: ReportRulesContext): FieldError[] {
  const problems: FieldError[] = [];
  const add = (field: string, reason: string) => {
    const existing = problems.find((p) => p.field === field);
    if (existing) existing.reasons.push(reason);
    else problems.push({ field, reasons: [reason] });
  };

  if (ctx.catalogue.size === 0) add('items', `no test items are configured for category ${ctx.category}`);
  const seen = new Set<string>();
  cmd.items.forEach((line, i) => {
    if (ctx.catalogue.size > 0 && !ctx.catalogue.has(line.item))
      add(`items[${i}].item`, `unknown test item '${line.item}' for category ${ctx.category}`);
    if (seen.has(line.item)) add(`items[${i}].item`, `test item '${line.item}' is reported twice`);
    seen.add(line.item);
  });
  for (const [item, mandatory] of ctx.catalogue) {
    if (mandatory && !seen.has(item)) add('items', `missing mandatory test item '${item}'`);
  }

  const failing = cmd.items.filter((line) => line.verdict === 'fail').map((line) => line.item);
  if (cmd.verdict === 'pass' && failing.length > 0)
    add('verdict', `overall verdict pass but these items fail: ${failing.join(', ')}`);
  if (cmd.verdict === 'fail' && failing.length === 0)
    add('verdict', 'overall verdict fail but no item has verdict fail');
  cmd.failingItems.forEach((name, i) => {
    if (!failing.includes(name)) add(`failingItems[${i}]`, `'${name}' is not an item with verdict fail`);
  });
  for (const name of failing) {
    if (!cmd.failingItems.includes(name)) add('failingItems', `failing item '${name}' is not listed`);
  }

  if (cmd.sample.sampleCode !== ctx.sampleCode)
    add('sample.sampleCode', `does not match the dispatched sample ${ctx.sampleCode}`);
  if (cmd.sample.receivedOn < ctx.dispatchedOn)
    add('sample.receivedOn', `is before the sample was dispatched (${ctx.dispatchedOn})`);
  if (cmd.testedFrom < cmd.sample.receivedOn) add('testedFrom', 'is before the date of receipt');
  if (cmd.testedTo < cmd.testedFrom) add('testedTo', 'is before testedFrom');
  if (cmd.testedTo > ctx.today) add('testedTo', 'is in the future');
  const issued = new Date(cmd.issuedAt);
  if (issued.getTime() > ctx.now.getTime() + 5 * 60_000) add('issuedAt', 'is in the future');
  if (shanghaiDate(issued) < cmd.testedTo) add('issuedAt', 'is before testing ended');

  if (ctx.reportNumbers.includes(cmd.reportNumber))
    add('reportNumber', 'is already used on this assignment; an amended report needs a new number');
  if (cmd.amendsReportNumber === undefined) {
    if (cmd.amendmentReason !== undefined) add('amendmentReason', 'only for an amended report');
    if (ctx.latestReportNumber !== null)
      add(
        'amendsReportNumber',
        `this assignment already has report ${ctx.latestReportNumber}; an amended report must name it`,
      );
  } else {
    if (cmd.amendmentReason === undefined) add('amendmentReason', 'is required for an amended report');
    if (ctx.latestReportNumber === null) add('amendsReportNumber', 'this assignment has no report to amend');
    else if (cmd.amendsReportNumber !== ctx.latestReportNumber)
      add('amendsReportNumber', `must name the latest report of this assignment, ${ctx.latestReportNumber}`);
  }
  return problems;
}
