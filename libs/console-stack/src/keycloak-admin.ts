/**
 * The few Keycloak admin REST calls the console's realm needs (create a realm from the realm file,
 * declare the scope attributes in the user profile, upsert users with roles and a password,
 * delete a test realm). Written here rather than taking @keycloak/keycloak-admin-client: that
 * package is ESM-only and pulls a large dependency tree into tools and jest, which run as CommonJS.
 */
export interface KeycloakAdminSettings {
  url: string;
  username: string;
  password: string;
}

export interface RealmUser {
  username: string;
  firstName: string;
  lastName: string;
  roles: string[];
  attributes?: Partial<Record<'labId' | 'platformId' | 'jurisdiction', string>>;
  password: string;
}

type Json = Record<string, unknown>;

class KeycloakAdminError extends Error {
  constructor(
    readonly step: string,
    readonly status: number,
    detail: string,
  ) {
    super(`Keycloak admin: ${step} answered ${status}${detail ? `: ${detail}` : ''}`);
    this.name = 'KeycloakAdminError';
  }
}

/** The attributes that become the services' scope claims; only admins may set or read them. */
const SCOPE_ATTRIBUTES: Array<{ name: string; displayName: string; pattern?: string }> = [
  { name: 'labId', displayName: '承检机构编号', pattern: '^[A-Za-z0-9._:-]{1,64}$' },
  { name: 'platformId', displayName: '平台编号', pattern: '^[A-Za-z0-9._:-]{1,64}$' },
  { name: 'jurisdiction', displayName: '管辖区划代码', pattern: '^[1-9][0-9]{5}$' },
];

export class KeycloakAdmin {
  private token?: { value: string; until: number };

  constructor(private readonly settings: KeycloakAdminSettings) {}

  async realmExists(realm: string): Promise<boolean> {
    const res = await this.call('GET', `/admin/realms/${realm}`, undefined, 'read realm', [404]);
    return res.status === 200;
  }

  /**
   * Creates a realm from a realm file. Keycloak makes its built-in client scopes (basic: `sub`;
   * profile; roles; …) only for a realm created without `clientScopes`, so the file's own scopes
   * and clients are added after it, and each client's default scopes attached by name.
   */
  async createRealm(representation: Json): Promise<void> {
    const realm = String(representation['realm']);
    const {
      clientScopes = [],
      clients = [],
      ...settings
    } = representation as Json & {
      clientScopes?: Json[];
      clients?: Json[];
    };
    await this.call('POST', '/admin/realms', settings, `create realm ${realm}`);
    for (const scope of clientScopes) {
      await this.call(
        'POST',
        `/admin/realms/${realm}/client-scopes`,
        scope,
        `create client scope ${String(scope['name'])}`,
      );
    }
    for (const client of clients) await this.addClient(realm, client);
  }

  async deleteRealm(realm: string): Promise<void> {
    await this.call('DELETE', `/admin/realms/${realm}`, undefined, `delete realm ${realm}`, [404]);
  }

  /** Creates a client and attaches its default and optional client scopes, named in the representation. */
  async addClient(realm: string, client: Json): Promise<void> {
    const clientId = String(client['clientId']);
    await this.call('POST', `/admin/realms/${realm}/clients`, client, `create client ${clientId}`);
    const scopes = (await this.json('GET', `/admin/realms/${realm}/client-scopes`)) as Json[];
    const [created] = (await this.json(
      'GET',
      `/admin/realms/${realm}/clients?clientId=${clientId}`,
    )) as Json[];
    for (const [kind, names] of [
      ['default-client-scopes', client['defaultClientScopes']],
      ['optional-client-scopes', client['optionalClientScopes']],
    ] as const) {
      for (const name of (names as string[] | undefined) ?? []) {
        const scope = scopes.find((s) => s['name'] === name);
        if (!scope)
          throw new KeycloakAdminError(
            `attach client scope ${name} to ${clientId}`,
            404,
            'no such client scope',
          );
        await this.call(
          'PUT',
          `/admin/realms/${realm}/clients/${String(created['id'])}/${kind}/${String(scope['id'])}`,
        );
      }
    }
  }

  /** Sets the console client's redirect and web origins (they depend on where nginx listens). */
  async setConsoleOrigins(realm: string, clientId: string, origins: string[]): Promise<void> {
    const [client] = (await this.json(
      'GET',
      `/admin/realms/${realm}/clients?clientId=${clientId}`,
    )) as Json[];
    if (!client) throw new KeycloakAdminError(`find client ${clientId}`, 404, 'no such client');
    const patterns = origins.map((o) => `${o}/*`);
    await this.call('PUT', `/admin/realms/${realm}/clients/${String(client['id'])}`, {
      ...client,
      redirectUris: patterns,
      webOrigins: origins,
      attributes: { ...(client['attributes'] as Json), 'post.logout.redirect.uris': patterns.join('##') },
    });
  }

  /**
   * Keycloak 26 refuses attributes its user profile does not declare: declare the scope attributes,
   * editable and visible by admins only (a user must not set their own jurisdiction).
   */
  async declareScopeAttributes(realm: string): Promise<void> {
    const profile = (await this.json('GET', `/admin/realms/${realm}/users/profile`)) as {
      attributes: Array<{ name: string }>;
    } & Json;
    const others = profile.attributes.filter((a) => !SCOPE_ATTRIBUTES.some((s) => s.name === a.name));
    const scoped = SCOPE_ATTRIBUTES.map((a) => ({
      name: a.name,
      displayName: a.displayName,
      permissions: { view: ['admin'], edit: ['admin'] },
      multivalued: false,
      ...(a.pattern
        ? { validations: { pattern: { pattern: a.pattern, 'error-message': `${a.name} is malformed` } } }
        : {}),
    }));
    await this.call('PUT', `/admin/realms/${realm}/users/profile`, {
      ...profile,
      attributes: [...others, ...scoped],
    });
  }

  /** Creates the user or brings it in line: names, attributes, exactly these realm roles, the password. */
  async upsertUser(realm: string, user: RealmUser): Promise<string> {
    const base = `/admin/realms/${realm}/users`;
    const representation = {
      username: user.username,
      firstName: user.firstName,
      lastName: user.lastName,
      // The default user profile requires an e-mail; these addresses are never written to.
      email: `${user.username}@users.qis.invalid`,
      emailVerified: true,
      enabled: true,
      attributes: Object.fromEntries(Object.entries(user.attributes ?? {}).map(([k, v]) => [k, [v]])),
    };
    let [found] = (await this.json(
      'GET',
      `${base}?exact=true&username=${encodeURIComponent(user.username)}`,
    )) as Json[];
    if (found) {
      await this.call(
        'PUT',
        `${base}/${String(found['id'])}`,
        representation,
        `update user ${user.username}`,
      );
    } else {
      await this.call('POST', base, representation, `create user ${user.username}`);
      [found] = (await this.json(
        'GET',
        `${base}?exact=true&username=${encodeURIComponent(user.username)}`,
      )) as Json[];
    }
    const id = String(found['id']);
    await this.call(
      'PUT',
      `${base}/${id}/reset-password`,
      { type: 'password', value: user.password, temporary: false },
      `set the password of ${user.username}`,
    );
    const wanted = await Promise.all(
      user.roles.map((r) => this.json('GET', `/admin/realms/${realm}/roles/${encodeURIComponent(r)}`)),
    );
    const current = (await this.json('GET', `${base}/${id}/role-mappings/realm`)) as Json[];
    const stale = current.filter(
      (r) => !user.roles.includes(String(r['name'])) && !String(r['name']).startsWith('default-roles-'),
    );
    if (stale.length > 0) await this.call('DELETE', `${base}/${id}/role-mappings/realm`, stale);
    if (wanted.length > 0) await this.call('POST', `${base}/${id}/role-mappings/realm`, wanted);
    return id;
  }

  private async json(method: string, path: string): Promise<unknown> {
    const res = await this.call(method, path, undefined, `${method} ${path.split('?')[0]}`);
    return res.json();
  }

  private async call(
    method: string,
    path: string,
    body?: unknown,
    step = `${method} ${path.split('?')[0]}`,
    accept: number[] = [],
  ): Promise<Response> {
    const res = await fetch(`${this.settings.url}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${await this.accessToken()}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!res.ok && !accept.includes(res.status)) {
      throw new KeycloakAdminError(step, res.status, (await res.text()).slice(0, 300));
    }
    return res;
  }

  private async accessToken(): Promise<string> {
    if (this.token && this.token.until > Date.now()) return this.token.value;
    const res = await fetch(`${this.settings.url}/realms/master/protocol/openid-connect/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'password',
        client_id: 'admin-cli',
        username: this.settings.username,
        password: this.settings.password,
      }),
    });
    // Never the password in the error: only the provider's error code.
    if (!res.ok) throw new KeycloakAdminError('sign in as the admin', res.status, await errorCode(res));
    const body = (await res.json()) as { access_token: string; expires_in: number };
    this.token = { value: body.access_token, until: Date.now() + (body.expires_in - 10) * 1000 };
    return body.access_token;
  }
}

async function errorCode(res: Response): Promise<string> {
  try {
    return String(((await res.json()) as Json)['error'] ?? '');
  } catch {
    return '';
  }
}
