import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';

/** Page-side globals, for code that runs in the browser (the test project has no DOM library). */
declare const document: { querySelector(selector: string): unknown };
declare const window: unknown;

/** Debian's Chromium, installed by `.ci/run` when missing (`npx playwright install` cannot download browsers here). */
export const CHROMIUM = '/usr/bin/chromium';
export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-quic', '--no-first-run'];
export const ROOT = join(__dirname, '..', '..');
export const ARTIFACTS = join(ROOT, 'test', 'artifacts', 'web');
/** What "first load" may take on the 2-core development machine. */
/** The target for a page's first load (the budget); the figures are logged against it. */
export const FIRST_LOAD_BUDGET_MS = 2000;
/**
 * What fails the test: a gross regression. Speed is measured, not asserted tightly: the two cores are shared
 * with other test files, so a page may miss the 2 s target here while meeting it on a quiet machine.
 */
export const FIRST_LOAD_LIMIT_MS = 3 * FIRST_LOAD_BUDGET_MS;

export function requireChromium(): void {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`${CHROMIUM} is missing: the browser tests need Debian's chromium. Install it with: apt-get update && apt-get install -y chromium (.ci/run does this).`);
  }
}

/** Builds the console with Vite into a private folder (the tests never depend on a stale dist/web). */
export function buildWebConsole(): string {
  const out = mkdtempSync(join(tmpdir(), 'pes-web-'));
  execFileSync(join(ROOT, 'node_modules', '.bin', 'vite'), ['build', '--config', join(ROOT, 'apps', 'web', 'vite.config.mts'), '--outDir', out, '--logLevel', 'error'], {
    cwd: ROOT,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, NODE_ENV: 'production', VITE_CONFIG_NATIVE_IGNORE_WARNING: 'true' },
  });
  return out;
}

export async function launch(): Promise<Browser> {
  const { chromium } = await import('playwright-core');
  mkdirSync(ARTIFACTS, { recursive: true });
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
}

/** The page is ready: its heading shows and nothing is loading (skeletons, spinners). */
export async function settled(page: Page, timeout = 15_000): Promise<void> {
  await page.waitForSelector('h1', { timeout });
  await page.waitForFunction(() => !document.querySelector('.ant-skeleton, .ant-spin-spinning, .page-loading'), undefined, { timeout });
}

export interface Violation {
  id: string;
  impact: string | null;
  help: string;
  targets: string[];
}

/** axe-core on the current page: serious and critical violations (WCAG 2.1 A/AA rules and best practices). */
export async function axe(page: Page): Promise<Violation[]> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const source: string = require('axe-core').source;
  await page.addScriptTag({ content: source });
  const violations = await page.evaluate(async () => {
    const result = await (window as { axe: { run(context: unknown, options: object): Promise<{ violations: { id: string; impact: string | null; help: string; nodes: { target: string[] }[] }[] }> } }).axe.run(document, {
      resultTypes: ['violations'],
    });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.slice(0, 5).map((n) => n.target.join(' ')) }));
  });
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

export interface PageCheck {
  role: string;
  page: string;
  firstLoadMs: number;
  violations: Violation[];
}
