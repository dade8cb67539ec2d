/**
 * Places broken lines on the flow at a fixed pitch (even line spacing), keeping at least two lines
 * of a paragraph together at the foot of a page (no orphan) and at the head of the next (no widow).
 */
import type { BrokenLine } from '../text/break-lines.ts';
import type { Flow } from './flow.ts';
import { type Align, baselineIn, lineOps } from './lines.ts';

export interface LinePlacement {
  pitch: number;
  /** Left edge and full width of the measure; a line narrower than it (first-line indent) is pushed right. */
  x: number;
  width: number;
  align: Align;
  /** Middle of the ideograph box above the baseline, in em (of the line's first atom's face). */
  ideographMiddle: number;
  /** Apply orphan and widow control (paragraphs), or not (lists of short items). */
  keepTogether?: boolean;
}

function linesThatFit(flow: Flow, pitch: number): number {
  return Math.max(0, Math.floor((flow.remaining + 0.01) / pitch));
}

export function placeLines(flow: Flow, lines: readonly BrokenLine[], how: LinePlacement): void {
  let next = 0;
  while (next < lines.length) {
    const left = lines.length - next;
    let take = Math.min(linesThatFit(flow, how.pitch), left);
    if (how.keepTogether && take < left) {
      if (next === 0 && take === 1 && !flow.atTop) take = 0;
      else if (left - take === 1 && take >= 2) take -= 1;
    }
    if (take === 0) {
      if (flow.atTop)
        take = 1; // a line taller than the page: place it anyway
      else {
        flow.newPage(flow.page.kind);
        continue;
      }
    }
    for (const line of lines.slice(next, next + take)) {
      const size = line.atoms[0]?.style.size ?? 0;
      const baseline = baselineIn(flow.y, how.pitch, size, how.ideographMiddle);
      flow.add(lineOps(line, how.x + how.width - line.available, baseline, how.align));
      flow.y += how.pitch;
    }
    next += take;
    if (next < lines.length) flow.newPage(flow.page.kind);
  }
}
