/** Where `npm run openapi` writes, and how, shared with the test that compares with the servers. */
export const SERVICES = [
  'planning',
  'purchasing',
  'evidence',
  'lab-gateway',
  'enforcement',
  'disclosure',
] as const;
export const DOCS_DIR = 'docs/openapi';
export const TYPES_DIR = 'apps/console/src/api/generated';
/** The lab client (@qis/lab-client) is typed from lab-gateway's document too. */
export const LAB_CLIENT_SOURCE = 'lab-gateway';
export const LAB_CLIENT_TYPES = 'libs/lab-client/src/lab-gateway.ts';

/** Object keys in code-point order at every depth, so a file changes only when the API does. */
export function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(
    Object.keys(value)
      .sort()
      .map((key) => [key, sortKeys((value as Record<string, unknown>)[key])]),
  );
}
