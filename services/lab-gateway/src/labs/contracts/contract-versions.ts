import { AuditService, type AuditActor } from '@qis/audit';
import { notFound } from '@qis/auth';
import type { FieldError } from '@qis/contracts';
import type { EntityManager } from 'typeorm';
import { ErrorCode, UnprocessableError } from '@qis/domain';
import { Lab } from '../lab.entity';
import { lastDayInForce } from './contract-standing';
import { ContractView } from './contract.view';
import { LabContract } from './lab-contract.entity';

const DAY_MS = 86_400_000;
const dayBefore = (date: string): string =>
  new Date(Date.parse(`${date}T00:00:00Z`) - DAY_MS).toISOString().slice(0, 10);

/** The latest version of each contract of the given labs (a contract's history is its older versions). */
export async function currentContracts(
  manager: EntityManager,
  labIds: readonly string[],
): Promise<LabContract[]> {
  if (labIds.length === 0) return [];
  const rows = await manager
    .createQueryBuilder(LabContract, 'c')
    .distinctOn(['c.id'])
    .where('c.lab_id in (:...labIds)', { labIds })
    .orderBy('c.id')
    .addOrderBy('c.version', 'DESC')
    .getMany();
  return rows.sort((a, b) => a.validFrom.localeCompare(b.validFrom) || a.id.localeCompare(b.id));
}

/** The lab, locked so that two changes to its contracts are checked one after the other. */
export async function lockLab(manager: EntityManager, labId: string): Promise<Lab> {
  const lab = await manager.findOne(Lab, { where: { id: labId }, lock: { mode: 'pessimistic_write' } });
  if (!lab) throw notFound('lab', labId);
  return lab;
}

/** Rules beyond field shapes: term in order, categories once each and accredited, no overlap. */
function contractProblems(
  next: LabContract,
  lab: Pick<Lab, 'scopes'>,
  others: readonly LabContract[],
): FieldError[] {
  const problems: FieldError[] = [];
  if (next.validTo < next.validFrom)
    problems.push({
      field: 'validTo',
      reasons: [`validTo ${next.validTo} is before validFrom ${next.validFrom}`],
    });
  if (next.endedOn !== null && (next.endedOn > next.validTo || next.endedOn < dayBefore(next.validFrom)))
    problems.push({
      field: 'endedOn',
      reasons: [`endedOn must be within the term ${next.validFrom} to ${next.validTo}`],
    });
  const seen = new Set<string>();
  next.categories.forEach((k, i) => {
    if (seen.has(k.category))
      problems.push({
        field: `categories[${i}].category`,
        reasons: [`category ${k.category} is listed twice`],
      });
    seen.add(k.category);
    if (!lab.scopes.some((s) => s.category === k.category))
      problems.push({
        field: `categories[${i}].category`,
        reasons: [`category ${k.category} is outside the lab's accreditation scope`],
      });
  });
  const last = lastDayInForce(next);
  for (const other of others) {
    if (other.id === next.id || next.validFrom > last) continue;
    if (other.validFrom <= last && next.validFrom <= lastDayInForce(other))
      problems.push({
        field: 'validFrom',
        reasons: [
          `the term overlaps contract ${other.contractNumber} (${other.validFrom} to ${lastDayInForce(other)}): one contract is in force at a time`,
        ],
      });
  }
  return problems;
}

/** Checks a new version against the lab and its other contracts, stores it and audits it. */
export async function storeVersion(
  manager: EntityManager,
  audit: AuditService,
  next: LabContract,
  actor: AuditActor,
  fieldPrefix = '',
): Promise<ContractView> {
  const lab = await lockLab(manager, next.labId);
  const others = await currentContracts(manager, [lab.id]);
  const problems = contractProblems(next, lab, others);
  if (problems.length > 0)
    throw new UnprocessableError(ErrorCode.unprocessable, 'entrustment contract rejected', {
      errors: problems.map((p) => ({ ...p, field: `${fieldPrefix}${p.field}` })),
    });
  await manager.insert(LabContract, next);
  await audit.record(
    actor,
    {
      action: `lab.contract.${next.change === 'recorded' ? 'record' : next.change === 'amended' ? 'amend' : 'end'}`,
      entityType: 'lab',
      entityId: next.labId,
      detail: {
        contractId: next.id,
        contractNumber: next.contractNumber,
        version: next.version,
        validFrom: next.validFrom,
        validTo: next.validTo,
        endedOn: next.endedOn,
        turnaroundWorkingDays: next.turnaroundWorkingDays,
        categories: next.categories,
        reason: next.reason,
      },
    },
    manager,
  );
  return ContractView.of(next);
}
