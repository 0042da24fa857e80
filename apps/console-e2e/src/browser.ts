import { mkdirSync } from 'node:fs';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { repoRoot } from '@qis/testing';
import type { ConsoleUser } from './console-harness';

const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

/** Debian's Chromium, headless, without the background traffic this closed network refuses. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

export const DESKTOP = { width: 1366, height: 900 };
export const PHONE = { width: 390, height: 844 };

export type Language = 'zh-CN' | 'en';

/**
 * A fresh browser context (no session), desktop or phone, Asia/Shanghai, in `language`. Actions
 * and waits give up after 60 s rather than Playwright's 30 s: on a 2-core CI machine two browser
 * specs and the stack share the cores, and a click that lands late is not a failure of the page.
 */
export async function newContext(
  browser: Browser,
  options: { phone?: boolean; language?: Language } = {},
): Promise<BrowserContext> {
  const context = await browser.newContext({
    viewport: options.phone ? PHONE : DESKTOP,
    isMobile: options.phone ?? false,
    hasTouch: options.phone ?? false,
    deviceScaleFactor: 1,
    locale: options.language ?? 'zh-CN',
    timezoneId: 'Asia/Shanghai',
  });
  context.setDefaultTimeout(60_000);
  return context;
}

/** Opens `url` and signs in on Keycloak's own login page, as a person would; back on the console. */
export async function signIn(page: Page, consoleUrl: string, user: ConsoleUser, target = '/'): Promise<void> {
  await page.goto(`${consoleUrl}${target}`);
  await page.waitForURL(
    (u) => u.pathname.includes('/protocol/openid-connect/auth') || u.pathname.includes('/login-actions/'),
  );
  await page.locator('#username').fill(user.username);
  await page.locator('#password').fill(user.password);
  await page.locator('#kc-login').click();
  await page.waitForURL((u) => u.origin === new URL(consoleUrl).origin, { timeout: 30_000 });
}

const artifacts = () => path.join(repoRoot(), 'test-artifacts', 'console');

/**
 * Until nothing shown is still loading: no Ant Design spinner or active skeleton on screen, and no
 * content faded behind one (a table's rows stay dimmed for the length of the fade-out after its
 * spinner stops).
 */
export async function settled(page: Page): Promise<void> {
  await page.waitForFunction(
    () => {
      const shown = (el: Element) => {
        const box = el.getBoundingClientRect();
        return box.width > 0 && box.height > 0;
      };
      const loading = Array.from(
        document.querySelectorAll('.ant-spin-spinning, .ant-skeleton-active, .ant-spin-blur'),
      );
      const faded = Array.from(document.querySelectorAll('.ant-spin-container')).filter(
        (el) => Number(getComputedStyle(el).opacity) < 1,
      );
      return !loading.some(shown) && !faded.some(shown);
    },
    null,
    { timeout: 30_000 },
  );
}

/**
 * Picks `option` in the Ant Design Select whose search box (or root) is `select`, and waits until it
 * shows it. On a loaded machine a click can land while the dropdown is still opening and be lost
 * (seen in a fresh-clone run: the field stayed empty and the form refused to submit); the pick is
 * then made again, up to three times.
 */
export async function chooseOption(page: Page, select: Locator, option: string): Promise<void> {
  const root = select.locator(
    'xpath=ancestor-or-self::*[contains(concat(" ", @class, " "), " ant-select ")][1]',
  );
  for (let attempt = 1; ; attempt++) {
    await select.click();
    await page.locator('.ant-select-item-option', { hasText: option }).click();
    try {
      await root.locator('.ant-select-selection-item', { hasText: option }).waitFor({ timeout: 5_000 });
      return;
    } catch (error) {
      if (attempt >= 3) throw error;
    }
  }
}

/** A full-page screenshot kept as a test artifact (test-artifacts/console/<name>.png), once the page has loaded. */
export async function screenshot(page: Page, name: string): Promise<string> {
  await settled(page);
  // From the top: fixed parts (the header) are drawn where the window is, not half-way down.
  await page.evaluate(() => window.scrollTo(0, 0));
  mkdirSync(artifacts(), { recursive: true });
  const file = path.join(artifacts(), `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

/** axe-core on the page as it is now: the serious and critical violations (none expected). */
export async function seriousViolations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.help} — ${v.nodes
          .map((n) => n.target.join(' '))
          .slice(0, 3)
          .join('; ')}`,
    );
}
