/**
 * Two "tabs" (two sessions in one page) on one draft, sharing a fake LockManager and a fake
 * BroadcastChannel bus over one memory repository: owner and read-only, following live, taking
 * over without overwriting.
 */
import { act, render, screen, waitFor } from '@testing-library/preact';
import { useState } from 'preact/hooks';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { blankReport, type Report } from '../../../src/report/document.ts';
import { MemoryDraftRepository } from '../../../src/storage/memory-repository.ts';
import { type DraftSession, useDraftSession } from '../../../src/ui/drafts/useDraftSession.ts';
import { FakeChannelBus, FakeLockManager } from '../../storage/fakes.ts';

let repo: MemoryDraftRepository;
let locks: FakeLockManager;
let bus: FakeChannelBus;
const sessions: Record<string, DraftSession> = {};
const shown: Record<string, Report | null> = {};

function Tab({ name, draftId = 'd' }: { name: string; draftId?: string }) {
  const [report, setReport] = useState<Report | null>(null);
  const session = useDraftSession({
    repository: repo,
    draftId,
    onLoad: setReport,
    lock: { locks, openChannel: bus.open, handOverTimeoutMs: 1000 },
    autosave: { debounceMs: 0 },
  });
  sessions[name] = session;
  shown[name] = report;
  return (
    <p data-testid={name}>
      {session.phase}/{session.lockState}/{report?.agency ?? ''}
    </p>
  );
}

const line = (name: string) => screen.getByTestId(name).textContent;
const edit = (name: string, agency: string) => act(() => sessions[name]!.change({ ...shown[name]!, agency }));

beforeEach(async () => {
  repo = new MemoryDraftRepository();
  locks = new FakeLockManager();
  bus = new FakeChannelBus();
  await repo.create(blankReport({ id: 'd', agency: '某局', year: 2025 }));
});

describe('useDraftSession', () => {
  it('the first tab edits and saves; the second is read-only and follows it live', async () => {
    render(<Tab name="a" />);
    await waitFor(() => expect(line('a')).toBe('ready/owner/某局'));
    render(<Tab name="b" />);
    await waitFor(() => expect(line('b')).toBe('ready/read-only/某局'));
    expect(sessions.b!.readOnly).toBe(true);
    expect(sessions.b!.controller).toBeNull();

    edit('a', '某局（甲改）');
    await waitFor(() => expect(sessions.a!.status.state).toBe('saved'));
    expect((await repo.get('d'))?.report.agency).toBe('某局（甲改）');
    await waitFor(() => expect(line('b')).toBe('ready/read-only/某局（甲改）'));

    edit('b', '乙在只读页的修改'); // ignored: read-only
    await act(async () => {
      await sessions.a!.controller!.flush();
    });
    expect((await repo.get('d'))?.report.agency).toBe('某局（甲改）');
  });

  it('taking over: the owner flushes and turns read-only; the new owner saves without conflict', async () => {
    render(<Tab name="a" />);
    await waitFor(() => expect(line('a')).toBe('ready/owner/某局'));
    render(<Tab name="b" />);
    await waitFor(() => expect(line('b')).toBe('ready/read-only/某局'));

    edit('a', '甲未保存的修改'); // still pending when b takes over
    await act(() => sessions.b!.takeOver());
    await waitFor(() => expect(line('b')).toBe('ready/owner/甲未保存的修改'));
    await waitFor(() => expect(line('a')).toMatch(/\/read-only\//));
    expect(sessions.a!.controller).toBeNull();

    edit('b', '乙接管后的修改');
    await waitFor(() => expect(sessions.b!.status.state).toBe('saved'));
    expect((await repo.get('d'))?.report.agency).toBe('乙接管后的修改');
    await waitFor(() => expect(line('a')).toBe('ready/read-only/乙接管后的修改'));
  });

  it('when the owner closes the draft, the read-only tab becomes the owner with the latest content', async () => {
    const a = render(<Tab name="a" />);
    await waitFor(() => expect(line('a')).toBe('ready/owner/某局'));
    render(<Tab name="b" />);
    await waitFor(() => expect(line('b')).toBe('ready/read-only/某局'));
    edit('a', '甲关闭前的修改');
    a.unmount(); // flushes, then releases the lock
    await waitFor(() => expect(line('b')).toBe('ready/owner/甲关闭前的修改'));
    edit('b', '乙继续');
    await waitFor(() => expect(sessions.b!.status.state).toBe('saved'));
    expect((await repo.get('d'))?.report.agency).toBe('乙继续');
  });

  it('the owner recovers what a closed page rescued before loading, and says so', async () => {
    const recover = vi.spyOn(repo, 'recoverRescued').mockImplementation(async () => {
      await repo.save('d', { ...(await repo.get('d'))!.report, agency: '关闭前未保存的内容' }, 1);
      return 'applied';
    });
    render(<Tab name="a" />);
    await waitFor(() => expect(line('a')).toBe('ready/owner/关闭前未保存的内容'));
    expect(sessions.a!.rescued).toBe('applied');
    render(<Tab name="b" />);
    await waitFor(() => expect(line('b')).toBe('ready/read-only/关闭前未保存的内容'));
    expect(recover).toHaveBeenCalledOnce(); // only the owner recovers
  });

  it('says so when the draft does not exist', async () => {
    render(<Tab name="x" draftId="gone" />);
    await waitFor(() => expect(sessions.x!.phase).toBe('missing'));
    expect(sessions.x!.error?.kind).toBe('not-found');
  });
});
