/**
 * The autosave controller, on the memory repository, with fake timers: debounce, max wait,
 * flush, page lifecycle, failures, conflicts, revisions, restore.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { blankReport, type Report } from '../../src/report/document.ts';
import { setCells } from '../../src/report/edit.ts';
import { AutosaveController, formatSaveStatus, type SaveStatus } from '../../src/storage/autosave.ts';
import { StorageError } from '../../src/storage/errors.ts';
import { MemoryDraftRepository } from '../../src/storage/memory-repository.ts';
import { MINUTE } from '../../src/storage/thinning.ts';

const START = new Date(2026, 0, 10, 9, 15, 7).getTime();

let repo: MemoryDraftRepository;
let base: Report;
let statuses: SaveStatus[];

function controller(options: Partial<ConstructorParameters<typeof AutosaveController>[0]> = {}) {
  return new AutosaveController({
    repository: repo,
    draftId: base.id,
    version: 1,
    onStatus: (s) => statuses.push(s),
    ...options,
  });
}

const typed = (n: number) => setCells(base, { 't3.new.natural': n });
const stored = async () => (await repo.get(base.id))!;

beforeEach(async () => {
  vi.useFakeTimers({ now: START });
  repo = new MemoryDraftRepository();
  base = (await repo.create(blankReport({ id: 'd', agency: '某局', year: 2025 }))).report;
  statuses = [];
});
afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('debounced saving', () => {
  it('writes the last report 300 ms after the last keystroke, once', async () => {
    const save = vi.spyOn(repo, 'save');
    const auto = controller();
    auto.change(typed(1));
    await vi.advanceTimersByTimeAsync(100);
    auto.change(typed(12));
    await vi.advanceTimersByTimeAsync(100);
    auto.change(typed(123));
    expect(save).not.toHaveBeenCalled(); // change() itself never touches storage
    expect(formatSaveStatus(auto.status)).toBe('正在保存…');
    await vi.advanceTimersByTimeAsync(299);
    expect(save).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(save).toHaveBeenCalledTimes(1);
    expect((await stored()).report.cells['t3.new.natural']).toBe(123);
    expect(auto.version).toBe(2);
    expect(auto.hasUnsavedChanges).toBe(false);
    expect(formatSaveStatus(auto.status)).toBe('已保存 09:15:07');
    expect(statuses.map((s) => s.state)).toEqual(['saving', 'saved']);
  });

  it('still writes during continuous typing, at most maxWait after the first unsaved change', async () => {
    const save = vi.spyOn(repo, 'save');
    const auto = controller({ maxWaitMs: 2000 });
    for (let i = 0; i < 15; i++) {
      auto.change(typed(i));
      await vi.advanceTimersByTimeAsync(200);
    }
    // 3 seconds of typing, a keystroke every 200 ms: the debounce alone would never fire.
    expect(save.mock.calls.length).toBeGreaterThanOrEqual(1);
    expect(save.mock.calls[0]![1].cells['t3.new.natural']).toBeLessThanOrEqual(10);
    await vi.advanceTimersByTimeAsync(300);
    expect((await stored()).report.cells['t3.new.natural']).toBe(14);
  });

  it('never runs two writes at once; changes made during a write follow it with the newest report', async () => {
    let release!: () => void;
    const original = repo.save.bind(repo);
    let inFlight = 0;
    let maxInFlight = 0;
    vi.spyOn(repo, 'save').mockImplementation(async (...args) => {
      inFlight++;
      maxInFlight = Math.max(maxInFlight, inFlight);
      await new Promise<void>((resolve) => {
        release = resolve;
      });
      inFlight--;
      return original(...args);
    });
    const auto = controller();
    auto.change(typed(1));
    await vi.advanceTimersByTimeAsync(300); // first write starts and hangs
    auto.change(typed(2));
    auto.change(typed(3));
    await vi.advanceTimersByTimeAsync(300);
    release();
    await vi.advanceTimersByTimeAsync(0);
    release();
    expect(await auto.flush()).toBe(true);
    expect(maxInFlight).toBe(1);
    expect(repo.save).toHaveBeenCalledTimes(2);
    expect((await stored()).report.cells['t3.new.natural']).toBe(3);
  });
});

describe('flush', () => {
  it('writes at once and resolves when storage has everything', async () => {
    const auto = controller();
    auto.change(typed(5));
    expect(await auto.flush()).toBe(true);
    expect((await stored()).report.cells['t3.new.natural']).toBe(5);
    expect(await auto.flush()).toBe(true); // nothing pending: no write
    expect((await stored()).version).toBe(2);
  });

  it('flushes on pagehide and on visibilitychange to hidden', async () => {
    const win = new EventTarget();
    const doc = Object.assign(new EventTarget(), { visibilityState: 'visible' as DocumentVisibilityState });
    const auto = controller();
    const detach = auto.attachPageLifecycle(win, doc);

    auto.change(typed(1));
    doc.dispatchEvent(new Event('visibilitychange')); // still visible: nothing
    await vi.advanceTimersByTimeAsync(0);
    expect((await stored()).version).toBe(1);
    doc.visibilityState = 'hidden';
    doc.dispatchEvent(new Event('visibilitychange'));
    await vi.advanceTimersByTimeAsync(0);
    expect((await stored()).report.cells['t3.new.natural']).toBe(1);

    auto.change(typed(2));
    win.dispatchEvent(new Event('pagehide'));
    await vi.advanceTimersByTimeAsync(0);
    expect((await stored()).report.cells['t3.new.natural']).toBe(2);

    detach();
    auto.change(typed(3));
    win.dispatchEvent(new Event('pagehide'));
    await vi.advanceTimersByTimeAsync(0);
    expect((await stored()).report.cells['t3.new.natural']).toBe(2);
  });
});

describe('leaving the page', () => {
  it('rescues the unsaved report synchronously, then flushes', async () => {
    const rescue = vi.spyOn(repo, 'rescue');
    const win = new EventTarget();
    const auto = controller();
    auto.attachPageLifecycle(win, Object.assign(new EventTarget(), { visibilityState: 'visible' as const }));
    auto.change(typed(4));
    win.dispatchEvent(new Event('pagehide'));
    expect(rescue).toHaveBeenCalledOnce(); // before any await: the page may be gone after this task
    expect(rescue.mock.calls[0]![1].cells['t3.new.natural']).toBe(4);
    expect(rescue.mock.calls[0]![2]).toBe(2); // covered once the flush stores version 2
    await vi.advanceTimersByTimeAsync(0);
    expect((await stored()).report.cells['t3.new.natural']).toBe(4);
    win.dispatchEvent(new Event('pagehide'));
    expect(rescue).toHaveBeenCalledOnce(); // nothing unsaved: nothing rescued
  });

  it('rescues the report of a write still under way', async () => {
    const rescue = vi.spyOn(repo, 'rescue');
    vi.spyOn(repo, 'save').mockImplementation(() => new Promise(() => {})); // never completes
    const auto = controller();
    auto.change(typed(6));
    await vi.advanceTimersByTimeAsync(300);
    expect(auto.hasUnsavedChanges).toBe(false); // handed to the write
    void auto.saveForExit();
    expect(rescue.mock.calls[0]![1].cells['t3.new.natural']).toBe(6);
    expect(rescue.mock.calls[0]![2]).toBe(2); // that write itself stores it
  });

  it('rescues newer content than the write under way, covered only by the write after it', async () => {
    const rescue = vi.spyOn(repo, 'rescue');
    vi.spyOn(repo, 'save').mockImplementation(() => new Promise(() => {})); // never completes
    const auto = controller();
    auto.change(typed(6));
    await vi.advanceTimersByTimeAsync(300);
    auto.change(typed(7));
    void auto.saveForExit();
    expect(rescue.mock.calls[0]![1].cells['t3.new.natural']).toBe(7);
    expect(rescue.mock.calls[0]![2]).toBe(3);
  });
});

describe('failures', () => {
  it('keeps the report in memory, says 保存失败（存储空间已满）, and retries', async () => {
    const original = repo.save.bind(repo);
    const save = vi
      .spyOn(repo, 'save')
      .mockRejectedValueOnce(new DOMException('full', 'QuotaExceededError'))
      .mockImplementation(original);
    const auto = controller({ retryMs: 5000 });
    auto.change(typed(7));
    await vi.advanceTimersByTimeAsync(300);
    expect(formatSaveStatus(auto.status)).toBe('保存失败（存储空间已满）');
    expect(auto.status.state === 'error' && auto.status.error.message).toContain('保存到文件');
    expect(auto.hasUnsavedChanges).toBe(true);
    expect((await stored()).version).toBe(1);
    await vi.advanceTimersByTimeAsync(5000);
    expect(save).toHaveBeenCalledTimes(2);
    expect((await stored()).report.cells['t3.new.natural']).toBe(7);
    expect(auto.status.state).toBe('saved');
    expect(statuses.map((s) => s.state)).toEqual(['saving', 'error', 'saved']);
  });

  it('a change after a failure retries with the newest report; the error stays shown until then', async () => {
    vi.spyOn(repo, 'save').mockRejectedValueOnce(new StorageError('write-failed'));
    const auto = controller();
    auto.change(typed(1));
    await vi.advanceTimersByTimeAsync(300);
    expect(auto.status.state).toBe('error');
    auto.change(typed(2));
    expect(auto.status.state).toBe('error');
    await vi.advanceTimersByTimeAsync(300);
    expect(auto.status.state).toBe('saved');
    expect((await stored()).report.cells['t3.new.natural']).toBe(2);
  });

  it('stops on a conflict with another tab instead of overwriting it', async () => {
    const auto = controller();
    await repo.save('d', { ...base, agency: '另一个标签页' }, 1);
    auto.change(typed(1));
    await vi.advanceTimersByTimeAsync(300);
    expect(formatSaveStatus(auto.status)).toBe('保存失败（已在另一个标签页中修改）');
    expect(auto.isStopped).toBe(true);
    const save = vi.spyOn(repo, 'save');
    auto.change(typed(2));
    await vi.advanceTimersByTimeAsync(10_000);
    expect(await auto.flush()).toBe(false);
    expect(save).not.toHaveBeenCalled();
    expect((await stored()).report.agency).toBe('另一个标签页');
    expect(auto.hasUnsavedChanges).toBe(true);
  });

  it('asks before leaving the page while changes could not be saved', async () => {
    vi.spyOn(repo, 'save').mockRejectedValue(new StorageError('quota'));
    const win = new EventTarget();
    const auto = controller();
    auto.attachPageLifecycle(win, Object.assign(new EventTarget(), { visibilityState: 'visible' as const }));
    const calm = new Event('beforeunload', { cancelable: true });
    win.dispatchEvent(calm);
    expect(calm.defaultPrevented).toBe(false);
    auto.change(typed(1));
    await vi.advanceTimersByTimeAsync(300);
    const leaving = new Event('beforeunload', { cancelable: true });
    win.dispatchEvent(leaving);
    expect(leaving.defaultPrevented).toBe(true);
  });
});

describe('revisions', () => {
  it('keeps one on the first save, then at most one per 5 minutes of editing', async () => {
    const auto = controller();
    auto.change(typed(1));
    await auto.flush();
    expect((await repo.listRevisions('d')).map((r) => r.reason)).toEqual(['auto']);
    for (let i = 2; i <= 5; i++) {
      await vi.advanceTimersByTimeAsync(MINUTE);
      auto.change(typed(i));
      await auto.flush();
    }
    expect(await repo.listRevisions('d')).toHaveLength(1); // 4 minutes in
    await vi.advanceTimersByTimeAsync(MINUTE);
    auto.change(typed(6));
    await auto.flush();
    const revisions = await repo.listRevisions('d');
    expect(revisions).toHaveLength(2);
    expect((await repo.getRevision(revisions[0]!.id))?.report.cells['t3.new.natural']).toBe(6);
  });

  it('checkpoint keeps the state before a risky operation, even if not yet saved', async () => {
    const auto = controller();
    const beforePaste = typed(8);
    auto.change(beforePaste);
    const kept = auto.checkpoint(beforePaste, 'paste');
    auto.change(setCells(beforePaste, { 't3.new.business': 99 }));
    expect(await kept).toBe(true);
    await auto.flush();
    const revisions = await repo.listRevisions('d');
    const paste = revisions.find((r) => r.reason === 'paste')!;
    const report = (await repo.getRevision(paste.id))!.report;
    expect(report.cells['t3.new.natural']).toBe(8);
    expect(report.cells['t3.new.business']).toBeNull();
  });

  it('restores a revision after saving what is pending, and continues from the new version', async () => {
    const saved: number[] = [];
    const auto = controller({ onSaved: (r) => saved.push(r.version) });
    auto.change(typed(1));
    await auto.flush(); // version 2, revision 'auto' of 1
    const [first] = await auto.listRevisions();
    await vi.advanceTimersByTimeAsync(MINUTE);
    auto.change(typed(2)); // not yet written
    const report = await auto.restoreRevision(first!.id);
    expect(report.cells['t3.new.natural']).toBe(1);
    expect(auto.version).toBe(4);
    expect(saved).toEqual([2, 3, 4]);
    const revisions = await auto.listRevisions();
    expect(revisions[0]?.reason).toBe('restore');
    expect((await auto.getRevision(revisions[0]!.id))?.report.cells['t3.new.natural']).toBe(2);
    auto.change(setCells(report, { 't3.new.natural': 10 }));
    expect(await auto.flush()).toBe(true);
    expect((await stored()).version).toBe(5);
  });
});

describe('formatSaveStatus', () => {
  it('says 正在保存… / 已保存 HH:MM:SS / 保存失败（原因）', () => {
    expect(formatSaveStatus({ state: 'idle' })).toBe('');
    expect(formatSaveStatus({ state: 'saving' })).toBe('正在保存…');
    expect(formatSaveStatus({ state: 'saved', at: new Date(2026, 0, 1, 8, 5, 9).getTime() })).toBe(
      '已保存 08:05:09',
    );
    expect(formatSaveStatus({ state: 'error', error: new StorageError('unavailable') })).toBe(
      '保存失败（浏览器存储不可用）',
    );
  });
});
