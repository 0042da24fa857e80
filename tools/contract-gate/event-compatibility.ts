/**
 * Whether every message valid under an event's released JSON Schema is still valid under its
 * current one. Our consumers decode what is already on a topic with today's schema, and platforms
 * validate with the schema they built against: removing a field (the schemas refuse unknown ones),
 * making one required, or narrowing one (type, enum, pattern, bounds, format) breaks them; adding an
 * optional field or widening one does not.
 */
type Schema = Record<string, unknown>;

const isObject = (value: unknown): value is Schema =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

const typesOf = (schema: Schema): string[] | undefined =>
  schema.type === undefined ? undefined : ([] as string[]).concat(schema.type as string | string[]);

/** Resolves a local `$ref` (`#/definitions/X`) against the document it came from. */
const resolve = (schema: Schema, root: Schema): Schema => {
  const ref = schema.$ref;
  if (typeof ref !== 'string' || !ref.startsWith('#/')) return schema;
  const target = ref
    .slice(2)
    .split('/')
    .reduce<unknown>((node, key) => (isObject(node) ? node[key] : undefined), root);
  return isObject(target) ? resolve(target, root) : schema;
};

interface Side {
  schema: Schema;
  root: Schema;
}

/** Each narrowing from `old` to `now`, as `<path>: <what>`; empty when compatible. */
export function eventSchemaBreaks(old: Schema, now: Schema): string[] {
  const breaks: string[] = [];
  compare({ schema: old, root: old }, { schema: now, root: now }, '', breaks);
  return breaks;
}

function compare(oldSide: Side, nowSide: Side, path: string, breaks: string[]): void {
  const old = resolve(oldSide.schema, oldSide.root);
  const now = resolve(nowSide.schema, nowSide.root);
  const at = path || '(value)';
  const report = (what: string) => breaks.push(`${at}: ${what}`);

  const oldTypes = typesOf(old);
  const nowTypes = typesOf(now);
  if (
    nowTypes &&
    (!oldTypes ||
      oldTypes.some((t) => !nowTypes.includes(t) && !(t === 'integer' && nowTypes.includes('number'))))
  )
    report(`type narrowed from ${oldTypes?.join('|') ?? 'any'} to ${nowTypes.join('|')}`);

  if (Array.isArray(now.enum)) {
    const allowed = now.enum.map((v) => JSON.stringify(v));
    const lost = Array.isArray(old.enum)
      ? old.enum.filter((v) => !allowed.includes(JSON.stringify(v)))
      : ['(any)'];
    if (lost.length > 0) report(`enum no longer allows ${lost.map((v) => JSON.stringify(v)).join(', ')}`);
  }
  if ('const' in now && !same(old.const, now.const)) report(`const set to ${JSON.stringify(now.const)}`);
  for (const keyword of ['pattern', 'format'] as const)
    if (now[keyword] !== undefined && !same(old[keyword], now[keyword]))
      report(`${keyword} ${old[keyword] === undefined ? 'added' : 'changed'}: ${String(now[keyword])}`);
  const lower = ['minLength', 'minimum', 'exclusiveMinimum', 'minItems', 'minProperties'] as const;
  const upper = ['maxLength', 'maximum', 'exclusiveMaximum', 'maxItems', 'maxProperties'] as const;
  for (const keyword of lower) {
    const [o, n] = [old[keyword], now[keyword]];
    if (typeof n === 'number' && (typeof o !== 'number' || n > o)) report(`${keyword} raised to ${n}`);
  }
  for (const keyword of upper) {
    const [o, n] = [old[keyword], now[keyword]];
    if (typeof n === 'number' && (typeof o !== 'number' || n < o)) report(`${keyword} lowered to ${n}`);
  }
  if (now.uniqueItems === true && old.uniqueItems !== true) report('items must now be unique');

  const oldProps = isObject(old.properties) ? old.properties : {};
  const nowProps = isObject(now.properties) ? now.properties : {};
  const oldRequired = new Set((old.required as string[] | undefined) ?? []);
  for (const name of (now.required as string[] | undefined) ?? [])
    if (!oldRequired.has(name)) report(`${name} is now required`);
  const closed = now.additionalProperties === false;
  for (const [name, definition] of Object.entries(oldProps)) {
    const child = path ? `${path}.${name}` : name;
    if (!(name in nowProps)) {
      if (closed) breaks.push(`${child}: removed (unknown fields are refused)`);
      continue;
    }
    compare(
      { schema: definition as Schema, root: oldSide.root },
      { schema: nowProps[name] as Schema, root: nowSide.root },
      child,
      breaks,
    );
  }
  if (closed && old.additionalProperties !== false && !isObject(old.properties))
    report('no longer takes other fields');

  if (isObject(old.items) && isObject(now.items))
    compare(
      { schema: old.items, root: oldSide.root },
      { schema: now.items, root: nowSide.root },
      `${path}[]`,
      breaks,
    );
}
