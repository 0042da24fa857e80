import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import {
  breaksAgainstLastRelease,
  checkContracts,
  checkEvents,
  checkService,
  oasdiffPath,
  pendingCorrectionsFile,
  releasedCorrectionsFile,
  releasedVersions,
} from './gate';

const repo = resolve(__dirname, '../..');
type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** A throwaway copy of the contracts (documents, releases, versions, changelogs) to break on purpose. */
function throwawayBranch(): { root: string; edit: (path: string, change: (json: Json) => void) => void } {
  const root = mkdtempSync(join(tmpdir(), 'contract-gate-'));
  for (const dir of ['docs/openapi', 'docs/schemas', 'docs/releases'])
    cpSync(join(repo, dir), join(root, dir), { recursive: true });
  for (const service of ['planning', 'purchasing', 'evidence', 'lab-gateway', 'enforcement', 'disclosure'])
    for (const file of ['release.json', 'CHANGELOG.md', 'document-corrections.json'])
      if (existsSync(join(repo, 'services', service, file)))
        cpSync(join(repo, 'services', service, file), join(root, 'services', service, file));
  const edit = (path: string, change: (json: Json) => void) => {
    const json = JSON.parse(readFileSync(join(root, path), 'utf8')) as Json;
    change(json);
    writeFileSync(join(root, path), JSON.stringify(json));
  };
  return { root, edit };
}

/** The lab API's last release and the next major one: the cases below break it on purpose. */
const released = releasedVersions(repo, 'lab-gateway').at(-1) ?? '';
const nextMajor = `${Number(released.split('.')[0]) + 1}.0.0`;
const releasedPattern = released.replaceAll('.', '\\.');

let oasdiff: string;
const branches: string[] = [];
const branch = () => {
  const made = throwawayBranch();
  branches.push(made.root);
  return made;
};

beforeAll(() => {
  oasdiff = oasdiffPath(repo); // built once per machine from the Go module proxy
}, 300_000);
afterAll(() => branches.forEach((root) => rmSync(root, { recursive: true, force: true })));

describe('breaking-change gates', () => {
  it('pass the repository as it is: no contract broken against its last release', () => {
    expect(checkContracts(repo, oasdiff)).toEqual([]);
  });

  it('catch a removed response field and a new required request field of the lab API', () => {
    const { root, edit } = branch();
    edit('docs/openapi/lab-gateway.json', (doc) => {
      delete doc.components.schemas.AssignmentView.properties.dueOn;
      doc.components.schemas.DeclineAssignmentCommand.properties.code = { type: 'string' };
      doc.components.schemas.DeclineAssignmentCommand.required.push('code');
    });
    const problems = checkService(root, 'lab-gateway', oasdiff);
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(
          new RegExp(
            `^lab-gateway: GET /v1/assignments/\\{id\\}: .*dueOn.* breaking against release ${releasedPattern}`,
          ),
        ),
        expect.stringMatching(
          new RegExp(
            `^lab-gateway: POST /v1/assignments/\\{id\\}/decline: .*code.* breaking against release ${releasedPattern}`,
          ),
        ),
      ]),
    );
  });

  it('let a new major version break, but only while the released operations stay served', () => {
    const { root, edit } = branch();
    edit('services/lab-gateway/release.json', (release) => (release.version = nextMajor));
    edit('docs/openapi/lab-gateway.json', (doc) => {
      delete doc.components.schemas.AssignmentView.properties.dueOn;
    });
    expect(checkService(root, 'lab-gateway', oasdiff)).toEqual([]);
    edit('docs/openapi/lab-gateway.json', (doc) => {
      delete doc.paths['/v1/assignments/{id}/progress'];
    });
    expect(checkService(root, 'lab-gateway', oasdiff)).toEqual([
      `lab-gateway: POST /v1/assignments/{id}/progress of release ${released} is no longer served: keep it through its deprecation period beside the new version`,
    ]);
  });

  it('let through exactly the corrections listed for the next minor version, in the branch and in the releases', () => {
    const { root, edit } = branch();
    const minor = `${released.split('.')[0]}.${Number(released.split('.')[1]) + 1}.0`;
    // The document now states a bound the validation applied all along.
    edit('docs/openapi/lab-gateway.json', (doc) => {
      doc.components.schemas.DeclineAssignmentCommand.properties.reason.maxLength = 7;
    });
    const listCorrections = () =>
      writeFileSync(
        pendingCorrectionsFile(root, 'lab-gateway'),
        JSON.stringify({
          because: 'the validation refused longer reasons already',
          changes: breaksAgainstLastRelease(root, 'lab-gateway', oasdiff),
        }),
      );
    edit('services/lab-gateway/release.json', (release) => (release.version = released));
    listCorrections();
    expect(checkService(root, 'lab-gateway', oasdiff)).toEqual([
      `lab-gateway: document corrections are released under a new minor version: bump services/lab-gateway/release.json past ${released} and add its CHANGELOG entry`,
    ]);
    edit('services/lab-gateway/release.json', (release) => (release.version = minor));
    expect(checkService(root, 'lab-gateway', oasdiff)).toEqual([]);

    // A break nobody listed still fails, and names the way out.
    edit('docs/openapi/lab-gateway.json', (doc) => {
      delete doc.components.schemas.AssignmentView.properties.dueOn;
    });
    expect(checkService(root, 'lab-gateway', oasdiff)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(
          /^lab-gateway: GET \/v1\/assignments\/\{id\}: .*dueOn.* npm run contracts -- correct lab-gateway/,
        ),
      ]),
    );

    // Recorded as a release, the corrections travel with it; without them the chain of releases breaks.
    listCorrections();
    const corrections = readFileSync(pendingCorrectionsFile(root, 'lab-gateway'), 'utf8');
    rmSync(pendingCorrectionsFile(root, 'lab-gateway'));
    mkdirSync(join(root, 'docs/releases/lab-gateway', minor));
    cpSync(
      join(root, 'docs/openapi/lab-gateway.json'),
      join(root, 'docs/releases/lab-gateway', minor, 'openapi.json'),
    );
    writeFileSync(
      join(root, 'services/lab-gateway/CHANGELOG.md'),
      `${readFileSync(join(root, 'services/lab-gateway/CHANGELOG.md'), 'utf8')}\n## ${minor}\n\nDocument corrections.\n`,
    );
    const chain = new RegExp(
      `^lab-gateway: release ${minor.replaceAll('.', '\\.')} breaks release ${releasedPattern} `,
    );
    expect(checkService(root, 'lab-gateway', oasdiff)).toEqual(
      expect.arrayContaining([expect.stringMatching(chain)]),
    );
    writeFileSync(releasedCorrectionsFile(root, 'lab-gateway', minor), corrections);
    expect(checkService(root, 'lab-gateway', oasdiff)).toEqual([]);
  });

  it('want a CHANGELOG entry for each release', () => {
    const { root } = branch();
    writeFileSync(join(root, 'services/planning/CHANGELOG.md'), '# Changelog\n');
    expect(checkService(root, 'planning', oasdiff)).toEqual(
      releasedVersions(repo, 'planning').map(
        (version) => `planning: release ${version} has no entry in services/planning/CHANGELOG.md`,
      ),
    );
  });

  it('catch a removed or newly required field of a v1 event, and let an optional one be added', () => {
    const { root, edit } = branch();
    const topic = 'docs/schemas/lab.report-issued.v1.value.json';
    edit(topic, (schema) => {
      schema.properties.labMethodNote = { type: 'string' };
    });
    expect(checkEvents(root)).toEqual([]);
    edit(topic, (schema) => {
      delete schema.properties.labName;
      schema.required = schema.required.filter((name: string) => name !== 'labName');
      schema.required.push('labMethodNote');
    });
    expect(checkEvents(root)).toEqual([
      'lab.report-issued.v1.value.json: (value): labMethodNote is now required — breaking for consumers of the released schema: publish it as a new topic version',
      'lab.report-issued.v1.value.json: labName: removed (unknown fields are refused) — breaking for consumers of the released schema: publish it as a new topic version',
    ]);
  });

  it('catch a released topic that is no longer served', () => {
    const { root } = branch();
    rmSync(join(root, 'docs/schemas/enforcement.result-final.v1.value.json'));
    expect(checkEvents(root)).toEqual([
      "enforcement.result-final.v1.value.json: a released topic's schema is gone: keep the topic served beside its successor",
    ]);
  });
});
