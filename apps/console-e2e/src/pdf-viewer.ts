import type { Page } from 'playwright-core';

export interface ShownPdf {
  /** The text layer's words (whitespace removed): what pdf.js read from the page drawn. */
  text: string;
  /** Non-white pixels sampled on the canvas: more than 0 once the page is drawn. */
  inked: number;
  canvas: { left: number; right: number; width: number };
  viewportWidth: number;
  pageLabel: string;
  download: string | null;
}

/**
 * Waits until the shared PDF viewer `testId` has drawn a page whose text layer holds `expected`
 * (the viewer in the page, not a frame or a new tab), then reports what it shows.
 */
export async function shownPdf(page: Page, testId: string, expected: string): Promise<ShownPdf> {
  const viewer = page.locator(`[data-testid="${testId}"]`);
  await viewer
    .locator('canvas[data-testid="pdf-canvas"], [data-testid="pdf-error"]')
    .first()
    .waitFor({ timeout: 30_000 });
  const failed = viewer.locator('[data-testid="pdf-error"]');
  if (await failed.count()) throw new Error(`the PDF viewer failed: ${await failed.innerText()}`);
  const selector = `[data-testid="${testId}"]`;
  await page.waitForFunction(
    ([sel, want]) => {
      const root = document.querySelector(sel!);
      const text = root?.querySelector('[data-testid="pdf-text-layer"]')?.textContent ?? '';
      return root?.getAttribute('data-rendered-page') && text.replace(/\s+/g, '').includes(want!);
    },
    [selector, expected.replace(/\s+/g, '')],
    { timeout: 30_000 },
  );
  return page.evaluate((sel) => {
    const root = document.querySelector(sel)!;
    const canvas = root.querySelector<HTMLCanvasElement>('canvas[data-testid="pdf-canvas"]')!;
    const ctx = canvas.getContext('2d')!;
    const { data } = ctx.getImageData(0, 0, canvas.width, canvas.height);
    let inked = 0;
    for (let i = 0; i < data.length; i += 4 * 97) if (data[i]! < 200) inked += 1;
    const box = canvas.getBoundingClientRect();
    return {
      text: (root.querySelector('[data-testid="pdf-text-layer"]')?.textContent ?? '').replace(/\s+/g, ''),
      inked,
      canvas: { left: box.left, right: box.right, width: box.width },
      viewportWidth: window.innerWidth,
      pageLabel: root.querySelector('[data-testid="pdf-page"]')?.textContent ?? '',
      download: root.querySelector('a[download]')?.getAttribute('download') ?? null,
    };
  }, selector);
}
