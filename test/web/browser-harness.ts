import { rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { DemoDataLoader, DemoDataModule } from '@app/demo-setup';
import { serveWebConsole } from '@app/http';
import { IndexReconcilerService } from '@app/indexing';
import { MatchRunsService } from '@app/matching';
import { SEARCH_INDEXES } from '@app/search';
import { createTestApp, HttpClient, TestApp } from '@app/testing';
import { PLATFORM_FEATURES } from '../../apps/platform/src/platform-features';
import { ARTIFACTS, buildWebConsole, launch, requireChromium } from './browser';

/** The demo accounts' password in the browser tests. */
export const PASSWORD = 'Demo-web-pw1';

/** Reads until `ok` holds (every 0.5 s) or `timeoutMs` has passed; undefined when it never held. */
export async function eventually<T>(read: () => Promise<T>, ok: (value: T) => boolean, timeoutMs: number): Promise<T | undefined> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (ok(value)) return value;
    if (Date.now() > deadline) return undefined;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

/**
 * The browser tests' platform and browser: the real platform (both APIs, the matcher, the demo data) on a private
 * database, serving a fresh build of the web console on a local port, and Debian's Chromium.
 */
export class WebHarness {
  t!: TestApp;
  http!: HttpClient;
  /** The console's address, e.g. http://127.0.0.1:41234. */
  base!: string;
  browser!: Browser;
  private webDir?: string;

  /** Builds the console, starts the platform with the demo data and its search indexes, and requests a startup match run (its id). */
  async start(): Promise<string> {
    requireChromium();
    const webDir = buildWebConsole();
    this.webDir = webDir;
    this.t = await createTestApp([...PLATFORM_FEATURES, DemoDataModule], { DEMO_MODE: 'true', DEMO_PASSWORD: PASSWORD }, (app) => serveWebConsole(app, webDir));
    await this.t.app.listen(0, '127.0.0.1');
    this.base = (await this.t.app.getUrl()).replace('[::1]', '127.0.0.1');
    this.http = new HttpClient(this.t.app);
    expect((await this.t.app.get(DemoDataLoader).loadIfEmpty()).loaded).toBe(true);
    for (const index of SEARCH_INDEXES) await this.t.app.get(IndexReconcilerService).rebuild(index);
    return (await this.t.app.get(MatchRunsService).request('startup', null)).id;
  }

  async launchBrowser(): Promise<void> {
    this.browser = await launch();
  }

  async close(): Promise<void> {
    await this.browser?.close();
    await this.t?.close();
    if (this.webDir) rmSync(this.webDir, { recursive: true, force: true });
  }

  /** A new browser context (empty cache, no sign-in): desktop, or a phone when `mobile`. */
  async newPage(mobile = false): Promise<{ context: BrowserContext; page: Page }> {
    // Reduced motion: the console then shows no fades or colour transitions, so axe never reads a colour half-way
    // through one (a button fading in after it is enabled, a toast appearing) — those failed as low contrast under load.
    const screen = mobile ? { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 } : { viewport: { width: 1366, height: 900 } };
    const context = await this.browser.newContext({ ...screen, reducedMotion: 'reduce' });
    context.setDefaultTimeout(15_000);
    return { context, page: await context.newPage() };
  }

  /** A journey's browser tab: on failure, a screenshot of where it stopped (FAILED-<name>.png) before the error. */
  async withPage(name: string, mobile: boolean, steps: (page: Page) => Promise<void>): Promise<void> {
    const { context, page } = await this.newPage(mobile);
    try {
      await steps(page);
    } catch (error) {
      await page.screenshot({ path: join(ARTIFACTS, `FAILED-${name}.png`), fullPage: true }).catch(() => undefined);
      throw error;
    } finally {
      await context.close();
    }
  }

  /** Signs in through the console's login form and waits for the role's landing page. */
  async signIn(page: Page, username: string, landing: RegExp, password = PASSWORD): Promise<void> {
    await page.goto(`${this.base}/login`);
    await page.fill('#username', username);
    await page.fill('#password', password);
    await page.click('button[type=submit]');
    await page.waitForURL(landing);
  }
}
