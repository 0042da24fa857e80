import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { freePort } from './free-port';
import { localInfraEnv, repoRoot } from './infra-env';

const run = promisify(execFile);

export type ServerName = 'postgres' | 'kafka' | 'minio';

/**
 * A private set of real servers on their own ports and data folder, started with the project's
 * infra script: for tests that stop and restart servers without disturbing the shared ones.
 */
export class PrivateInfra {
  private constructor(
    readonly dir: string,
    private readonly scriptEnv: Record<string, string>,
    readonly env: Record<string, string>,
  ) {}

  static async create(): Promise<PrivateInfra> {
    const dir = mkdtempSync(path.join(tmpdir(), 'qis-infra-'));
    const scriptEnv = {
      QIS_INFRA_DIR: dir,
      QIS_PG_PORT: String(await freePort()),
      QIS_KAFKA_PORT: String(await freePort()),
      QIS_KAFKA_CONTROLLER_PORT: String(await freePort()),
      QIS_KAFKA_SASL_PORT: String(await freePort()),
      QIS_KAFKA_INTERNAL_PORT: String(await freePort()),
      QIS_MINIO_PORT: String(await freePort()),
      QIS_MINIO_CONSOLE_PORT: String(await freePort()),
    };
    return new PrivateInfra(dir, scriptEnv, localInfraEnv(scriptEnv));
  }

  private async script(...args: string[]): Promise<void> {
    await run('bash', [path.join(repoRoot(), 'deploy/local/infra.sh'), ...args], {
      env: { ...process.env, ...this.scriptEnv },
      timeout: 240_000,
    });
  }

  /** Starts a server; a new broker gets the backbone's principals and topics (infra.sh principals). */
  async start(server: ServerName): Promise<void> {
    await this.script('up', server);
    if (server === 'kafka') await this.script('principals');
  }

  stop(server: ServerName): Promise<void> {
    return this.script('down', server);
  }

  async destroy(): Promise<void> {
    await this.script('reset');
    rmSync(this.dir, { recursive: true, force: true });
  }
}
