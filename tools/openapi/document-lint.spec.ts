import { documentProblems } from './document-lint';

const lostType = { allOf: [{ $ref: '#/components/schemas/Object' }], default: 1, minimum: 1 };

describe('documentProblems', () => {
  it('names a query parameter, a body and a schema property whose type was lost', () => {
    const problems = documentProblems('lab-gateway', {
      paths: {
        '/v1/assignments': {
          get: {
            operationId: 'listAssignments',
            parameters: [{ in: 'query', name: 'page', schema: lostType }],
          },
          post: {
            operationId: 'createAssignment',
            requestBody: { content: { 'application/json': { schema: lostType } } },
          },
        },
      },
      components: { schemas: { Page: { properties: { total: lostType, page: { type: 'integer' } } } } },
    });
    expect(problems).toEqual([
      expect.stringContaining('lab-gateway: GET /v1/assignments query parameter page has no type'),
      expect.stringContaining('lab-gateway: POST /v1/assignments request body has no type'),
      expect.stringContaining('lab-gateway: schema Page.total has no type'),
    ]);
  });

  it('names an operation without an operationId and two that share one', () => {
    expect(
      documentProblems('lab-gateway', {
        paths: {
          '/labs': { get: { operationId: 'list' } },
          '/dispatches': { get: { operationId: 'list' }, post: {} },
        },
      }),
    ).toEqual([
      'lab-gateway: GET /dispatches and GET /labs share operationId list: rename one controller method',
      'lab-gateway: POST /dispatches has no operationId',
    ]);
  });

  it('passes a document whose parameters are typed', () => {
    expect(
      documentProblems('planning', {
        paths: {
          '/plans': {
            get: {
              operationId: 'listPlans',
              parameters: [{ in: 'query', name: 'page', schema: { type: 'integer', minimum: 1 } }],
            },
          },
        },
      }),
    ).toEqual([]);
  });

  it('names a link to an operation the document lacks and a parameter its target does not take', () => {
    const created = (links: object) => ({ '201': { links } });
    expect(
      documentProblems('planning', {
        paths: {
          '/plans': {
            post: {
              operationId: 'create',
              responses: created({
                approve: { operationId: 'approve', parameters: { id: '$response.body#/id' } },
                issue: { operationId: 'issue', parameters: { id: '$response.body#/id' } },
                get: { operationId: 'get', parameters: { planId: '$response.body#/id' } },
              }),
            },
          },
          '/plans/{id}': { get: { operationId: 'get', parameters: [{ in: 'path', name: 'id' }] } },
          '/plans/{id}/approve': {
            post: { operationId: 'approve', parameters: [{ in: 'path', name: 'id' }] },
          },
        },
      }),
    ).toEqual([
      'planning: link issue of create (201) leads to no operation (issue)',
      'planning: link get of create (201) fills planId, which get does not take',
    ]);
  });
});
