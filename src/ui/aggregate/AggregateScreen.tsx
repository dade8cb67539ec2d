import { fileSave } from 'browser-fs-access';
import { useMemo, useRef, useState } from 'preact/hooks';
import { duplicateSubject } from '../../aggregate/duplicates.ts';
import { beyondLimits, sumUnits } from '../../aggregate/sum.ts';
import { csvBytes, unitsToCsv } from '../../aggregate/unit-csv.ts';
import type { StoredDraft } from '../../aggregate/units.ts';
import type { Report } from '../../report/document.ts';
import { evaluate } from '../../report/rules.ts';
import { CombinePanel } from './CombinePanel.tsx';
import { FailedFiles } from './FailedFiles.tsx';
import { UnitPicker } from './UnitPicker.tsx';
import { UnitTable } from './UnitTable.tsx';
import { type AggregateState, useAggregate } from './useAggregate.ts';
import './aggregate.css';

export interface AggregateScreenProps {
  /** The browser's drafts, to add as units; without it only files can be added. */
  listStoredDrafts?: () => Promise<StoredDraft[]>;
  /** The combined report: store it as a new draft (and open it). */
  onCreateDraft(report: Report): void;
  onClose(): void;
  /** Saves the CSV; default: the browser's save dialog or a download. Tests pass their own. */
  saveFile?: (name: string, bytes: Uint8Array) => Promise<void>;
  /** The units, held by the app so they are still listed when the clerk comes back; own state if absent. */
  state?: AggregateState;
}

async function saveWithBrowser(name: string, bytes: Uint8Array): Promise<void> {
  await fileSave(new Blob([bytes as Uint8Array<ArrayBuffer>], { type: 'text/csv' }), {
    fileName: name,
    extensions: ['.csv'],
    description: 'CSV 表格（Excel、WPS 可打开）',
  });
}

const isAbort = (error: unknown) => error instanceof DOMException && error.name === 'AbortError';

/**
 * 汇总: many units' reports in, listed and checked; the clerk picks which count; out come a combined
 * report (an ordinary new draft) and the per-unit figures as CSV. The work is in src/aggregate.
 */
export function AggregateScreen({
  listStoredDrafts,
  onCreateDraft,
  onClose,
  saveFile = saveWithBrowser,
  state: held,
}: AggregateScreenProps) {
  const own = useAggregate();
  const state = held ?? own;
  const [agency, setAgency] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  // Made once: storing the draft takes a moment, and a second click must not store a second one.
  const [created, setCreated] = useState(false);
  const creating = useRef(false);

  const counted = useMemo(
    () => state.ready.filter((u) => state.included.has(u.key)),
    [state.ready, state.included],
  );
  const combined = useMemo(() => sumUnits(counted.map((u) => u.report)), [counted]);
  const beyond = useMemo(() => beyondLimits(combined), [combined]);
  const tableErrors = useMemo(
    () => evaluate(combined).filter((f) => f.severity === '错误' && f.table !== null),
    [combined],
  );
  const doubleCounted = useMemo(() => {
    const groups = new Set([...state.duplicateOf.values()]);
    return [...groups]
      .filter((g) => g.keys.filter((k) => state.included.has(k)).length > 1)
      .map(duplicateSubject);
  }, [state.duplicateOf, state.included]);

  const create = () => {
    if (creating.current || beyond) return;
    creating.current = true;
    setCreated(true);
    onCreateDraft(
      sumUnits(
        counted.map((u) => u.report),
        { agency: agency.trim() },
      ),
    );
  };

  const exportCsv = async () => {
    const total = { ...combined, agency: agency.trim() };
    const name = `各单位年报数据-${combined.year ?? '年度未填'}.csv`;
    try {
      await saveFile(name, csvBytes(unitsToCsv(counted, { total })));
      setMessage(`已导出「${name}」：${counted.length} 个单位各一行，最后一行为合计。`);
    } catch (error) {
      setMessage(isAbort(error) ? null : '导出 CSV 失败：浏览器未能写入文件，请重试或换一个位置。');
    }
  };

  return (
    <section class="aggregate-screen" aria-labelledby="aggregate-title">
      <div class="aggregate-head">
        <h2 id="aggregate-title">汇总各单位年报</h2>
        <button type="button" onClick={onClose}>
          关闭
        </button>
      </div>
      <UnitPicker
        busy={state.busy}
        onFiles={(files) => void state.addFiles(files)}
        {...(listStoredDrafts ? { listStoredDrafts } : {})}
        onStored={state.addStored}
        added={new Set(state.units.map((u) => u.key))}
      />
      <p class="aggregate-status" role="status" aria-live="polite">
        {state.status}
      </p>
      {state.failed.length > 0 ? <FailedFiles units={state.failed} /> : null}
      {state.ready.length > 0 ? (
        <>
          <div class="aggregate-buttons">
            <button type="button" onClick={state.includeAll}>
              全部计入
            </button>
            <button
              type="button"
              disabled={!state.ready.some((u) => u.errors > 0)}
              onClick={state.excludeWithErrors}
            >
              不计入有错误的单位
            </button>
            <button type="button" onClick={state.clear}>
              清空列表
            </button>
          </div>
          <div class="aggregate-scroll">
            <UnitTable
              units={state.ready}
              included={state.included}
              duplicateOf={state.duplicateOf}
              supersededBy={state.supersededBy}
              year={state.years.year}
              onInclude={state.setIncluded}
            />
          </div>
          <CombinePanel
            counted={counted}
            years={state.years}
            doubleCounted={doubleCounted}
            tableErrors={tableErrors}
            beyond={beyond}
            agency={agency}
            onAgency={setAgency}
            onCreate={create}
            creating={created}
            onExport={() => void exportCsv()}
            message={message}
          />
        </>
      ) : null}
    </section>
  );
}
