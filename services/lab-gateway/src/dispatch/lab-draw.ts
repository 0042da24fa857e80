import { createHmac } from 'node:crypto';

/**
 * The random draw (随机送检), reproducible from its record: the candidates are sorted, and
 * HMAC-SHA256(seed, batch | candidates) picks one. Anyone holding the seed and the candidate list
 * can redo the draw and get the same lab.
 */
export function drawLab(seed: string, batchNumber: string, candidateLabIds: readonly string[]): string {
  if (candidateLabIds.length === 0) throw new Error('no candidate lab to draw from');
  const sorted = [...candidateLabIds].sort();
  const digest = createHmac('sha256', seed)
    .update(`${batchNumber}|${sorted.join(',')}`)
    .digest();
  // 48 bits keep the modulo bias below 1e-12 for any realistic number of labs.
  const index = digest.readUIntBE(0, 6) % sorted.length;
  return sorted[index];
}
