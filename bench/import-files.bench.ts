/**
 * Opening last year's report as a file in the single HTML file (file://, real Chromium, a fresh
 * profile each run, so every run is the first use: the reader's code is unpacked from the page,
 * started in its worker, and reads the file): a 10-page PDF (the sample report with its texts made
 * long, printed by Chromium on A4) and the sample as the office's .docx, timed from the drop on the
 * import box to the review showing. Baseline in the same run: the sample's .txt dropped the same way
 * (the importer alone, no file reader).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { type Browser, chromium, type Page } from 'playwright-core';
import { reportHtml } from '../scripts/corpus/html.ts';
import { CORPUS_REPORTS } from '../scripts/corpus/reports.ts';
import { CHROMIUM_ARGS, chromiumPath } from '../tests/e2e/browser.ts';
import { ensureBuilt, SINGLE_FILE } from '../tests/e2e/build-support.ts';
import { runIfMain } from './lib/run-alone.ts';
import { median, p95 } from './lib/stats.ts';
import type { BenchRow } from './lib/types.ts';

const RUNS = 5;
const PAGES = 10;

/** The sample report with its overview repeated until Chromium prints it on 10 A4 pages. */
async function tenPagePdf(browser: Browser, dir: string): Promise<string> {
  const sample = CORPUS_REPORTS[0]!;
  const path = join(dir, '十页年报.pdf');
  for (let copies = 2; copies < 20; copies++) {
    const report = { ...sample, overview: Array.from({ length: copies }, () => sample.overview).flat() };
    const page = await browser.newPage();
    await page.setContent(reportHtml(report));
    await page.pdf({
      path,
      format: 'A4',
      margin: { top: '25mm', bottom: '25mm', left: '26mm', right: '24mm' },
    });
    await page.close();
    const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [path], { encoding: 'utf8' }))?.[1]);
    if (pages >= PAGES) return path;
  }
  throw new Error('could not make a 10-page PDF');
}

async function drop(page: Page, path: string, name: string) {
  const data = readFileSync(path).toString('base64');
  const transfer = await page.evaluateHandle(
    ([b64, fileName]) => {
      const dt = new DataTransfer();
      dt.items.add(new File([Uint8Array.from(atob(b64), (c) => c.charCodeAt(0))], fileName));
      return dt;
    },
    [data, name] as const,
  );
  await page.locator('.import-input').dispatchEvent('drop', { dataTransfer: transfer });
}

/** One first use: a fresh profile, the single file opened, the import screen, the drop, the review. */
async function timeOnce(browser: Browser, path: string, name: string): Promise<number> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await page.goto(pathToFileURL(SINGLE_FILE).href);
    await page.getByRole('button', { name: '导入往年报告' }).first().click();
    await page.getByLabel('粘贴年报全文').waitFor();
    const start = performance.now();
    await drop(page, path, name);
    await page.locator('.import-review').waitFor({ timeout: 120_000 });
    const ms = performance.now() - start;
    const summary = await page.locator('.import-summary').innerText();
    if (!summary.includes('未找到 0 处 · 不确定 0 处'))
      throw new Error(`${name} did not import exactly: ${summary}`);
    return ms;
  } finally {
    await context.close();
  }
}

export default async function bench(): Promise<BenchRow[]> {
  ensureBuilt();
  const dir = mkdtempSync(join(tmpdir(), 'nianbao-import-files-'));
  const browser = await chromium.launch({
    executablePath: chromiumPath(),
    headless: true,
    args: CHROMIUM_ARGS,
  });
  try {
    const pdf = await tenPagePdf(browser, dir);
    const docx = join('tests/import/corpus/gx-kjt-2021/report.docx');
    const txt = join(dir, 'sample.txt');
    writeFileSync(txt, readFileSync('tests/import/fixtures/gx-kjt-2021.txt'));
    await timeOnce(browser, txt, '2021年报.txt'); // warm the disk cache and the browser
    const times = { pdf: [] as number[], docx: [] as number[], txt: [] as number[] };
    for (let i = 0; i < RUNS; i++) {
      times.txt.push(await timeOnce(browser, txt, '2021年报.txt'));
      times.pdf.push(await timeOnce(browser, pdf, '2021年报.pdf'));
      times.docx.push(await timeOnce(browser, docx, '2021年报.docx'));
    }
    const baseline = median(times.txt);
    const note = `single file from file://, fresh profile each run (first use); baseline: the sample's .txt dropped the same way; ${RUNS} runs`;
    return [
      {
        name: `import: ${PAGES}-page PDF, drop → review (first use)`,
        median_ms: median(times.pdf),
        p95_ms: p95(times.pdf),
        baseline_ms: baseline,
        target: '≤ 5 s',
        bytes: readFileSync(pdf).length,
        note,
      },
      {
        name: 'import: the sample .docx, drop → review (first use)',
        median_ms: median(times.docx),
        p95_ms: p95(times.docx),
        baseline_ms: baseline,
        target: '≤ 3 s',
        note,
      },
    ];
  } finally {
    await browser.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

runIfMain(import.meta.url, bench);
