import { useId, useMemo } from 'preact/hooks';
import { APP_VERSION } from '../../files/app-version.ts';
import fontLicence from '../../pdf/fonts/OFL.txt?raw';
import { detectEnvironment, type Environment, MIN_CHROMIUM } from '../../platform/environment.ts';
import { OFFLINE_STATUS_TEXT, type OfflineCacheStatus } from '../../platform/offline-cache.ts';
import { useOfflineCache } from './useOfflineCache.ts';
import './about.css';

export interface AboutPanelProps {
  onClose(): void;
  /** What this browser can do here; detected when not given. */
  environment?: Environment;
  /** Test seam: the offline cache's start (default: the page's registration). */
  startOfflineCache?: () => Promise<OfflineCacheStatus>;
}

const yesNo = (value: boolean, yes: string, no: string) => (value ? yes : no);

function openedFrom(env: Environment): string {
  if (env.fileProtocol) return '本机文件（单文件版）';
  if (env.protocol === 'https' || env.protocol === 'http') return `网页服务器（${env.protocol}）`;
  return '其他方式';
}

/** 关于: version, the no-network promise, where data lives, supported browsers, licences, this browser. */
export function AboutPanel({ onClose, environment, startOfflineCache }: AboutPanelProps) {
  const env = useMemo(() => environment ?? detectEnvironment(), [environment]);
  const status = useOfflineCache(startOfflineCache);
  const ids = { title: useId(), env: useId() };
  return (
    <section class="about-panel" aria-labelledby={ids.title}>
      <h2 id={ids.title}>关于信息公开年报填报工具</h2>
      <p>版本 {APP_VERSION}（政府信息公开工作年度报告 2021 年新版格式）</p>

      <h3>不联网，数据只在本机</h3>
      <ul>
        <li>
          本工具不建立任何网络连接：页面的内容安全策略（CSP）禁止一切网络请求，没有统计代码，不加载任何远程字体或脚本。
        </li>
        <li>草稿只保存在本浏览器中（浏览器存储），以及您自己「保存到文件」「导出」保存的文件里。</li>
        <li>PDF 在本机生成，所用字体已包含在工具内。</li>
      </ul>

      <h3>支持的浏览器</h3>
      <ul>
        <li>
          Chromium {MIN_CHROMIUM} 及以上内核的浏览器：新版 360 安全浏览器、QQ
          浏览器、奇安信可信浏览器（均需“极速模式”），Microsoft Edge（79 及以上）、Google Chrome。
        </li>
        <li>“文件系统访问”（直接写回原文件）仅在浏览器提供时使用；否则保存为下载文件，功能不受影响。</li>
        <li>不支持 IE 和“兼容模式”。</li>
      </ul>

      <h3 id={ids.env}>本浏览器检测结果</h3>
      <dl class="about-facts" aria-labelledby={ids.env}>
        <dt>打开方式</dt>
        <dd>{openedFrom(env)}</dd>
        <dt>浏览器内核</dt>
        <dd>{env.chromiumVersion === null ? '无法识别' : `Chromium ${env.chromiumVersion}`}</dd>
        <dt>离线缓存</dt>
        <dd>{status ? OFFLINE_STATUS_TEXT[status] : '正在检查…'}</dd>
        <dt>浏览器存储</dt>
        <dd>{yesNo(env.indexedDb, '可用', '不可用：草稿无法自动保存')}</dd>
        <dt>文件系统访问</dt>
        <dd>{yesNo(env.fileSystemAccess, '可用（可直接写回原文件）', '不可用（保存为下载文件）')}</dd>
        <dt>PDF 导出线程</dt>
        <dd>{yesNo(env.worker, '可用', '不可用：无法导出 PDF')}</dd>
      </dl>
      {env.advice.length > 0 ? (
        <ul class="about-advice">
          {env.advice.map((a) => (
            <li key={a.text} class={`about-advice-${a.level}`}>
              {a.text}
            </li>
          ))}
        </ul>
      ) : null}

      <h3>字体与许可</h3>
      <p>
        PDF 使用 Noto Serif CJK SC（宋体）和 Noto Sans CJK SC（黑体）的子集，版权归 Adobe（© 2017–2022、©
        2014–2021），依 SIL Open Font License 1.1 授权使用和随本工具分发。
      </p>
      <details>
        <summary>字体许可全文（SIL OFL 1.1）</summary>
        <pre class="about-licence">{fontLicence}</pre>
      </details>

      <button type="button" onClick={onClose}>
        关闭「关于」
      </button>
    </section>
  );
}
