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

  const base = join(workspace, RELEASES_DIR, service, released, 'openapi.json');
  const breaks = openApiBreaks(oasdiff, base, document);
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
  for (const change of breaks)
    problems.push(
      `${service}: ${change.operation ?? ''} ${change.path ?? ''}: ${change.text} — breaking against release ${released}: ` +
        `serve it under a new version (bump services/${service}/release.json to ${semver(released)[0] + 1}.0.0) or keep it compatible`,
    );
  return problems;
}

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
