import Keycloak from 'keycloak-js';

/** Where the console signs in; served by nginx at /config.json so one build runs against any realm. */
export interface ConsoleConfig {
  keycloakUrl: string;
  realm: string;
  clientId: string;
  /** The public results page (disclosure's web page), for previews; absent where it is not reachable. */
  publicSiteUrl?: string;
}

export const STAFF_ROLES = [
  'planner',
  'approver',
  'buyer',
  'purchasing-admin',
  'intake-officer',
  'lab',
  'enforcement-officer',
  'platform',
  'disclosure-officer',
  'auditor',
  'admin',
] as const;
export type Role = (typeof STAFF_ROLES)[number];

export interface Session {
  subject: string;
  username: string;
  displayName: string;
  roles: Role[];
  labId?: string;
  platformId?: string;
  jurisdiction?: string;
}

let keycloak: Keycloak | undefined;
let publicSite: string | undefined;

/** The public results page's origin, when the console's config names it. */
export const publicSiteUrl = (): string | undefined => publicSite;

async function loadConfig(): Promise<ConsoleConfig> {
  const res = await fetch('/config.json', { cache: 'no-store' });
  if (!res.ok) throw new Error(`/config.json answered ${res.status}`);
  return (await res.json()) as ConsoleConfig;
}

/** Signs in (authorization code + PKCE, Keycloak's own page) before anything renders. */
export async function signIn(): Promise<Session> {
  const config = await loadConfig();
  publicSite = config.publicSiteUrl?.replace(/\/$/, '');
  keycloak = new Keycloak({ url: config.keycloakUrl, realm: config.realm, clientId: config.clientId });
  await keycloak.init({
    onLoad: 'login-required',
    pkceMethod: 'S256',
    checkLoginIframe: false,
    responseMode: 'query',
    locale: localStorage.getItem('qis.console.language') ?? 'zh-CN',
  });
  // Refresh ahead of expiry while the tab is open; a failed refresh ends the session.
  window.setInterval(() => {
    keycloak?.updateToken(60).catch(() => keycloak?.login());
  }, 30_000);
  return sessionOf(keycloak);
}

function sessionOf(kc: Keycloak): Session {
  const token = (kc.tokenParsed ?? {}) as Record<string, unknown>;
  const realm = token['realm_access'] as { roles?: unknown } | undefined;
  const claimed = [
    ...(Array.isArray(token['roles']) ? token['roles'] : []),
    ...(Array.isArray(realm?.roles) ? realm.roles : []),
  ].filter((r): r is Role => (STAFF_ROLES as readonly string[]).includes(String(r)));
  const str = (name: string) => (typeof token[name] === 'string' ? (token[name] as string) : undefined);
  const username = str('preferred_username') ?? str('sub') ?? '';
  return {
    subject: str('sub') ?? '',
    username,
    // Chinese names read family name first (周敏), not as Keycloak joins them (敏 周).
    displayName: displayNameOf(str('family_name'), str('given_name')) ?? str('name') ?? username,
    roles: [...new Set(claimed)],
    labId: str('labId'),
    platformId: str('platformId'),
    jurisdiction: str('jurisdiction'),
  };
}

const CJK = /[\u3400-\u9fff]/;
function displayNameOf(family?: string, given?: string): string | undefined {
  if (!family && !given) return undefined;
  if (CJK.test(`${family ?? ''}${given ?? ''}`)) return `${family ?? ''}${given ?? ''}`;
  return [given, family].filter(Boolean).join(' ');
}

/** A fresh access token (refreshed when it expires within 30 s). */
export async function accessToken(): Promise<string> {
  if (!keycloak) throw new Error('not signed in');
  await keycloak.updateToken(30).catch(() => keycloak?.login());
  return keycloak.token ?? '';
}

export function signOut(): void {
  void keycloak?.logout({ redirectUri: `${window.location.origin}/` });
}
