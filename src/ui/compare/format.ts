/** How the 同比 view writes figures: signed changes and percentages, as a clerk reads them. */
import { formatNumber } from '../../report/rules.ts';

/** 「+3」「−2」「0」: the sign always shown, a true minus sign. */
export function signed(n: number): string {
  if (n === 0) return '0';
  return n > 0 ? `+${formatNumber(n)}` : `−${formatNumber(-n)}`;
}

/** 「+50%」「−33.3%」: one decimal where it matters. */
export function percent(ratio: number): string {
  const tenths = Math.round(ratio * 1000) / 10;
  if (tenths === 0) return '0%';
  return tenths > 0 ? `+${tenths}%` : `−${-tenths}%`;
}

/** 「92%」: a share of 0…1 as a whole percentage. */
export const share = (ratio: number) => `${Math.round(ratio * 100)}%`;
