import type { Client } from 'minio';

/**
 * Removes a test bucket: every version of every object (bypassing GOVERNANCE retention, which is
 * what test buckets use), then the bucket. Lists the first page again after each round of removals
 * instead of following the listing's markers: minio-js 8.0.7 sends `key-marker` unescaped in a
 * version listing, so from the second page on (keys hold '/') MinIO refuses the signature.
 */
export async function removeTestBucket(minio: Client, bucket: string): Promise<void> {
  const removed = new Set<string>();
  for (;;) {
    const page = await minio.listObjectsQuery(bucket, '', '', {
      Delimiter: '',
      MaxKeys: 1000,
      IncludeVersion: true,
    });
    const versions = (page.objects as Array<{ name?: string; versionId?: string | null }>).filter(
      (o): o is { name: string; versionId?: string | null } => typeof o.name === 'string',
    );
    if (versions.length === 0) break;
    for (const v of versions) {
      const id = `${v.name}@${v.versionId ?? 'null'}`;
      if (removed.has(id)) throw new Error(`${bucket}: ${id} is still listed after its removal`);
      removed.add(id);
    }
    // A few removals at a time: a pipeline run leaves tens of thousands of objects.
    for (let i = 0; i < versions.length; i += 16)
      await Promise.all(
        versions
          .slice(i, i + 16)
          .map((v) =>
            minio.removeObject(bucket, v.name, { versionId: v.versionId ?? 'null', governanceBypass: true }),
          ),
      );
  }
  await minio.removeBucket(bucket);
  // The evidence service stages uploads in `<bucket>-staging` (unlocked) next to its bucket.
  const staging = `${bucket.slice(0, 55)}-staging`;
  if (!bucket.endsWith('-staging') && (await minio.bucketExists(staging).catch(() => false)))
    await removeTestBucket(minio, staging);
}
