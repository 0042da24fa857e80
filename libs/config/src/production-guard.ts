/**
 * What a service refuses to start with in `QIS_ENV=production`, beyond its validators: settings that
 * are harmless (or needed) locally but would quietly weaken a deployment. Properties declare their
 * rule with a decorator; `productionRefusals` lists every breach, each naming its variable.
 */

type Rule =
  | { kind: 'required'; reason: string }
  | { kind: 'secret'; minLength: number }
  | { kind: 'forbidden'; reason: string };

const RULES = Symbol('qis:production-rules');

type Ruled = { [RULES]?: Map<string, Rule> };

const declare =
  (rule: Rule): PropertyDecorator =>
  (target, property) => {
    const holder = target as Ruled;
    // Own map per class, seeded from the parent's, so a subclass adds rules without changing its parent's.
    const own = Object.prototype.hasOwnProperty.call(holder, RULES) ? holder[RULES] : undefined;
    const rules = own ?? new Map(holder[RULES] ?? []);
    rules.set(String(property), rule);
    Object.defineProperty(holder, RULES, { value: rules, enumerable: false, configurable: true });
  };

/** Must be set in production; `reason` says what goes wrong without it. */
export const RequiredInProduction = (reason: string): PropertyDecorator =>
  declare({ kind: 'required', reason });

/** Must be set in production, to something other than the class's development default, of at least `minLength`. */
export const SecretInProduction = (minLength = 16): PropertyDecorator =>
  declare({ kind: 'secret', minLength });

/** Must not be set in production; `reason` says what to use instead. */
export const ForbiddenInProduction = (reason: string): PropertyDecorator =>
  declare({ kind: 'forbidden', reason });

/** The development issuer of `npm run token` and deploy/local (deploy/local/lib.sh). */
const DEVELOPMENT_ISSUER = 'qis-dev';

const isSet = (value: unknown): boolean => value !== undefined && value !== null && value !== '';

/**
 * Every production refusal of `config` (an instance of a class extending ServiceConfig), as
 * `VARIABLE …: reason`. Empty outside production. Values are never echoed.
 */
export function productionRefusals(config: object): string[] {
  const values = config as Record<string, unknown>;
  if (values['QIS_ENV'] !== 'production') return [];
  const refusals: string[] = [];
  const defaults = new (config.constructor as new () => Record<string, unknown>)();
  const rules = (config as Ruled)[RULES] ?? new Map<string, Rule>();
  for (const [name, rule] of rules) {
    const value = values[name];
    if (rule.kind === 'required' && !isSet(value))
      refusals.push(`${name} is missing (required in production: ${rule.reason})`);
    if (rule.kind === 'forbidden' && isSet(value))
      refusals.push(`${name} is set (refused in production: ${rule.reason})`);
    if (rule.kind === 'secret') {
      if (!isSet(value)) refusals.push(`${name} is missing (required in production: a secret of its own)`);
      else if (isSet(defaults[name]) && value === defaults[name])
        refusals.push(`${name} is the development default (refused in production: set a secret of its own)`);
      else if (typeof value === 'string' && value.length < rule.minLength)
        refusals.push(`${name} is too short (refused in production: at least ${rule.minLength} characters)`);
    }
  }
  if (values['AUTH_ISSUER'] === DEVELOPMENT_ISSUER || values['AUTH_OIDC_ISSUER'] === DEVELOPMENT_ISSUER) {
    const name = values['AUTH_ISSUER'] === DEVELOPMENT_ISSUER ? 'AUTH_ISSUER' : 'AUTH_OIDC_ISSUER';
    refusals.push(
      `${name}="${DEVELOPMENT_ISSUER}" is refused in production: the development issuer signs with a key anyone with the repository can make; trust the identity provider's realm`,
    );
  }
  if (values['SWAGGER_ENABLED'] === true && values['SWAGGER_ALLOWED_IN_PRODUCTION'] !== true)
    refusals.push(
      'SWAGGER_ENABLED is true (refused in production: it publishes the API description; set SWAGGER_ENABLED=false, or SWAGGER_ALLOWED_IN_PRODUCTION=true to allow it explicitly)',
    );
  return refusals;
}
