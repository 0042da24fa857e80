import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Controller, Get, Module, Param, type INestApplication } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { Test } from '@nestjs/testing';
import { SignJWT, type JWTPayload } from 'jose';
import request from 'supertest';
import { AuthGuard } from './auth.guard';
import { CurrentPrincipal } from './current-principal.decorator';
import type { Principal } from './principal';
import { Policy, Public } from './policy.decorator';
import { assertEveryRouteHasPolicy, listRoutes } from './route-policies';
import { TokenVerifier } from './token-verifier';
import { UnpolicedRoutesError } from './unpoliced-routes.error';

const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const keyFile = path.join(mkdtempSync(path.join(tmpdir(), 'qis-guard-')), 'jwt.pub');
writeFileSync(keyFile, publicKey.export({ type: 'spki', format: 'pem' }));
const token = (claims: JWTPayload, ttl = 300) =>
  new SignJWT(claims)
    .setProtectedHeader({ alg: 'RS256' })
    .setExpirationTime(Math.floor(Date.now() / 1000) + ttl)
    .sign(privateKey);

@Controller('samples')
class SampleController {
  @Get('public')
  @Public()
  open(): string {
    return 'open';
  }

  @Get(':id')
  @Policy({ roles: ['lab', 'auditor'], scope: 'lab' })
  one(@Param('id') id: string, @CurrentPrincipal() who: Principal): { id: string; by: string } {
    return { id, by: who.sub };
  }
}

@Controller('unguarded')
class UnpolicedController {
  @Get()
  forgotten(): string {
    return 'oops';
  }
}

async function appWith(controllers: Array<new (...args: never[]) => unknown>): Promise<INestApplication> {
  @Module({
    controllers,
    providers: [
      {
        provide: TokenVerifier,
        useFactory: () => TokenVerifier.fromSettings({ publicKeyFile: keyFile, clockToleranceSeconds: 5 }),
      },
      { provide: APP_GUARD, useClass: AuthGuard },
    ],
  })
  class AppModule {}
  const moduleRef = await Test.createTestingModule({ imports: [AppModule] }).compile();
  return moduleRef.createNestApplication({ logger: false });
}

describe('AuthGuard', () => {
  let app: INestApplication;
  beforeAll(async () => {
    app = await appWith([SampleController]);
    await app.init();
  });
  afterAll(() => app.close());

  it('lets anyone call a public route', async () => {
    await request(app.getHttpServer()).get('/samples/public').expect(200, 'open');
  });

  it('answers 401 with a JSON body and a Bearer challenge without a token, or with a bad or expired one', async () => {
    const none = await request(app.getHttpServer()).get('/samples/s1');
    expect(none.status).toBe(401);
    expect(none.body).toMatchObject({
      statusCode: 401,
      error: 'Unauthorized',
      message: 'missing bearer token',
    });
    expect(none.headers['www-authenticate']).toMatch(/^Bearer/);
    const expired = await request(app.getHttpServer())
      .get('/samples/s1')
      .set('authorization', `Bearer ${await token({ sub: 'a', roles: ['lab'], labId: 'L1' }, -60)}`);
    expect(expired.body).toMatchObject({ statusCode: 401, message: 'token expired' });
    const basic = await request(app.getHttpServer()).get('/samples/s1').set('authorization', 'Basic YTpi');
    expect(basic.status).toBe(401);
  });

  it('answers 403 to a valid token whose roles or scope the policy does not allow', async () => {
    for (const claims of [
      { sub: 'b', roles: ['buyer'] },
      { sub: 'l', roles: ['lab'] },
    ]) {
      const res = await request(app.getHttpServer())
        .get('/samples/s1')
        .set('authorization', `Bearer ${await token(claims)}`);
      expect(res.status).toBe(403);
      expect(res.body).toMatchObject({ statusCode: 403, error: 'Forbidden', message: 'not allowed' });
    }
  });

  it('hands the verified principal to the handler', async () => {
    await request(app.getHttpServer())
      .get('/samples/s1')
      .set('authorization', `Bearer ${await token({ sub: 'lab-user', roles: ['lab'], labId: 'L001' })}`)
      .expect(200, { id: 's1', by: 'lab-user' });
  });

  it('lists each route with the policy its decorators declare', () => {
    expect(listRoutes(app).map((r) => [r.method, r.path, r.policy])).toEqual([
      ['GET', '/samples/:id', { roles: ['lab', 'auditor'], scope: 'lab' }],
      ['GET', '/samples/public', { public: true }],
    ]);
  });
});

describe('a route without a policy', () => {
  it('is refused before the application serves anything, naming the route', async () => {
    const app = await appWith([SampleController, UnpolicedController]);
    let caught: unknown;
    try {
      assertEveryRouteHasPolicy(app);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(UnpolicedRoutesError);
    expect((caught as UnpolicedRoutesError).routes).toEqual([
      'GET /unguarded (UnpolicedController.forgotten)',
    ]);
    await app.close();
  });
});
