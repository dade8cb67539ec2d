/**
 * IndexedDB that never answers (a stuck browser): the app stops waiting after STORAGE_WAIT_MS, runs
 * in memory, and the red banner says in Chinese what happened and what to do.
 */
import { render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { App } from '../../../src/ui/App.tsx';
import { STORAGE_WAIT_MS } from '../../../src/ui/shell/useRepository.ts';

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('a browser storage that never answers', () => {
  it(`gives up after ${STORAGE_WAIT_MS} ms: memory mode, a Chinese banner with 重试 and 保存到文件 advice`, async () => {
    vi.useFakeTimers();
    // An open request whose events never fire.
    vi.stubGlobal('indexedDB', { open: () => ({}) });
    render(<App />);
    await vi.advanceTimersByTimeAsync(STORAGE_WAIT_MS - 100);
    expect(document.querySelector('.storage-banner')).toBeNull();
    await vi.advanceTimersByTimeAsync(200);
    const banner = document.querySelector('.storage-banner')!;
    expect(banner.textContent).toContain('浏览器存储（保存草稿的地方）一直没有响应');
    expect(banner.textContent).toContain('请点“重试”');
    expect(banner.textContent).toContain('保存到文件');
    expect(banner.textContent).not.toMatch(/[A-Za-z]/);
    expect(screen.getByRole('button', { name: '重试' })).toBeTruthy();
    vi.useRealTimers();
    expect(await screen.findByRole('button', { name: '新建' })).toBeTruthy();
  });
});
