import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import example from '../../examples/gx-kjt-2021.json';
import { APP_NAME } from '../files/title.ts';
import { blankReport, type Report, reportSchema } from '../report/document.ts';
import { requestPersistence } from '../storage/persistence.ts';
import type { DraftRepository } from '../storage/repository.ts';
import { AboutPanel } from './about/AboutPanel.tsx';
import { UpdateNotice } from './about/UpdateNotice.tsx';
import { AggregateScreen } from './aggregate/AggregateScreen.tsx';
import { listStoredDrafts } from './aggregate/stored-drafts.ts';
import { useAggregate } from './aggregate/useAggregate.ts';
import { DraftsHome } from './drafts/DraftsHome.tsx';
import { StorageBanner } from './drafts/StorageBanner.tsx';
import { useEditor } from './editor/useEditor.ts';
import { type OpenedHow, useDraftFiles } from './files/useDraftFiles.tsx';
import { ImportScreen } from './import/ImportScreen.tsx';
import { DraftScreen, type SessionHandle } from './shell/DraftScreen.tsx';
import { draftStoreFor } from './shell/draft-store.ts';
import { EnvironmentNotice } from './shell/EnvironmentNotice.tsx';
import { loadFileLinks, rememberFileLink } from './shell/file-links.ts';
import { type Route, useRoute } from './shell/route.ts';
import { Sheet } from './shell/Sheet.tsx';
import { StorageDialog } from './shell/StorageDialog.tsx';
import { type OpenRepository, useRepository } from './shell/useRepository.ts';
import { useStickyBar } from './shell/useStickyBar.ts';
import './drafts/drafts.css';
import './shell/shell.css';

/** The bundled sample report (广西科技厅 2021), offered as 示例 so a new user can explore a real report. */
export function exampleReport(): Report {
  return { ...reportSchema().parse(example), id: `example-${Date.now().toString(36)}` };
}

export interface AppProps {
  /** Test seam: where drafts are stored (default IndexedDB, memory when that fails). */
  openRepository?: OpenRepository;
}

type Overlay = 'storage' | 'about' | null;

const NAV: { label: string; route: Route }[] = [
  { label: '草稿列表', route: { screen: 'drafts' } },
  { label: '导入往年报告', route: { screen: 'import' } },
  { label: '汇总', route: { screen: 'aggregate' } },
];

/**
 * The app shell: the repository, the routes (草稿列表, a draft, 导入往年报告, 汇总), draft files
 * (open and drop work on every screen, save on a draft), and the storage banner.
 */
export function App({ openRepository }: AppProps) {
  const [route, go] = useRoute();
  const { repository, problem, retry } = useRepository(openRepository);
  const [overlay, setOverlay] = useState<Overlay>(null);
  const [draftReady, setDraftReady] = useState(false);
  const [readOnly, setReadOnly] = useState(false);
  // Bumped to reopen the draft on screen after a file was opened over it.
  const [reopen, setReopen] = useState(0);
  const session = useRef<SessionHandle | null>(null);
  const editor = useEditor(blankReport, (report) => session.current?.change(report), readOnly);
  const inDraft = route.screen === 'draft' && draftReady;
  // Held here, so the units picked for 汇总 are still listed after 生成汇总报告 and back.
  const aggregate = useAggregate();
  const routeRef = useRef(route);
  routeRef.current = route;
  // In a draft the app's own bar scrolls away and the draft's toolbar sticks (it measures itself).
  const topbar = useRef<HTMLElement>(null);
  useStickyBar(topbar, route.screen !== 'draft', route.screen);
  // The draft 导入往年报告 just made: its editor says what to do next (新建下一年度).
  const [imported, setImported] = useState<string | null>(null);
  // Only right after the import: opened again later, it is a report like any other.
  useEffect(() => {
    if (imported && !(route.screen === 'draft' && route.id === imported)) setImported(null);
  }, [route, imported]);

  const repositoryRef = useRef(repository);
  repositoryRef.current = repository;
  const store = useMemo(
    () =>
      draftStoreFor(
        () => repositoryRef.current,
        async () => {
          await session.current?.flush();
        },
      ),
    [],
  );
  const onOpened = useCallback(
    (report: Report, how: OpenedHow) => {
      const current = routeRef.current;
      if (current.screen === 'draft' && current.id === report.id && how === 'overwritten')
        setReopen((n) => n + 1);
      go({ screen: 'draft', id: report.id });
    },
    [go],
  );
  const initialLinks = useMemo(() => loadFileLinks(), []);
  const files = useDraftFiles({
    report: editor.report,
    store,
    onOpened,
    setTitle: inDraft,
    canSave: inDraft,
    initialLinks,
    onLinkChange: rememberFileLink,
    // On 导入往年报告 a file dropped anywhere is a report to import (the import screen takes it).
    listen: route.screen !== 'import',
  });
  const fileStatus = useMemo(
    () => ({ isLinked: (id: string) => files.linkOf(id) !== null, statusOf: files.statusOf }),
    [files.linkOf, files.statusOf],
  );

  useEffect(() => {
    if (!inDraft) document.title = APP_NAME;
  }, [inDraft]);

  const openDraft = useCallback(
    (id: string) => {
      // After the clerk's click: Chromium decides at once whether storage is kept for good.
      void requestPersistence();
      go({ screen: 'draft', id });
    },
    [go],
  );
  const createAndOpen = useCallback(
    async (repo: DraftRepository, report: Report, keepRevision: boolean) => {
      const created = await repo.create(report);
      if (keepRevision) await repo.addRevision(created.summary.id, created.report, 'imported');
      setImported(keepRevision ? created.summary.id : null);
      openDraft(created.summary.id);
    },
    [openDraft],
  );

  return (
    <div class={route.screen === 'draft' ? 'app app-draft' : 'app'}>
      <header class="topbar" ref={topbar}>
        <span class="app-name">{APP_NAME}</span>
        <nav class="actions" aria-label="导航">
          {NAV.map((item) => (
            <button
              type="button"
              key={item.label}
              aria-current={route.screen === item.route.screen ? 'page' : undefined}
              onClick={() => go(item.route)}
            >
              {item.label}
            </button>
          ))}
          <button type="button" onClick={() => void files.open()} disabled={!repository} title="Ctrl+O">
            打开文件
          </button>
          <button
            type="button"
            aria-pressed={overlay === 'storage'}
            onClick={() => setOverlay(overlay === 'storage' ? null : 'storage')}
          >
            存储
          </button>
          <button
            type="button"
            aria-pressed={overlay === 'about'}
            onClick={() => setOverlay(overlay === 'about' ? null : 'about')}
          >
            关于
          </button>
        </nav>
      </header>
      <StorageBanner
        problem={problem}
        {...(inDraft ? { onSaveFile: () => void files.save() } : {})}
        onRetry={retry}
      />
      <UpdateNotice />
      {files.view}
      {overlay === 'storage' && repository ? (
        <Sheet label="设置/存储" onEscape={() => setOverlay(null)}>
          <StorageDialog repository={repository} onClose={() => setOverlay(null)} />
        </Sheet>
      ) : null}
      {overlay === 'about' ? (
        <Sheet label="关于信息公开年报填报工具" wide onEscape={() => setOverlay(null)}>
          <AboutPanel onClose={() => setOverlay(null)} />
        </Sheet>
      ) : null}
      <main>
        {!repository ? (
          <p class="screen-message" role="status">
            正在打开浏览器中的草稿…
          </p>
        ) : route.screen === 'draft' ? (
          <DraftScreen
            key={`${route.id}:${reopen}`}
            repository={repository}
            draftId={route.id}
            editor={editor}
            files={files}
            onSession={(handle) => {
              session.current = handle;
            }}
            onReady={setDraftReady}
            onReadOnly={setReadOnly}
            onHome={() => go({ screen: 'drafts' })}
            onOpenDraft={openDraft}
            imported={imported === route.id}
          />
        ) : route.screen === 'import' ? (
          <ImportScreen
            onConfirm={(draft) => void createAndOpen(repository, draft.report, true)}
            onCancel={() => go({ screen: 'drafts' })}
          />
        ) : route.screen === 'aggregate' ? (
          <AggregateScreen
            state={aggregate}
            listStoredDrafts={() => listStoredDrafts(repository)}
            onCreateDraft={(report) => void createAndOpen(repository, report, false)}
            onClose={() => go({ screen: 'drafts' })}
          />
        ) : (
          <>
            <EnvironmentNotice />
            <DraftsHome repository={repository} onOpen={openDraft} files={fileStatus} />
            <p class="example-offer">
              第一次使用？可以打开一份示例报告（广西科技厅 2021 年度）看看：
              <button type="button" onClick={() => void createAndOpen(repository, exampleReport(), false)}>
                打开示例
              </button>
            </p>
          </>
        )}
      </main>
    </div>
  );
}
