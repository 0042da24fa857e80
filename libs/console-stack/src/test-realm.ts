import type { KeycloakAdminSettings } from './keycloak-admin';

/** The local Keycloak and its bootstrap admin, from the environment the infra script gives tests. */
export function keycloakSettings(): KeycloakAdminSettings {
  const url = process.env['KEYCLOAK_URL'];
  const username = process.env['KEYCLOAK_ADMIN_USER'];
  const password = process.env['KEYCLOAK_ADMIN_PASSWORD'];
  if (!url || !username || !password)
    throw new Error(
      'KEYCLOAK_URL, KEYCLOAK_ADMIN_USER and KEYCLOAK_ADMIN_PASSWORD must be set (npm run infra -- up)',
    );
  return { url, username, password };
}
