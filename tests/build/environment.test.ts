// @vitest-environment node
import { describe, expect, it } from 'vitest';
import {
  ADVICE,
  chromiumVersionOf,
  detectEnvironment,
  type EnvironmentScope,
} from '../../src/platform/environment.ts';

const CHROME_86 =
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/86.0.4240.198 Safari/537.36';
const QQ_OLD =
  'Mozilla/5.0 (Windows NT 6.1; WOW64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/70.0.3538.25 Safari/537.36 Core/1.70.3756.400 QQBrowser/10.5.3863.400';
const IE_MODE = 'Mozilla/5.0 (Windows NT 10.0; WOW64; Trident/7.0; rv:11.0) like Gecko';

function scope(protocol: string, overrides: Partial<EnvironmentScope> = {}): EnvironmentScope {
  return {
    location: { protocol, hostname: protocol === 'file:' ? '' : 'intranet.example' },
    isSecureContext: protocol !== 'http:',
    indexedDB: {},
    Worker: function Worker() {},
    showSaveFilePicker: () => undefined,
    navigator: { userAgent: CHROME_86, serviceWorker: {}, storage: { persist: () => undefined } },
    ...overrides,
  };
}

const texts = (s: EnvironmentScope) => detectEnvironment(s).advice.map((a) => a.text);

describe('detectEnvironment', () => {
  it('from a file: no service worker, no persistent storage, and says drafts live in this browser', () => {
    const env = detectEnvironment(scope('file:'));
    expect(env).toMatchObject({
      fileProtocol: true,
      serviceWorker: false,
      persistentStorage: false,
      indexedDb: true,
    });
    expect(texts(scope('file:'))).toEqual([ADVICE.fileNoPersist, ADVICE.fileOpened]);
  });

  it('on https: offline cache possible, nothing to warn about', () => {
    const env = detectEnvironment(scope('https:'));
    expect(env).toMatchObject({
      protocol: 'https',
      serviceWorker: true,
      fileSystemAccess: true,
      chromiumVersion: 86,
    });
    expect(env.advice).toEqual([]);
  });

  it('on plain http to an intranet host: no offline cache, and says what to do', () => {
    expect(detectEnvironment(scope('http:')).serviceWorker).toBe(false);
    expect(texts(scope('http:'))).toContain(ADVICE.noServiceWorker);
  });

  it('without IndexedDB or workers: blockers first; without the picker: downloads', () => {
    const env = detectEnvironment(
      scope('https:', { indexedDB: undefined, Worker: undefined, showSaveFilePicker: undefined }),
    );
    expect(env.advice.map((a) => a.level)).toEqual(['blocker', 'blocker', 'info']);
    expect(env.advice.map((a) => a.text)).toEqual([
      ADVICE.noIndexedDb,
      ADVICE.noWorker,
      ADVICE.noFileSystemAccess,
    ]);
  });

  it('an old QQ browser core and IE compatibility mode are named', () => {
    const qq = detectEnvironment(scope('file:', { navigator: { userAgent: QQ_OLD } }));
    expect(qq.chromiumVersion).toBe(70);
    expect(qq.advice[0]?.text).toBe(ADVICE.oldChromium(70));
    const ie = detectEnvironment(scope('file:', { navigator: { userAgent: IE_MODE } }));
    expect(ie.ieEngine).toBe(true);
    expect(ie.advice[0]).toEqual({ level: 'blocker', text: ADVICE.ieEngine });
  });

  it('runs in Node with no browser globals at all', () => {
    const env = detectEnvironment({});
    expect(env.protocol).toBe('other');
    expect(env.indexedDb).toBe(false);
  });
});

describe('chromiumVersionOf', () => {
  it('reads Chrome, Edge and headless agents', () => {
    expect(chromiumVersionOf(`${CHROME_86} Edg/86.0.622.69`)).toBe(86);
    expect(chromiumVersionOf('Mozilla/5.0 HeadlessChrome/156.0.0.0 Safari/537.36')).toBe(156);
    expect(chromiumVersionOf(IE_MODE)).toBeNull();
  });
});
