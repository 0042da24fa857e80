/**
 * The operations schemathesis names under "Schema validation mismatch" in a run's report: those
 * that refused (400/422) every generated case their document calls valid.
 */
export function validationMismatches(report: string): string[] {
  const block = /Schema validation mismatch:[^\n]*\n\n((?:[ \t]+- [^\n]+\n)+)/.exec(report);
  return block ? [...block[1].matchAll(/- ([A-Z]+ \S+)/g)].map((m) => m[1]) : [];
}
