/** Debian's Chromium through playwright-core; Playwright never downloads a browser here. */
import fs from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';
import { readEnv } from '@ikz/shared-types/env';

export const CHROMIUM = readEnv(['CHROMIUM_PATH']).CHROMIUM_PATH;

export function launchChromium(): Promise<Browser> {
  if (!fs.existsSync(CHROMIUM))
    throw new Error(
      `Chromium not found at ${CHROMIUM}: install Debian's package (apt-get install chromium) or set CHROMIUM_PATH.`,
    );
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-quic',
      '--no-first-run',
    ],
  });
}

/**
 * Adds up the page's layout shifts without recent input from its first frame (window.__layoutShift); read it with
 * `layoutShift(page)`, which waits two frames so that the last shifts are reported.
 */
export async function observeLayoutShift(page: Page): Promise<void> {
  await page.addInitScript(`window.__layoutShift = 0;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) if (!entry.hadRecentInput) window.__layoutShift += entry.value;
    }).observe({ type: 'layout-shift', buffered: true });`);
}

export async function layoutShift(page: Page): Promise<number> {
  await page.evaluate('new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)))');
  return (await page.evaluate('window.__layoutShift')) as number;
}

/** Collects every CSP violation of the page (console messages and `securitypolicyviolation` events) from its first frame. */
export async function collectCspViolations(page: Page): Promise<string[]> {
  const violations: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy|Refused to/i.test(message.text())) violations.push(message.text());
  });
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) =>
      console.error(`Refused to load: CSP ${e.violatedDirective} ${e.blockedURI}`),
    );
  });
  return violations;
}
