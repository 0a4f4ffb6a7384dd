/// <reference lib="dom" />
// The functions given to page.evaluate run in the browser: they are type-checked against the DOM.
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { pickTree } from './antd';
import { ARTIFACTS, axe, settled } from './browser';
import { WebHarness } from './browser-harness';

/** The smallest touch target allowed on the seeker's phone pages (WCAG 2.5.5, Apple and Android guidance). */
const TOUCH_PX = 44;

/** Buttons, fields and tabs on screen smaller than TOUCH_PX either way (links inside running text are exempt). */
async function smallTargets(page: Page): Promise<string[]> {
  return page.evaluate((min) => {
    const selector = [
      '#main .ant-btn', '#main input:not([type=hidden]):not([type=radio]):not([type=checkbox])', '#main .ant-select', '#main .ant-cascader',
      '#main .ant-pagination-item', '#main .ant-pagination-prev', '#main .ant-pagination-next', '.tab-bar a',
      '.ant-drawer-body .ant-btn', '.ant-drawer-body input:not([type=hidden])', '.ant-drawer-body .ant-select',
      '.shell-top a', '.shell-top .ant-btn', '.shell-top .ant-segmented-item', '.shell-top label',
    ].join(', ');
    const small: string[] = [];
    for (const el of document.querySelectorAll<HTMLElement>(selector)) {
      if (!el.checkVisibility({ visibilityProperty: true })) continue;
      // A select's search box is part of the select, measured as a whole.
      if (el.tagName === 'INPUT' && el.closest('.ant-select, .ant-cascader')) continue;
      // A field is as tall as the box drawn around it.
      const box = (el.closest('.ant-input-affix-wrapper, .ant-input-number, .ant-picker') ?? el).getBoundingClientRect();
      if (box.width === 0 || box.height === 0) continue;
      if (box.height < min - 0.5 || box.width < min - 0.5) small.push(`${el.tagName.toLowerCase()}.${[...el.classList].slice(0, 2).join('.')} "${(el.textContent ?? '').trim().slice(0, 20)}" ${Math.round(box.width)}×${Math.round(box.height)}`);
    }
    return small;
  }, TOUCH_PX);
}

/** Texts cut off with an ellipsis or clipped sideways (job titles, card titles, tab labels). */
async function truncated(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('.job-title, .ant-card-head-title, .tab-bar-label, .page-title')]
      .filter((el) => el.checkVisibility() && el.scrollWidth > el.clientWidth + 1)
      .map((el) => (el.textContent ?? '').trim().slice(0, 40)),
  );
}

/**
 * Issue 17, part 5, on a 390 × 844 phone (Chromium's touch emulation): the demo seeker's job search shows results
 * on the first screen with one search line and the other filters in a drawer; a tab bar at the bottom holds every
 * main page of hers within the screen's width; text is 16 px and larger, every button, field and tab at least 44 px
 * either way; in large-text mode job titles wrap instead of being cut. axe-core on each page and the drawer.
 */
describe('the seeker’s pages on a phone', () => {
  const web = new WebHarness();
  let base: string;

  beforeAll(async () => {
    await web.start();
    ({ base } = web);
    await web.launchBrowser();
  }, 360_000);

  afterAll(() => web.close(), 120_000);

  async function checked(page: Page, name: string): Promise<void> {
    await page.waitForFunction(`!document.querySelector('.ant-select-dropdown:not(.ant-select-dropdown-hidden), .ant-spin-spinning, .ant-skeleton, .page-loading')`);
    await page.waitForTimeout(400);
    await page.screenshot({ path: join(ARTIFACTS, `phone-${name}.png`) });
    expect(await axe(page)).toEqual([]);
    expect(await smallTargets(page)).toEqual([]);
  }

  it('job search: results on the first screen, filters in a drawer, a tab bar with every main page', async () => {
    await web.withPage('phone-jobs', true, async (page) => {
      await web.signIn(page, 'demo-seeker', /\/seeker\/jobs$/);
      await settled(page);
      const viewport = page.viewportSize()!;

      // Results first: the first job card starts within the first screen, and no filter but the words is shown.
      const first = page.locator('.ant-card', { has: page.locator('.job-title') }).first();
      await first.waitFor();
      const top = (await first.boundingBox())!.y;
      expect(top).toBeLessThan(viewport.height * 0.5);
      expect(await page.locator('#q').isVisible()).toBe(true);
      expect(await page.locator('#occupation').isVisible()).toBe(false);
      expect(await page.locator('.shell-menu').count()).toBe(0);
      // Readable text: the body of a card is at least 16 px.
      const size = await first.locator('.ant-typography').first().evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
      expect(size).toBeGreaterThanOrEqual(16);
      await checked(page, 'jobs');

      // Nothing wider than the phone (a wide page is zoomed out and the tab bar drops below the screen).
      expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1)).toBe(true);
      // Every tab of the bar within the screen, none cut.
      const tabs = page.locator('.tab-bar a');
      expect(await tabs.count()).toBe(6);
      for (const box of await tabs.evaluateAll((els) => els.map((el) => el.getBoundingClientRect().toJSON() as DOMRect))) {
        expect(box.x).toBeGreaterThanOrEqual(0);
        expect(box.x + box.width).toBeLessThanOrEqual(viewport.width + 0.5);
        expect(box.y + box.height).toBeLessThanOrEqual(viewport.height + 0.5);
      }
      expect(await truncated(page)).toEqual([]);

      // The filters drawer: occupation by pinyin initials, then the results of that search.
      await page.click('.jobs-filters-button');
      await page.locator('.jobs-filters-drawer #occupation').waitFor();
      await pickTree(page, 'occupation', 'ylhly', '养老护理员');
      await checked(page, 'filters');
      const [response] = await Promise.all([
        page.waitForResponse((r) => r.url().includes('/api/jobs/search') && r.url().includes('occupation=4-10-01-05')),
        page.click('.jobs-filters-drawer button:has-text("查看岗位")'),
      ]);
      expect(((await response.json()) as { total: number }).total).toBeGreaterThan(0);
      await page.locator('.jobs-filters-drawer').waitFor({ state: 'hidden' });
      // One filter chosen: the button says so.
      expect(await page.locator('.jobs-filters-button').locator('xpath=..').locator('sup').getAttribute('title')).toBe('1');

      // The tab bar goes to each of her main pages.
      for (const [path, name] of [['/seeker/applications', 'applications'], ['/seeker/events', 'events'], ['/seeker/profile', 'profile']] as const) {
        await page.click(`.tab-bar a[href="${path}"]`);
        await page.waitForURL(new RegExp(`${path}$`));
        await settled(page);
        expect(await page.locator(`.tab-bar a[href="${path}"]`).getAttribute('aria-current')).toBe('page');
        await checked(page, name);
      }
    });
  }, 240_000);

  it('large-text mode: 18 px text, job titles wrap instead of being cut', async () => {
    await web.withPage('phone-large-text', true, async (page) => {
      await web.signIn(page, 'demo-seeker', /\/seeker\/jobs$/);
      await settled(page);
      await page.click('#large-text');
      await page.waitForFunction(() => document.documentElement.classList.contains('large-text'));
      const first = page.locator('.ant-card', { has: page.locator('.job-title') }).first();
      await first.waitFor();
      const size = await first.locator('.ant-typography').first().evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
      expect(size).toBeGreaterThanOrEqual(18);
      expect(await truncated(page)).toEqual([]);
      // A long title is shown whole: its card's title is as tall as its lines need.
      const title = first.locator('.job-title');
      expect(await title.evaluate((el) => el.scrollWidth <= el.clientWidth + 1)).toBe(true);
      await checked(page, 'large-text');
    });
  }, 120_000);

  it('an anonymous visitor on a phone gets the same results-first search', async () => {
    await web.withPage('phone-visitor', true, async (page) => {
      await page.goto(`${base}/jobs`);
      await settled(page);
      const first = page.locator('.ant-card', { has: page.locator('.job-title') }).first();
      await first.waitFor();
      expect((await first.boundingBox())!.y).toBeLessThan(page.viewportSize()!.height * 0.5);
      expect(await page.locator('#occupation').isVisible()).toBe(false);
      expect(await axe(page)).toEqual([]);
      expect(await smallTargets(page)).toEqual([]);
    });
  }, 120_000);
});
