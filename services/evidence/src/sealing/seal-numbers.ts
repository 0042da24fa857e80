import { conflict, ErrorCode } from '@qis/domain';
import { type EntityManager, In, QueryFailedError } from 'typeorm';
import { Sealing } from './sealing.entity';

/**
 * A seal number is printed on one strip (封样条) only: the test or the backup seal of one sample.
 * The sealing table's unique keys hold it; these say it as a 409 that names the field and the
 * sample that carries the number, before anything is rendered or stored.
 */
export async function refuseSealNumbersInUse(
  manager: EntityManager,
  fields: ReadonlyArray<readonly [field: string, sealNumber: string]>,
): Promise<void> {
  const numbers = fields.map(([, n]) => n);
  const holders = await manager.find(Sealing, {
    select: { sampleCode: true, testSealNumber: true, backupSealNumber: true },
    where: [{ testSealNumber: In(numbers) }, { backupSealNumber: In(numbers) }],
  });
  for (const [field, sealNumber] of fields) {
    const holder = holders.find((s) => s.testSealNumber === sealNumber || s.backupSealNumber === sealNumber);
    if (holder) throw sealNumberInUse(field, sealNumber, holder.sampleCode);
  }
}

const sealNumberInUse = (field: string, sealNumber: string, sampleCode: string) =>
  conflict(`${field}: seal number ${sealNumber} is on sample ${sampleCode} already`, ErrorCode.conflict, {
    errors: [{ field, reasons: [`seal number ${sealNumber} is on sample ${sampleCode} already`] }],
  });

/**
 * A unique key of the sealing table broken by a concurrent request between the check above and
 * the write: the same 409, without the other sample's code (read in a transaction now aborted).
 */
export function sealingConflict(error: unknown): unknown {
  const driver = error instanceof QueryFailedError ? (error.driverError as { code?: string }) : undefined;
  if (driver?.code !== '23505') return error;
  return conflict('a concurrent sealing took this batch or one of these seal numbers; read the sample again');
}
