/** The 同比 view: tables of this year against last year, the text sections' likeness, and no last year. */
import { render, screen, within } from '@testing-library/preact';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { Report } from '../../../src/report/document.ts';
import { nextYearReport } from '../../../src/report/next-year.ts';
import { evaluate } from '../../../src/report/rules.ts';
import { withTotals } from '../../../src/report/totals.ts';
import { YearOnYearView } from '../../../src/ui/compare/YearOnYearView.tsx';
import { sampleReport } from '../../report/fixtures/gx-kjt-2021.ts';
import { axeViolations } from '../drafts/axe.ts';

/**
 * 2022 started from the sample (2021): 一 rewritten, 五 left as last year's, and a few figures typed:
 * 规范性文件 现行有效 81 → 90, 本年新收 自然人 2 → 12.
 */
function report2022(): Report {
  const r = nextYearReport(sampleReport({ manualTotals: false }));
  r.sections.overview =
    '2022年，我厅全面推进政务公开标准化规范化建设，新上线政策文件库，全年主动公开信息612条。';
  r.staleSections = [];
  return withTotals({
    ...r,
    cells: { ...r.cells, 't2.normative.valid': 90, 't3.new.natural': 12 },
  });
}

function setup(report: Report, withGoTo = true) {
  const onClose = vi.fn();
  const onGoToCell = vi.fn<(cell: string) => void>();
  const user = userEvent.setup();
  const view = render(
    <YearOnYearView report={report} onClose={onClose} onGoToCell={withGoTo ? onGoToCell : undefined} />,
  );
  return { onClose, onGoToCell, user, view };
}

/** The row whose header is the label (plain DOM: role queries over 200 rows are slow on a busy machine). */
function rowOf(table: HTMLElement, label: string): HTMLElement {
  const header = [...table.querySelectorAll('th[scope="row"]')].find((th) => th.textContent === label);
  if (!header) throw new Error(`no row ${label}`);
  return header.closest('tr')!;
}
const cellsOf = (row: HTMLElement) => [...row.querySelectorAll('td')].map((c) => c.textContent);
const rowLabels = () => [...document.querySelectorAll('th[scope="row"]')].map((th) => th.textContent);

/** Rendering 200 rows and querying them takes seconds when the machine is shared. */
const SLOW = 30_000;

describe('YearOnYearView', () => {
  it(
    'shows one table per official table, with 本年 / 上年 / 增减 / 增减幅度 columns',
    () => {
      setup(report2022());
      const tables = screen.getAllByRole('table', { name: /^表[二三四]/ });
      expect(tables.map((t) => t.querySelector('caption')!.textContent)).toEqual([
        '表二（主动公开政府信息情况）2022年与2021年对比',
        '表三（收到和处理政府信息公开申请情况）2022年与2021年对比',
        '表四（政府信息公开行政复议、行政诉讼情况）2022年与2021年对比',
      ]);
      for (const table of tables) {
        expect(
          within(table)
            .getAllByRole('columnheader')
            .map((h) => h.textContent),
        ).toEqual(['项目', '本年', '上年', '增减', '增减幅度']);
      }
      const [t2, t3, t4] = tables as [HTMLElement, HTMLElement, HTMLElement];
      expect(t4.querySelectorAll('tr')).toHaveLength(1 + 15);
      expect(cellsOf(rowOf(t2, '行政规范性文件·现行有效件数'))).toEqual(['90', '81', '+9', '+11.1%']);
      // 2 → 12 自然人: five times as many, flagged in words, not by colour alone.
      const natural = rowOf(t3, '一、本年新收政府信息公开申请数量·自然人');
      expect(cellsOf(natural)).toEqual(['12', '2', '+10', '+500%变化较大']);
      expect(natural).toHaveClass('yoy-big');
      expect(rowOf(t3, '三（七）总计·自然人')).toBeInTheDocument();
      // Carried in from last year's 结转下年度 (0): no ratio of 0; a cell left empty counts as 0.
      expect(cellsOf(rowOf(t3, '二、上年结转政府信息公开申请数量·自然人'))).toEqual([
        '0',
        '0',
        '0',
        '—无法计算',
      ]);
      expect(cellsOf(rowOf(t2, '行政规范性文件·本年制发件数'))).toEqual([
        '—空',
        '26',
        '−26',
        '−100%变化较大',
      ]);
    },
    SLOW,
  );

  it(
    'says a row label is a way back to the cell, when the editor can go there',
    async () => {
      const { user, onGoToCell } = setup(report2022());
      await user.click(screen.getByRole('button', { name: '三（七）总计·自然人' }));
      expect(onGoToCell).toHaveBeenCalledWith('t3.total.natural');
    },
    SLOW,
  );

  it(
    'labels are plain row headers without onGoToCell',
    () => {
      setup(report2022(), false);
      expect(screen.queryByRole('button', { name: '三（七）总计·自然人' })).toBeNull();
      expect(rowLabels().filter((l) => l === '三（七）总计·自然人')).toHaveLength(1);
    },
    SLOW,
  );

  it(
    'can show only the cells that differ from last year',
    async () => {
      const { user } = setup(report2022());
      const before = rowLabels().length;
      await user.click(screen.getByRole('checkbox', { name: '只看与上年不同的格' }));
      const shown = rowLabels();
      expect(shown.length).toBeLessThan(before);
      expect(shown).toContain('行政规范性文件·现行有效件数');
      expect(shown).not.toContain('二、上年结转政府信息公开申请数量·自然人');
      expect(screen.getByRole('status')).toHaveTextContent(
        /共 \d+ 格与上年不同，其中 \d+ 格变化较大；1 个文字部分与上年内容雷同/,
      );
    },
    SLOW,
  );

  it(
    'shows a section copied from last year as 雷同, paragraph by paragraph, and the 提示 comes from the 审核',
    () => {
      const report = report2022();
      setup(report);
      const problems = screen.getByRole('region', { name: '五、存在的主要问题及改进情况' });
      expect(problems).toHaveTextContent('与上年相似度 100%（只比措辞，不计数字）');
      expect(problems).toHaveTextContent('内容雷同');
      const lines = report.sections.problems.split('\n').filter((l) => l.trim());
      const table = within(problems).getByRole('table', {
        name: `五、存在的主要问题及改进情况 逐段对照（共 ${lines.length} 段）`,
      });
      const rows = within(table).getAllByRole('row').slice(1);
      expect(rows).toHaveLength(lines.length);
      for (const [i, row] of rows.entries()) {
        const [thisYear, lastYear] = within(row).getAllByRole('cell');
        expect(thisYear!.textContent).toBe(lines[i]!.trim());
        expect(lastYear!.textContent).toBe(lines[i]!.trim());
        expect(within(row).getByRole('rowheader')).toHaveTextContent('完全相同');
      }

      const hints = evaluate(report).filter((f) => f.ruleId === 'TEXT-SIMILAR');
      expect(hints.map((f) => [f.severity, f.fields])).toEqual([['提示', ['problems']]]);
    },
    SLOW,
  );

  it(
    'after a number in a copied paragraph is edited: that paragraph 只改了数字, the number marked on both sides',
    () => {
      const report = report2022();
      const [first, ...rest] = report.sections.problems.split('\n');
      report.sections.problems = [`${first}共计2件。`, ...rest].join('\n');
      report.lastYear!.sections.problems = [`${first}共计1件。`, ...rest].join('\n');
      setup(report);
      const problems = screen.getByRole('region', { name: '五、存在的主要问题及改进情况' });
      expect(problems).toHaveTextContent(/只改了数字 1 段/);
      const row = within(problems).getAllByRole('row')[1]!;
      expect(within(row).getByRole('rowheader')).toHaveTextContent('只改了数字');
      expect(row.querySelector('ins')?.textContent).toBe('（本年新写：2）');
      expect(row.querySelector('del')?.textContent).toBe('（本年已改掉：1）');
    },
    SLOW,
  );

  it(
    'shows a rewritten section as not similar, without passages',
    () => {
      setup(report2022());
      const overview = screen.getByRole('region', { name: '一、总体情况' });
      expect(overview).toHaveTextContent(/与上年相似度 \d+%/);
      expect(overview).not.toHaveTextContent('内容雷同');
      expect(within(overview).queryByRole('table')).toBeNull();
    },
    SLOW,
  );

  it(
    'without last year’s figures, says so and how to get them',
    () => {
      setup({ ...sampleReport(), lastYear: null });
      expect(screen.getByRole('heading', { level: 2 })).toHaveTextContent('同比');
      expect(screen.getByText(/没有上年的数字和文字/)).toBeInTheDocument();
      const ways = screen.getAllByRole('listitem').map((li) => li.textContent);
      expect(ways).toEqual([
        expect.stringMatching(/上年的草稿，选「新建下一年度」/),
        expect.stringMatching(/「导入往年报告」/),
      ]);
      expect(screen.queryByRole('table')).toBeNull();
    },
    SLOW,
  );

  it(
    'takes focus on its heading, and closes with the button or Escape',
    async () => {
      const { user, onClose } = setup(report2022());
      expect(screen.getByRole('heading', { level: 2, name: '同比（2022年与2021年对比）' })).toHaveFocus();
      await user.keyboard('{Escape}');
      expect(onClose).toHaveBeenCalledTimes(1);
      await user.click(screen.getByRole('button', { name: '关闭同比' }));
      expect(onClose).toHaveBeenCalledTimes(2);
    },
    SLOW,
  );

  it('has no accessibility violations, with and without last year', async () => {
    const { view } = setup(report2022());
    expect(await axeViolations(view.container)).toEqual([]);
    view.unmount();
    const empty = render(
      <YearOnYearView report={{ ...sampleReport(), lastYear: null }} onClose={() => {}} />,
    );
    expect(await axeViolations(empty.container)).toEqual([]);
  }, 60_000);
});
