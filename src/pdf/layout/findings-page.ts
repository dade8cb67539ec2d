/**
 * The first page of a draft: why it is a draft. Lists every open 错误 and every 提示 not yet confirmed,
 * with the message the 审核 panel shows, so the paper itself tells the reader what must be fixed or
 * confirmed before it can be signed.
 */
import type { FontFaces } from '../fonts.ts';
import type { StyledRun, TextStyle } from '../text/atoms.ts';
import type { Flow } from './flow.ts';
import { breakRuns } from './lines.ts';
import type { PrintedReview, Rgb } from './model.ts';
import { LINE_PITCH, PAGE, STYLE, TEXT_WIDTH } from './page.ts';
import { placeLines } from './place-text.ts';

export const DRAFT_RED: Rgb = [0.75, 0.1, 0.1];
const ITEM: TextStyle = { face: 'serif', size: 12 };
const ITEM_PITCH = ITEM.size * 1.6;
const GROUP: TextStyle = { face: 'serif', size: 13, bold: true };

/** A justified paragraph; `hang` indents every line but the first (numbered items). */
export function placeParagraph(
  flow: Flow,
  runs: StyledRun[],
  faces: FontFaces,
  pitch: number,
  indent: number,
  hang = 0,
) {
  placeLines(flow, breakRuns(runs, faces, TEXT_WIDTH - hang, indent - hang), {
    pitch,
    x: PAGE.left + hang,
    width: TEXT_WIDTH - hang,
    align: 'justify',
    ideographMiddle: faces.serif.ideographMiddle,
  });
}

/** 「1. …」 items with hanging numbers. */
export function placeNumbered(flow: Flow, items: readonly string[], faces: FontFaces, style = ITEM) {
  items.forEach((text, i) => {
    const number = `${i + 1}. `;
    const hang = faces.serif.width(number) * style.size;
    placeParagraph(flow, [{ text: number + text, style }], faces, style.size * 1.6, 0, hang);
  });
}

/** A centred title in the 黑体 role, in red on a draft. */
export function placeTitle(
  flow: Flow,
  text: string,
  faces: FontFaces,
  color?: Rgb,
  pitch = STYLE.title.size * 1.8,
) {
  const lines = breakRuns(
    [{ text, style: { ...STYLE.title, face: 'sans', bold: false } }],
    faces,
    TEXT_WIDTH,
  );
  const first = flow.page.ops.length;
  placeLines(flow, lines, {
    pitch,
    x: PAGE.left,
    width: TEXT_WIDTH,
    align: 'center',
    ideographMiddle: faces.sans.ideographMiddle,
  });
  if (color) for (const op of flow.page.ops.slice(first)) if (op.kind === 'text') op.color = color;
}

function intro(review: PrintedReview): string {
  const { errors, open } = review;
  const after = '审核通过后导出的文件没有本页，也没有“草稿”水印，审签单上列出已确认的提示及其说明。';
  if (review.state === '有错误') {
    return (
      `本稿审核发现 ${errors.length} 处错误尚未改正${open.length ? `，另有 ${open.length} 条提示尚未确认` : ''}，` +
      '是草稿，不得作为正式文本审签、报送或公开。请在填报工具中改正下列错误' +
      `${open.length ? '，并逐条核实下列提示（有误的改正，没有问题的点“确认无误”写明说明）' : ''}后重新导出；${after}`
    );
  }
  return (
    `本稿审核没有错误，但有 ${open.length} 条提示尚未核实确认，是草稿，不得作为正式文本审签、报送或公开。` +
    `请在填报工具中逐条核实下列提示：有误的改正，没有问题的点“确认无误”并写明说明，然后重新导出；${after}`
  );
}

export function writeFindingsPage(flow: Flow, review: PrintedReview, faces: FontFaces): void {
  flow.newPage('findings');
  placeTitle(flow, review.state === '有错误' ? '审核未通过（草稿）' : '提示未确认（草稿）', faces, DRAFT_RED);
  flow.y += LINE_PITCH / 2;
  placeParagraph(flow, [{ text: intro(review), style: STYLE.body }], faces, LINE_PITCH, 2 * STYLE.body.size);
  const group = (title: string, items: readonly string[]) => {
    if (items.length === 0) return;
    flow.y += ITEM_PITCH / 2;
    placeParagraph(flow, [{ text: title, style: GROUP }], faces, GROUP.size * 1.8, 0);
    placeNumbered(flow, items, faces);
  };
  group(`错误（${review.errors.length} 处，必须改正）`, review.errors);
  group(`尚未确认的提示（${review.open.length} 条，请核实后改正或确认）`, review.open);
  if (review.confirmed.length > 0) {
    flow.y += ITEM_PITCH / 2;
    placeParagraph(
      flow,
      [{ text: `另有 ${review.confirmed.length} 条提示已确认，说明见审签单。`, style: ITEM }],
      faces,
      ITEM_PITCH,
      0,
    );
  }
}
