/** Opens a report in headless Chromium with the network blocked, as a student's browser would show it. */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';

export interface PageCheck {
  consoleErrors: string[];
  /** Every request other than the file itself and data: URIs. */
  requests: string[];
  /** Rendered size of every <img> and <svg>, and whether it decoded. */
  images: { alt: string; width: number; height: number; complete: boolean }[];
  dialogs: string[];
  title: string;
  /** The page's visible text. */
  text: string;
}

export interface ReportBrowser {
  /** Loads `file`, checks it, optionally takes a screenshot of its first screen as first shown. */
  open(file: string, screenshot?: string): Promise<PageCheck>;
  close(): Promise<void>;
}

/** One headless Chromium with a fresh profile and no network; each report opens in its own page. */
export async function launchBrowser(): Promise<ReportBrowser> {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: install Debian's chromium (apt-get install -y chromium; .ci/run does it)`);
  const profile = mkdtempSync(path.join(os.tmpdir(), 'tfgrade-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    offline: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    viewport: { width: 1200, height: 900 },
  });
  return {
    open: (file, screenshot) => openIn(context, file, screenshot),
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

async function openIn(context: BrowserContext, file: string, screenshot?: string): Promise<PageCheck> {
  const page = await context.newPage();
  try {
    const check: PageCheck = { consoleErrors: [], requests: [], images: [], dialogs: [], title: '', text: '' };
    page.on('console', (m) => m.type() === 'error' && check.consoleErrors.push(m.text()));
    page.on('pageerror', (e) => check.consoleErrors.push(e.message));
    page.on('dialog', (d) => (check.dialogs.push(d.message()), void d.dismiss()));
    await page.route('**/*', (route) => {
      const url = route.request().url();
      if (url.startsWith('file:') || url.startsWith('data:')) return route.continue();
      check.requests.push(url);
      return route.abort();
    });
    await page.goto(`file://${file}`, { waitUntil: 'load' });
    if (screenshot) await page.screenshot({ path: screenshot });
    check.images = await imagesOf(page);
    check.title = await page.title();
    check.text = await page.innerText('body');
    return check;
  } finally {
    await page.close();
  }
}

async function imagesOf(page: Page): Promise<PageCheck['images']> {
  // Closed <details> hide their pictures; open them all so that every picture is laid out.
  await page.evaluate(() => document.querySelectorAll('details').forEach((d) => (d.open = true)));
  return page.$$eval('img', (imgs) =>
    imgs.map((i) => ({ alt: i.alt, width: i.getBoundingClientRect().width, height: i.getBoundingClientRect().height, complete: i.complete && i.naturalWidth > 0 })),
  );
}
