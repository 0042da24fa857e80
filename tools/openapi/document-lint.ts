/**
 * What a client generator of another ecosystem would trip over in a document, found before it is
 * written: a property whose TypeScript type reached Nest's reflection as `Object` (a class field
 * with only an initializer, `page = 1`, is reflected as `Object`), which @nestjs/swagger documents
 * as `allOf: [{ $ref: Object }]` — openapi-python-client then skips the whole operation; and an
 * operation without an `operationId`, or with one another operation of the service has, which a
 * generator would name after the path or suffix with a number.
 */
const LOST_TYPE = '#/components/schemas/Object';

const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'] as const;

interface Operation {
  operationId?: string;
  parameters?: Array<{ name?: string; in?: string; schema?: unknown }>;
  requestBody?: unknown;
  responses?: Record<string, { links?: Record<string, { operationId?: string; parameters?: object }> }>;
}

const refersTo = (value: unknown, ref: string): boolean => {
  if (Array.isArray(value)) return value.some((item) => refersTo(item, ref));
  if (typeof value !== 'object' || value === null) return false;
  const record = value as Record<string, unknown>;
  return record.$ref === ref || Object.values(record).some((item) => refersTo(item, ref));
};

/** Each problem as one line naming the operation or schema and what to do. */
export function documentProblems(service: string, document: unknown): string[] {
  const doc = document as {
    paths?: Record<string, Partial<Record<(typeof METHODS)[number], Operation>>>;
    components?: { schemas?: Record<string, unknown> };
  };
  const problems: string[] = [];
  const lost = (where: string) =>
    problems.push(
      `${service}: ${where} has no type (reflected as Object): give its @ApiProperty a type, e.g. type: 'integer'`,
    );
  const operationIds = new Map<string, string>();
  for (const [path, operations] of Object.entries(doc.paths ?? {})) {
    for (const method of METHODS) {
      const operation = operations[method];
      if (!operation) continue;
      const name = `${method.toUpperCase()} ${path}`;
      const id = operation.operationId;
      if (!id) problems.push(`${service}: ${name} has no operationId`);
      else if (operationIds.has(id))
        problems.push(
          `${service}: ${name} and ${operationIds.get(id)} share operationId ${id}: rename one controller method`,
        );
      else operationIds.set(id, name);
      for (const parameter of operation.parameters ?? [])
        if (refersTo(parameter.schema, LOST_TYPE))
          lost(`${name} ${parameter.in} parameter ${parameter.name}`);
      if (refersTo(operation.requestBody, LOST_TYPE)) lost(`${name} request body`);
      if (refersTo(operation.responses, LOST_TYPE)) lost(`${name} response`);
    }
  }
  problems.push(...linkProblems(service, doc.paths ?? {}));
  for (const [schema, body] of Object.entries(doc.components?.schemas ?? {})) {
    const properties = (body as { properties?: Record<string, unknown> }).properties ?? {};
    for (const [property, definition] of Object.entries(properties))
      if (refersTo(definition, LOST_TYPE)) lost(`schema ${schema}.${property}`);
  }
  return problems;
}

/**
 * A link (how one answer feeds the next operation) must lead to an operation of the document and
 * fill only parameters that operation has: a renamed handler or parameter would otherwise leave a
 * link a stateful client follows into nothing.
 */
function linkProblems(
  service: string,
  paths: Record<string, Partial<Record<(typeof METHODS)[number], Operation>>>,
): string[] {
  const operations = new Map<string, Operation>();
  for (const item of Object.values(paths))
    for (const method of METHODS) {
      const operation = item[method];
      if (operation?.operationId) operations.set(operation.operationId, operation);
    }
  const problems: string[] = [];
  for (const [id, operation] of operations)
    for (const [status, response] of Object.entries(operation.responses ?? {}))
      for (const [name, link] of Object.entries(response.links ?? {})) {
        const target = link.operationId ? operations.get(link.operationId) : undefined;
        const where = `${service}: link ${name} of ${id} (${status})`;
        if (!target) {
          problems.push(`${where} leads to no operation (${link.operationId ?? 'no operationId'})`);
          continue;
        }
        const known = new Set((target.parameters ?? []).map((p) => p.name));
        for (const parameter of Object.keys(link.parameters ?? {}))
          if (!known.has(parameter))
            problems.push(`${where} fills ${parameter}, which ${link.operationId} does not take`);
      }
  return problems;
}
