import { plainToInstance } from 'class-transformer';
import { validateSync, type ValidationError } from 'class-validator';
import { productionRefusals } from './production-guard';

/** Thrown at boot when the environment does not satisfy a service's config class. */
export class ConfigError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`Invalid configuration:\n  - ${problems.join('\n  - ')}`);
    this.name = 'ConfigError';
  }
}

const describe = (error: ValidationError, env: Record<string, unknown>): string => {
  const raw = env[error.property];
  const reasons = Object.values(error.constraints ?? {}).join('; ');
  return raw === undefined || raw === ''
    ? `${error.property} is missing (${reasons})`
    : `${error.property}=${JSON.stringify(redact(error.property, raw))} is invalid: ${reasons}`;
};

const SECRET = /(PASSWORD|SECRET|KEY|TOKEN)$/;
const redact = (name: string, value: unknown): unknown => (SECRET.test(name) ? '***' : value);

/**
 * Reads environment variables into a validated config object. The class's property names are the
 * variable names; property initialisers are the defaults. Every problem is reported, each naming
 * its variable, so a bad deployment fails once with the whole list. In `QIS_ENV=production` the
 * production rules (production-guard.ts) are checked too.
 */
export function loadConfig<T extends object>(
  cls: new () => T,
  env: Record<string, string | undefined> = process.env,
): T {
  const known = Object.keys(new cls());
  const plain: Record<string, string> = {};
  for (const key of known) {
    const value = env[key];
    if (value !== undefined && value !== '') plain[key] = value;
  }
  const config = plainToInstance(cls, plain, { exposeDefaultValues: true, enableImplicitConversion: false });
  const errors = validateSync(config, { skipMissingProperties: false, forbidUnknownValues: true });
  const named = new Set(errors.map((e) => e.property));
  // A variable already refused by its validator is named once.
  const refusals = productionRefusals(config).filter((r) => !named.has(r.split(/[ =]/, 1)[0]));
  const problems = [...errors.map((e) => describe(e, env)), ...refusals];
  if (problems.length > 0) throw new ConfigError(problems);
  return Object.freeze(config);
}
