import type { FieldError } from '@qis/contracts';
import { ErrorCode, UnprocessableError } from '@qis/domain';
import type { Lab } from './lab.entity';

/** Registry rules beyond field shapes: CNAS number and expiry come together; one scope per category. */
function labProblems(lab: Pick<Lab, 'cnasNumber' | 'cnasExpiresOn' | 'scopes'>): FieldError[] {
  const problems: FieldError[] = [];
  if ((lab.cnasNumber === null) !== (lab.cnasExpiresOn === null))
    problems.push({ field: 'cnasExpiresOn', reasons: ['CNAS number and expiry go together'] });
  const seen = new Set<string>();
  lab.scopes.forEach((s, i) => {
    if (seen.has(s.category))
      problems.push({ field: `scopes[${i}].category`, reasons: [`category ${s.category} is listed twice`] });
    seen.add(s.category);
  });
  return problems;
}

/** 422 naming every registry rule the lab breaks. */
export function assertValidLab(lab: Pick<Lab, 'cnasNumber' | 'cnasExpiresOn' | 'scopes'>): void {
  const problems = labProblems(lab);
  if (problems.length > 0)
    throw new UnprocessableError(ErrorCode.unprocessable, 'lab rejected', { errors: problems });
}
