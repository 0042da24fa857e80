import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { repoRoot } from './infra-env';
import { TestIssuer } from './test-issuer';
import { servicePrincipalEnv } from './test-principals';

export interface ServiceProcess {
  name: string;
  url: string;
  child: ChildProcess;
  /** Everything the process wrote, stdout and stderr. */
  output(): string;
  /** Resolves with the exit code once the process is gone. */
  exited: Promise<number | null>;
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

export const serviceEntry = (name: string): string =>
  path.join(repoRoot(), 'dist/services', name, 'src/main.js');

/** The backbone fixture (libs/testing/src/fixtures/backbone) as built in dist/. */
export const fixtureEntry = (): string =>
  path.join(repoRoot(), 'dist/libs/testing/src/fixtures/backbone/main.js');

/**
 * A fresh purchasing identity key ring (`PURCHASING_IDENTITY_KEY`, `PURCHASING_ACTIVE_KEY_ID`) and
 * blind-index key (`PURCHASING_BLIND_INDEX_KEY`): the service refuses to boot without them, and
 * each test process gets its own random keys.
 */
export function identityKeyEnv(kids: string[] = ['k1'], active = kids[0]): Record<string, string> {
  return {
    PURCHASING_IDENTITY_KEY: kids.map((kid) => `${kid}:${randomBytes(32).toString('base64')}`).join(','),
    PURCHASING_ACTIVE_KEY_ID: active,
    PURCHASING_BLIND_INDEX_KEY: randomBytes(32).toString('base64'),
  };
}

/** What a service needs beyond the infrastructure env to boot in a test. */
const serviceTestDefaults = (name: string): Record<string, string> =>
  name === 'purchasing' ? identityKeyEnv() : {};

/**
 * Starts a built service as its own process (as the start command does), without waiting. It
 * trusts the test process's token issuer (`TestIssuer.shared()`) unless `env` says otherwise, and
 * gets what its config requires beyond the infrastructure (e.g. purchasing's identity key ring).
 * It logs in to Kafka as its own principal with the ACLs derived from the contracts (under the test
 * file's prefix, made the first time a file starts a service: servicePrincipalEnv), never as the
 * harness, unless `env` names a principal.
 */
export function spawnService(
  name: string,
  env: Record<string, string>,
  entry = serviceEntry(name),
): ServiceProcess {
  if (!existsSync(entry)) throw new Error(`${entry} is missing: build first (npm run build)`);
  const merged = { ...process.env, ...serviceTestDefaults(name), ...TestIssuer.shared().env, ...env };
  const child = spawn(
    process.execPath,
    ['-r', path.join(repoRoot(), 'tools/runtime/register-paths.js'), entry],
    {
      env: { ...merged, ...servicePrincipalEnv(name, merged, env) },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let out = '';
  child.stdout?.on('data', (chunk: Buffer) => (out += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (out += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return {
    name,
    url: `http://127.0.0.1:${env['HTTP_PORT']}`,
    child,
    output: () => out,
    exited,
    stop: async (signal: NodeJS.Signals = 'SIGTERM') => {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      return exited;
    },
  };
}

/** Waits until GET url answers 200, or fails with the process's output. */
export async function waitForReady(service: ServiceProcess, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (service.child.exitCode !== null)
      throw new Error(`${service.name} exited ${service.child.exitCode}:\n${service.output()}`);
    const ok = await fetch(`${service.url}/health/ready`).then(
      (r) => r.status === 200,
      () => false,
    );
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${service.name} not ready after ${timeoutMs} ms:\n${service.output().slice(-4000)}`);
}
