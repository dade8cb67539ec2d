/**
 * What this browser, opened this way, can and cannot do — found out once at start, so the app can say
 * what to do instead of failing silently. DOM-free: reads only globals that also exist in Node
 * (or not), and takes them as a parameter in tests.
 *
 * What Chromium refuses on file:// (checked in Chromium 156, see tests/e2e/offline.e2e.ts):
 * service workers (origin 'null'), navigator.storage.persist() (always false), OPFS (SecurityError),
 * module workers from blob: URLs (classic ones start). IndexedDB, Web Locks, BroadcastChannel, blob:
 * downloads and printing work; every file:// page of a profile shares one storage origin.
 */

/** The part of the global scope the detection reads (globalThis in the browser). */
export interface EnvironmentScope {
  location?: { protocol: string; hostname: string };
  isSecureContext?: boolean;
  indexedDB?: unknown;
  Worker?: unknown;
  showSaveFilePicker?: unknown;
  showOpenFilePicker?: unknown;
  navigator?: {
    userAgent?: string;
    serviceWorker?: unknown;
    storage?: { persist?: unknown };
  };
}

export type Protocol = 'file' | 'http' | 'https' | 'other';

export interface Environment {
  protocol: Protocol;
  /** Opened from a file (the single HTML file on a USB stick or the desktop). */
  fileProtocol: boolean;
  /** A service worker (offline cache) can be registered: http(s) in a secure context. */
  serviceWorker: boolean;
  indexedDb: boolean;
  /** The File System Access API (save in place, pick files); otherwise downloads and <input type=file>. */
  fileSystemAccess: boolean;
  /** navigator.storage.persist() can be asked (never granted on file://). */
  persistentStorage: boolean;
  /** Web Workers (the PDF export runs in one). */
  worker: boolean;
  /** Chromium major version from the user agent, or null when the agent does not say. */
  chromiumVersion: number | null;
  /** Internet Explorer or a 360/QQ/奇安信 browser in 兼容模式 (IE engine). */
  ieEngine: boolean;
  /** Advice in Chinese, most important first: what cannot work here and what to do instead. */
  advice: Advice[];
}

export interface Advice {
  /** 'blocker': a main function cannot work; 'warning': works with a risk; 'info': good to know. */
  level: 'blocker' | 'warning' | 'info';
  text: string;
}

export const MIN_CHROMIUM = 86;

export const ADVICE = {
  ieEngine:
    '浏览器处于“兼容模式”（IE 内核），本工具无法运行。请点击地址栏右侧的闪电或“e”图标，切换到“极速模式”。',
  oldChromium: (version: number) =>
    `浏览器内核为 Chromium ${version}，低于本工具支持的最低版本 ${MIN_CHROMIUM}，部分功能可能无法使用。请升级到新版 360 安全浏览器、QQ 浏览器、奇安信可信浏览器或 Microsoft Edge。`,
  noIndexedDb:
    '浏览器不允许本页面使用浏览器存储，草稿无法自动保存。可能是无痕/隐私窗口或单位策略所致：请改用普通窗口；在此之前，请每次编辑后「保存到文件」。',
  noWorker: '浏览器不支持后台线程，无法导出 PDF、Word。请升级浏览器。',
  fileOpened:
    '本工具是从本机文件打开的：无需联网，也不需要离线缓存。草稿保存在本浏览器中，与文件放在哪里无关；换浏览器、换电脑或清除浏览器数据后看不到这些草稿，请及时「保存到文件」。',
  fileNoPersist:
    '从本机文件打开时，浏览器不允许申请“持久存储”：清理浏览器数据或磁盘空间不足时，草稿可能被删除。请定期「保存到文件」备份。',
  noServiceWorker:
    '当前地址不能使用离线缓存（需要 https 或本机地址）：断网或服务器停止后，本页面将无法再次打开。请联系管理员启用 https，或改用单文件版“信息公开年报填报工具.html”。',
  noFileSystemAccess:
    '浏览器不支持直接写回文件：「保存到文件」会把文件下载到“下载”文件夹，「打开文件」时请选择文件。',
} as const;

function protocolOf(scope: EnvironmentScope): Protocol {
  const protocol = scope.location?.protocol;
  if (protocol === 'file:') return 'file';
  if (protocol === 'http:') return 'http';
  if (protocol === 'https:') return 'https';
  return 'other';
}

/** The Chromium major version in a user agent (Chrome/86.0…, also inside 360/QQ/Edg agents). */
export function chromiumVersionOf(userAgent: string): number | null {
  const match = /\b(?:Chrome|Chromium|HeadlessChrome)\/(\d+)\./.exec(userAgent);
  return match ? Number(match[1]) : null;
}

export function detectEnvironment(scope: EnvironmentScope = globalThis as EnvironmentScope): Environment {
  const protocol = protocolOf(scope);
  const fileProtocol = protocol === 'file';
  const userAgent = scope.navigator?.userAgent ?? '';
  const chromiumVersion = chromiumVersionOf(userAgent);
  const ieEngine = /\bTrident\/|\bMSIE /.test(userAgent);
  const env: Environment = {
    protocol,
    fileProtocol,
    serviceWorker:
      (protocol === 'http' || protocol === 'https') &&
      scope.isSecureContext === true &&
      scope.navigator?.serviceWorker != null,
    indexedDb: scope.indexedDB != null,
    fileSystemAccess: typeof scope.showSaveFilePicker === 'function',
    persistentStorage: !fileProtocol && typeof scope.navigator?.storage?.persist === 'function',
    worker: typeof scope.Worker === 'function',
    chromiumVersion,
    ieEngine,
    advice: [],
  };
  env.advice = adviceFor(env);
  return env;
}

function adviceFor(env: Environment): Advice[] {
  const advice: Advice[] = [];
  const blocker = (text: string) => advice.push({ level: 'blocker', text });
  const warning = (text: string) => advice.push({ level: 'warning', text });
  const info = (text: string) => advice.push({ level: 'info', text });
  if (env.ieEngine) blocker(ADVICE.ieEngine);
  if (env.chromiumVersion !== null && env.chromiumVersion < MIN_CHROMIUM)
    warning(ADVICE.oldChromium(env.chromiumVersion));
  if (!env.indexedDb) blocker(ADVICE.noIndexedDb);
  if (!env.worker) blocker(ADVICE.noWorker);
  if (env.fileProtocol) {
    warning(ADVICE.fileNoPersist);
    info(ADVICE.fileOpened);
  } else if ((env.protocol === 'http' || env.protocol === 'https') && !env.serviceWorker) {
    warning(ADVICE.noServiceWorker);
  }
  if (!env.fileSystemAccess) info(ADVICE.noFileSystemAccess);
  return advice;
}

/**
 * Whether IndexedDB really opens (a private window or a policy can expose the API and still refuse).
 * Resolves false instead of throwing; uses a throwaway database name of its own.
 */
export function probeIndexedDb(scope: EnvironmentScope = globalThis as EnvironmentScope): Promise<boolean> {
  const factory = scope.indexedDB as IDBFactory | undefined;
  if (!factory) return Promise.resolve(false);
  return new Promise((resolve) => {
    try {
      const request = factory.open('nianbao-probe');
      request.onsuccess = () => {
        request.result.close();
        resolve(true);
      };
      request.onerror = () => resolve(false);
      request.onblocked = () => resolve(true);
    } catch {
      resolve(false);
    }
  });
}
