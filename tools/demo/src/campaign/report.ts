import { STAGES, type BatchOutcome, type Stage } from './campaign';

/** How many batches reached each stage (a batch counts in every stage it passed). */
export function stageCounts(outcomes: Iterable<BatchOutcome>): Record<Stage, number> {
  const counts = Object.fromEntries(STAGES.map((s) => [s, 0])) as Record<Stage, number>;
  for (const o of outcomes) for (const s of STAGES) if (o.at[s] !== undefined) counts[s] += 1;
  return counts;
}

/** One progress line: counts per stage, and errors when any. */
export function progressLine(outcomes: BatchOutcome[], total: number): string {
  const counts = stageCounts(outcomes);
  const errors = outcomes.filter((o) => o.error).length;
  const parts = STAGES.filter((s) => s !== 'objected' || counts[s] > 0).map((s) => `${s} ${counts[s]}`);
  return `[${total} batches] ${parts.join(' · ')}${errors ? ` · errors ${errors}` : ''}`;
}

/** Terminal columns of a text: Chinese characters and full-width forms take two. */
export const displayWidth = (text: string): number =>
  [...text].reduce(
    (w, ch) =>
      w +
      (/[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(
        ch,
      )
        ? 2
        : 1),
    0,
  );

const pct = (n: number, d: number): string => (d === 0 ? '—' : `${((100 * n) / d).toFixed(1)}%`);

/**
 * The end-of-campaign summary: batches per stage, pass rate and non-conformity detection rate of
 * the final results (不合格检出率 = failing / tested batches), cases per jurisdiction.
 */
export function summary(outcomes: BatchOutcome[], publicPageUrl: string): string {
  const counts = stageCounts(outcomes);
  const lines: string[] = [];
  const table = (rows: Array<[string, string]>) => {
    const width = Math.max(...rows.map(([k]) => displayWidth(k)));
    for (const [k, v] of rows) lines.push(`  ${k}${' '.repeat(width - displayWidth(k))}  ${v}`);
  };
  lines.push('', 'Batches per stage');
  table(STAGES.map((s) => [s, String(counts[s])]));
  const reported = outcomes.filter((o) => o.at.reported !== undefined);
  const firstFails = reported.filter((o) => o.script.verdict === 'fail').length;
  const final = outcomes.filter((o) => o.finalVerdict);
  const finalFails = final.filter((o) => o.finalVerdict === 'fail').length;
  lines.push('', 'Results');
  table([
    ['tested (reports issued)', String(reported.length)],
    [
      'first-report failures',
      `${firstFails} (non-conformity detection rate ${pct(firstFails, reported.length)})`,
    ],
    ['final results', String(final.length)],
    ['final pass rate', pct(final.length - finalFails, final.length)],
    ['final non-conformity detection rate', pct(finalFails, final.length)],
    [
      'overturned on re-inspection',
      String(final.filter((o) => o.basis === 're-inspection' && o.finalVerdict === 'pass').length),
    ],
    ['public notices (seller unreachable)', String(outcomes.filter((o) => o.publicNotice).length)],
    ['errors', String(outcomes.filter((o) => o.error).length)],
  ]);
  const perAuthority = new Map<string, number>();
  for (const o of outcomes)
    if (o.caseAuthority) {
      const key = `${o.caseAuthority.name} (${o.caseAuthority.areaCode})`;
      perAuthority.set(key, (perAuthority.get(key) ?? 0) + 1);
    }
  lines.push('', 'Cases per jurisdiction');
  if (perAuthority.size === 0) lines.push('  (none)');
  else table([...perAuthority.entries()].sort((a, b) => b[1] - a[1]).map(([k, n]) => [k, String(n)]));
  const errors = outcomes.filter((o) => o.error);
  if (errors.length > 0) {
    lines.push('', 'Errors');
    for (const o of errors.slice(0, 10)) lines.push(`  ${o.batchNumber}: ${o.error}`);
  }
  lines.push('', `Public page: ${publicPageUrl}`);
  return lines.join('\n');
}
