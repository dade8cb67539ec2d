/**
 * 审签单: the sheet the leaders sign, printed before or after the report. It names the report, the
 * result of the checks, the 提示 that were confirmed with the clerk's 说明 (a leader signing should
 * see them), and the file fingerprint, so a signature is tied to one exact file, and leaves room for
 * 起草人、审核人、签发人 with their dates. Confirmations too many for the sheet go on a page after it.
 */
import { formatConfirmedAt } from '../../report/review-state.ts';
import type { FontFaces } from '../fonts.ts';
import type { TextStyle } from '../text/atoms.ts';
import { placeNumbered, placeTitle } from './findings-page.ts';
import type { Flow } from './flow.ts';
import { baselineIn, breakRuns, lineOps } from './lines.ts';
import type { DrawOp, PrintedReview } from './model.ts';
import { PAGE, STYLE, TEXT_BOTTOM, TEXT_WIDTH } from './page.ts';

export interface ApprovalFacts {
  title: string;
  agency: string;
  /** 审核通过, or what is still open. */
  status: string;
  confirmed: PrintedReview['confirmed'];
  fingerprint: string;
  savedAt: string;
}

const LABEL: TextStyle = { face: 'sans', size: 13 };
const VALUE: TextStyle = { face: 'serif', size: 13 };
const SMALL: TextStyle = { face: 'serif', size: 10.5 };
const PAD = 6;
const DATE_BLANK = '　　　　年　　月　　日';
/** Row heights, tried in turn: less room to write an opinion, then compact rows, for confirmations. */
const ROOMY = { fact: 40, signer: 64, opinion: 170 };
const SHORTER = { fact: 40, signer: 64, opinion: 100 };
const COMPACT = { fact: 30, signer: 48, opinion: 80 };

type Cell = { text: string | readonly string[]; style: TextStyle; span: number; align: 'left' | 'center' };
type Row = { cells: Cell[]; minHeight: number };

const lineHeight = (style: TextStyle) => style.size * 1.5;

/** 「1. …（提示）\n说明：…（2022-01-20 10:30 确认）」, one paragraph each. */
const confirmedItems = (confirmed: ApprovalFacts['confirmed']) =>
  confirmed.map((c) => `${c.message}　说明：${c.note}（${formatConfirmedAt(c.at)} 确认）`);

export function writeApprovalSheet(flow: Flow, facts: ApprovalFacts, faces: FontFaces): void {
  flow.newPage('approval');
  placeTitle(flow, '审　签　单', faces, undefined, STYLE.title.size * 2.2);
  flow.y += 8;
  const label = (text: string): Cell => ({ text, style: LABEL, span: 1, align: 'center' });
  const value = (text: string | readonly string[], span = 3, style = VALUE): Cell => ({
    text,
    style,
    span,
    align: 'left',
  });
  const items = confirmedItems(facts.confirmed);
  // On the sheet: the 提示, then its 说明 on a line of its own.
  const numbered = facts.confirmed.flatMap((c, i) => [
    `${i + 1}. ${c.message}`,
    `　　说明：${c.note}（${formatConfirmedAt(c.at)} 确认）`,
  ]);
  const rows = (confirmedCell: Cell, h: typeof ROOMY): Row[] => {
    const signer = (role: string): Row => ({
      cells: [label(role), value('', 1), label('日期'), value(DATE_BLANK, 1)],
      minHeight: h.signer,
    });
    return [
      { cells: [label('报告名称'), value(facts.title)], minHeight: h.fact },
      { cells: [label('机关名称'), value(facts.agency)], minHeight: h.fact },
      { cells: [label('审核结果'), value(facts.status)], minHeight: h.fact },
      { cells: [label('已确认提示'), confirmedCell], minHeight: h.fact },
      {
        cells: [label('文件指纹'), value(`${facts.fingerprint}，保存于 ${facts.savedAt}`)],
        minHeight: h.fact,
      },
      signer('起草人'),
      signer('审核人'),
      signer('签发人'),
      { cells: [label('审签意见'), value('')], minHeight: h.opinion },
    ];
  };
  const available = TEXT_BOTTOM - flow.y;
  const inline = value(numbered.length ? numbered : '无', 3, numbered.length ? SMALL : VALUE);
  let laid = layRows(rows(inline, ROOMY), faces);
  if (laid.height > available) laid = layRows(rows(inline, SHORTER), faces);
  if (laid.height > available) laid = layRows(rows(inline, COMPACT), faces);
  const onSheet = laid.height <= available || items.length === 0;
  if (!onSheet) laid = layRows(rows(value(`共 ${items.length} 条，提示及说明见本单附页`), COMPACT), faces);
  drawRows(flow, laid, faces);
  if (!onSheet) {
    flow.newPage('approval');
    placeTitle(flow, '审签单附页：已确认提示', faces, undefined, STYLE.title.size * 2.2);
    flow.y += 8;
    placeNumbered(flow, items, faces);
  }
}

interface LaidCell {
  cell: Cell;
  x: number;
  width: number;
  lines: ReturnType<typeof breakRuns>;
}

function layRows(rows: readonly Row[], faces: FontFaces) {
  const columns = [90, 150, 60, TEXT_WIDTH - 300];
  const laid = rows.map((row) => {
    let col = 0;
    const cells: LaidCell[] = row.cells.map((cell) => {
      const x = PAGE.left + columns.slice(0, col).reduce((a, b) => a + b, 0);
      const width = columns.slice(col, col + cell.span).reduce((a, b) => a + b, 0);
      col += cell.span;
      const paragraphs = typeof cell.text === 'string' ? (cell.text ? [cell.text] : []) : cell.text;
      const lines = paragraphs.flatMap((p) =>
        breakRuns([{ text: p, style: cell.style }], faces, width - 2 * PAD),
      );
      return { cell, x, width, lines };
    });
    const height = Math.max(
      row.minHeight,
      ...cells.map((c) => c.lines.length * lineHeight(c.cell.style) + 2 * PAD),
    );
    return { cells, height };
  });
  return { rows: laid, height: laid.reduce((n, r) => n + r.height, 0) };
}

function drawRows(flow: Flow, laid: ReturnType<typeof layRows>, faces: FontFaces): void {
  const ops: DrawOp[] = [];
  let y = flow.y;
  for (const row of laid.rows) {
    for (const { cell, x, width, lines } of row.cells) {
      const line = lineHeight(cell.style);
      const top = y + (row.height - lines.length * line) / 2;
      const middle = faces[cell.style.face].ideographMiddle;
      lines.forEach((l, i) => {
        ops.push(
          ...lineOps(l, x + PAD, baselineIn(top + i * line, line, cell.style.size, middle), cell.align),
        );
      });
      ops.push({ kind: 'rule', x1: x, y1: y, x2: x + width, y2: y, width: 0.75 });
      ops.push({ kind: 'rule', x1: x, y1: y, x2: x, y2: y + row.height, width: 0.75 });
    }
    y += row.height;
  }
  const right = PAGE.left + TEXT_WIDTH;
  ops.push({ kind: 'rule', x1: PAGE.left, y1: y, x2: right, y2: y, width: 0.75 });
  ops.push({ kind: 'rule', x1: right, y1: flow.y, x2: right, y2: y, width: 0.75 });
  flow.add(ops);
  flow.y = y;
}
