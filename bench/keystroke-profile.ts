/**
 * Where a keystroke's time goes: the keystroke bench's scenarios under the DevTools protocol, on an
 * unminified production build (function names readable), with the JS sampling profiler and a
 * Performance trace running together. Not a bench (no figure to compare with a target): a tool to
 * run by hand, `node --import tsx bench/keystroke-profile.ts [cell|text|paste] [rate] [keys]`.
 *
 * Prints, per keystroke (or paste): the main thread's self time by trace event (script, style,
 * layout, paint …), and JS time by function, self and inclusive, from the sampled stacks.
 * With LATENCY=1 nothing is traced: it prints the keystroke bench's figure (keydown → the task after
 * the next frame) for each action, the slowest first, to see what the tail is made of.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type CDPSession, chromium, type Page } from 'playwright-core';
import { build, preview } from 'vite';
import { CHROMIUM_ARGS, chromiumPath } from '../tests/e2e/browser.ts';
import { PROBE } from './keystroke.bench.ts';
import { machineLoad } from './lib/browser-page.ts';
import { summarise } from './lib/stats.ts';

type Scenario = 'cell' | 'text' | 'paste' | 'plain';
const CELL = '[id="cell-t3.new.natural"]';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}
interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  /** The thread's CPU time in the event, which a loaded machine inflates far less than `dur`. */
  tdur?: number;
  pid: number;
  tid: number;
  args?: {
    name?: string;
    beginData?: {
      dirtyObjects?: number;
      totalObjects?: number;
      partialLayout?: boolean;
      stackTrace?: { functionName: string; url: string; lineNumber: number }[];
    };
    elementCount?: number;
  };
}

async function startApp(): Promise<{ url: string; close(): Promise<void> }> {
  // BUILT=<dir>: serve a build made before (of another commit, to compare under the same load).
  const outDir = process.env.BUILT ?? mkdtempSync(join(tmpdir(), 'nianbao-profile-'));
  if (!process.env.BUILT)
    await build({ logLevel: 'error', build: { outDir, emptyOutDir: true, minify: false } });
  const server = await preview({
    logLevel: 'error',
    build: { outDir },
    preview: { host: '127.0.0.1', port: 0 },
  });
  const address = server.httpServer.address();
  return {
    url: `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/`,
    async close() {
      await new Promise<void>((resolve) => server.httpServer.close(() => resolve()));
      if (!process.env.BUILT) rmSync(outDir, { recursive: true, force: true });
    },
  };
}

/** The work: one action, then wait for the frame after it (as the bench does). */
async function drive(page: Page, scenario: Scenario, count: number): Promise<void> {
  const afterFrame = () =>
    page.evaluate(
      () =>
        new Promise((resolve) =>
          requestAnimationFrame(() => {
            const channel = new MessageChannel();
            channel.port1.onmessage = resolve;
            channel.port2.postMessage(0);
          }),
        ),
    );
  if (scenario === 'paste') {
    const block = (n: number) =>
      `${Array.from({ length: 25 }, (_, r) => Array.from({ length: 7 }, (_, c) => (r + c + n) % 9).join('\t')).join('\n')}\n`;
    for (let i = 0; i < count; i++) {
      await page.locator(CELL).evaluate(
        (el, text) => {
          const data = new DataTransfer();
          data.setData('text/plain', text);
          const start = performance.now();
          (window as unknown as { __afterNextFrame(start: number): void }).__afterNextFrame(start);
          el.dispatchEvent(
            new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }),
          );
        },
        block(i % 2),
      );
      await afterFrame();
    }
    return;
  }
  for (let i = 0; i < count; i++) {
    await page.keyboard.press(i % 2 ? 'Backspace' : '3');
    await afterFrame();
  }
}

/** 打开示例, the 3 000-character 一、总体情况, and focus where the scenario types. */
async function openSample(page: Page, url: string, scenario: Scenario): Promise<void> {
  await page.goto(url);
  await page.getByRole('button', { name: '打开示例' }).click();
  await page.locator(CELL).waitFor();
  const box = page.locator('#field-overview');
  const text = await box.inputValue();
  await box.fill(text.repeat(Math.ceil(3000 / text.length)).slice(0, 3000));
  if (scenario === 'text') {
    await box.click();
    await page.keyboard.press('Control+End');
  } else await page.locator(CELL).click();
}

async function collectTrace(cdp: CDPSession, stop: () => Promise<void>): Promise<TraceEvent[]> {
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', (e) => events.push(...(e.value as unknown as TraceEvent[])));
  const done = new Promise<void>((resolve) => cdp.once('Tracing.tracingComplete', () => resolve()));
  await stop();
  await done;
  return events;
}

/**
 * CPU time per event name on the renderer's main thread, nested events subtracted from their parent
 * (nesting by wall time, amounts by thread time).
 */
function mainThreadSelfTimes(events: TraceEvent[]): Map<string, number> {
  const main = events.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
  const own = events
    .filter((e) => main && e.pid === main.pid && e.tid === main.tid && e.ph === 'X' && e.dur !== undefined)
    .sort((a, b) => a.ts - b.ts || b.dur! - a.dur!);
  const cpu = (e: TraceEvent) => e.tdur ?? e.dur!;
  const self = new Map<string, number>();
  const stack: { end: number; name: string }[] = [];
  for (const e of own) {
    while (stack.length && stack[stack.length - 1]!.end <= e.ts) stack.pop();
    const parent = stack[stack.length - 1];
    if (parent) self.set(parent.name, (self.get(parent.name) ?? 0) - cpu(e));
    self.set(e.name, (self.get(e.name) ?? 0) + cpu(e));
    stack.push({ end: e.ts + e.dur!, name: e.name });
  }
  return self;
}

/**
 * Per action, the main thread's CPU time from the task that dispatches its keydown (or paste) to the
 * end of the next frame's commit, waits left out: the app's own cost of "keystroke → next paint",
 * which a loaded machine inflates far less than the wall-clock figure of the bench.
 */
function cpuToPaint(events: TraceEvent[]): number[] {
  const main = events.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
  const own = events
    .filter((e) => main && e.pid === main.pid && e.tid === main.tid && e.ph === 'X' && e.dur !== undefined)
    .sort((a, b) => a.ts - b.ts || b.dur! - a.dur!);
  const tasks = own.filter((e) => e.name === 'RunTask');
  const inside = (task: TraceEvent, test: (e: TraceEvent) => boolean) =>
    own.some((e) => e.ts >= task.ts && e.ts < task.ts + task.dur! && test(e));
  const starts = (e: TraceEvent) =>
    e.name === 'EventDispatch' &&
    ['keydown', 'paste'].includes((e.args as { data?: { type?: string } } | undefined)?.data?.type ?? '');
  const costs: number[] = [];
  let open: number | null = null;
  for (const task of tasks) {
    if (open === null && inside(task, starts)) open = 0;
    if (open === null) continue;
    open += task.tdur ?? task.dur!;
    if (inside(task, (e) => e.name === 'Commit')) {
      costs.push(open / 1000);
      open = null;
    }
  }
  return costs;
}

/** How much each Layout touched: objects dirty of the total, averaged over the layouts in the trace. */
function layoutSizes(events: TraceEvent[]): string {
  const layouts = events.filter((e) => e.name === 'Layout' && e.ph === 'X' && e.args?.beginData);
  const sum = (f: (e: TraceEvent) => number) => layouts.reduce((s, e) => s + f(e), 0);
  const n = layouts.length || 1;
  const styles = events.filter((e) => e.name === 'UpdateLayoutTree' && e.args?.elementCount !== undefined);
  // Layouts forced by script (a read of geometry after a write) carry the script's stack.
  const forced = new Map<string, number>();
  for (const e of layouts) {
    const frame = e.args!.beginData!.stackTrace?.[0];
    if (!frame) continue;
    const where = `${frame.functionName || '(anonymous)'} ${frame.url.split('/').pop()}:${frame.lineNumber + 1}`;
    forced.set(where, (forced.get(where) ?? 0) + 1);
  }
  const forcedText = [...forced].map(([k, v]) => `\n  forced ${v}× by ${k}`).join('');
  return (
    `${layouts.length} layouts, on average ${(sum((e) => e.args!.beginData!.dirtyObjects ?? 0) / n).toFixed(0)} ` +
    `dirty of ${(sum((e) => e.args!.beginData!.totalObjects ?? 0) / n).toFixed(0)} objects, ` +
    `${(sum((e) => e.tdur ?? e.dur ?? 0) / n / 1000).toFixed(2)} ms CPU each; ${styles.length} style recalcs, ` +
    `on average ${(styles.reduce((s, e) => s + (e.args!.elementCount ?? 0), 0) / (styles.length || 1)).toFixed(0)} elements${forcedText}`
  );
}

const label = (n: ProfileNode) => {
  const { functionName, url, lineNumber } = n.callFrame;
  const file = url.split('/').pop() ?? '';
  return `${functionName || '(anonymous)'} ${file ? `${file}:${lineNumber + 1}` : ''}`.trim();
};

/** Self and inclusive ms per function (by name and place), from the sampled stacks. */
function functionTimes(profile: CpuProfile): { self: Map<string, number>; total: Map<string, number> } {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const self = new Map<string, number>();
  const total = new Map<string, number>();
  profile.samples.forEach((id, i) => {
    const ms = (profile.timeDeltas[i + 1] ?? 0) / 1000;
    const leaf = label(byId.get(id)!);
    self.set(leaf, (self.get(leaf) ?? 0) + ms);
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const name = label(byId.get(at)!);
      if (seen.has(name)) continue;
      seen.add(name);
      total.set(name, (total.get(name) ?? 0) + ms);
    }
  });
  return { self, total };
}

function top(map: Map<string, number>, per: number, n: number, skip: (k: string) => boolean = () => false) {
  return [...map]
    .filter(([k]) => !skip(k))
    .sort((a, b) => b[1] - a[1])
    .slice(0, n)
    .map(([k, v]) => `  ${(v / per).toFixed(2).padStart(7)} ms  ${k}`)
    .join('\n');
}

async function main() {
  const scenario = (process.argv[2] ?? 'cell') as Scenario;
  const rate = Number(process.argv[3] ?? 1);
  const count = Number(process.argv[4] ?? (scenario === 'paste' ? 20 : 100));
  const app = await startApp();
  const browser = await chromium.launch({
    executablePath: chromiumPath(),
    headless: true,
    args: [...CHROMIUM_ARGS, '--disable-gpu-vsync', '--disable-frame-rate-limit'],
  });
  try {
    const page = await browser.newPage({
      viewport: { width: 1400, height: 1000 },
      bypassCSP: Boolean(process.env.EXTRA_CSS),
    });
    await page.addInitScript(PROBE);
    if (scenario === 'plain') {
      await page.setContent('<input id="plain" aria-label="baseline">');
      await page.evaluate(PROBE);
      await page.locator('#plain').click();
    } else await openSample(page, app.url, scenario);
    // An experiment: a style sheet added to the page (e.g. containment), to see what it would save.
    if (process.env.EXTRA_CSS) await page.addStyleTag({ content: process.env.EXTRA_CSS });
    await drive(page, scenario, 10); // warm-up
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate });
    if (process.env.LATENCY) {
      await page.evaluate(() => {
        (window as unknown as { __latencies: number[] }).__latencies = [];
      });
      await drive(page, scenario, count);
      const all = await page.evaluate(() => (window as unknown as { __latencies: number[] }).__latencies);
      const s = summarise(all);
      console.log(
        `${scenario}, CPU ${rate}×, ${all.length} actions, ${machineLoad()}: median ${s.median.toFixed(1)} p95 ${s.p95.toFixed(1)} max ${s.max.toFixed(1)} ms`,
      );
      console.log(
        all
          .map((ms, i) => [ms, i] as const)
          .sort((a, b) => b[0] - a[0])
          .slice(0, 12)
          .map(([ms, i]) => `#${i} ${ms.toFixed(1)}`)
          .join('  '),
      );
      return;
    }
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
    await cdp.send('Tracing.start', {
      categories:
        process.env.TRACE_CATEGORIES ??
        'devtools.timeline,v8.execute,disabled-by-default-devtools.timeline,disabled-by-default-devtools.timeline.stack',
      transferMode: 'ReportEvents',
    });
    await cdp.send('Profiler.start');
    await drive(page, scenario, count);
    const { profile } = (await cdp.send('Profiler.stop')) as { profile: CpuProfile };
    const events = await collectTrace(cdp, async () => {
      await cdp.send('Tracing.end');
    });
    if (process.env.TRACE_OUT)
      (await import('node:fs')).writeFileSync(process.env.TRACE_OUT, JSON.stringify(events));
    const idle = (k: string) => k.startsWith('(idle)') || k.startsWith('(program)') || k.startsWith('(root)');
    const { self, total } = functionTimes(profile);
    console.log(`${scenario}, CPU ${rate}×, ${count} actions, ${machineLoad()}; ms per action`);
    console.log('\nmain thread, CPU time by trace event (self):');
    console.log(top(mainThreadSelfTimes(events), count * 1000, 14));
    console.log(layoutSizes(events));
    const cpu = summarise(cpuToPaint(events));
    console.log(
      `CPU from keydown/paste to the next frame's commit: median ${cpu.median.toFixed(2)} p95 ${cpu.p95.toFixed(2)} max ${cpu.max.toFixed(2)} ms (${cpu.n} actions)`,
    );
    console.log('\nJS self time by function:');
    console.log(top(self, count, 25, idle));
    console.log('\nJS inclusive time by function:');
    console.log(top(total, count, 40, idle));
  } finally {
    await browser.close();
    await app.close();
  }
}

await main();
