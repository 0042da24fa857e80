import { spawn, type ChildProcess } from 'node:child_process';
import { userInfo } from 'node:os';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { SERVICES, type ServiceName } from '@qis/contracts';

/** The services the console reaches under /api/<service>/: every stage service. */
export const CONSOLE_SERVICES = SERVICES;
export type ConsoleService = ServiceName;

export interface ConsoleProxySettings {
  /** Workspace root (templates in deploy/nginx). */
  root: string;
  /** Folder for the rendered configuration, pid, logs and temp files. */
  prefix: string;
  port: number;
  /** The built console (dist/apps/console). */
  staticRoot: string;
  upstreams: Record<ConsoleService, string>;
  keycloakUrl: string;
  realm: string;
  clientId: string;
  /**
   * The object store the evidence service presigns uploads for (default: MINIO_ENDPOINT). The
   * console PUTs to it under /object-store/ on its own origin: its CSP allows no other.
   */
  objectStoreUrl?: string;
  /** The public results page the console links its previews to (default: the disclosure service). */
  publicSiteUrl?: string;
}

const fill = (template: string, values: Record<string, string>): string =>
  template.replace(/\$\{([A-Z_]+)\}/g, (whole, name: string) => values[name] ?? whole);

/**
 * Presigned PUTs to the object store through the console's origin. The signature covers the
 * path and the host: the path is kept (the prefix is cut) and the store's own host is sent.
 */
const objectStoreLocation = (url: string): string => {
  const store = new URL(url);
  return [
    '    location /object-store/ {',
    '      client_max_body_size 0;',
    '      proxy_request_buffering off;',
    '      proxy_http_version 1.1;',
    `      proxy_set_header Host ${store.host};`,
    `      proxy_pass ${store.origin}/;`,
    '    }',
  ].join('\n');
};

/** deploy/nginx/console.conf.template with this stack's values. */
export function renderConsoleProxy(settings: ConsoleProxySettings): string {
  const dir = path.join(settings.root, 'deploy/nginx');
  const location = readFileSync(path.join(dir, 'service-location.conf.template'), 'utf8');
  const locations = CONSOLE_SERVICES.map((service) =>
    fill(location, { SERVICE: service, UPSTREAM: settings.upstreams[service].replace(/\/$/, '') }),
  ).join('\n');
  const objectStore = settings.objectStoreUrl ?? process.env['MINIO_ENDPOINT'];
  const config = JSON.stringify({
    keycloakUrl: settings.keycloakUrl,
    realm: settings.realm,
    clientId: settings.clientId,
    publicSiteUrl: settings.publicSiteUrl ?? settings.upstreams.disclosure,
  });
  return fill(readFileSync(path.join(dir, 'console.conf.template'), 'utf8'), {
    // Started as root, nginx would hand its workers to `nobody`, who may not read the checkout (a
    // fresh clone under a mode-700 temporary folder): they run as the user who runs the stack.
    USER_DIRECTIVE: process.getuid?.() === 0 ? `user ${userInfo().username};` : '',
    PREFIX: settings.prefix,
    MIME_TYPES: '/etc/nginx/mime.types',
    LISTEN: `127.0.0.1:${settings.port}`,
    ROOT: settings.staticRoot,
    KEYCLOAK_ORIGIN: new URL(settings.keycloakUrl).origin,
    CONFIG_JSON: config,
    SERVICE_LOCATIONS: objectStore ? `${locations}\n${objectStoreLocation(objectStore)}` : locations,
  });
}

/** Writes the configuration and its folders; returns the configuration file. */
export function writeConsoleProxy(settings: ConsoleProxySettings): string {
  for (const d of ['body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'])
    mkdirSync(path.join(settings.prefix, 'tmp', d), { recursive: true });
  const file = path.join(settings.prefix, 'nginx.conf');
  writeFileSync(file, renderConsoleProxy(settings));
  return file;
}

/** nginx in the foreground as a child process (tests): stop() ends it. */
export async function runConsoleProxy(
  settings: ConsoleProxySettings,
): Promise<{ url: string; child: ChildProcess; stop(): Promise<void> }> {
  const file = writeConsoleProxy(settings);
  const child = spawn(
    'nginx',
    ['-e', path.join(settings.prefix, 'error.log'), '-c', file, '-g', 'daemon off;'],
    {
      stdio: ['ignore', 'ignore', 'pipe'],
    },
  );
  let errors = '';
  child.stderr?.on('data', (c: Buffer) => (errors += c.toString()));
  const url = `http://127.0.0.1:${settings.port}`;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const deadline = Date.now() + 10_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`nginx exited (${child.exitCode}): ${errors.trim()}`);
    const ok = await fetch(`${url}/config.json`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) break;
    if (Date.now() > deadline) throw new Error(`nginx did not answer on ${url}: ${errors.trim()}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url,
    child,
    stop: async () => {
      if (child.exitCode === null) child.kill('SIGQUIT');
      await exited;
    },
  };
}
