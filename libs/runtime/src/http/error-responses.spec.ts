import type { OpenAPIObject } from '@nestjs/swagger';
import { documentErrorResponses } from './error-responses';

const ERROR = { 'application/json': { schema: { $ref: '#/components/schemas/ErrorResponse' } } };

const document = (): OpenAPIObject => ({
  openapi: '3.0.0',
  info: { title: 't', version: '1' },
  paths: {
    '/health/live': { get: { responses: { '200': { description: 'up' } } } },
    '/v1/assignments/{id}/accept': {
      post: {
        parameters: [{ in: 'path', name: 'id', required: true, schema: { type: 'string' } }],
        requestBody: { content: { 'application/json': { schema: { type: 'object' } } } },
        responses: {
          '200': { description: 'accepted' },
          '401': { description: 'missing, invalid or expired bearer token' },
          '409': { description: 'not dispatched any more' },
        },
      },
    },
  },
});

describe('documentErrorResponses', () => {
  it('gives every declared error the one error schema and adds the errors the framework answers', () => {
    const doc = documentErrorResponses(document());
    const accept = doc.paths['/v1/assignments/{id}/accept'].post!.responses;
    expect(Object.keys(accept).sort()).toEqual(['200', '400', '401', '404', '409', '413', '415']);
    for (const status of ['400', '401', '404', '409', '413', '415'])
      expect(accept[status]).toMatchObject({ content: ERROR });
    expect(accept['409']).toMatchObject({ description: 'not dispatched any more' });
    expect(accept['200']).toEqual({ description: 'accepted' });
    expect(doc.components?.schemas?.ErrorResponse).toMatchObject({
      required: ['statusCode', 'error', 'code', 'message', 'requestId'],
    });
  });

  it('adds nothing to an operation without parameters or body', () => {
    const doc = documentErrorResponses(document());
    expect(doc.paths['/health/live'].get!.responses).toEqual({ '200': { description: 'up' } });
  });
});
