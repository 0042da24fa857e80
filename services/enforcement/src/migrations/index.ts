import { CreateEnforcement1763900000000 } from './create-enforcement.migration';

/** The enforcement service's migrations, in order. Each runs once, in its own transaction, at start. */
export const migrations = [CreateEnforcement1763900000000];
