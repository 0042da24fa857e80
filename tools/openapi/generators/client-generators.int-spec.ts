import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DOCS_DIR, SERVICES } from '../openapi-files';

jest.setTimeout(600_000);

const ROOT = path.resolve(__dirname, '../../..');
/** install.sh prints the python generator's command, then the Java generator's jar. */
const [pythonClient, generatorJar] = execFileSync('bash', [path.join(__dirname, 'install.sh')], {
  encoding: 'utf8',
  stdio: ['ignore', 'pipe', 'inherit'],
})
  .trim()
  .split('\n');

interface Operation {
  method: string;
  path: string;
  operationId: string;
}

function operationsOf(service: string): Operation[] {
  const doc = JSON.parse(readFileSync(path.join(ROOT, DOCS_DIR, `${service}.json`), 'utf8')) as {
    paths: Record<string, Record<string, { operationId?: string }>>;
  };
  return Object.entries(doc.paths).flatMap(([p, ops]) =>
    Object.entries(ops).map(([method, op]) => ({ method, path: p, operationId: op.operationId ?? '' })),
  );
}

const files = (dir: string, suffix: string): string[] =>
  readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith(suffix))
    .map((f) => path.join(dir, f));

const snake = (id: string): string => id.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase();

/**
 * An integrator generates a client from our documents in their own ecosystem: every operation of
 * every service must come out, under the method name its operationId gives, without one warning —
 * in openapi-python-client (PyPI) and openapi-generator's Java client (Maven Central).
 */
describe.each(SERVICES)('%s: clients of other ecosystems', (service) => {
  const operations = operationsOf(service);
  const spec = path.join(ROOT, DOCS_DIR, `${service}.json`);
  let out: string;

  beforeEach(() => {
    out = mkdtempSync(path.join(tmpdir(), `qis-gen-${service}-`));
  });
  afterEach(() => rmSync(out, { recursive: true, force: true }));

  it('openapi-python-client generates every operation, named by its operationId, with no warning', () => {
    const run = spawnSync(
      pythonClient,
      [
        'generate',
        '--path',
        spec,
        '--output-path',
        path.join(out, 'client'),
        '--meta',
        'none',
        '--config',
        path.join(__dirname, 'openapi-python-client.yaml'),
      ],
      // ruff (the generator's formatter) sits beside it in the virtual environment.
      {
        encoding: 'utf8',
        env: { ...process.env, PATH: `${path.dirname(pythonClient)}:${process.env['PATH']}` },
      },
    );
    const output = `${run.stdout}${run.stderr}`;
    expect({ status: run.status, warnings: output.split('\n').filter((l) => /warning/i.test(l)) }).toEqual({
      status: 0,
      warnings: [],
    });
    const modules = files(path.join(out, 'client', 'api'), '.py')
      .map((f) => path.basename(f, '.py'))
      .filter((name) => name !== '__init__');
    expect(modules.sort()).toEqual(operations.map((o) => snake(o.operationId)).sort());
  });

  it("openapi-generator's Java client generates every operation, named by its operationId, with no warning", () => {
    const run = spawnSync('java', ['-jar', generatorJar, 'generate', '-i', spec, '-g', 'java', '-o', out], {
      encoding: 'utf8',
    });
    const output = `${run.stdout}${run.stderr}`;
    expect({ status: run.status, warnings: output.split('\n').filter((l) => /\bWARN\b/.test(l)) }).toEqual({
      status: 0,
      warnings: [],
    });
    const sources = files(path.join(out, 'src', 'main', 'java'), 'Api.java')
      .map((f) => readFileSync(f, 'utf8'))
      .join('\n');
    const missing = operations.filter(
      (o) => !new RegExp(`public [^(=;]*\\b${o.operationId}\\(`).test(sources),
    );
    expect(missing).toEqual([]);
  });
});
