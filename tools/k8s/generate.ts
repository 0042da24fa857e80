import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { format, resolveConfig } from 'prettier';
import { COMPOSE_SCRIPT_PATH, composeScript } from '../kafka-acl/compose-script';
import { generatedFiles } from '../kafka-acl/kafka-plan';

/**
 * Writes the Kubernetes files derived from libs/contracts (Strimzi KafkaTopics and KafkaUsers with
 * their ACLs, each chart's kafka.generated.yaml) and the Compose broker's principals script from the
 * same principals, or with `--check` exits 1 naming each file that differs (npm test).
 */
const root = (): string => {
  let dir = __dirname;
  while (!existsSync(join(dir, 'nx.json'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error('workspace root (nx.json) not found');
    dir = parent;
  }
  return dir;
};

async function main(args: string[]): Promise<number> {
  const workspace = root();
  const problems: string[] = [];
  for (const file of [...generatedFiles(), { path: COMPOSE_SCRIPT_PATH, content: composeScript() }]) {
    const path = join(workspace, file.path);
    // Formatted as prettier would, so the checked-in files pass `prettier --check` (it leaves shell alone).
    const options = (await resolveConfig(path)) ?? {};
    const content = file.path.endsWith('.yaml')
      ? await format(file.content, { ...options, parser: 'yaml' })
      : file.content;
    if (args.includes('--check')) {
      if (!existsSync(path)) problems.push(`${file.path} is missing: run npm run k8s`);
      else if (readFileSync(path, 'utf8') !== content)
        problems.push(`${file.path} is stale: run npm run k8s`);
    } else {
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, content, { mode: file.path.endsWith('.sh') ? 0o755 : 0o644 });
      console.log(`wrote ${file.path}`);
    }
  }
  for (const problem of problems) console.error(problem);
  return problems.length === 0 ? 0 : 1;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
