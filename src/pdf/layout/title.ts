/**
 * The report title, centred in the title face. GB/T 9704 asks a title that runs onto several lines to
 * keep words whole and the lines balanced (排列对称): the title is cut into natural segments (the
 * agency, each of its parentheses, the year and 政府信息公开工作年度报告) and grouped into as few lines
 * as fit, the most even grouping winning. A segment wider than the line is broken as evenly as it goes.
 */
import type { FontFaces } from '../fonts.ts';
import type { StyledRun } from '../text/atoms.ts';
import type { BrokenLine } from '../text/break-lines.ts';
import { breakRuns, singleLine } from './lines.ts';
import { STYLE } from './page.ts';

const run = (text: string): StyledRun => ({ text, style: STYLE.title });

/** 「广西壮族自治区科学技术厅（自治区知识产权局）」 → 「广西壮族自治区科学技术厅」「（自治区知识产权局）」 */
export function titleSegments(agency: string, rest: string): string[] {
  const parts = agency.split(/(?=（)|(?<=）)/).filter((p) => p !== '');
  return [...parts, rest].filter((p) => p !== '');
}

function groupings(count: number): number[][] {
  // Every way of cutting `count` segments into consecutive groups, as lists of group sizes.
  if (count === 0) return [[]];
  const result: number[][] = [];
  for (let first = 1; first <= count; first++) {
    for (const restSizes of groupings(count - first)) result.push([first, ...restSizes]);
  }
  return result;
}

function balanced(text: string, faces: FontFaces, width: number): BrokenLine[] {
  const whole = breakRuns([run(text)], faces, width);
  let best = whole;
  for (let narrower = width - 2; narrower > width / 2; narrower -= 2) {
    const lines = breakRuns([run(text)], faces, narrower);
    if (lines.length > whole.length) break;
    best = lines;
  }
  return best;
}

export function titleLines(agency: string, rest: string, faces: FontFaces, width: number): BrokenLine[] {
  const segments = titleSegments(agency, rest);
  const whole = singleLine([run(segments.join(''))], faces, width);
  const asTitle = (lines: BrokenLine[]) => lines.map((line) => ({ ...line, last: true, available: width }));
  if (whole.width <= width) return asTitle([whole]);
  if (segments.every((s) => singleLine([run(s)], faces, width).width <= width)) {
    let best: { lines: BrokenLine[]; score: number } | null = null;
    for (const sizes of groupings(segments.length)) {
      let start = 0;
      const lines = sizes.map((size) => {
        const line = singleLine([run(segments.slice(start, start + size).join(''))], faces, width);
        start += size;
        return line;
      });
      if (lines.some((l) => l.width > width)) continue;
      const spread = Math.max(...lines.map((l) => l.width)) - Math.min(...lines.map((l) => l.width));
      const score = lines.length * 10_000 + spread;
      if (!best || score < best.score) best = { lines, score };
    }
    if (best) return asTitle(best.lines);
  }
  return asTitle(balanced(segments.join(''), faces, width));
}
