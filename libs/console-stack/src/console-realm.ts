import { readFileSync } from 'node:fs';
import path from 'node:path';

export const CONSOLE_CLIENT_ID = 'qis-console';

/** deploy/keycloak/qis-realm.json, relative to the workspace root. */
const realmFile = (root: string): string => path.join(root, 'deploy/keycloak/qis-realm.json');

/**
 * The realm file as a representation to create: `${CONSOLE_ORIGIN}` becomes where the console is
 * served, and the realm may be renamed (each browser test file gets a realm of its own).
 */
export function consoleRealm(
  root: string,
  options: { realm?: string; consoleOrigin: string },
): Record<string, unknown> {
  const text = readFileSync(realmFile(root), 'utf8').replaceAll('${CONSOLE_ORIGIN}', options.consoleOrigin);
  const realm = JSON.parse(text) as Record<string, unknown>;
  if (options.realm) realm['realm'] = options.realm;
  return realm;
}
