/**
 * 审签单: the sheet the leaders sign, printed before or after the report. It names the report, the
 * result of the checks and the file fingerprint, so a signature is tied to one exact file, and leaves
 * room for 起草人、审核人、签发人 with their dates.
 */
import type { FontFaces } from '../fonts.ts';
import type { TextStyle } from '../text/atoms.ts';
import type { Flow } from './flow.ts';
import { baselineIn, breakRuns, lineOps } from './lines.ts';
import type { DrawOp } from './model.ts';
import { PAGE, STYLE, TEXT_WIDTH } from './page.ts';
import { placeLines } from './place-text.ts';

export interface ApprovalFacts {
  title: string;
  agency: string;
  /** 审核通过, or the number of open errors. */
  status: string;
  fingerprint: string;
  savedAt: string;
}

const LABEL: TextStyle = { face: 'sans', size: 13 };
const VALUE: TextStyle = { face: 'serif', size: 13 };
const PAD = 6;
const LINE = VALUE.size * 1.5;
const DATE_BLANK = '　　　　年　　月　　日';

type Row = {
  cells: { text: string; style: TextStyle; span: number; align: 'left' | 'center' }[];
  minHeight: number;
};

export function writeApprovalSheet(flow: Flow, facts: ApprovalFacts, faces: FontFaces): void {
  flow.newPage('approval');
  const heading = breakRuns(
    [{ text: '审　签　单', style: { ...STYLE.title, face: 'sans', bold: false } }],
    faces,
    TEXT_WIDTH,
  );
  placeLines(flow, heading, {
    pitch: STYLE.title.size * 2.2,
    x: PAGE.left,
    width: TEXT_WIDTH,
    align: 'center',
    ideographMiddle: faces.sans.ideographMiddle,
  });
  flow.y += 8;
  const label = (text: string) => ({ text, style: LABEL, span: 1, align: 'center' as const });
  const value = (text: string, span = 3) => ({ text, style: VALUE, span, align: 'left' as const });
  const signer = (role: string): Row => ({
    cells: [label(role), value('', 1), label('日期'), value(DATE_BLANK, 1)],
    minHeight: 64,
  });
  const rows: Row[] = [
    { cells: [label('报告名称'), value(facts.title)], minHeight: 40 },
    { cells: [label('机关名称'), value(facts.agency)], minHeight: 40 },
    { cells: [label('审核结果'), value(facts.status)], minHeight: 40 },
    { cells: [label('文件指纹'), value(`${facts.fingerprint}，保存于 ${facts.savedAt}`)], minHeight: 40 },
    signer('起草人'),
    signer('审核人'),
    signer('签发人'),
    { cells: [label('审签意见'), value('')], minHeight: 170 },
  ];
  const columns = [90, 150, 60, TEXT_WIDTH - 300];
  const ops: DrawOp[] = [];
  let y = flow.y;
  for (const row of rows) {
    let col = 0;
    const laid = row.cells.map((cell) => {
      const x = PAGE.left + columns.slice(0, col).reduce((a, b) => a + b, 0);
      const width = columns.slice(col, col + cell.span).reduce((a, b) => a + b, 0);
      col += cell.span;
      const lines = cell.text
        ? breakRuns([{ text: cell.text, style: cell.style }], faces, width - 2 * PAD)
        : [];
      return { cell, x, width, lines };
    });
    const height = Math.max(row.minHeight, ...laid.map((c) => c.lines.length * LINE + 2 * PAD));
    for (const { cell, x, width, lines } of laid) {
      const top = y + (height - lines.length * LINE) / 2;
      const middle = faces[cell.style.face].ideographMiddle;
      lines.forEach((line, i) => {
        ops.push(
          ...lineOps(line, x + PAD, baselineIn(top + i * LINE, LINE, cell.style.size, middle), cell.align),
        );
      });
      ops.push({ kind: 'rule', x1: x, y1: y, x2: x + width, y2: y, width: 0.75 });
      ops.push({ kind: 'rule', x1: x, y1: y, x2: x, y2: y + height, width: 0.75 });
    }
    y += height;
  }
  const right = PAGE.left + TEXT_WIDTH;
  ops.push({ kind: 'rule', x1: PAGE.left, y1: y, x2: right, y2: y, width: 0.75 });
  ops.push({ kind: 'rule', x1: right, y1: flow.y, x2: right, y2: y, width: 0.75 });
  flow.add(ops);
  flow.y = y;
}
