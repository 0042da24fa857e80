import type { Browser } from 'playwright-core';
import { launchBrowser, newContext, signIn } from './browser';
import { startConsoleStack, type ConsoleStack } from './console-harness';

jest.setTimeout(300_000);

/**
 * The browser's one origin: the console at /, every service under /api/<service>/, the sign-in on
 * Keycloak's own page; strict security headers; no cross-origin access to the APIs.
 */
describe('the console behind nginx, signed in through Keycloak', () => {
  let stack: ConsoleStack;
  let browser: Browser;

  beforeAll(async () => {
    [stack, browser] = await Promise.all([startConsoleStack(), launchBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  it('serves the console with a strict content security policy and no framing', async () => {
    const res = await fetch(`${stack.url}/`);
    expect(res.status).toBe(200);
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    // No JavaScript eval. WebAssembly may compile ('wasm-unsafe-eval': the browser-side SHA-256 of
    // evidence uploads, hash-wasm), which allows no eval of script text.
    const scriptSrc = (/script-src ([^;]*)/.exec(csp)?.[1] ?? '').split(/\s+/);
    expect(scriptSrc).not.toContain("'unsafe-eval'");
    expect(scriptSrc).not.toContain("'unsafe-inline'");
    expect(scriptSrc.filter((s) => s !== "'self'" && s !== "'wasm-unsafe-eval'")).toEqual([]);
    // Frames: Keycloak's (silent sign-in) only. PDFs are drawn by pdf.js in the page, its worker
    // from this origin: no blob: frame.
    const frameSrc = (/frame-src ([^;]*)/.exec(csp)?.[1] ?? '').split(/\s+/);
    expect(frameSrc.filter((s) => !s.startsWith('http'))).toEqual([]);
    expect(csp).toContain("worker-src 'self'");
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('x-frame-options')).toBe('DENY');
    // A deep link is the console's too (the app routes it).
    expect((await fetch(`${stack.url}/plans/new`)).headers.get('content-type')).toContain('text/html');
  });

  it('names its realm in /config.json and proxies each service under /api/<service>/', async () => {
    const config = (await (await fetch(`${stack.url}/config.json`)).json()) as Record<string, string>;
    expect(config).toEqual({
      keycloakUrl: process.env['KEYCLOAK_URL'],
      realm: stack.realm,
      clientId: 'qis-console',
      // Where the console links to the public page (the disclosure service unless configured).
      publicSiteUrl: expect.stringMatching(/^https?:\/\/[^/]+/),
    });
    for (const service of [
      'planning',
      'purchasing',
      'evidence',
      'lab-gateway',
      'enforcement',
      'disclosure',
    ]) {
      const res = await fetch(`${stack.url}/api/${service}/health/ready`);
      expect({ service, status: res.status }).toEqual({ service, status: 200 });
    }
  });

  it('answers an API call without a token with 401 and allows no other origin (no CORS)', async () => {
    const res = await fetch(`${stack.url}/api/planning/plans`, {
      headers: { origin: 'https://evil.example' },
    });
    expect(res.status).toBe(401);
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
    expect(((await res.json()) as { statusCode: number }).statusCode).toBe(401);
  });

  it("signs a planner in on Keycloak's login page and brings them back to the console", async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await signIn(page, stack.url, stack.user('planner-a'));
    expect(new URL(page.url()).origin).toBe(stack.url);
    await context.close();
  });
});
