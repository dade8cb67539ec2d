/**
 * Draft files in real Chromium (issue 4): save in one profile, open in another; drop a file on the
 * window; refusals that leave IndexedDB untouched; a file edited outside the tool; no silent
 * overwrite; text that looks like markup stays text; the window title and the draft list's file line.
 * The File System Access API is removed, so saving is a download and opening a file chooser — the
 * path every browser has.
 */
import { createHash } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canonicalJson } from '../../src/files/canonical.ts';
import { FILE_FORMAT_VERSION, FILE_TYPE, MAX_FILE_BYTES } from '../../src/files/format.ts';
import { cellDef } from '../../src/report/cells.ts';
import { launchBrowser, startApp } from './browser.ts';
import {
  cellValues,
  createdElements,
  type DraftFileJson,
  dataTransferWith,
  freshProfile,
  openByChooser,
  openDraftId,
  type Profile,
  type SavedFile,
  saveByDownload,
  storageSnapshot,
  storedDraftIds,
  storedReport,
  textValues,
  typeInCell,
} from './files-support.ts';

const APP = '信息公开年报填报工具';
const PROBLEMS = '五、存在的主要问题及改进情况';
const OTHER = '六、其他需要报告的事项';

let browser: Browser;
let app: { url: string; close(): Promise<void> };
const profiles: Profile[] = [];

beforeAll(async () => {
  mkdirSync('test-results', { recursive: true });
  app = await startApp();
  browser = await launchBrowser();
});

afterAll(async () => {
  for (const p of profiles) {
    expect(p.foreign, 'no request may leave 127.0.0.1').toEqual([]);
    expect(p.errors, 'no uncaught error in the page').toEqual([]);
  }
  await browser?.close();
  await app?.close();
});

async function profile(): Promise<Profile> {
  const p = await freshProfile(browser, app.url);
  profiles.push(p);
  return p;
}

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');
const localDate = (d = new Date()) =>
  `${d.getFullYear()}${String(d.getMonth() + 1).padStart(2, '0')}${String(d.getDate()).padStart(2, '0')}`;
const fileStatus = (page: Page) => page.locator('.draft-toolbar .file-status').innerText();
const notice = (page: Page) => page.locator('.file-notice');
const dialog = (page: Page) => page.getByRole('dialog');
const shot = (page: Page, name: string) => page.screenshot({ path: `test-results/files-${name}.png` });

/** The same file with its report changed and the hash left as it was (an edit in Notepad). */
function editedOutside(file: SavedFile, change: (report: DraftFileJson['report']) => void): string {
  const json = structuredClone(file.json);
  change(json.report);
  return JSON.stringify(json, null, 2);
}

async function openFile(page: Page, file: { name: string; content: string | Buffer }) {
  await openByChooser(page, () => page.getByRole('button', { name: '打开文件' }).click(), file);
}

async function home(page: Page) {
  await page.getByRole('button', { name: '草稿列表' }).click();
  await page.getByRole('button', { name: '新建', exact: true }).waitFor();
}

/** The draft list's file line under a draft's name. */
const listedFileStatus = (page: Page, id: string) =>
  page.locator(`tr[data-draft-id="${id}"] .draft-file`).innerText();

// Shared between the steps: A saves, B opens.
let a: Profile;
let b: Profile;
let saved: SavedFile;
let draftId: string;
/** Profile C: got the draft by a drop; later opens the markup-laden file. */
let xssProfile: Profile;

describe('draft files in real Chromium', () => {
  it('saves in profile A (button and Ctrl+S): file name, envelope, hash, window title and the draft list', async () => {
    a = await profile();
    const page = a.page;
    await page.getByRole('button', { name: '打开示例' }).click();
    draftId = await openDraftId(page);
    expect(await page.title()).toBe(
      `${await page.locator('.doc-title').innerText()}（未保存到文件） - ${APP}`,
    );

    await typeInCell(page, 't3.new.natural', '7');
    await page
      .getByRole('textbox', { name: PROBLEMS })
      .fill('（一）上年度问题整改情况\n已整改。\n（二）本年度存在的问题及改进措施\n无。');

    const first = await saveByDownload(page, () => page.getByRole('button', { name: '保存到文件' }).click());
    const { report } = first.json;
    expect(first.name).toBe(`${report.agency}-2021-年报草稿-${localDate()}.nianbao.json`);
    expect(first.name).toMatch(/^[^-]+-\d{4}-年报草稿-\d{8}\.nianbao\.json$/);
    expect(Object.keys(first.json)).toEqual([
      'type',
      'fileFormatVersion',
      'savedAt',
      'appVersion',
      'sha256',
      'report',
    ]);
    expect(first.json.type).toBe(FILE_TYPE);
    expect(first.json.fileFormatVersion).toBe(FILE_FORMAT_VERSION);
    expect(Math.abs(Date.parse(first.json.savedAt) - Date.now())).toBeLessThan(60_000);
    expect(first.json.appVersion).toMatch(/^\d+\.\d+\.\d+/);
    // The hash is recomputed here, in Node, over the canonical report: what the tool wrote is verifiable.
    expect(first.json.sha256).toBe(sha256(canonicalJson(report)));
    expect(report.id).toBe(draftId);
    expect(report.cells['t3.new.natural']).toBe(7);
    expect(report.sections.problems).toContain('已整改。');
    expect(first.text.endsWith('\n')).toBe(true);

    // Title and status follow the link to the file, and its unsaved mark.
    await expect.poll(() => page.title()).toBe(`${first.name} - ${APP}`);
    expect(await fileStatus(page)).toBe(`已保存到 ${first.name}`);
    await typeInCell(page, 't3.new.research', '3');
    await expect.poll(() => page.title()).toBe(`*${first.name} - ${APP}`);
    expect(await fileStatus(page)).toBe(`${first.name}（有未保存的改动）`);
    await expect.poll(async () => (await storedReport(page, draftId))?.cells['t3.new.research']).toBe(3);
    await home(page);
    await expect.poll(() => listedFileStatus(page, draftId)).toBe(`${first.name}（有未保存的改动）`);
    await shot(page, 'list-unsaved');
    await page
      .getByRole('button', { name: /^打开：/ })
      .first()
      .click();
    await openDraftId(page);

    // Ctrl+S from inside a text field saves too.
    await page.getByRole('textbox', { name: OTHER }).click();
    saved = await saveByDownload(page, () => page.keyboard.press('Control+s'));
    expect(saved.name).toBe(first.name);
    expect(saved.json.report.cells['t3.new.research']).toBe(3);
    expect(saved.json.sha256).toBe(sha256(canonicalJson(saved.json.report)));
    await expect.poll(() => page.title()).toBe(`${saved.name} - ${APP}`);
    expect(await fileStatus(page)).toBe(`已保存到 ${saved.name}`);
    await shot(page, 'saved-title');
    await home(page);
    await expect.poll(() => listedFileStatus(page, draftId)).toBe(`已保存到 ${saved.name}`);
    await page
      .getByRole('button', { name: /^打开：/ })
      .first()
      .click();
    await openDraftId(page);
  });

  it('opens the file in a fresh profile B (打开文件, then Ctrl+O) with exactly the same content', async () => {
    const cellsA = await cellValues(a.page);
    const textsA = await textValues(a.page);
    // Profile B: another machine. Nothing stored; 打开文件 → the same draft, same content.
    b = await profile();
    expect(await storedDraftIds(b.page)).toEqual([]);
    await openFile(b.page, { name: saved.name, content: saved.text });
    expect(await openDraftId(b.page)).toBe(draftId);
    await expect.poll(() => notice(b.page).innerText()).toContain(`已从文件「${saved.name}」打开草稿`);
    const cellsB = await cellValues(b.page);
    expect(Object.keys(cellsB)).toHaveLength(200);
    expect(cellsB).toEqual(cellsA);
    for (const [id, value] of Object.entries(saved.json.report.cells)) {
      expect(cellsB[id], id).toBe(value === null ? '' : String(value));
    }
    const textsB = await textValues(b.page);
    expect(textsB).toEqual(textsA);
    expect(textsB[PROBLEMS]).toBe(saved.json.report.sections.problems);
    expect(await b.page.getByRole('textbox', { name: '机关名称', exact: true }).inputValue()).toBe(
      saved.json.report.agency,
    );
    await expect.poll(() => b.page.title()).toBe(`${saved.name} - ${APP}`);
    expect(await storedDraftIds(b.page)).toEqual([draftId]);
    expect(await storedReport(b.page, draftId)).toEqual(saved.json.report);
    await home(b.page);
    await expect.poll(() => listedFileStatus(b.page, draftId)).toBe(`已保存到 ${saved.name}`);

    // Ctrl+O on the start page: the same file again is recognised as the same draft, nothing written.
    const before = await storageSnapshot(b.page);
    await openByChooser(b.page, () => b.page.keyboard.press('Control+o'), {
      name: saved.name,
      content: saved.text,
    });
    await expect.poll(() => notice(b.page).innerText()).toContain('与浏览器中的草稿相同');
    expect(await openDraftId(b.page)).toBe(draftId);
    expect(await storageSnapshot(b.page)).toBe(before);
  });

  it('opens a file dropped on the window, with the drop overlay shown while dragging', async () => {
    const c = await profile();
    const page = c.page;
    const file = { name: saved.name, text: saved.text };
    const overlay = page.locator('.file-drop-overlay');

    // A drag that passes over the window and leaves again: the overlay comes and goes, nothing opens.
    const passing = await dataTransferWith(page, file);
    await page.dispatchEvent('main', 'dragenter', { dataTransfer: passing });
    await expect.poll(() => overlay.count()).toBe(1);
    await page.dispatchEvent('main', 'dragleave', { dataTransfer: passing });
    await expect.poll(() => overlay.count()).toBe(0);

    // Two files at once: refused with a message, nothing stored.
    const two = await dataTransferWith(page, file, { ...file, name: `副本-${file.name}` });
    await page.dispatchEvent('main', 'dragenter', { dataTransfer: two });
    await page.dispatchEvent('main', 'drop', { dataTransfer: two });
    await expect
      .poll(() => page.getByRole('alert').innerText())
      .toContain('一次只能打开一个草稿文件（拖入了 2 个）');
    expect(await overlay.count()).toBe(0);
    expect(await storedDraftIds(page)).toEqual([]);

    const dt = await dataTransferWith(page, file);
    await page.dispatchEvent('main', 'dragenter', { dataTransfer: dt });
    await page.dispatchEvent('main', 'dragover', { dataTransfer: dt });
    await expect.poll(() => overlay.innerText()).toContain('松开鼠标，打开草稿文件');
    await shot(page, 'drop-overlay');
    await page.dispatchEvent('main', 'drop', { dataTransfer: dt });
    expect(await openDraftId(page)).toBe(draftId);
    expect(await overlay.count()).toBe(0);
    const cells = await cellValues(page);
    for (const [id, value] of Object.entries(saved.json.report.cells))
      expect(cells[id], id).toBe(value === null ? '' : String(value));
    expect(await page.getByRole('textbox', { name: PROBLEMS }).inputValue()).toBe(
      saved.json.report.sections.problems,
    );
    expect(await storedDraftIds(page)).toEqual([draftId]);
    expect(await storedReport(page, draftId)).toEqual(saved.json.report);
    xssProfile = c;
  });

  it('refuses bad files in the real UI with a Chinese message, leaving IndexedDB untouched', async () => {
    const page = b.page;
    await home(page);
    const before = await storageSnapshot(page);
    const ids = await storedDraftIds(page);
    const envelope = saved.json;
    const abc = structuredClone(envelope) as unknown as { report: { cells: Record<string, unknown> } };
    abc.report.cells['t3.new.natural'] = 'abc';
    const padding = ' '.repeat(MAX_FILE_BYTES);
    const cases: { name: string; content: string; expect: string[]; shot: string }[] = [
      {
        name: '不是JSON.nianbao.json',
        content: '这不是 JSON {',
        expect: [
          '无法打开「不是JSON.nianbao.json」',
          '不是有效的 JSON 格式（第 1 行第 1 列附近',
          '文件可能已损坏',
        ],
        shot: 'reject-not-json',
      },
      {
        name: 'other.json',
        content: JSON.stringify({ hello: 'world', items: [1, 2] }),
        expect: ['不是本工具的草稿文件'],
        shot: 'reject-not-ours',
      },
      {
        name: '新版本.nianbao.json',
        content: JSON.stringify({
          ...envelope,
          fileFormatVersion: FILE_FORMAT_VERSION + 1,
          appVersion: '9.0.0',
        }),
        expect: ['请升级本工具'],
        shot: 'reject-newer',
      },
      {
        name: '字段错误.nianbao.json',
        content: JSON.stringify(abc, null, 2),
        expect: [
          `「${cellDef('t3.new.natural').label}」应为 0 至 999999999 的整数（件）或留空，文件中为 "abc"`,
        ],
        shot: 'reject-invalid',
      },
      {
        name: '太大.nianbao.json',
        content: `${JSON.stringify(envelope)}${padding}`,
        expect: ['文件过大', '5.0 MB'],
        shot: 'reject-too-large',
      },
    ];
    for (const bad of cases) {
      await openFile(page, { name: bad.name, content: bad.content });
      const alert = page.getByRole('alert');
      for (const text of bad.expect)
        await expect.poll(() => alert.innerText(), { message: bad.name }).toContain(text);
      await shot(page, bad.shot);
      expect(page.url()).not.toMatch(/#\/draft\//);
      expect(await storageSnapshot(page), bad.name).toBe(before);
      expect(await storedDraftIds(page)).toEqual(ids);
      expect(await page.locator('tbody tr[data-draft-id]').count()).toBe(ids.length);
      await alert.getByRole('button', { name: '关闭' }).click();
    }
  });

  it('warns about a file edited outside the tool, lists the differences, and opens it only as a new draft', async () => {
    const page = b.page;
    const content = editedOutside(saved, (r) => {
      r.cells['t3.new.natural'] = 9;
    });
    expect(JSON.parse(content).sha256).toBe(saved.json.sha256);
    const before = await storedDraftIds(page);
    await openFile(page, { name: '记事本改过.nianbao.json', content });
    const box = dialog(page);
    await expect.poll(() => box.innerText()).toContain('文件在本工具之外被改动过');
    const text = await box.innerText();
    expect(text).toContain(cellDef('t3.new.natural').label);
    expect(text).toMatch(/7[\s\S]{0,40}9/);
    await shot(page, 'hash-mismatch');
    await box.getByRole('button', { name: '作为新草稿打开' }).click();
    const copyId = await openDraftId(page);
    expect(copyId).not.toBe(draftId);
    expect(await page.locator('[id="cell-t3.new.natural"]').inputValue()).toBe('9');
    const after = await storedDraftIds(page);
    expect(after).toHaveLength(before.length + 1);
    expect(after).toContain(copyId);
    expect((await storedReport(page, draftId))?.cells['t3.new.natural']).toBe(7);
  });

  it('never overwrites silently: 取消 changes nothing, 另存为新草稿 adds one, 覆盖 keeps the old content as 导入前', async () => {
    // A colleague (profile A) changes the draft and saves it again; B opens that file over its own copy.
    const pa = a.page;
    await typeInCell(pa, 't3.new.natural', '11');
    await pa.getByRole('textbox', { name: PROBLEMS }).fill('同事修改后的问题与改进。');
    const v2 = await saveByDownload(pa, () => pa.keyboard.press('Control+s'));
    expect(v2.json.report.id).toBe(draftId);
    expect(v2.json.report.cells['t3.new.natural']).toBe(11);

    const page = b.page;
    await home(page);
    const before = await storageSnapshot(page);
    const ids = await storedDraftIds(page);
    const box = dialog(page);
    const conflict = async () => {
      await openFile(page, { name: v2.name, content: v2.text });
      await expect.poll(() => box.innerText()).toContain('浏览器中已有这份草稿');
      for (const label of ['覆盖', '另存为新草稿', '取消'])
        expect(await box.getByRole('button', { name: label, exact: true }).count()).toBe(1);
    };

    await conflict();
    const text = await box.innerText();
    expect(text).toContain(cellDef('t3.new.natural').label);
    expect(text).toContain(PROBLEMS);
    await shot(page, 'overwrite-dialog');
    await box.getByRole('button', { name: '取消', exact: true }).click();
    await expect.poll(() => notice(page).innerText()).toContain('已取消打开');
    expect(await box.count()).toBe(0);
    expect(await storageSnapshot(page)).toBe(before);

    await conflict();
    await box.getByRole('button', { name: '另存为新草稿', exact: true }).click();
    const copyId = await openDraftId(page);
    expect(copyId).not.toBe(draftId);
    expect(await page.locator('[id="cell-t3.new.natural"]').inputValue()).toBe('11');
    expect(await storedDraftIds(page)).toEqual([...ids, copyId].sort());
    expect((await storedReport(page, draftId))?.cells['t3.new.natural']).toBe(7);
    // A copy is not linked to the file (saving it there would overwrite the other draft's file).
    await expect.poll(() => page.title()).toMatch(/（未保存到文件） - 信息公开年报填报工具$/);
    expect(await fileStatus(page)).toBe('未保存到文件');

    await home(page);
    await conflict();
    await box.getByRole('button', { name: '覆盖', exact: true }).click();
    expect(await openDraftId(page)).toBe(draftId);
    await expect.poll(() => page.locator('[id="cell-t3.new.natural"]').inputValue()).toBe('11');
    expect(await page.getByRole('textbox', { name: PROBLEMS }).inputValue()).toBe('同事修改后的问题与改进。');
    await expect.poll(() => notice(page).innerText()).toContain('原来的内容已保存为一个历史版本');
    expect(await storedDraftIds(page)).toEqual([...ids, copyId].sort());
    expect(await storedReport(page, draftId)).toEqual(v2.json.report);

    // 历史版本: the content before the overwrite is there, as 导入前, holding the old numbers and text.
    await page.getByRole('button', { name: '历史版本' }).click();
    const history = page.locator('.history-panel');
    const kept = history.locator('.history-list button', { hasText: '导入前' });
    await expect.poll(() => kept.count()).toBe(1);
    await kept.click();
    const row = history.locator('.diff-table tr', { hasText: cellDef('t3.new.natural').label });
    await expect.poll(() => row.innerText()).toMatch(/\b7\s+11\b/);
    expect(await history.innerText()).toContain('已整改。');
    await shot(page, 'overwrite-history');
    // 历史版本 is a sheet over the page: Escape closes it.
    await page.keyboard.press('Escape');
    await expect.poll(() => history.count()).toBe(0);
  });

  it('覆盖 over the draft open on screen keeps what was just typed as a revision and shows the file', async () => {
    await typeInCell(a.page, 't3.new.natural', '12');
    const v3 = await saveByDownload(a.page, () => a.page.keyboard.press('Control+s'));
    expect(v3.json.report.cells['t3.new.natural']).toBe(12);

    // B has the draft open (after the 覆盖 above); a change typed just now, not yet autosaved.
    const page = b.page;
    expect(await openDraftId(page)).toBe(draftId);
    await typeInCell(page, 't3.new.legal', '5');
    await openByChooser(page, () => page.keyboard.press('Control+o'), { name: v3.name, content: v3.text });
    const box = dialog(page);
    await expect.poll(() => box.innerText()).toContain('浏览器中已有这份草稿');
    // The comparison sees the typed 5: the editor's pending change was written before reading.
    expect(await box.innerText()).toContain(cellDef('t3.new.legal').label);
    await box.getByRole('button', { name: '覆盖', exact: true }).click();
    await expect.poll(() => page.locator('[id="cell-t3.new.natural"]').inputValue()).toBe('12');
    expect(await page.locator('[id="cell-t3.new.legal"]').inputValue()).toBe('0');
    expect(await storedReport(page, draftId)).toEqual(v3.json.report);
    // The screen that was open before must not write its old content back afterwards.
    await page.evaluate(() => new Promise((r) => setTimeout(r, 1500)));
    expect(await storedReport(page, draftId)).toEqual(v3.json.report);

    // The newest revision holds the content as it was, typed 5 included.
    const stores = JSON.parse(await storageSnapshot(page)) as {
      revisions: { id: number; draftId: string; at: number; reason: string }[];
      revisionBodies: { id: number; report: DraftFileJson['report'] }[];
    };
    const newest = stores.revisions
      .filter((r) => r.draftId === draftId)
      .sort((x, y) => y.at - x.at || y.id - x.id)[0];
    const body = stores.revisionBodies.find((r) => r.id === newest?.id)?.report;
    expect(body?.cells['t3.new.legal']).toBe(5);
    expect(body?.cells['t3.new.natural']).toBe(11);
  });

  it('shows markup, control characters and a 20,000-character line as plain text in another profile', async () => {
    const xss = `<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>`;
    const controls = '\u0000\u0001\u0007\u001b\u007f\u2028\u2029';
    const agency = `${xss}${controls}机关`;
    const longLine = '长<b>&amp;…'.repeat(2000);
    expect(longLine).toHaveLength(20_000);
    const body = `${xss}\n${controls}\u202e倒序\n${longLine}\n末行`;

    const pa = a.page;
    await home(pa);
    await pa.getByRole('button', { name: '新建', exact: true }).click();
    const id = await openDraftId(pa);
    await pa.getByRole('textbox', { name: '机关名称', exact: true }).fill(agency);
    await pa.getByRole('textbox', { name: '报告年度', exact: true }).fill('2022');
    await pa.getByRole('textbox', { name: OTHER }).fill(body);
    await expect.poll(async () => (await storedReport(pa, id))?.sections.other).toBe(body);
    const file = await saveByDownload(pa, () => pa.getByRole('button', { name: '保存到文件' }).click());
    expect(file.json.report.agency).toBe(agency);
    expect(file.json.report.sections.other).toBe(body);
    // Characters a file system refuses become spaces, and the agency part is cut at 60 characters.
    expect(file.name).toBe(
      `img src=x onerror= window.__pwned=1 script window.__pwned=2-2022-年报草稿-${localDate()}.nianbao.json`,
    );

    const page = xssProfile.page;
    await home(page);
    const elementsBefore = await page.evaluate(() => document.querySelectorAll('img,script,iframe').length);
    const createdBefore = (await createdElements(page)).length;
    const requestsBefore = xssProfile.requests.length;
    await openFile(page, { name: file.name, content: file.text });
    expect(await openDraftId(page)).toBe(id);
    expect(await page.getByRole('textbox', { name: '机关名称', exact: true }).inputValue()).toBe(agency);
    expect(await page.getByRole('textbox', { name: OTHER }).inputValue()).toBe(body);
    expect(await page.locator('.doc-title').textContent()).toContain(xss);
    await shot(page, 'xss-inert');
    await home(page);
    expect(await page.locator(`tr[data-draft-id="${id}"] td`).first().textContent()).toBe(agency);
    // Give an injected handler every chance to run before looking.
    await page.evaluate(() => new Promise((r) => setTimeout(r, 300)));
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(await page.evaluate(() => document.querySelectorAll('img,script,iframe').length)).toBe(
      elementsBefore,
    );
    expect((await createdElements(page)).slice(createdBefore)).toEqual([]);
    const during = xssProfile.requests.slice(requestsBefore);
    expect(during.filter((u) => /\/x(\?|#|$)/.test(u) || !u.startsWith(app.url))).toEqual([]);
  });
});
