import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import type { ServiceConfig } from '@qis/config';
import { RuntimeModule } from '../runtime.module';
import type { OpenApiLink, ServiceDefinition } from '../service-definition';
import { documentErrorResponses } from './error-responses';
import { documentValidationRules, handlerParamClasses } from './validation-schemas';

/**
 * The service's OpenAPI document, as served at `/docs-json`. Each operation's `operationId` is its
 * controller method's name (`listAssignments`), unique within the service (npm run openapi refuses
 * a duplicate), so generated clients get the names we chose rather than `LabApiController_list`.
 */
export function openApiDocument(
  app: INestApplication,
  def: Pick<ServiceDefinition, 'title' | 'description' | 'openApiLinks'>,
): OpenAPIObject {
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle(def.title)
      .setDescription(def.description)
      .setVersion('1')
      .addBearerAuth()
      .build(),
    { operationIdFactory: (_controllerKey: string, methodKey: string) => methodKey },
  );
  return withLinks(
    documentErrorResponses(
      documentValidationRules(withoutAuthorizationHeaders(document), handlerParamClasses(app)),
    ),
    def.openApiLinks ?? [],
  );
}

type Operation = { operationId?: string; responses?: Record<string, { links?: Record<string, unknown> }> };

/**
 * Each link on the success answers (2xx) of its `from` operation, named after the operation it
 * leads to. A link to an operation or parameter the document lacks is left for npm run openapi to
 * refuse by name (document-lint), so a renamed handler cannot leave a dead link behind.
 */
function withLinks(document: OpenAPIObject, links: readonly OpenApiLink[]): OpenAPIObject {
  if (links.length === 0) return document;
  const operations = new Map<string, Operation>();
  for (const item of Object.values(document.paths))
    for (const operation of Object.values(item as Record<string, Operation>))
      if (typeof operation === 'object' && operation?.operationId)
        operations.set(operation.operationId, operation);
  for (const link of links) {
    const from = operations.get(link.from);
    if (!from) throw new Error(`OpenAPI link from unknown operation ${link.from}`);
    for (const [status, response] of Object.entries(from.responses ?? {})) {
      if (!/^2\d\d$/.test(status)) continue;
      response.links = {
        ...response.links,
        ...Object.fromEntries(
          link.to.map((to) => [to, { operationId: to, parameters: { ...link.parameters } }]),
        ),
      };
    }
  }
  return document;
}

/**
 * A handler that reads the caller's token (`@Headers('authorization')`, to forward it) would list
 * `authorization` as a header parameter of its own; the bearer security scheme already states it.
 */
function withoutAuthorizationHeaders(document: OpenAPIObject): OpenAPIObject {
  for (const item of Object.values(document.paths))
    for (const operation of Object.values(
      item as Record<string, { parameters?: Array<{ in?: string; name?: string }> }>,
    ))
      if (Array.isArray(operation?.parameters))
        operation.parameters = operation.parameters.filter(
          (p) => !(p.in === 'header' && p.name?.toLowerCase() === 'authorization'),
        );
  return document;
}

/**
 * The same document without any server: Nest's preview mode resolves the modules and routes but
 * instantiates no provider, so no database, broker or object store is touched and the config is
 * only the class's defaults (no route depends on it). Used by `npm run openapi`.
 */
export async function renderOpenApiDocument<C extends ServiceConfig>(
  def: ServiceDefinition<C>,
): Promise<OpenAPIObject> {
  const app = await NestFactory.create(RuntimeModule.forService(def, new def.config()), {
    preview: true,
    logger: false,
    abortOnError: false,
  });
  try {
    return openApiDocument(app, def);
  } finally {
    await app.close();
  }
}
