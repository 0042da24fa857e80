type Json = Record<string, unknown>;

const RULES = new Map<string, Json>();

/**
 * States, in JSON Schema keywords, a rule of a request class that spans its fields and that its
 * validation enforces (which of two fields is required, a field only with a certain value of
 * another): `oneOf`/`anyOf` of the allowed shapes, and an `example` that obeys it, so a fuzzer or
 * client built from the document sends what the service accepts. The OpenAPI documents carry it as
 * an extension of the class's schema, wherever the class appears (a component or an inline
 * property): @qis/runtime's documentValidationRules. Here, beside the contracts' own classes (the
 * seller's facts), as this lib imports nothing of ours.
 */
export function RuleAcrossFields(rule: Json): ClassDecorator {
  return (target) => {
    RULES.set(target.name, { ...RULES.get(target.name), ...rule });
  };
}

/** The rules across fields declared so far, by class name. */
export const rulesAcrossFields = (): ReadonlyMap<string, Json> => RULES;
