const CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/**
 * A valid unified social credit code (GB 32100) for tests: an enterprise (`91`) registered in
 * `areaCode`, with the organisation part `body` and the computed check character.
 */
export function uscc(areaCode: string, body = 'MA2CF0B1X'): string {
  const first17 = `91${areaCode}${body}`;
  const sum = [...first17].reduce((s, c, i) => s + CHARS.indexOf(c) * (WEIGHTS[i] as number), 0);
  return `${first17}${CHARS[(31 - (sum % 31)) % 31] as string}`;
}
