/**
 * The part before 一、总体情况: the title (agency and year), the preamble, and what the preamble
 * states (statistics period, contact). Lines a web page puts around the report (发布时间、来源、
 * 字号【大 中 小】…) are set aside, not mixed into the preamble.
 */
import type { Report } from '../report/document.ts';
import { trimLine } from './normalise.ts';
import type { SourceLine } from './source.ts';

export interface Title {
  agency: string;
  year: number;
  /** The title as written, on one line. */
  text: string;
  /** Lines the title occupies (it may be broken over two). */
  lines: SourceLine[];
}

const YEAR = '((?:19|20)\\d{2})';
const REPORT = '(?:政府信息公开|政务公开)(?:工作)?(?:年度)?(?:工作)?报告';
const AGENCY_FIRST = new RegExp(`^(.*?)(?:关于)?${YEAR}年度?${REPORT}$`);
const YEAR_FIRST = new RegExp(`^${YEAR}年度?(.+?)${REPORT}$`);
const NOT_IN_AGENCY = /[>|:：/\\»›]/;
/** Titles are short; a longer line mentioning a report is running text. */
const MAX_TITLE_CHARS = 80;
/** Title lines are looked for among the first lines with text. */
const TITLE_SEARCH_LINES = 8;

function readTitleText(text: string): { agency: string; year: number } | null {
  const flat = text.replace(/[\s\u00a0\u3000]+/g, '').replace(/[《》]/g, '');
  if (!flat || flat.length > MAX_TITLE_CHARS) return null;
  const agencyFirst = AGENCY_FIRST.exec(flat);
  const yearFirst = agencyFirst ? null : YEAR_FIRST.exec(flat);
  const read = agencyFirst
    ? { agency: agencyFirst[1]!, year: Number(agencyFirst[2]) }
    : yearFirst
      ? { agency: yearFirst[2]!, year: Number(yearFirst[1]) }
      : null;
  // 「首页>信息公开>…」 before a title is a breadcrumb trail, not an agency.
  return read && !NOT_IN_AGENCY.test(read.agency) ? read : null;
}

export function findTitle(head: readonly SourceLine[]): Title | null {
  const withText = head.filter((l) => l.text.trim()).slice(0, TITLE_SEARCH_LINES);
  const read = (lines: SourceLine[]) => {
    const text = lines.map((l) => trimLine(l.text)).join('');
    const title = readTitleText(text);
    return title && { ...title, text, lines };
  };
  // One line first: a title broken over two lines is rarer than a line of page furniture above it.
  for (let i = 0; i < withText.length; i++) {
    const one = read([withText[i]!]);
    if (!one) continue;
    // 「2021年政府信息公开工作年度报告」 alone: the agency may be on the line above.
    const two = !one.agency && i > 0 ? read([withText[i - 1]!, withText[i]!]) : null;
    return two?.agency ? two : one;
  }
  for (let i = 0; i + 1 < withText.length; i++) {
    const two = read([withText[i]!, withText[i + 1]!]);
    if (two) return two;
  }
  return null;
}

/** Web page furniture around an article. */
const PAGE_FURNITURE =
  /^(发布时间|发布日期|发布机构|来源|信息来源|作者|浏览次数|访问量|点击数|字号|字体|【|\[|打印|关闭|分享|索引号|主题分类|文号|成文日期|首页|当前位置|您现在的位置)/;
const MAX_FURNITURE_CHARS = 80;

export const isPageFurniture = (line: SourceLine): boolean => {
  const text = trimLine(line.text);
  return text.length <= MAX_FURNITURE_CHARS && PAGE_FURNITURE.test(text);
};

/** Footer lines after the last section (links, print buttons, site owner). */
const PAGE_FOOTER =
  /^(附件[:：]?|相关链接|相关附件|打印本页|【打印|关闭窗口|扫一扫|分享到|主办单位|主办[:：]|版权所有|网站标识码|.*ICP备)/;
export const isPageFooter = (line: SourceLine): boolean => {
  const text = trimLine(line.text);
  return text.length <= MAX_FURNITURE_CHARS && PAGE_FOOTER.test(text);
};

const DATE = '(\\d{4})\\s*年\\s*(\\d{1,2})\\s*月\\s*(\\d{1,2})\\s*日';
/** 「2021年1月1日至2021年12月31日」, 「自2021年1月1日起至12月31日止」 (the end's year may be left out). */
const PERIOD = new RegExp(
  `${DATE}\\s*起?\\s*(?:至|到|—+|-|－|～|~)\\s*(?:(\\d{4})\\s*年\\s*)?(\\d{1,2})\\s*月\\s*(\\d{1,2})\\s*日`,
);
const iso = (y: string, m: string, d: string) => `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`;
const isRealDate = (date: string) =>
  !Number.isNaN(Date.parse(date)) && new Date(date).toISOString().startsWith(date);

/** 「统计期限为2021年1月1日至2021年12月31日」 → ISO dates; null when not stated (or not a real date). */
export function statedPeriod(preamble: string): Report['period'] | null {
  const m = PERIOD.exec(preamble.normalize('NFKC'));
  if (!m) return null;
  const start = iso(m[1]!, m[2]!, m[3]!);
  const end = iso(m[4] ?? m[1]!, m[5]!, m[6]!);
  return isRealDate(start) && isRealDate(end) ? { start, end } : null;
}

const first = (pattern: RegExp, text: string) => pattern.exec(text)?.[1]?.trim() ?? '';

/** Contact details as the preamble writes them; '' for anything not stated. */
export function statedContact(preamble: string): Report['contact'] {
  const text = preamble.normalize('NFKC');
  return {
    address: first(/(?:联系地址|通讯地址|通信地址|办公地址|地址)\s*[:为]\s*([^,，;；。]+)/, text),
    postcode: first(/(?:邮编|邮政编码)\s*[:为]?\s*(\d{6})(?!\d)/, text),
    phone: first(/(?:联系电话|咨询电话|电话)\s*[:为]?\s*([\d()（）\-－—转 ]*\d)/, text),
    email: first(/([\w.+-]+@[\w-]+(?:\.[\w-]+)+)/, text),
    website: first(
      /(?:网站|门户网站|网址)[^()。]{0,20}?[(]\s*((?:https?:\/\/)?[\w-]+(?:\.[\w-]+)+[^\s()，,。]*)\s*[)]/,
      text,
    ),
  };
}
