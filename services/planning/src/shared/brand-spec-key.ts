/**
 * The same brand + spec/model, however it is typed: NFKC folds full-width to half-width, then
 * case, spaces and punctuation are dropped. Null when either part is missing (the twice-a-year
 * rule cannot identify the product then).
 */
export function normaliseProductText(text: string): string {
  let normal = recent.get(text);
  if (normal === undefined) {
    normal = text
      .normalize('NFKC')
      .toLowerCase()
      .replace(/[^\p{L}\p{N}]+/gu, '');
    // Brands and models repeat across a million-row import: remember the recent ones, boundedly.
    if (recent.size >= RECENT) recent.clear();
    recent.set(text, normal);
  }
  return normal;
}

const RECENT = 10_000;
const recent = new Map<string, string>();

export function brandSpecKey(brand?: string | null, specModel?: string | null): string | null {
  const b = brand ? normaliseProductText(brand) : '';
  const s = specModel ? normaliseProductText(specModel) : '';
  return b && s ? `${b}|${s}` : null;
}
