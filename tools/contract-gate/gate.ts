/**
 * The breaking-change gates: each service's OpenAPI document against the one recorded with its
 * last release (oasdiff), and each event schema against its released copy (eventSchemaBreaks).
 *
 * The last release of a service is `docs/releases/<service>/<version>/openapi.json`, the highest
 * version there; its version now is `services/<service>/release.json`, and each released version has
 * an entry in `services/<service>/CHANGELOG.md`. A breaking change passes only under a new major
 * version, and only while every path of the last release is still served (its deprecation period).
 * Released event schemas are `docs/releases/events/<topic>.{key,value}.json`: a topic's schema only
 * ever widens; a breaking change is a new topic (`.v2`) beside the old one.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { eventSchemaBreaks } from './event-compatibility';

export const SERVICES = [
  'planning',
  'purchasing',
  'evidence',
  'lab-gateway',
  'enforcement',
  'disclosure',
] as const;
export const RELEASES_DIR = 'docs/releases';
export const EVENTS_RELEASE_DIR = `${RELEASES_DIR}/events`;
export const SCHEMAS_DIR = 'docs/schemas';

/** One breaking change oasdiff found (level 3 = ERR). */
export interface OpenApiBreak {
  id: string;
  text: string;
  operation?: string;
  path?: string;
  level: number;
}

const readJson = (path: string): Record<string, unknown> =>
  JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;

const semver = (version: string): number[] => {
  const match = /^(\d+)\.(\d+)\.(\d+)$/.exec(version);
  if (!match) throw new Error(`not a version (major.minor.patch): ${version}`);
  return match.slice(1).map(Number);
};

const newer = (a: string, b: string): number => {
  const [x, y] = [semver(a), semver(b)];
  return x[0] - y[0] || x[1] - y[1] || x[2] - y[2];
};

/** The service's version now (`services/<service>/release.json`). */
export const serviceVersion = (workspace: string, service: string): string =>
  String(readJson(join(workspace, 'services', service, 'release.json')).version);

/** The versions recorded under `docs/releases/<service>/`, oldest first. */
export function releasedVersions(workspace: string, service: string): string[] {
  const dir = join(workspace, RELEASES_DIR, service);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => /^\d+\.\d+\.\d+$/.test(name))
    .sort(newer);
}

/** oasdiff, built once per machine by `oasdiff.sh` (Go module proxy), cached in ~/.cache/qis. */
export const oasdiffPath = (workspace: string): string =>
  execFileSync('bash', [join(workspace, 'tools/contract-gate/oasdiff.sh')], { encoding: 'utf8' }).trim();

/** What oasdiff calls breaking from `base` to `revision` (two OpenAPI files). */
export function openApiBreaks(oasdiff: string, base: string, revision: string): OpenApiBreak[] {
  const output = execFileSync(oasdiff, ['breaking', base, revision, '--format', 'json'], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  const found = (output.trim() ? JSON.parse(output) : []) as OpenApiBreak[];
  return found.filter((change) => change.level >= 3);
}

const pathsOf = (file: string): string[] =>
  Object.entries((readJson(file).paths ?? {}) as Record<string, Record<string, unknown>>).flatMap(
    ([path, item]) =>
      Object.keys(item)
        .filter((method) => ['get', 'put', 'post', 'delete', 'patch'].includes(method))
        .map((method) => `${method.toUpperCase()} ${path}`),
  );

/**
 * A change oasdiff calls breaking that only brings a document up to what the service already
 * enforced (a pattern, a bound, a format the validation applied before the document said so): no
 * request the service accepted is refused now, so no client breaks. Corrections are listed by
 * `npm run contracts -- correct <service> --because "…"` in `services/<service>/document-corrections.json`,
 * released with the next minor version (moved into `docs/releases/<service>/<version>/corrections.json`)
 * and reviewed like code: the gate lets through exactly the changes listed, nothing else.
 */
export interface Corrections {
  because: string;
  changes: Array<Pick<OpenApiBreak, 'id' | 'operation' | 'path' | 'text'>>;
}

export const pendingCorrectionsFile = (workspace: string, service: string): string =>
  join(workspace, 'services', service, 'document-corrections.json');

const releaseCorrectionsFile = (workspace: string, service: string, version: string): string =>
  join(workspace, RELEASES_DIR, service, version, 'corrections.json');

const correctionKey = (change: Pick<OpenApiBreak, 'id' | 'operation' | 'path' | 'text'>): string =>
  [change.id, change.operation ?? '', change.path ?? '', change.text].join('\u0000');

const readCorrections = (file: string): Corrections | undefined =>
  existsSync(file) ? (readJson(file) as unknown as Corrections) : undefined;

/** The breaks not listed in `corrections`. */
const uncorrected = (breaks: OpenApiBreak[], corrections: Corrections | undefined): OpenApiBreak[] => {
  const listed = new Set((corrections?.changes ?? []).map(correctionKey));
  return breaks.filter((change) => !listed.has(correctionKey(change)));
};

/** Each release against the one before it: a break is a new major version or a listed correction. */
function releaseChainProblems(
  workspace: string,
  service: string,
  versions: string[],
  oasdiff: string,
): string[] {
  const problems: string[] = [];
  for (let i = 1; i < versions.length; i++) {
    const [before, after] = [versions[i - 1], versions[i]];
    if (semver(after)[0] > semver(before)[0]) continue;
    const file = (version: string) => join(workspace, RELEASES_DIR, service, version, 'openapi.json');
    const corrections = readCorrections(releaseCorrectionsFile(workspace, service, after));
    for (const change of uncorrected(openApiBreaks(oasdiff, file(before), file(after)), corrections))
      problems.push(
        `${service}: release ${after} breaks release ${before} (${change.operation ?? ''} ${change.path ?? ''}: ${change.text}) without a major version or a listed correction`,
      );
  }
  return problems;
}

/** The problems of one service's HTTP contract, each a line naming what to do. */
export function checkService(
  workspace: string,
  service: string,
  oasdiff: string,
  current?: string,
): string[] {
  const document = current ?? join(workspace, 'docs/openapi', `${service}.json`);
  const versions = releasedVersions(workspace, service);
  const released = versions.at(-1);
  if (!released)
    return [
      `${service}: no release recorded under ${RELEASES_DIR}/${service}: run npm run contracts -- release ${service}`,
    ];
  const problems: string[] = [];
  const version = serviceVersion(workspace, service);
  if (newer(version, released) < 0)
    problems.push(`${service}: version ${version} (release.json) is older than its last release ${released}`);
  const changelog = join(workspace, 'services', service, 'CHANGELOG.md');
  const entries = existsSync(changelog) ? readFileSync(changelog, 'utf8') : '';
  for (const v of versions)
    if (!new RegExp(`^## ${v.replace(/\./g, '\\.')}\\b`, 'm').test(entries))
      problems.push(`${service}: release ${v} has no entry in services/${service}/CHANGELOG.md`);
  problems.push(...releaseChainProblems(workspace, service, versions, oasdiff));

  const base = join(workspace, RELEASES_DIR, service, released, 'openapi.json');
  const breaks = openApiBreaks(oasdiff, base, document);
  const pending = readCorrections(pendingCorrectionsFile(workspace, service));
  if (pending) {
    const found = new Set(breaks.map(correctionKey));
    const stale = pending.changes.filter((change) => !found.has(correctionKey(change)));
    if (stale.length > 0)
      problems.push(
        `${service}: services/${service}/document-corrections.json lists ${stale.length} change(s) oasdiff no longer reports: run npm run contracts -- correct ${service} again`,
      );
    if (newer(version, released) <= 0)
      problems.push(
        `${service}: document corrections are released under a new minor version: bump services/${service}/release.json past ${released} and add its CHANGELOG entry`,
      );
  }
  if (breaks.length === 0) return problems;
  if (semver(version)[0] > semver(released)[0]) {
    // A new major may break, but the last release's operations stay served until retired.
    const served = new Set(pathsOf(document));
    for (const operation of pathsOf(base))
      if (!served.has(operation))
        problems.push(
          `${service}: ${operation} of release ${released} is no longer served: keep it through its deprecation period beside the new version`,
        );
    return problems;
  }
  for (const change of uncorrected(breaks, pending))
    problems.push(
      `${service}: ${change.operation ?? ''} ${change.path ?? ''}: ${change.text} — breaking against release ${released}: ` +
        `serve it under a new version (bump services/${service}/release.json to ${semver(released)[0] + 1}.0.0) or keep it compatible` +
        ` (or, when the service already refused what the document now forbids, list it: npm run contracts -- correct ${service} --because "…")`,
    );
  return problems;
}

/** The changes oasdiff calls breaking in the service's document against its last release. */
export function breaksAgainstLastRelease(
  workspace: string,
  service: string,
  oasdiff: string,
): OpenApiBreak[] {
  const released = releasedVersions(workspace, service).at(-1);
  if (!released) return [];
  return openApiBreaks(
    oasdiff,
    join(workspace, RELEASES_DIR, service, released, 'openapi.json'),
    join(workspace, 'docs/openapi', `${service}.json`),
  );
}

/** Where a release's corrections go when it is recorded. */
export const releasedCorrectionsFile = releaseCorrectionsFile;

/** The problems of the event schemas against their released copies. */
export function checkEvents(workspace: string, schemasDir = join(workspace, SCHEMAS_DIR)): string[] {
  const releasedDir = join(workspace, EVENTS_RELEASE_DIR);
  if (!existsSync(releasedDir))
    return [`no event schemas released under ${EVENTS_RELEASE_DIR}: run npm run contracts -- release-events`];
  const problems: string[] = [];
  for (const file of readdirSync(releasedDir)
    .filter((name) => name.endsWith('.json'))
    .sort()) {
    const current = join(schemasDir, file);
    if (!existsSync(current)) {
      problems.push(`${file}: a released topic's schema is gone: keep the topic served beside its successor`);
      continue;
    }
    for (const change of eventSchemaBreaks(readJson(join(releasedDir, file)), readJson(current)))
      problems.push(
        `${file}: ${change} — breaking for consumers of the released schema: publish it as a new topic version`,
      );
  }
  return problems;
}

/** Every problem of every contract. */
export const checkContracts = (workspace: string, oasdiff: string): string[] => [
  ...SERVICES.flatMap((service) => checkService(workspace, service, oasdiff)),
  ...checkEvents(workspace),
];
