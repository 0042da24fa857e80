const norm = (s: string) => s.normalize('NFKC').replace(/[\s-]/g, '').toUpperCase();

/** Carrier and tracking number as compared: spaces and dashes dropped, letters upper-cased. */
export function parcelMatchKey(carrier: string, trackingNumber: string): string {
  return `${norm(carrier)}|${norm(trackingNumber)}`;
}

/** The tracking-number half of the match key (a scanner reads only the number). */
export const trackingMatchPart = (trackingNumber: string): string => norm(trackingNumber);
