// @vitest-environment node
/** importDraftFile: writes once, only after full validation and the clerk's answer. */
import { describe, expect, it, vi } from 'vitest';
import { type ImportQuestion, importDraftFile } from '../../src/files/import.ts';
import { setCells } from '../../src/report/edit.ts';
import { sampleDraft, sampleReport } from './sample.ts';
import { spyStore } from './store-spy.ts';

const file = async (report = sampleReport()) => ({
  bytes: (await sampleDraft(report)).bytes,
  name: '科技厅.nianbao.json',
});
const never = vi.fn(async (): Promise<never> => {
  throw new Error('should not ask');
});

describe('importDraftFile', () => {
  it('adds a draft that is not in the browser yet, with one put and no question', async () => {
    const store = spyStore();
    const result = await importDraftFile(await file(), store, never);
    expect(result).toMatchObject({
      status: 'opened',
      mode: 'added',
      message: '已从文件「科技厅.nianbao.json」打开草稿。',
    });
    expect(store.put).toHaveBeenCalledTimes(1);
    expect(store.put).toHaveBeenCalledWith(sampleReport(), {
      revisionReason: '从文件「科技厅.nianbao.json」打开',
    });
    expect(never).not.toHaveBeenCalled();
  });

  it('writes nothing when the stored draft is the same', async () => {
    const store = spyStore([sampleReport()]);
    const result = await importDraftFile(await file(), store, never);
    expect(result).toMatchObject({ status: 'opened', mode: 'unchanged' });
    expect(store.put).not.toHaveBeenCalled();
  });

  describe('when the stored draft differs', () => {
    const stored = () => setCells(sampleReport(), { 't3.new.natural': 99 });

    it('asks, showing the differences by label', async () => {
      const store = spyStore([stored()]);
      const decide = vi.fn(async (_: ImportQuestion) => 'cancel' as const);
      await importDraftFile(await file(), store, decide);
      const question = decide.mock.calls[0]![0];
      expect(question.kind).toBe('conflict');
      expect(question.diff?.[0]).toMatchObject({
        label: '一、本年新收政府信息公开申请数量·自然人',
        before: '99',
        after: '2',
      });
    });

    it('取消 writes nothing', async () => {
      const store = spyStore([stored()]);
      const result = await importDraftFile(await file(), store, async () => 'cancel');
      expect(result).toEqual({
        status: 'cancelled',
        message: '已取消打开「科技厅.nianbao.json」。浏览器中的草稿没有任何改动。',
      });
      expect(store.put).not.toHaveBeenCalled();
      expect(store.drafts.get(sampleReport().id)).toEqual(stored());
    });

    it('覆盖 replaces it in one put whose reason names the kept revision', async () => {
      const store = spyStore([stored()]);
      const result = await importDraftFile(await file(), store, async () => 'overwrite');
      expect(result).toMatchObject({ status: 'opened', mode: 'overwritten' });
      expect(store.put).toHaveBeenCalledTimes(1);
      expect(store.put).toHaveBeenCalledWith(sampleReport(), {
        revisionReason: '打开文件「科技厅.nianbao.json」覆盖前的版本',
      });
    });

    it('另存为新草稿 stores a copy under a new id and leaves the stored draft alone', async () => {
      const store = spyStore([stored()]);
      const result = await importDraftFile(await file(), store, async () => 'new', { newId: () => 'copy-1' });
      expect(result).toMatchObject({ status: 'opened', mode: 'copied', report: { id: 'copy-1' } });
      expect(store.put).toHaveBeenCalledTimes(1);
      expect(store.drafts.get(sampleReport().id)).toEqual(stored());
      expect(store.drafts.get('copy-1')).toEqual({ ...sampleReport(), id: 'copy-1' });
    });
  });

  describe('a file edited outside the tool', () => {
    const edited = async () => {
      const text = (await sampleDraft()).text.replace('"t3.new.natural": 2', '"t3.new.natural": 7');
      return { bytes: new TextEncoder().encode(text), name: 'edited.nianbao.json' };
    };

    it('asks with the differences against the stored draft, and opens only as a new draft', async () => {
      const store = spyStore([sampleReport()]);
      const decide = vi.fn(async (_: ImportQuestion) => 'new' as const);
      const result = await importDraftFile(await edited(), store, decide, { newId: () => 'copy-2' });
      const question = decide.mock.calls[0]![0];
      expect(question).toMatchObject({ kind: 'hash-mismatch', fileName: 'edited.nianbao.json' });
      // The edited cell, and its 总计: opening recomputes automatic totals, so every view agrees.
      expect(question.diff).toEqual([
        {
          path: ['cells', 't3.new.natural'],
          label: '一、本年新收政府信息公开申请数量·自然人',
          before: '2',
          after: '7',
        },
        {
          path: ['cells', 't3.new.total'],
          label: '一、本年新收政府信息公开申请数量·总计',
          before: '3',
          after: '8',
        },
      ]);
      expect(result).toMatchObject({ status: 'opened', mode: 'copied', report: { id: 'copy-2' } });
      expect(store.drafts.get(sampleReport().id)).toEqual(sampleReport());
    });

    it('has no differences to show when the draft is not in this browser', async () => {
      const decide = vi.fn(async (_: ImportQuestion) => 'cancel' as const);
      await importDraftFile(await edited(), spyStore(), decide);
      expect(decide.mock.calls[0]![0]).toMatchObject({ kind: 'hash-mismatch', existing: null, diff: null });
    });

    it('never overwrites, even if asked to', async () => {
      const store = spyStore([sampleReport()]);
      const result = await importDraftFile(await edited(), store, async () => 'overwrite');
      expect(result.status).toBe('cancelled');
      expect(store.put).not.toHaveBeenCalled();
    });
  });

  it('does not even read the store for a refused file', async () => {
    const store = spyStore();
    const result = await importDraftFile(
      { bytes: new TextEncoder().encode('{"x": 1}'), name: 'x.json' },
      store,
      never,
    );
    expect(result).toMatchObject({ status: 'rejected', kind: 'not-ours' });
    expect(store.get).not.toHaveBeenCalled();
    expect(store.put).not.toHaveBeenCalled();
  });

  it('says nothing changed when storing fails', async () => {
    const store = spyStore();
    store.put.mockRejectedValueOnce(new DOMException('quota', 'QuotaExceededError'));
    const result = await importDraftFile(await file(), store, never);
    expect(result).toEqual({
      status: 'failed',
      message: '保存到浏览器失败，文件「科技厅.nianbao.json」未打开。浏览器中的草稿没有任何改动。',
    });
  });
});
