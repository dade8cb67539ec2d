/**
 * The first page of a draft: why it is a draft. Lists every open 错误 with the message the 审核 panel
 * shows, so the paper itself tells the reader what must be fixed before it can be signed.
 */
import type { Finding } from '../../report/rules.ts';
import type { FontFaces } from '../fonts.ts';
import type { StyledRun, TextStyle } from '../text/atoms.ts';
import type { Flow } from './flow.ts';
import { breakRuns } from './lines.ts';
import type { Rgb } from './model.ts';
import { LINE_PITCH, PAGE, STYLE, TEXT_WIDTH } from './page.ts';
import { placeLines } from './place-text.ts';

export const DRAFT_RED: Rgb = [0.75, 0.1, 0.1];
const ITEM: TextStyle = { face: 'serif', size: 12 };
const ITEM_PITCH = ITEM.size * 1.6;

/** A justified paragraph; `hang` indents every line but the first (numbered items). */
function place(flow: Flow, runs: StyledRun[], faces: FontFaces, pitch: number, indent: number, hang = 0) {
  placeLines(flow, breakRuns(runs, faces, TEXT_WIDTH - hang, indent - hang), {
    pitch,
    x: PAGE.left + hang,
    width: TEXT_WIDTH - hang,
    align: 'justify',
    ideographMiddle: faces.serif.ideographMiddle,
  });
}

export function writeFindingsPage(
  flow: Flow,
  errors: readonly Finding[],
  hints: number,
  faces: FontFaces,
): void {
  flow.newPage('findings');
  const title = breakRuns(
    [{ text: '审核未通过（草稿）', style: { ...STYLE.title, face: 'sans', bold: false } }],
    faces,
    TEXT_WIDTH,
  );
  placeLines(flow, title, {
    pitch: STYLE.title.size * 1.8,
    x: PAGE.left,
    width: TEXT_WIDTH,
    align: 'center',
    ideographMiddle: faces.sans.ideographMiddle,
  });
  for (const op of flow.page.ops) if (op.kind === 'text') op.color = DRAFT_RED; // the title is all there is yet
  flow.y += LINE_PITCH / 2;
  const intro =
    `本稿审核发现 ${errors.length} 处错误尚未改正，是草稿，不得作为正式文本审签、报送或公开。` +
    '请在填报工具中改正下列错误后重新导出；审核通过后导出的文件没有本页，也没有“草稿”水印。';
  place(flow, [{ text: intro, style: STYLE.body }], faces, LINE_PITCH, 2 * STYLE.body.size);
  flow.y += LINE_PITCH / 2;
  errors.forEach((finding, i) => {
    const number = `${i + 1}. `;
    const hang = faces.serif.width(number) * ITEM.size;
    place(flow, [{ text: number + finding.message, style: ITEM }], faces, ITEM_PITCH, 0, hang);
  });
  if (hints > 0) {
    flow.y += ITEM_PITCH / 2;
    place(
      flow,
      [{ text: `另有 ${hints} 条提示，不影响定稿，可在填报工具的审核面板查看。`, style: ITEM }],
      faces,
      ITEM_PITCH,
      0,
    );
  }
}
