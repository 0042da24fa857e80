import { getMetadataStorage, type MetadataStorage } from 'class-validator';

type Lookup = MetadataStorage['getTargetValidationMetadatas'];
type Metadata = ReturnType<Lookup>;

const MEMOIZED = Symbol.for('qis.class-validator.memoized-target-metadata');
const GENERATION = Symbol.for('qis.class-validator.rules-generation');

type Marked = MetadataStorage & { [MEMOIZED]?: true; [GENERATION]?: number };

/**
 * How many times rules were registered since the storage was memoized: what was derived from its
 * rules (the memoized lists, the validation plans) holds for as long as this does not change.
 */
export const rulesGeneration = (storage: MetadataStorage = getMetadataStorage()): number =>
  (storage as Marked)[GENERATION] ?? -1;

/**
 * Memoizes class-validator's `getTargetValidationMetadatas` on its process-wide storage.
 *
 * class-validator 0.14 answers it by walking every registered class (`prototype instanceof` each)
 * to find a target's ancestors, on every `validate` call and again for every nested object: with
 * the contracts' classes registered it was 3–4 % of the backbone's CPU on both sides of a topic
 * (typestack/class-validator#2686, open). The answer depends only on what is registered, so it is
 * kept per target and argument tuple, and dropped whenever a rule or schema is registered: a class
 * loaded later, or a rule added at run time, is seen as before. The arrays handed out are the
 * cached ones; class-validator only reads them.
 *
 * Idempotent and process-wide: every validation in the process (the events' contract checks,
 * Nest's ValidationPipe) uses the one storage, so installing it once serves all.
 */
export function memoizeValidationMetadata(storage: MetadataStorage = getMetadataStorage()): void {
  const marked = storage as Marked;
  if (marked[MEMOIZED]) return;
  marked[MEMOIZED] = true;
  marked[GENERATION] = 0;

  let cache = new WeakMap<object, Map<string, Metadata>>();
  const lookup: Lookup = storage.getTargetValidationMetadatas.bind(storage);
  storage.getTargetValidationMetadatas = (target, schema, always, strictGroups, groups) => {
    // An object without a prototype has no constructor to key on: asked as before.
    if (typeof target !== 'function') return lookup(target, schema, always, strictGroups, groups);
    const key = JSON.stringify([schema, always, strictGroups, groups ?? null]);
    let byArguments = cache.get(target);
    if (!byArguments) cache.set(target, (byArguments = new Map()));
    let found = byArguments.get(key);
    if (!found) byArguments.set(key, (found = lookup(target, schema, always, strictGroups, groups)));
    return found;
  };
  const addValidationMetadata = storage.addValidationMetadata.bind(storage);
  storage.addValidationMetadata = (metadata) => {
    cache = new WeakMap();
    marked[GENERATION] = (marked[GENERATION] ?? 0) + 1;
    addValidationMetadata(metadata);
  };
}
