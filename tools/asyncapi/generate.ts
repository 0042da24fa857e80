import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { format, resolveConfig } from 'prettier';
import { buildDocuments, SCHEMAS_DIR, type GeneratedFile } from './build-documents';

/**
 * Writes docs/asyncapi.yaml and docs/schemas/*.json from libs/contracts, or with `--check`
 * compares them with the checked-in files and exits 1 when any differs (CI).
 */
const root = (): string => {
  // Runs from dist/tools/asyncapi (compiled) or tools/asyncapi (ts): walk up to the workspace.
  let dir = __dirname;
  while (!existsSync(join(dir, 'nx.json'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error('workspace root (nx.json) not found');
    dir = parent;
  }
  return dir;
};

async function render(workspace: string): Promise<GeneratedFile[]> {
  const { asyncapi, schemas } = buildDocuments();
  const files = [asyncapi];
  for (const [path, schema] of Object.entries(schemas)) {
    // The checked-in JSON must pass `prettier --check`, so format it exactly as prettier would.
    const options = (await resolveConfig(join(workspace, path))) ?? {};
    files.push({ path, content: await format(JSON.stringify(schema), { ...options, parser: 'json' }) });
  }
  return files;
}

const readIfExists = (path: string): string | undefined =>
  existsSync(path) ? readFileSync(path, 'utf8') : undefined;

const staleSchemaFiles = (workspace: string, files: GeneratedFile[]): string[] => {
  const dir = join(workspace, SCHEMAS_DIR);
  if (!existsSync(dir)) return [];
  const expected = new Set(files.map((f) => f.path));
  return readdirSync(dir)
    .map((name) => `${SCHEMAS_DIR}/${name}`)
    .filter((path) => !expected.has(path));
};

async function main(args: string[]): Promise<number> {
  const workspace = root();
  const files = await render(workspace);
  const orphans = staleSchemaFiles(workspace, files);

  if (args.includes('--check')) {
    const problems = [
      ...files
        .filter((f) => readIfExists(join(workspace, f.path)) !== f.content)
        .map((f) =>
          existsSync(join(workspace, f.path))
            ? `${f.path} is stale: run npm run asyncapi`
            : `${f.path} is missing: run npm run asyncapi`,
        ),
      ...orphans.map((path) => `${path} belongs to no contract: run npm run asyncapi`),
    ];
    for (const problem of problems) console.error(problem);
    if (problems.length === 0) console.log(`asyncapi: ${files.length} generated files are up to date`);
    return problems.length === 0 ? 0 : 1;
  }

  for (const file of files) {
    const target = resolve(workspace, file.path);
    mkdirSync(dirname(target), { recursive: true });
    if (readIfExists(target) !== file.content) writeFileSync(target, file.content);
  }
  for (const path of orphans) rmSync(join(workspace, path));
  console.log(`asyncapi: wrote ${files.length} files (${orphans.length} removed)`);
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(2);
  },
);
