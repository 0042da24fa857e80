import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import type { ServiceConfig } from '@qis/config';
import { RuntimeModule } from '../runtime.module';
import type { ServiceDefinition } from '../service-definition';
import { documentErrorResponses } from './error-responses';
import { documentValidationRules, handlerParamClasses } from './validation-schemas';

/**
 * The service's OpenAPI document, as served at `/docs-json`. Each operation's `operationId` is its
 * controller method's name (`listAssignments`), unique within the service (npm run openapi refuses
 * a duplicate), so generated clients get the names we chose rather than `LabApiController_list`.
 */
export function openApiDocument(
  app: INestApplication,
  def: Pick<ServiceDefinition, 'title' | 'description'>,
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
  return documentErrorResponses(
    documentValidationRules(withoutAuthorizationHeaders(document), handlerParamClasses(app)),
  );
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
