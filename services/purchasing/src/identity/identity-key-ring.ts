/** One AES-256 key of the identity key ring, named by its key id (stored in every envelope). */
export interface IdentityKey {
  kid: string;
  key: Buffer;
}

const KID = /^[A-Za-z0-9_-]{1,32}$/;
const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

/**
 * Parses `kid1:<base64 32 bytes>,kid2:…`. Returns the problems instead of throwing, and never
 * repeats key material in them (they end up in boot errors and logs).
 */
export function parseIdentityKeyRing(text: string): { keys: IdentityKey[]; problems: string[] } {
  const keys: IdentityKey[] = [];
  const problems: string[] = [];
  text
    .split(',')
    .map((part) => part.trim())
    .forEach((part, index) => {
      const colon = part.indexOf(':');
      const kid = colon > 0 ? part.slice(0, colon) : '';
      const material = colon > 0 ? part.slice(colon + 1) : '';
      if (!KID.test(kid)) {
        problems.push(`entry ${index + 1}: key id must be 1-32 letters, digits, '-' or '_' before ':'`);
        return;
      }
      const key = BASE64.test(material) ? Buffer.from(material, 'base64') : Buffer.alloc(0);
      if (key.length !== 32) {
        problems.push(`key ${kid}: must be 32 bytes in base64`);
        return;
      }
      if (keys.some((k) => k.kid === kid)) {
        problems.push(`key ${kid}: given twice`);
        return;
      }
      keys.push({ kid, key });
    });
  return { keys, problems };
}
