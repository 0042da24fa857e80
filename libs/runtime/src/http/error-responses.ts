import type { OpenAPIObject } from '@nestjs/swagger';

type Json = Record<string, unknown>;

/** The one error body every service answers with (`HttpErrorFilter`), as an OpenAPI schema. */
export const ERROR_RESPONSE_SCHEMA: Json = {
  type: 'object',
  description:
    'Every error of every service: the HTTP status, its name, a stable machine-readable code, what ' +
    'went wrong, the invalid fields with their reasons (400), the rule that refused the request ' +
    '(409/422 where one did), and the request id to quote when reporting it (also in the ' +
    'X-Request-Id response header).',
  required: ['statusCode', 'error', 'code', 'message', 'requestId'],
  properties: {
    statusCode: { type: 'integer', minimum: 400, maximum: 599, example: 400 },
    error: { type: 'string', example: 'Bad Request' },
    code: {
      type: 'string',
      pattern: '^[a-z][a-z0-9_]*$',
      description:
        'what went wrong, for programs to switch on (the message is for people and may change): ' +
        'validation_failed, not_found, conflict, four_eyes, calendar_year_unknown, … — every code with ' +
        'its status in docs/errors.md. New codes may be added; a client treats an unknown one by its status.',
      example: 'validation_failed',
    },
    message: {
      description: 'what went wrong, for a person',
      oneOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' } }],
      example: 'validation failed',
    },
    errors: {
      type: 'array',
      description: 'each invalid field (a path such as items[0].unit) and why',
      items: {
        type: 'object',
        required: ['field', 'reasons'],
        properties: {
          field: { type: 'string', example: 'sampleCode' },
          reasons: { type: 'array', items: { type: 'string' }, example: ['sampleCode must be a string'] },
        },
      },
    },
    rule: { type: 'string', description: 'the domain rule that refused the request', example: 'four-eyes' },
    requestId: { type: 'string', example: '5f0c6a1e-3b7d-4c59-9f0e-2a9b8e1d7c44' },
    errorId: { type: 'string', description: 'only on 500: the id of the log line with the cause' },
  },
  additionalProperties: true,
};

const ERROR_REF = { $ref: '#/components/schemas/ErrorResponse' };
const METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;

interface Operation {
  parameters?: Array<{ in?: string }>;
  requestBody?: unknown;
  responses?: Record<string, { description?: string; content?: unknown }>;
}

/**
 * Documents the errors each operation can answer, all with the one error schema: the ones its
 * decorators declare (401, 403, 409, 422 …) get the schema, and the ones the framework answers for
 * every such route are added where missing — 400 for a route with parameters or a body (each field
 * and reason), 404 for a route with a path parameter (unknown, or outside the caller's scope: the
 * same answer), 413 and 415 for a route with a body.
 */
export function documentErrorResponses(document: OpenAPIObject): OpenAPIObject {
  document.components = document.components ?? {};
  document.components.schemas = { ...document.components.schemas, ErrorResponse: ERROR_RESPONSE_SCHEMA };
  for (const [path, item] of Object.entries(document.paths)) {
    for (const method of METHODS) {
      const operation = (item as Record<string, Operation | undefined>)[method];
      if (!operation) continue;
      const responses = (operation.responses = operation.responses ?? {});
      const add = (status: string, description: string) => {
        responses[status] = responses[status] ?? { description };
      };
      const inputs = (operation.parameters ?? []).length > 0 || operation.requestBody !== undefined;
      if (inputs) add('400', 'malformed request: each invalid field and its reason in `errors`');
      if (path.includes('{')) add('404', 'not found, or outside what the caller may see (the same answer)');
      if (operation.requestBody !== undefined) {
        add('413', 'body larger than the limit');
        add('415', 'a charset or content encoding the service cannot read');
      }
      for (const [status, response] of Object.entries(responses)) {
        if (!/^[45]\d\d$/.test(status) || response.content !== undefined) continue;
        response.content = { 'application/json': { schema: ERROR_REF } };
      }
    }
  }
  return document;
}
