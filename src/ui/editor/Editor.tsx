import { memo } from 'preact/compat';
import { useCallback, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import { type CellId, cellDef } from '../../report/cells.ts';
import {
  confirmFinding,
  fillBlankCells,
  setCells,
  setInvalidEntry,
  setManualTotals,
  setMeta,
  setNote,
  setSection,
  setYear,
  withdrawConfirmation,
} from '../../report/edit.ts';
import { blankCellsOf } from '../../report/rules.ts';
import { reportTitle, SECTIONS, tableById } from '../../report/template.ts';
import { type FindingIndex, indexFindings } from '../findings-index.ts';
import { CellNotice, type CellNoticeData } from './CellNotice.tsx';
import { CellStatus } from './CellStatus.tsx';
import { DocIndex } from './DocIndex.tsx';
import { type FindingActions, FindingsPanel } from './FindingsPanel.tsx';
import { Grid } from './Grid.tsx';
import { MetaForm } from './MetaForm.tsx';
import { TextSection } from './TextSection.tsx';
import type { Editor as EditorState } from './useEditor.ts';

export interface EditorProps {
  editor: EditorState;
  /** Called before an edit that overwrites filled cells, switches totals or fills blanks (keep a revision first). */
  onRiskyEdit?(kind: 'paste' | 'totals' | 'fill-zero'): void;
  /** Another tab edits this draft: everything is shown, nothing can be changed. */
  readOnly?: boolean;
}

/** This browser remembers whether the clerk folded the 审核 panel away (per browser, not per draft). */
const SIDE_KEY = 'nianbao.side-folded';
/**
 * Until the clerk chose, the panel starts folded only on a narrow window (150 % on a 1366 screen):
 * there table 3 needs the width, the rail still shows the counts, and the focused cell's status bar
 * shows what the 审核 says about that cell.
 */
const NARROW = '(max-width: 1000px)';
const readFolded = () => {
  try {
    const chosen = localStorage.getItem(SIDE_KEY);
    if (chosen !== null) return chosen === '1';
  } catch {
    // No localStorage: as if never chosen.
  }
  return typeof matchMedia === 'function' && matchMedia(NARROW).matches;
};
const writeFolded = (folded: boolean) => {
  try {
    localStorage.setItem(SIDE_KEY, folded ? '1' : '0');
  } catch {
    // No localStorage: the panel opens unfolded next time.
  }
};

/** The cell a message is about: the one being typed or pasted in (the paste's target has the focus). */
const focusedCell = () => {
  const el = document.activeElement as HTMLElement | null;
  return el?.dataset?.cell ? el : null;
};

/** The report as a document: title, basic facts, preamble, the six sections in order, the 审核 panel. */
function EditorView({ editor, onRiskyEdit, readOnly = false }: EditorProps) {
  const { report, findings, review, apply } = editor;
  const previousIndex = useRef<FindingIndex | undefined>(undefined);
  // Cells and texts are marked for what is still open: a confirmed 提示 no longer marks them.
  const index = useMemo(() => {
    previousIndex.current = indexFindings([...review.errors, ...review.open], previousIndex.current);
    return previousIndex.current;
  }, [review]);
  const latestReport = useRef(report);
  latestReport.current = report;
  const riskyEdit = useRef(onRiskyEdit);
  riskyEdit.current = onRiskyEdit;
  // One object for the panel's whole life, so that a keystroke does not re-render the panel.
  const actions = useMemo<FindingActions>(
    () => ({
      onConfirm: (finding, note) => apply((r) => confirmFinding(r, finding, note), null),
      onWithdraw: (key) => apply((r) => withdrawConfirmation(r, key), null),
      onFillBlank: (table) => {
        riskyEdit.current?.('fill-zero');
        apply((r) => fillBlankCells(r, table), null);
      },
      firstBlank: (table) => blankCellsOf(latestReport.current, table)[0],
    }),
    [apply],
  );
  const [activeCell, setActiveCell] = useState<CellId | null>(null);
  // The last cell visited in each table: its status stays after the table (see CellStatus.active).
  const [lastCells, setLastCells] = useState<Readonly<Record<string, CellId>>>({});
  const onActiveCell = useCallback((cell: CellId | null) => {
    setActiveCell(cell);
    if (!cell) return;
    const table = cellDef(cell).table.id;
    setLastCells((last) => (last[table] === cell ? last : { ...last, [table]: cell }));
  }, []);
  const [notice, setNotice] = useState<CellNoticeData | null>(null);
  const closeNotice = useCallback(() => setNotice(null), []);
  const [folded, setFolded] = useState(readFolded);
  const side = useRef<HTMLElement>(null);
  const foldedByClick = useRef(false);
  const fold = (next: boolean) => {
    foldedByClick.current = true;
    setFolded(next);
    writeFolded(next);
  };
  // The button clicked is gone: the focus goes to the one that undoes it.
  useLayoutEffect(() => {
    if (!foldedByClick.current) return;
    foldedByClick.current = false;
    side.current?.querySelector<HTMLElement>(folded ? '.side-unfold' : '.side-fold')?.focus();
  }, [folded]);
  // 「已核对，沿用」 given: the section's heading says it was checked, no longer 需更新.
  const checkedStale = useMemo(
    () =>
      new Set(
        review.confirmed.filter((c) => c.finding.ruleId === 'TEXT-STALE').flatMap((c) => c.finding.fields),
      ),
    [review.confirmed],
  );

  const onSetCells = useCallback(
    (values: Record<CellId, number | null>, mergeKey: string | null, overwrites: CellId[]) => {
      if (overwrites.length) riskyEdit.current?.('paste');
      apply((r) => setCells(r, values), mergeKey);
      if (mergeKey) setNotice(null);
    },
    [apply],
  );
  const onInvalidEntry = useCallback(
    (cell: CellId, text: string, mergeKey: string) => {
      apply((r) => setInvalidEntry(r, cell, text), mergeKey);
      setNotice(null);
    },
    [apply],
  );
  const onNotice = useCallback(
    (message: string, tone: CellNoticeData['tone']) => setNotice({ message, tone, anchor: focusedCell() }),
    [],
  );

  return (
    <div class={folded ? 'editor editor-folded' : 'editor'}>
      {/* A disabled fieldset makes every field read-only at once, and keeps them readable. */}
      <fieldset class="editor-fields" disabled={readOnly}>
        <article class="document" aria-label="报告正文">
          <h1 class="doc-title">{reportTitle(report.agency || '（机关名称）', report.year)}</h1>
          <MetaForm
            report={report}
            index={index}
            onAgency={(agency) => apply((r) => setMeta(r, { agency }), 'agency')}
            onYear={(year) => apply((r) => setYear(r, year), 'year')}
            onPeriod={(period) => apply((r) => setMeta(r, { period }), 'period')}
            onContact={(contact) => apply((r) => setMeta(r, { contact }), 'contact')}
          />
          <TextSection
            field="preamble"
            heading="前言"
            subheads={[]}
            hint="写明编制依据（《条例》第五十条）、统计期限、电子版下载地址和联系方式。"
            value={report.preamble}
            stale={false}
            marks={index.fields.get('preamble')}
            onInput={(preamble) => apply((r) => setMeta(r, { preamble }), 'preamble')}
          />
          {SECTIONS.map((section) => {
            if (section.kind === 'text') {
              return (
                <TextSection
                  key={section.no}
                  field={section.key}
                  heading={section.heading}
                  subheads={section.subheads}
                  hint={section.hint}
                  value={report.sections[section.key]}
                  stale={report.staleSections.includes(section.key)}
                  staleChecked={checkedStale.has(section.key)}
                  marks={index.fields.get(section.key)}
                  onInput={(text) => apply((r) => setSection(r, section.key, text), `section:${section.key}`)}
                />
              );
            }
            const table = tableById(section.table);
            return (
              <section class="doc-section" key={section.no} aria-labelledby={`heading-${table.id}`}>
                <h2 id={`heading-${table.id}`} class="doc-heading">
                  {section.heading}
                </h2>
                <div class="table-tools">
                  <span class="unit">{table.unitNote}</span>
                  {table.blocks.some((b) => b.rows.some((r) => r.sumOf) || b.columns.some((c) => c.sumOf)) ? (
                    <label class="switch">
                      <input
                        type="checkbox"
                        checked={report.manualTotals}
                        onChange={(e) => {
                          const manual = (e.target as HTMLInputElement).checked;
                          riskyEdit.current?.('totals');
                          apply((r) => setManualTotals(r, manual), null);
                        }}
                      />
                      手工填写合计（默认自动合计）
                    </label>
                  ) : null}
                </div>
                <Grid
                  table={table}
                  cells={report.cells}
                  entries={report.invalidEntries}
                  notes={report.notes}
                  manualTotals={report.manualTotals}
                  index={index}
                  onSetCells={onSetCells}
                  onInvalidEntry={onInvalidEntry}
                  onNotice={onNotice}
                  onActiveCell={onActiveCell}
                  live={editor.live}
                />
                {table.notes?.length ? (
                  <ul class="table-notes">
                    {table.notes.map((n) => (
                      <li key={n}>{n}</li>
                    ))}
                  </ul>
                ) : null}
                {lastCells[table.id] ? (
                  <CellStatus
                    cell={lastCells[table.id]!}
                    index={index}
                    note={report.notes[lastCells[table.id]!] ?? ''}
                    manualTotals={report.manualTotals}
                    active={activeCell === lastCells[table.id]}
                    onNote={(note) => {
                      const cell = lastCells[table.id]!;
                      apply((r) => setNote(r, cell, note), `note:${cell}`);
                    }}
                  />
                ) : null}
              </section>
            );
          })}
        </article>
      </fieldset>
      {notice ? <CellNotice notice={notice} onClose={closeNotice} /> : null}
      <aside class="side" aria-label="审核" ref={side}>
        {folded ? (
          <button
            type="button"
            class="side-unfold"
            aria-expanded="false"
            aria-controls="side-findings"
            title="展开审核结果"
            onClick={() => fold(false)}
          >
            <span class="side-unfold-arrow" aria-hidden="true">
              ‹
            </span>
            审核结果
            <span class="side-unfold-counts">
              错误 {review.errors.length}
              <br />
              提示 {review.open.length}
            </span>
          </button>
        ) : null}
        <DocIndex vertical={folded} />
        <div id="side-findings" class="side-findings" hidden={folded}>
          <button
            type="button"
            class="side-fold"
            aria-expanded="true"
            aria-controls="side-findings"
            title="收起审核结果，让报告更宽"
            onClick={() => fold(true)}
          >
            收起 ›
          </button>
          <FindingsPanel findings={findings} review={review} actions={actions} readOnly={readOnly} />
        </div>
      </aside>
    </div>
  );
}

/**
 * Re-renders for a new report (each render of useEditor gives a new `editor`) or read-only, not when
 * the screen around it re-renders for its own reasons (the save status while typing).
 */
export const Editor = memo(EditorView, (a, b) => a.editor === b.editor && a.readOnly === b.readOnly);
