import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import QRCode from 'qrcode';

/** Page-side globals, for code that runs in the browser (the test project has no DOM library). */
declare const document: { querySelector(selector: string): unknown };
declare const location: { pathname: string };
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

/**
 * Builds the console with Vite into a private folder (the tests never depend on a stale dist/web). Vite refuses a
 * second build of the same project while one runs, and the browser test files run in parallel workers: builds take
 * turns under a lock folder.
 */
export function buildWebConsole(): string {
  const out = mkdtempSync(join(tmpdir(), 'pes-web-'));
  withBuildLock(() =>
    execFileSync(join(ROOT, 'node_modules', '.bin', 'vite'), ['build', '--config', join(ROOT, 'apps', 'web', 'vite.config.mts'), '--outDir', out, '--logLevel', 'error'], {
      cwd: ROOT,
      stdio: ['ignore', 'ignore', 'inherit'],
      env: { ...process.env, NODE_ENV: 'production', VITE_CONFIG_NATIVE_IGNORE_WARNING: 'true' },
    }),
  );
  return out;
}

const BUILD_LOCK = join(ROOT, 'test', 'artifacts', '.web-build.lock');

/** Runs `fn` while holding the lock folder (atomic mkdir); a lock whose holder process is gone is taken over. */
function withBuildLock(fn: () => void): void {
  mkdirSync(join(ROOT, 'test', 'artifacts'), { recursive: true });
  const deadline = Date.now() + 15 * 60_000;
  for (;;) {
    try {
      mkdirSync(BUILD_LOCK);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      if (!holderAlive()) rmSync(BUILD_LOCK, { recursive: true, force: true });
      else if (Date.now() > deadline) throw new Error(`another web console build has held ${BUILD_LOCK} for 15 minutes`);
      else Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 500);
    }
  }
  writeFileSync(join(BUILD_LOCK, 'pid'), String(process.pid));
  try {
    fn();
  } finally {
    rmSync(BUILD_LOCK, { recursive: true, force: true });
  }
}

function holderAlive(): boolean {
  let pid: number;
  try {
    pid = Number(readFileSync(join(BUILD_LOCK, 'pid'), 'utf8'));
  } catch {
    return true; // just created, its pid not written yet
  }
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

export async function launch(extraArgs: string[] = []): Promise<Browser> {
  const { chromium } = await import('playwright-core');
  mkdirSync(ARTIFACTS, { recursive: true });
  return chromium.launch({ executablePath: CHROMIUM, args: [...CHROMIUM_ARGS, ...extraArgs], headless: true });
}

/**
 * A browser whose camera films `text` as a QR code: a still Y4M video (grey levels only) that Chromium's fake
 * capture device plays in a loop, so a page's camera scanning can be driven end to end.
 */
export async function launchWithQrCamera(text: string): Promise<Browser> {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const side = 480;
  const scale = Math.floor(side / (modules.size + 8));
  const offset = Math.floor((side - modules.size * scale) / 2);
  const luma = Buffer.alloc(side * side, 255);
  for (let row = 0; row < modules.size; row++) {
    for (let col = 0; col < modules.size; col++) {
      if (!modules.get(row, col)) continue;
      for (let y = 0; y < scale; y++) luma.fill(0, (offset + row * scale + y) * side + offset + col * scale, (offset + row * scale + y) * side + offset + (col + 1) * scale);
    }
  }
  const chroma = Buffer.alloc((side / 2) * (side / 2) * 2, 128);
  const file = join(mkdtempSync(join(tmpdir(), 'pes-camera-')), 'ticket.y4m');
  writeFileSync(file, Buffer.concat([Buffer.from(`YUV4MPEG2 W${side} H${side} F10:1 Ip A1:1 C420jpeg\nFRAME\n`), luma, chroma]));
  return launch(['--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream', `--use-file-for-fake-video-capture=${file}`]);
}

/** The page is ready: its heading shows and nothing is loading (skeletons, spinners). */
export async function settled(page: Page, timeout = 15_000): Promise<void> {
  // React Router renders a navigation in a transition: the URL changes first and the old page stays until the new one
  // is committed, so wait for the content rendered for the current address.
  await page.waitForFunction(() => {
    const main = document.querySelector('#main') as { dataset: { path?: string } } | null;
    return !main || main.dataset.path === location.pathname;
  }, undefined, { timeout });
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

/**
 * The page at rest (no dropdown open, nothing loading, nor anything in `busy`), accessible by axe (no serious or
 * critical violation) and photographed as `ARTIFACTS/<name>.png`.
 */
export async function checkAtRest(page: Page, name: string, busy: string[] = []): Promise<void> {
  const unsettled = ['.ant-select-dropdown:not(.ant-select-dropdown-hidden)', '.ant-spin-spinning', '.ant-skeleton', ...busy].join(', ');
  await page.waitForFunction(`!document.querySelector('${unsettled}')`);
  expect(await axe(page)).toEqual([]);
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });
}

export interface PageCheck {
  role: string;
  page: string;
  firstLoadMs: number;
  violations: Violation[];
}
