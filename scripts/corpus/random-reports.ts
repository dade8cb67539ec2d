/**
 * Random valid reports for the importer's property test (seeded, so the corpus is reproducible):
 * figures of every size a report has (mostly small, some in the thousands, many zeros), every sum
 * of the format holding.
 */
import { T3_OUTCOME_ROWS } from '../../src/report/template.ts';
import { type CorpusReport, publishedCells } from './reports.ts';

export const RANDOM_REPORTS = 6;

/** mulberry32: a small seeded generator. */
function generator(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const AGENCIES = [
  '梧州市商务局',
  '百色市人民政府',
  '钦州市住房和城乡建设局',
  '桂林市市场监督管理局',
  '玉林市卫生健康委员会',
  '北海市交通运输局',
];

export function randomReports(): CorpusReport[] {
  return Array.from({ length: RANDOM_REPORTS }, (_, n) => {
    const random = generator(1000 + n);
    const int = (max: number) => Math.floor(random() * (max + 1));
    /** Mostly 0, else small, now and then large. */
    const figure = (scale: number) =>
      random() < 0.45 ? 0 : random() < 0.9 ? int(9 * scale) : int(300 * scale);
    const scale = [1, 3, 10][n % 3]!;
    const six = (s: number) => [figure(s * 4), figure(s), figure(s / 3), figure(s / 3), figure(s), figure(s)];
    const outcomes = Object.fromEntries(T3_OUTCOME_ROWS.map((key) => [key, six(scale / 4)]));
    const handled = [0, 1, 2, 3, 4, 5].map((i) =>
      T3_OUTCOME_ROWS.reduce((s, key) => s + outcomes[key]![i]!, 0),
    );
    const newRow = handled.map((h) => h + int(3) * (random() < 0.5 ? 1 : 0));
    const carriedIn = [0, 1, 2, 3, 4, 5].map(() => (random() < 0.7 ? 0 : int(5)));
    const cells = publishedCells({
      t2: { rules: [figure(1), figure(1), figure(10)], normative: [figure(5), figure(2), figure(40)] },
      license: figure(scale * 30),
      penalty: figure(scale * 30),
      enforcement: figure(scale * 3),
      fees: random() < 0.6 ? 0 : Math.round(random() * 100000) / 10000,
      t3: { new: newRow, carriedIn, ...outcomes },
      t4: [
        [figure(2), figure(1), figure(1), figure(1)],
        [figure(2), figure(1), figure(1), figure(1)],
        [figure(1), figure(1), figure(1), figure(1)],
      ],
    });
    const agency = AGENCIES[n]!;
    const year = 2021 + (n % 4);
    const zero = (['0', '0', '', '/'] as const)[n % 4]!;
    return {
      id: `random-${n + 1}`,
      agency,
      year,
      preamble: [
        `本报告依据《中华人民共和国政府信息公开条例》编制。统计期限为${year}年1月1日至${year}年12月31日。`,
      ],
      overview: [
        `${year}年，${agency}认真落实政府信息公开各项要求。`,
        '（一）主动公开',
        '全年主动公开政府信息若干条。',
      ],
      problems: ['存在的问题：信息更新还不够及时。改进措施：加强栏目巡查。'],
      other: ['本年度未收取信息处理费。'],
      cells,
      zero,
    };
  });
}
