/** Carrier and tracking number as compared: spaces and dashes dropped, letters upper-cased. */
export function parcelMatchKey(carrier: string, trackingNumber: string): string {
  const norm = (s: string) => s.normalize('NFKC').replace(/[\s-]/g, '').toUpperCase();
  return `${norm(carrier)}|${norm(trackingNumber)}`;
}
