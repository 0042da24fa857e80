/**
 * The same brand + spec/model, however it is typed: NFKC folds full-width to half-width, then
 * case, spaces and punctuation are dropped. Null when either part is missing (the twice-a-year
 * rule cannot identify the product then).
 */
export function normaliseProductText(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '');
}

export function brandSpecKey(brand?: string | null, specModel?: string | null): string | null {
  const b = brand ? normaliseProductText(brand) : '';
  const s = specModel ? normaliseProductText(specModel) : '';
  return b && s ? `${b}|${s}` : null;
}
