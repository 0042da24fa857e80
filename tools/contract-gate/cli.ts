/**
 * npm run contracts -- check                # the breaking-change gates (also run by npm test)
 * npm run contracts -- release <service>    # record docs/openapi/<service>.json as the release of
 *                                           # the version in services/<service>/release.json
 * npm run contracts -- release-events       # record docs/schemas/* as the released event schemas
 * npm run contracts -- correct <service> --because "…"
 *                                           # list the changes oasdiff calls breaking against the last
 *                                           # release as corrections of the document (the service
 *                                           # already refused what the document now forbids)
 */
import { copyFileSync, existsSync, mkdirSync, readdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import {
  breaksAgainstLastRelease,
  checkContracts,
  checkEvents,
  EVENTS_RELEASE_DIR,
  oasdiffPath,
  pendingCorrectionsFile,
  releasedCorrectionsFile,
  RELEASES_DIR,
  SCHEMAS_DIR,
  SERVICES,
  serviceVersion,
} from './gate';

const workspace = (): string => {
  let dir = __dirname;
  while (!existsSync(join(dir, 'nx.json'))) {
    if (dirname(dir) === dir) throw new Error('workspace root (nx.json) not found');
    dir = dirname(dir);
  }
  return dir;
};

function main([command, service, ...options]: string[]): number {
  const root = workspace();
  if (command === 'check') {
    const problems = checkContracts(root, oasdiffPath(root));
    for (const problem of problems) console.error(problem);
    if (problems.length === 0) console.log('contracts: no breaking change against the last releases');
    return problems.length === 0 ? 0 : 1;
  }
  if (command === 'release' && SERVICES.includes(service as (typeof SERVICES)[number])) {
    const version = serviceVersion(root, service);
    const target = join(root, RELEASES_DIR, service, version, 'openapi.json');
    mkdirSync(dirname(target), { recursive: true });
    copyFileSync(join(root, 'docs/openapi', `${service}.json`), target);
    const pending = pendingCorrectionsFile(root, service);
    if (existsSync(pending)) renameSync(pending, releasedCorrectionsFile(root, service, version));
    console.log(
      `contracts: recorded ${service} ${version} (${target.slice(root.length + 1)}); add its CHANGELOG entry`,
    );
    return 0;
  }
  if (command === 'correct' && SERVICES.includes(service as (typeof SERVICES)[number])) {
    const because = options[0] === '--because' ? options[1]?.trim() : undefined;
    if (!because) {
      console.error(
        'usage: npm run contracts -- correct <service> --because "what the service already enforced"',
      );
      return 2;
    }
    const changes = breaksAgainstLastRelease(root, service, oasdiffPath(root)).map(
      ({ id, operation, path, text }) => ({ id, operation, path, text }),
    );
    writeFileSync(
      pendingCorrectionsFile(root, service),
      `${JSON.stringify({ because, changes }, null, 2)}\n`,
    );
    console.log(`contracts: ${changes.length} change(s) of ${service} listed as corrections of its document`);
    return 0;
  }
  if (command === 'release-events') {
    const problems = checkEvents(root).filter((p) => !p.startsWith('no event schemas released'));
    if (problems.length > 0) {
      for (const problem of problems) console.error(problem);
      return 1;
    }
    mkdirSync(join(root, EVENTS_RELEASE_DIR), { recursive: true });
    const files = readdirSync(join(root, SCHEMAS_DIR)).filter((name) => name.endsWith('.json'));
    for (const file of files)
      copyFileSync(join(root, SCHEMAS_DIR, file), join(root, EVENTS_RELEASE_DIR, file));
    console.log(`contracts: recorded ${files.length} event schemas in ${EVENTS_RELEASE_DIR}`);
    return 0;
  }
  console.error(
    'usage: npm run contracts -- check | release <service> | release-events | correct <service> --because "…"',
  );
  return 2;
}

process.exit(main(process.argv.slice(2)));
