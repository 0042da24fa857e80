import type { EntityManager } from 'typeorm';
import { unprocessable } from '@qis/domain';
import type { PartDeclaration } from './declare-parts.command';
import type { EvidenceObject } from './evidence-object.entity';
import { partCountOf, partSizeOf, type DeclaredPart } from './upload-urls';

/** The parts declared for an upload, by number (all of them, or the ones named). */
export async function declaredParts(
  manager: EntityManager,
  objectId: string,
  numbers?: number[],
): Promise<DeclaredPart[]> {
  const rows = (await manager.query(
    `select part_number, size, sha256 from upload_part
      where object_id = $1 and ($2::int[] is null or part_number = any($2::int[]))
      order by part_number`,
    [objectId, numbers ?? null],
  )) as Array<{ part_number: number; size: string; sha256: string }>;
  return rows.map((r) => ({ partNumber: r.part_number, size: Number(r.size), sha256: r.sha256 }));
}

/**
 * Checks declarations against the upload (a part number it has, that part's exact size, each part
 * once) and against what was declared before (a part's SHA-256 never changes): 422 naming the
 * field otherwise.
 */
export function checkDeclarations(
  object: Pick<EvidenceObject, 'declaredSize' | 'partSize'>,
  parts: PartDeclaration[],
  before: DeclaredPart[] = [],
): void {
  if (object.partSize === null) {
    if (parts.length > 0)
      throw unprocessable(
        'parts',
        `a file of ${object.declaredSize} bytes is one PUT to the ticket's url: it has no parts to declare`,
      );
    return;
  }
  const count = partCountOf(object);
  const seen = new Set<number>();
  parts.forEach((part, i) => {
    const n = part.partNumber;
    if (n > count)
      throw unprocessable(`parts[${i}].partNumber`, `the upload has parts 1 to ${count}, not ${n}`);
    if (seen.has(n)) throw unprocessable(`parts[${i}].partNumber`, `part ${n} is declared twice`);
    seen.add(n);
    const size = partSizeOf(object, n);
    if (part.size !== size)
      throw unprocessable(`parts[${i}].size`, `part ${n} has ${size} bytes, not ${part.size}`);
    const earlier = before.find((p) => p.partNumber === n);
    if (earlier && earlier.sha256 !== part.sha256)
      throw unprocessable(
        `parts[${i}].sha256`,
        `part ${n} was declared with SHA-256 ${earlier.sha256}: a declared part's bytes do not change (announce the file again)`,
      );
  });
}

/** Records declarations already checked ({@link checkDeclarations}); a part declared again is kept. */
export async function recordDeclarations(
  manager: EntityManager,
  objectId: string,
  parts: PartDeclaration[],
): Promise<void> {
  if (parts.length > 0)
    await manager.query(
      `insert into upload_part (object_id, part_number, size, sha256)
       select $1, * from unnest($2::int[], $3::bigint[], $4::text[])
       on conflict (object_id, part_number) do nothing`,
      [objectId, parts.map((p) => p.partNumber), parts.map((p) => p.size), parts.map((p) => p.sha256)],
    );
  await manager.query('update evidence_object set parts_declared = true where id = $1', [objectId]);
}
