import type { Browser, Page } from 'playwright-core';
import { newContext, screenshot, seriousViolations, signIn, type Language } from './browser';
import type { ConsoleStack } from './console-harness';

const LANGUAGE_KEY = 'qis.console.language';

/** Pages seen, with the axe-core findings of each (serious or critical only). */
export const violations: Record<string, string[]> = {};

/**
 * The page at `path` in Chinese and English: a full-page screenshot of each
 * (test-artifacts/console/<name>-<language>-<device>.png) and axe-core on each.
 */
export async function capture(
  page: Page,
  url: string,
  path: string,
  name: string,
  device: 'desktop' | 'phone',
) {
  for (const language of ['zh-CN', 'en'] as Language[]) {
    await page.evaluate(([k, v]) => localStorage.setItem(k, v), [LANGUAGE_KEY, language]);
    await page.goto(`${url}${path}`);
    await page.locator('main h1').first().waitFor({ timeout: 30_000 });
    // Loaded (tables, queues and forms show a spinner while their queries run): screenshot waits.
    const label = `${name}-${language}-${device}`;
    await screenshot(page, label);
    violations[label] = await seriousViolations(page);
  }
  await page.evaluate((k) => localStorage.setItem(k, 'zh-CN'), LANGUAGE_KEY);
}

/** Signs `username` in on a fresh context of the device and captures each path. */
export async function captureAs(
  browser: Browser,
  stack: ConsoleStack,
  username: string,
  device: 'desktop' | 'phone',
  pages: Array<{ path: string; name: string }>,
) {
  const context = await newContext(browser, { phone: device === 'phone' });
  try {
    const page = await context.newPage();
    await signIn(page, stack.url, stack.user(username));
    for (const p of pages) await capture(page, stack.url, p.path, p.name, device);
  } finally {
    await context.close();
  }
}
