import { fireEvent, render, screen } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { APP_VERSION } from '../../src/files/app-version.ts';
import { ADVICE, detectEnvironment } from '../../src/platform/environment.ts';
import { AboutPanel } from '../../src/ui/about/AboutPanel.tsx';
import { UpdateNotice } from '../../src/ui/about/UpdateNotice.tsx';
import { axeViolations } from '../ui/drafts/axe.ts';

const fileEnvironment = detectEnvironment({
  location: { protocol: 'file:', hostname: '' },
  indexedDB: {},
  Worker: () => undefined,
  navigator: { userAgent: 'Mozilla/5.0 Chrome/86.0.4240.198 Safari/537.36' },
});

describe('AboutPanel', () => {
  it('states the version, no network, where data lives, browsers, licence and what was detected', async () => {
    const onClose = vi.fn();
    render(
      <AboutPanel onClose={onClose} environment={fileEnvironment} startOfflineCache={async () => 'file'} />,
    );
    const text = document.body.textContent ?? '';
    expect(text).toContain(`版本 ${APP_VERSION}`);
    expect(text).toContain('不建立任何网络连接');
    expect(text).toContain('草稿只保存在本浏览器中');
    expect(text).toContain('Chromium 86 及以上');
    expect(text).toContain('SIL Open Font License 1.1');
    expect(text).toContain('SIL OPEN FONT LICENSE Version 1.1'); // the licence text itself ships
    expect(text).toContain('本机文件（单文件版）');
    expect(text).toContain(ADVICE.fileOpened);
    expect(await screen.findByText('从本机文件打开，不需要离线缓存。')).toBeInTheDocument();
    expect(await axeViolations(document.body)).toEqual([]);
    fireEvent.click(screen.getByRole('button', { name: '关闭「关于」' }));
    expect(onClose).toHaveBeenCalledTimes(1);
  });
});

describe('UpdateNotice', () => {
  it('shows nothing while the cache is merely ready', async () => {
    render(<UpdateNotice start={async () => 'ready'} />);
    await Promise.resolve();
    expect(screen.queryByRole('button')).toBeNull();
  });

  it('asks before switching to a waiting version', async () => {
    const onUpdate = vi.fn();
    render(<UpdateNotice start={async () => 'update-waiting'} onUpdate={onUpdate} />);
    const button = await screen.findByRole('button', { name: '刷新以使用新版本' });
    expect(onUpdate).not.toHaveBeenCalled();
    fireEvent.click(button);
    expect(onUpdate).toHaveBeenCalledTimes(1);
    expect(await axeViolations(document.body)).toEqual([]);
  });
});
