import type { Page } from 'playwright-core';

/**
 * Driving Ant Design's widgets the way a person does (click, type, pick), by the ids the console's forms give
 * them. Popups live at the end of <body>; a closing one lingers while it animates, so "open" excludes both the
 * hidden and the leaving ones. A pick is checked on the field itself and tried again when it did not take: a list
 * that a server search refills can move an option away between finding it and clicking it on a busy machine.
 */
const OPEN_POPUP = '.ant-select-dropdown:not(.ant-select-dropdown-hidden):not([class*="-leave"])';
const ATTEMPTS = 3;
/** How long one pick waits for its option before it counts as missed. */
const PICK_TIMEOUT_MS = 8_000;

/** The text the field shows (its chosen value or tags), by the id of its input. */
function shown(page: Page, id: string) {
  return page.locator('.ant-select, .ant-cascader', { has: page.locator(`#${id}`) }).first();
}

/**
 * Closes an open dropdown with Escape, and only then: with none open, Escape would close the dialog the field is in.
 */
export async function closePopup(page: Page): Promise<void> {
  if (await page.locator(OPEN_POPUP).count()) await page.keyboard.press('Escape');
}

async function until(page: Page, id: string, text: string): Promise<boolean> {
  return shown(page, id)
    .filter({ hasText: text })
    .waitFor({ timeout: 5_000 })
    .then(
      () => true,
      () => false,
    );
}

/** A pick that misses (an option that never shows, a click that does not take) is tried again from a closed popup. */
async function attempts(page: Page, id: string, text: string, pick: () => Promise<void>): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    const missed = await pick().then(
      () => null,
      (error: Error) => error,
    );
    if (!missed && (await until(page, id, text))) return;
    if (attempt === ATTEMPTS) throw missed ?? new Error(`#${id} does not show "${text}" after ${ATTEMPTS} attempts; it shows: ${await shown(page, id).innerText()}`);
    await closePopup(page);
  }
}

/**
 * A Select (single or multiple) by its input id: opens it (or types `search` into it) and picks the option titled
 * `label` (containing it, when searching). `check: false` for a select that acts and clears itself.
 */
export async function choose(page: Page, id: string, label: string, search?: string, check = true): Promise<void> {
  const pick = async () => {
    if (search) await page.fill(`#${id}`, search);
    else await page.click(`#${id}`);
    // The listbox of a Select is `${id}_list`: it names the popup of this very field.
    await page.click(`.ant-select-dropdown:has(#${id}_list) .ant-select-item-option[title${search ? '*' : ''}="${label}"]`, { timeout: PICK_TIMEOUT_MS });
  };
  if (check) await attempts(page, id, label, pick);
  else await pick();
}

/** A TaxonomyTreePicker: searches (name, code or pinyin initials) and picks the node named `name`. */
export async function pickTree(page: Page, id: string, search: string, name: string): Promise<void> {
  await attempts(page, id, name, async () => {
    await page.fill(`#${id}`, search);
    await page.click(`${OPEN_POPUP} .ant-select-tree-node-content-wrapper[title^="${name} "]`, { timeout: PICK_TIMEOUT_MS });
    await closePopup(page);
  });
}

/** The region cascader: city, then district. */
export async function pickRegion(page: Page, id: string, path: string[]): Promise<void> {
  await attempts(page, id, path[path.length - 1], async () => {
    await page.click(`#${id}`);
    for (const name of path) await page.click(`${OPEN_POPUP} .ant-cascader-menu-item[title="${name}"]`, { timeout: PICK_TIMEOUT_MS });
    await closePopup(page);
  });
}

/** Waits for the toast saying `text`; an error toast instead fails with the console's message, silence with the form's. */
export async function toast(page: Page, text: string, timeout = 15_000): Promise<void> {
  const notice = page.locator(`.ant-message-notice:has-text("${text}"), .ant-message-notice:has(.ant-message-error)`).first();
  try {
    await notice.waitFor({ timeout });
  } catch (error) {
    const problems = await page.locator('.ant-form-item-explain-error, .ant-alert-error').allInnerTexts();
    throw new Error(`no toast "${text}"${problems.length ? `; the page says: ${problems.join(' | ')}` : ''} (${(error as Error).message.split('\n')[0]})`);
  }
  const said = await notice.innerText();
  if (!said.includes(text)) throw new Error(`expected the toast "${text}", the console said: ${said}`);
}

/** Clicks a tab of an antd Tabs by its label. */
export async function openTab(page: Page, label: string): Promise<void> {
  await page.click(`[role=tab]:text-is("${label}")`);
}
