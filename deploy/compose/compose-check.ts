import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import Ajv from 'ajv';
import { parse as parseYaml } from 'yaml';

/** The Debian package that puts each CJK font file where libs/documents/src/cjk-font.ts looks. */
export const CJK_FONT_PACKAGES: Record<string, string> = {
  '/usr/share/fonts/truetype/wqy/wqy-microhei.ttc': 'fonts-wqy-microhei',
};

export interface ComposeCheckInput {
  /** The Compose file's text. */
  compose: string;
  /** Folder of the Compose file: build contexts and bind mounts are relative to it. */
  composeDir: string;
  /** deploy/.env.example's text. */
  envExample: string;
  /** The Compose Specification JSON schema. */
  schema: object;
  /**
   * Each service's config check: the problems `loadConfig` of the service named by `SERVICE` reports
   * for this environment (the built config class with the production guards of @qis/config).
   */
  configProblems(service: string, environment: Record<string, string>): string[];
  /** The six stage services, each of which must run. */
  services: readonly string[];
  /** The services that render documents and so need the CJK font in their image. */
  documentServices: readonly string[];
  /** CJK font file the document services read (DEFAULT_CJK_FONT_FILE). */
  cjkFontFile: string;
  /** The only Compose services that may publish ports: the console's origin and the public page. */
  published: readonly string[];
}

type Dict = Record<string, unknown>;
const isDict = (v: unknown): v is Dict => typeof v === 'object' && v !== null && !Array.isArray(v);

const VARIABLE = /\$\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-?+])([^}]*))?\}/g;

/** KEY=value lines of an env file (comments and blanks skipped). */
export function parseEnvFile(text: string): Map<string, string> {
  const vars = new Map<string, string>();
  for (const line of text.split('\n')) {
    const match = /^\s*([A-Za-z_][A-Za-z0-9_]*)=(.*)$/.exec(line);
    if (match) vars.set(match[1], match[2].trim());
  }
  return vars;
}

/** A value an operator would fill in for an empty template entry, in the shape the service expects. */
export const filledIn = (name: string): string => {
  if (/IDENTITY_KEY$/.test(name)) return `k1:${randomBytes(32).toString('base64')}`;
  if (/KEY_ID$/.test(name)) return 'k1';
  if (/BLIND_INDEX_KEY$/.test(name)) return randomBytes(32).toString('base64');
  if (/KMS_SECRET_KEY$/.test(name)) return `qis-key:${randomBytes(32).toString('base64')}`;
  if (/_URL$/.test(name)) return 'https://tsa.example.gov.cn/tsr';
  if (/_FILE$/.test(name)) return '/etc/qis/secrets/trust.pem';
  return randomBytes(24).toString('hex');
};

/** Stands for `$$` (a literal dollar) while interpolating. */
const ESCAPED = '\uE000';

/** Compose interpolation (`${VAR}`, `${VAR:-default}`, `${VAR-default}`, `${VAR:?err}`, `$$`). */
const interpolate = (text: string, vars: Map<string, string>): string =>
  text
    .split('$$')
    .join(ESCAPED)
    .replace(VARIABLE, (_whole, name: string, op: string | undefined, arg: string | undefined) => {
      const value = vars.get(name);
      if (op === ':-') return value ? value : (arg ?? '');
      if (op === '-') return value ?? arg ?? '';
      if (op === ':+') return value ? (arg ?? '') : '';
      if (op === '+') return value !== undefined ? (arg ?? '') : '';
      return value ?? '';
    })
    .split(ESCAPED)
    .join('$');

const environmentOf = (service: Dict): Record<string, string> => {
  const env = service['environment'];
  const out: Record<string, string> = {};
  if (Array.isArray(env))
    for (const entry of env) {
      const [key, ...rest] = String(entry).split('=');
      out[key] = rest.join('=');
    }
  else if (isDict(env))
    for (const [key, value] of Object.entries(env)) out[key] = value === null ? '' : String(value);
  return out;
};

/** Dockerfile stages: name → its text, including the stages it is built FROM. */
const dockerStages = (text: string): Map<string, string> => {
  const stages = new Map<string, string>();
  let current: { name: string; text: string } | undefined;
  const flush = () => current && stages.set(current.name, current.text);
  for (const line of text.split('\n')) {
    const from = /^\s*FROM\s+(\S+)(?:\s+AS\s+(\S+))?/i.exec(line);
    if (from) {
      flush();
      const parent = stages.get(from[1]) ?? '';
      current = { name: from[2] ?? `#${stages.size}`, text: `${parent}\n${line}` };
    } else if (current) current.text += `\n${line}`;
  }
  flush();
  return stages;
};

/**
 * Everything wrong with a Compose file for a production deployment, each problem naming the
 * service and variable, port or file. Empty when the file is fit to `docker compose up`.
 */
export function composeProblems(input: ComposeCheckInput): string[] {
  const problems: string[] = [];
  const example = parseEnvFile(input.envExample);

  // Every ${VAR} the operator must provide is in the template.
  const used = new Set([...input.compose.replace(/\$\$/g, '').matchAll(VARIABLE)].map((m) => m[1]));
  for (const name of used)
    if (!example.has(name)) problems.push(`variable ${name} is used but not in deploy/.env.example`);

  const filled = new Map<string, string>();
  for (const [name, value] of example) filled.set(name, value || filledIn(name));
  let doc: unknown;
  try {
    doc = parseYaml(interpolate(input.compose, filled), { merge: true });
  } catch (error) {
    return [...problems, `the Compose file is not YAML: ${(error as Error).message}`];
  }

  const ajv = new Ajv({ allErrors: true, unknownFormats: 'ignore', validateSchema: false });
  const validate = ajv.compile(input.schema);
  if (!validate(doc))
    for (const e of validate.errors ?? [])
      problems.push(
        `schema: ${e.dataPath || '(root)'} ${e.message ?? 'is invalid'}${
          e.params && 'additionalProperty' in e.params ? ` (${String(e.params.additionalProperty)})` : ''
        }`,
      );
  if (!isDict(doc) || !isDict(doc['services'])) return [...problems, 'schema: services is missing'];

  const running = new Set<string>();
  for (const [name, service] of Object.entries(doc['services'])) {
    if (!isDict(service)) continue;
    const environment = environmentOf(service);

    if (!input.published.includes(name)) {
      if (service['ports'] !== undefined)
        problems.push(`${name}: publishes ports (only ${input.published.join(' and ')} may)`);
      if (service['network_mode'] === 'host')
        problems.push(`${name}: network_mode host publishes every port`);
    }

    for (const volume of Array.isArray(service['volumes']) ? service['volumes'] : []) {
      const source = isDict(volume) ? String(volume['source'] ?? '') : String(volume).split(':')[0];
      if (/(^|\/)\.infra(\/|$)/.test(source))
        problems.push(`${name}: mounts ${source}, the local development state (keys, credentials)`);
    }

    let stage: string | undefined;
    const build = service['build'];
    if (build !== undefined) {
      const spec = isDict(build) ? build : { context: build };
      const context = path.resolve(input.composeDir, String(spec['context'] ?? '.'));
      const dockerfile = path.resolve(context, String(spec['dockerfile'] ?? 'Dockerfile'));
      if (!existsSync(dockerfile))
        problems.push(`${name}: Dockerfile ${path.relative(input.composeDir, dockerfile)} does not exist`);
      else {
        // BuildKit reads <Dockerfile>.dockerignore beside the Dockerfile, else the context's .dockerignore.
        const ignoreFile = [`${dockerfile}.dockerignore`, path.join(context, '.dockerignore')].find(
          existsSync,
        );
        const ignored = ignoreFile
          ? readFileSync(ignoreFile, 'utf8')
              .split('\n')
              .map((l) => l.trim())
          : [];
        if (!ignored.some((l) => ['*', '.env', '**/.env', 'deploy/.env'].includes(l)))
          problems.push(`${name}: the build context may carry deploy/.env (no .dockerignore excludes it)`);
        const stages = dockerStages(readFileSync(dockerfile, 'utf8'));
        const target = spec['target'] === undefined ? [...stages.keys()].pop() : String(spec['target']);
        stage = target === undefined ? undefined : stages.get(target);
        if (spec['target'] !== undefined && stage === undefined)
          problems.push(`${name}: build target ${target} is not a stage of ${path.basename(dockerfile)}`);
      }
    }

    // A broker listener the network reaches must authenticate: PLAINTEXT only on the container's loopback.
    for (const listener of (environment['KAFKA_LISTENERS'] ?? '').split(',').filter(Boolean)) {
      const match = /^([A-Za-z_]+):\/\/([^:]*):\d+$/.exec(listener.trim());
      const protocol =
        (environment['KAFKA_LISTENER_SECURITY_PROTOCOL_MAP'] ?? '')
          .split(',')
          .map((pair) => pair.split(':'))
          .find(([listenerName]) => listenerName === match?.[1])?.[1] ?? match?.[1];
      if (match && !/^SASL_/.test(protocol ?? '') && !['127.0.0.1', 'localhost'].includes(match[2]))
        problems.push(`${name}: Kafka listener ${listener} takes unauthenticated clients from the network`);
    }
    // Nor is a client without credentials anyone on the broker, whichever listener it reaches.
    if (/User:ANONYMOUS/.test(environment['KAFKA_SUPER_USERS'] ?? ''))
      problems.push(`${name}: User:ANONYMOUS is a Kafka super user`);

    const which = environment['SERVICE'];
    if (which === undefined || !input.services.includes(which)) continue;
    running.add(which);
    if (environment['KAFKA_SASL_USERNAME'] !== `qis-${which}`)
      problems.push(
        `${name}: connects to Kafka as ${environment['KAFKA_SASL_USERNAME'] ?? 'nobody'}, not its own principal qis-${which}`,
      );
    for (const problem of input.configProblems(which, environment)) problems.push(`${name}: ${problem}`);
    if (input.documentServices.includes(which)) {
      const font = environment['DOCUMENTS_CJK_FONT_FILE'] ?? input.cjkFontFile;
      const pkg = CJK_FONT_PACKAGES[font];
      if (!pkg)
        problems.push(`${name}: DOCUMENTS_CJK_FONT_FILE ${font} comes from no package this check knows`);
      else if (!stage?.includes(pkg))
        problems.push(
          `${name}: its image does not install ${pkg} (${font}, the CJK font its documents need)`,
        );
    }
  }
  for (const service of input.services)
    if (!running.has(service))
      problems.push(`${service}: no Compose service runs it (environment SERVICE=${service})`);
  return problems;
}
