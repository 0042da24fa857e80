/** Claims the rules single out as risk signals (限时秒杀 / 爆款热销 / 超低价) and their close kin. */
const RISKY_CLAIMS = [
  '限时秒杀',
  '秒杀',
  '爆款',
  '热销',
  '超低价',
  '清仓',
  '亏本',
  '跳楼价',
  '特价',
] as const;

/** How many distinct risky claims a listing's claims (or title) contain. */
export function riskyClaimHits(texts: readonly string[]): number {
  const joined = texts.join(' ');
  let hits = 0;
  for (const claim of RISKY_CLAIMS) if (joined.includes(claim)) hits++;
  return hits;
}
