import 'reflect-metadata';
import { loadConfig } from '@qis/config';
import { dataSourceOptions } from '@qis/persistence';
import { createObjectStoreClient } from '@qis/storage';
import { DataSource } from 'typeorm';
import { EvidenceConfig } from '../evidence.config';
import { evidenceService } from '../evidence.definition';
import { EvidenceStore } from '../store/evidence-store';
import { CustodyCheckpoints } from './checkpoints/custody-checkpoints';
import { TimestampAuthority } from './checkpoints/timestamp-authority';
import { VerifyCustodyUseCase } from './verify-custody.usecase';

/**
 * `npm run verify-custody` (or `nx run evidence:verify-custody`): the custody check without the
 * HTTP service, for operators and scheduled jobs. Prints the report as JSON; exit code 0 when the
 * chain and every object are intact, 2 when a break was found, 1 when the check could not run.
 */
async function main(): Promise<number> {
  const config = loadConfig(EvidenceConfig);
  const dataSource = new DataSource({
    ...dataSourceOptions(config, { entities: evidenceService.entities, migrations: [] }),
    migrationsRun: false,
    logging: false,
  });
  await dataSource.initialize();
  try {
    const store = new EvidenceStore(createObjectStoreClient(config), config);
    const tsa = new TimestampAuthority(config);
    const checkpoints = new CustodyCheckpoints(dataSource, store, tsa, config);
    const report = await new VerifyCustodyUseCase(dataSource, store, checkpoints).execute();
    process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
    return report.intact ? 0 : 2;
  } finally {
    await dataSource.destroy();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`verify-custody failed: ${(error as Error).message}\n`);
    process.exit(1);
  },
);
