import { fireEvent, render, screen, waitFor } from '@testing-library/preact';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { blankReport, type Report } from '../../../src/report/document.ts';
import { MemoryDraftRepository } from '../../../src/storage/memory-repository.ts';
import { App, exampleReport } from '../../../src/ui/App.tsx';
import { TYPING_PAUSE_MS } from '../../../src/ui/editor/useEditor.ts';

const cell = (id: string) => document.getElementById(`cell-${id}`) as HTMLInputElement;
const badge = () => document.querySelector('.draft-toolbar .review-badge')!.textContent!.replace(/\s+/g, '');

/** The real app on a memory repository, opened on a draft holding `report`. */
async function renderApp(report: () => Report = exampleReport) {
  const user = userEvent.setup();
  const repository = new MemoryDraftRepository();
  const draft = await repository.create(report());
  location.hash = `#/draft/${draft.summary.id}`;
  render(<App openRepository={async () => ({ repository, problem: null })} />);
  await screen.findByRole('button', { name: '导出', exact: true });
  return user;
}

/**
 * Typing shows the typed text and the totals at once; the editor re-renders with the 审核 (badge,
 * panel, marks) when typing pauses (TYPING_PAUSE_MS, src/ui/editor/useEditor.ts): wait for that.
 */
const painted = () => new Promise<void>((resolve) => setTimeout(resolve, TYPING_PAUSE_MS + 50));

function paste(target: HTMLElement, text: string) {
  fireEvent.paste(target, {
    clipboardData: { getData: (type: string) => (type === 'text/plain' ? text : '') },
  });
}

describe('editor: typing and live checks', () => {
  it('the sample opens clean, and typing into table 3 updates the total at once and fires T3-A after the frame', async () => {
    const user = await renderApp();
    expect(badge()).toBe('审核通过·错误0/提示0');
    await user.click(cell('t3.new.natural'));
    await user.keyboard('5');
    expect(cell('t3.new.natural').value).toBe('5');
    expect(cell('t3.new.total').value).toBe('6');
    await painted();
    expect(badge()).toMatch(/^有错误·错误2\//);
    expect(
      screen.getAllByText(/自然人列：.*以下任一处改正都能使本列平衡.*四、结转下年度继续办理 为 3/).length,
    ).toBeGreaterThan(0);
    expect(cell('t3.new.natural').getAttribute('aria-invalid')).toBe('true');
    const description = document.getElementById(cell('t3.new.natural').getAttribute('aria-describedby')!);
    expect(description?.textContent).toContain('自然人列');
  });

  it('typing replaces the focused value; what is not a value stays as typed, empty, with its 错误', async () => {
    const user = await renderApp();
    await user.click(cell('t2.license.decisions'));
    await user.keyboard('42');
    expect(cell('t2.license.decisions').value).toBe('42');
    await user.keyboard('x');
    // Never another number: the cell keeps «42x» as typed and holds nothing until corrected.
    expect(cell('t2.license.decisions').value).toBe('42x');
    await painted();
    expect(cell('t2.license.decisions').getAttribute('aria-invalid')).toBe('true');
    expect(badge()).toMatch(/^有错误·错误1\//);
    expect(document.querySelector('.cell-status')!.textContent).toContain(
      '行政许可·本年处理决定数量 填写的“42x”不是数字（件数只能填写非负整数）',
    );
    await user.keyboard('{Backspace}');
    expect(cell('t2.license.decisions').value).toBe('42');
    await painted();
    expect(cell('t2.license.decisions').getAttribute('aria-invalid')).toBeNull();
    expect(badge()).toBe('审核通过·错误0/提示0');
  });

  it.each([
    ['t3.new.natural', '1.5', '不是整数'],
    ['t3.new.natural', '-1', '是负数'],
    ['t3.new.natural', '1e3', '不是数字'],
    ['t3.new.natural', '３.５', '不是整数'],
    ['t2.fees.amount', '.5', '小数点前缺少数字'],
    ['t2.fees.amount', '1.23456', '超过 4 位小数'],
    ['t2.fees.amount', '1234567890', '超出范围（金额应小于 1000000000 万元）'],
  ])('in %s, «%s» is kept as typed with its 错误 (%s), and undo/redo carry it', async (id, typed, reason) => {
    const user = await renderApp();
    const before = cell(id).value;
    await user.click(cell(id));
    await user.keyboard(typed);
    expect(cell(id).value).toBe(typed);
    await painted();
    expect(document.querySelector('.cell-status')!.textContent).toContain(`填写的“${typed}”${reason}`);
    expect(badge()).toMatch(/^有错误·错误[1-9]/);
    await user.keyboard('{Tab}');
    expect(cell(id).value).toBe(typed);
    await user.keyboard('{Control>}z{/Control}');
    expect(cell(id).value).toBe(before);
    expect(badge()).toBe('审核通过·错误0/提示0');
    await user.keyboard('{Control>}y{/Control}');
    expect(cell(id).value).toBe(typed);
    expect(cell(id).getAttribute('aria-invalid')).toBe('true');
  });

  it('a thousands separator on its way to a group of three is not marked until the cell is left', async () => {
    const user = await renderApp();
    await user.click(cell('t3.new.natural'));
    await user.keyboard('1,2');
    expect(cell('t3.new.natural').getAttribute('aria-invalid')).toBeNull();
    await user.keyboard('34');
    expect(cell('t3.new.natural').value).toBe('1,234');
    await user.keyboard('{Tab}');
    expect(cell('t3.new.natural').value).toBe('1234');
    await user.click(cell('t3.new.research'));
    await user.keyboard('1,2{Tab}');
    expect(cell('t3.new.research').value).toBe('1,2');
    expect(cell('t3.new.research').getAttribute('aria-invalid')).toBe('true');
  });

  it('accepts amounts with decimals in 万元 and full-width digits, shown as stored once the cell is left', async () => {
    const user = await renderApp();
    await user.click(cell('t2.fees.amount'));
    await user.keyboard('４０６８.208');
    expect(cell('t2.fees.amount').value).toBe('４０６８.208');
    expect(badge()).toBe('审核通过·错误0/提示0');
    await user.keyboard('{Tab}');
    expect(cell('t2.fees.amount').value).toBe('4068.208');
  });

  it('totals are read-only while automatic and editable by hand after the switch, then mismatches are 错误', async () => {
    const user = await renderApp();
    expect(cell('t3.total.natural').readOnly).toBe(true);
    await user.click(screen.getAllByLabelText(/手工填写合计/)[0]!);
    expect(cell('t3.total.natural').readOnly).toBe(false);
    await user.click(cell('t3.total.natural'));
    await user.keyboard('7');
    await painted();
    expect(
      screen.getAllByText('三（七）总计·自然人 为 7，但（一）至（六）各项之和为 2').length,
    ).toBeGreaterThan(0);
  });

  it('Delete clears a cell, which is then flagged 未填写', async () => {
    const user = await renderApp();
    await user.click(cell('t4.cases.reviewUpheld'));
    await user.keyboard('{Delete}');
    expect(cell('t4.cases.reviewUpheld').value).toBe('');
    expect(
      screen.getByRole('button', { name: /表四有 1 格未填写，按 0 计.*第一格：行政复议·结果维持/ }),
    ).toBeTruthy();
  });
});

describe('editor: keyboard moves', () => {
  it('arrows, Enter and Tab move between cells in the official order', async () => {
    const user = await renderApp();
    await user.click(cell('t3.new.natural'));
    await user.keyboard('{ArrowDown}');
    expect(document.activeElement).toBe(cell('t3.carriedIn.natural'));
    await user.keyboard('{ArrowRight}');
    expect(document.activeElement).toBe(cell('t3.carriedIn.business'));
    await user.keyboard('{Enter}');
    expect(document.activeElement).toBe(cell('t3.granted.business'));
    await user.keyboard('{Shift>}{Enter}{/Shift}');
    expect(document.activeElement).toBe(cell('t3.carriedIn.business'));
    await user.keyboard('{ArrowLeft}{ArrowUp}');
    expect(document.activeElement).toBe(cell('t3.new.natural'));
    // Tab runs through the cells that can be typed in: the automatic 总计 is passed by, both ways.
    await user.click(cell('t3.new.otherOrg'));
    await user.keyboard('{Tab}');
    expect(document.activeElement).toBe(cell('t3.carriedIn.natural'));
    await user.keyboard('{Shift>}{Tab}{/Shift}');
    expect(document.activeElement).toBe(cell('t3.new.otherOrg'));
    // The arrows still reach it (to read it); typing there says at once why nothing happens.
    await user.keyboard('{ArrowRight}');
    expect(document.activeElement).toBe(cell('t3.new.total'));
    await user.keyboard('7');
    expect(cell('t3.new.total').value).toBe('3');
    await waitFor(() => expect(document.querySelector('.cell-notice')).not.toBeNull());
    expect(document.querySelector('.cell-notice')?.textContent).toMatch(
      /^一、本年新收政府信息公开申请数量·总计 是自动合计，不能直接修改/,
    );
  });

  it('in table 2, moving down from a three-column band lands in the single-value band', async () => {
    const user = await renderApp();
    await user.click(cell('t2.normative.valid'));
    await user.keyboard('{ArrowDown}');
    expect(document.activeElement).toBe(cell('t2.license.decisions'));
  });
});

describe('editor: block paste', () => {
  it('pastes a TSV block from Excel (thousands separators, spaces, full-width digits)', async () => {
    const user = await renderApp(() => blankReport({ agency: '测试局', year: 2024 }));
    await user.click(cell('t3.new.natural'));
    paste(cell('t3.new.natural'), '1,234\t ２ \t3\r\n4\t5\t6\r\n');
    expect(cell('t3.new.natural').value).toBe('1234');
    expect(cell('t3.new.business').value).toBe('2');
    expect(cell('t3.new.research').value).toBe('3');
    expect(cell('t3.carriedIn.research').value).toBe('6');
    expect(cell('t3.new.total').value).toBe('1239');
    expect(document.querySelector('.notice-info')!.textContent).toContain('已粘贴 6 格');
  });

  it('reads "/", "—" and "-" as 0 and says which cells', async () => {
    const user = await renderApp(() => blankReport({ agency: '测试局', year: 2024 }));
    await user.click(cell('t4.cases.reviewUpheld'));
    paste(cell('t4.cases.reviewUpheld'), '/\t—\t-\t1');
    expect(cell('t4.cases.reviewUpheld').value).toBe('0');
    expect(cell('t4.cases.reviewPending').value).toBe('1');
    expect(cell('t4.cases.reviewTotal').value).toBe('1');
    expect(document.querySelector('.notice-info')!.textContent).toContain('3 格的“/”“—”“-”已按 0 填写');
  });

  it('rejects the whole paste when one value is not a number, and changes nothing', async () => {
    const user = await renderApp();
    const before = cell('t3.new.natural').value;
    await user.click(cell('t3.new.natural'));
    paste(cell('t3.new.natural'), '9\t9\n9\tabc');
    expect(cell('t3.new.natural').value).toBe(before);
    expect(cell('t3.new.business').value).toBe('0');
    const alert = screen.getByRole('alert').textContent!;
    expect(alert).toContain('第 2 行第 2 列');
    expect(alert).toContain('二、上年结转政府信息公开申请数量·商业企业');
    expect(alert).toContain('整块粘贴已取消');
  });

  it('rejects a block that runs off the table', async () => {
    const user = await renderApp();
    await user.click(cell('t3.new.total'));
    paste(cell('t3.new.total'), '1\t2');
    expect(screen.getByRole('alert').textContent).toContain('超出了表格范围');
    expect(cell('t3.new.total').value).toBe('3');
  });
});

describe('editor: undo and redo across cells and texts', () => {
  it('Ctrl+Z undoes a cell edit and a text edit in order, Ctrl+Y redoes them', async () => {
    const user = await renderApp();
    await user.click(cell('t2.license.decisions'));
    await user.keyboard('99');
    const problems = screen.getByRole('textbox', {
      name: '五、存在的主要问题及改进情况',
    }) as HTMLTextAreaElement;
    const original = problems.value;
    await user.click(problems);
    await user.keyboard('{End}新增一句。');
    expect(problems.value.endsWith('新增一句。')).toBe(true);
    await user.keyboard('{Control>}z{/Control}');
    expect(problems.value).toBe(original);
    expect(cell('t2.license.decisions').value).toBe('99');
    await user.keyboard('{Control>}z{/Control}');
    await waitFor(() => expect(cell('t2.license.decisions').value).toBe('11'));
    await user.keyboard('{Control>}y{/Control}{Control>}y{/Control}');
    expect(cell('t2.license.decisions').value).toBe('99');
    expect(problems.value.endsWith('新增一句。')).toBe(true);
  });
});

describe('editor: 审核结果 panel', () => {
  it('lists findings grouped by table and a click moves focus to the cell', async () => {
    const user = await renderApp();
    await user.click(cell('t4.cases.directUpheld'));
    await user.keyboard('2');
    await user.click(screen.getAllByLabelText(/手工填写合计/)[0]!);
    await user.click(cell('t4.cases.directTotal'));
    await user.keyboard('5');
    await painted();
    const group = screen.getByRole('heading', { name: '表四（政府信息公开行政复议、行政诉讼情况）' });
    expect(group).toBeTruthy();
    const finding = screen.getByRole('button', {
      name: /行政诉讼·未经复议直接起诉·总计 为 5，但结果维持、结果纠正、其他结果、尚未审结之和为 2/,
    });
    cell('t2.rules.issued').focus();
    await user.click(finding);
    expect(document.activeElement).toBe(cell('t4.cases.directTotal'));
  });

  it('a blank report shows the missing agency as 错误 and its empty cells as one 提示 line per table', async () => {
    await renderApp(() => blankReport());
    expect(screen.getByText(/机关名称 未填写/, { selector: 'button' })).toBeTruthy();
    // Table 3 has 24 × 6 leaf cells outside the automatic totals; table 2 has 10, table 4 has 12.
    expect(screen.getByRole('button', { name: /144 格未填写/ })).toBeTruthy();
    expect(screen.getByRole('button', { name: /10 格未填写/ })).toBeTruthy();
    expect(screen.getByRole('button', { name: /12 格未填写/ })).toBeTruthy();
  });
});

describe('editor: confirming 提示 (issue 15)', () => {
  /** The sample with one blank cell in table 4: 待确认. */
  const withBlank = () => {
    const r = exampleReport();
    r.cells['t4.cases.reviewOther'] = null;
    return r;
  };

  it('shows the state, the message without its rule code (kept in the tooltip)', async () => {
    await renderApp(withBlank);
    expect(badge()).toBe('待确认·错误0/提示1');
    const item = screen.getByRole('button', { name: /表四有 1 格未填写/ });
    expect(item.textContent).not.toContain('EMPTY');
    expect(item.getAttribute('title')).toBe('规则 EMPTY');
  });

  it('确认无误 asks for a 说明 (required), stores it, and Ctrl+Z / 撤销确认 take it back', async () => {
    const user = await renderApp(withBlank);
    await user.click(screen.getByRole('button', { name: '确认无误' }));
    await user.click(screen.getByRole('button', { name: '确认无误' })); // submit with no 说明
    expect(screen.getByRole('alert').textContent).toContain('请写明说明');
    expect(badge()).toBe('待确认·错误0/提示1');
    await user.type(screen.getByLabelText(/说明（必填）/), '本年确无其他结果的复议案件');
    await user.click(screen.getByRole('button', { name: '确认无误' }));
    expect(badge()).toBe('审核通过·错误0/提示0（已确认1）');
    expect(screen.getByText(/已确认的提示（1 条/)).toBeTruthy();
    expect(screen.getByText(/说明：本年确无其他结果的复议案件/)).toBeTruthy();
    await user.click(screen.getByRole('button', { name: '撤销' }));
    expect(badge()).toBe('待确认·错误0/提示1');
    await user.click(screen.getByRole('button', { name: '重做' }));
    expect(badge()).toBe('审核通过·错误0/提示0（已确认1）');
    await user.click(screen.getByRole('button', { name: '撤销确认' }));
    expect(badge()).toBe('待确认·错误0/提示1');
  });

  it('a confirmation lapses when the table changes, and the old 说明 is offered again', async () => {
    const user = await renderApp(withBlank);
    await user.click(screen.getByRole('button', { name: '确认无误' }));
    await user.type(screen.getByLabelText(/说明（必填）/), '本年确无');
    await user.click(screen.getByRole('button', { name: '确认无误' }));
    await user.click(cell('t4.cases.reviewCorrected'));
    await user.keyboard('{Delete}');
    expect(badge()).toBe('待确认·错误0/提示1');
    expect(screen.getByText(/原来的确认已失效.*原说明：本年确无/)).toBeTruthy();
    await user.click(screen.getByRole('button', { name: '确认无误' }));
    expect((screen.getByLabelText(/说明（必填）/) as HTMLTextAreaElement).value).toBe('本年确无');
  });

  it('空白格填 0 fills one table in one undo step, keeping a revision first', async () => {
    const user = userEvent.setup();
    const repository = new MemoryDraftRepository();
    const r = withBlank();
    r.cells['t4.cases.directOther'] = null;
    r.cells['t2.rules.issued'] = null;
    const draft = await repository.create(r);
    location.hash = `#/draft/${draft.summary.id}`;
    render(<App openRepository={async () => ({ repository, problem: null })} />);
    await screen.findByRole('button', { name: '导出', exact: true });
    expect(badge()).toBe('待确认·错误0/提示2');
    const fills = screen.getAllByRole('button', { name: '空白格填 0' });
    await user.click(fills[1]!); // table 4's
    expect(cell('t4.cases.reviewOther').value).toBe('0');
    expect(cell('t4.cases.directOther').value).toBe('0');
    expect(cell('t2.rules.issued').value).toBe('');
    await waitFor(async () => {
      const revisions = await repository.listRevisions(draft.summary.id);
      expect(revisions.map((x) => x.reason)).toContain('fill-zero');
    });
    await user.click(screen.getByRole('button', { name: '撤销' }));
    expect(cell('t4.cases.reviewOther').value).toBe('');
    expect(cell('t4.cases.directOther').value).toBe('');
  });
});
