/** The 汇总 screen: files and stored drafts in, units listed and checked, include/exclude, draft and CSV out. */
import { createEvent, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { sumUnits } from '../../../src/aggregate/sum.ts';
import { readUnitsCsv } from '../../../src/aggregate/unit-csv.ts';
import type { StoredDraft } from '../../../src/aggregate/units.ts';
import { serializeDraft } from '../../../src/files/serialize.ts';
import type { Report } from '../../../src/report/document.ts';
import { withTotals } from '../../../src/report/totals.ts';
import { AggregateScreen } from '../../../src/ui/aggregate/AggregateScreen.tsx';
import { sampleReport } from '../../files/sample.ts';
import { axeViolations } from '../drafts/axe.ts';

const unit = (agency: string, id = agency, changes: Partial<Report> = {}): Report => ({
  ...sampleReport(),
  id,
  agency,
  ...changes,
});

async function draftFile(report: Report, name: string, savedAt = '2022-01-20T00:00:00Z', path = '') {
  const { bytes } = await serializeDraft(report, { now: new Date(savedAt) });
  const file = new File([bytes as Uint8Array<ArrayBuffer>], name, { type: 'application/json' });
  if (path) Object.defineProperty(file, 'webkitRelativePath', { value: path });
  return file;
}

/** One more 本年新收 from 自然人 than the outcomes and carry-over account for: T3-A, also in any sum. */
const withError = (): Report => {
  const r = unit('丙局');
  return withTotals({ ...r, cells: { ...r.cells, 't3.new.natural': r.cells['t3.new.natural']! + 1 } });
};

async function fiveFiles() {
  return [
    await draftFile(unit('甲局'), '甲局.nianbao.json'),
    new File([JSON.stringify(unit('乙局'))], '乙局.json', { type: 'application/json' }),
    await draftFile(withError(), '丙局.nianbao.json'),
    await draftFile(unit('甲局', 'old', { year: 2021 }), '甲局-旧.nianbao.json', '2022-01-05T00:00:00Z'),
    new File(['{"type": "nianbao-tool/draft", "report": {'], '损坏.nianbao.json'),
  ];
}

function setup(props: Partial<Parameters<typeof AggregateScreen>[0]> = {}) {
  const onCreateDraft = vi.fn<(report: Report) => void>();
  const onClose = vi.fn();
  const saveFile = vi.fn<(name: string, bytes: Uint8Array) => Promise<void>>(async () => {});
  const user = userEvent.setup();
  const view = render(
    <AggregateScreen onCreateDraft={onCreateDraft} onClose={onClose} saveFile={saveFile} {...props} />,
  );
  return { onCreateDraft, onClose, saveFile, user, view };
}

const fileInput = () => screen.getByLabelText('选择各单位的年报文件（可多选）') as HTMLInputElement;
const row = (name: string) => screen.getByRole('rowheader', { name }).closest('tr')!;
const countedBox = (name: string) => screen.getByRole('checkbox', { name: `计入汇总：${name}` });

async function addFiles(user: ReturnType<typeof userEvent.setup>, files: File[]) {
  await user.upload(fileInput(), files);
  await screen.findByText(/^已读取 /);
}

afterEach(() => vi.restoreAllMocks());

describe('AggregateScreen', () => {
  it('lists every unit with agency, year, format and checks; a corrupt file is listed apart and the rest load', async () => {
    const { user } = setup();
    await addFiles(user, await fiveFiles());
    expect(screen.getByText('已读取 4 个文件，1 个无法读取（见下方列表）。')).toBeTruthy();

    const failed = screen.getByRole('region', { name: /无法读取的文件（1 个，未计入）/ });
    expect(failed.textContent).toContain('损坏.nianbao.json：文件不完整');

    const jia = within(row('甲局.nianbao.json'));
    expect(jia.getByText('草稿文件（第 1 版）')).toBeTruthy();
    expect(jia.getByText('2021')).toBeTruthy();
    expect(jia.getByText('审核通过')).toBeTruthy();
    expect(within(row('乙局.json')).getByText('年报数据 JSON')).toBeTruthy();

    const bing = row('丙局.nianbao.json');
    expect(bing.textContent).toContain('错误 2 / 提示 1');
    expect(within(bing).getAllByRole('listitem')[0]!.textContent).toMatch(/^错误：自然人列：/);
    expect(within(bing).getAllByRole('listitem')[1]!.textContent).toMatch(/^错误：总计列：/);
    expect(within(bing).getByText('……另有 1 条')).toBeTruthy();
  });

  it('flags duplicates and counts only the newest by default; the clerk can change any choice', async () => {
    const { user } = setup();
    await addFiles(user, await fiveFiles());
    expect(countedBox('甲局.nianbao.json')).toBeChecked();
    expect(countedBox('甲局-旧.nianbao.json')).not.toBeChecked();
    expect(row('甲局-旧.nianbao.json').textContent).toContain(
      '重复：与「甲局.nianbao.json」同为同一机关、同一年度。默认只计入保存时间最新的「甲局.nianbao.json」。',
    );
    expect(screen.getByRole('table').querySelector('caption')!.textContent).toBe('各单位（4 个，计入 3 个）');

    await user.click(countedBox('甲局-旧.nianbao.json'));
    expect(screen.getByText('「甲局」2021 年度：计入了不止一份，会重复计算。')).toBeTruthy();
    await user.click(countedBox('甲局-旧.nianbao.json'));
    expect(screen.queryByText(/会重复计算/)).toBeNull();
  });

  it('a unit with 错误 is reported, and left out on request; the combined report is what src/aggregate sums', async () => {
    const { user, onCreateDraft } = setup();
    await addFiles(user, await fiveFiles());
    expect(screen.getByText(/计入的单位中有 1 个审核有错误/)).toBeTruthy();
    expect(screen.getByText('汇总后的表格审核有 2 个错误（来自有错误的单位）。')).toBeTruthy();

    await user.click(screen.getByRole('button', { name: '不计入有错误的单位' }));
    expect(countedBox('丙局.nianbao.json')).not.toBeChecked();
    expect(screen.getByText('汇总后的表格审核无错误。')).toBeTruthy();

    await user.type(screen.getByLabelText(/汇总报告的机关名称/), '某市人民政府');
    await user.click(screen.getByRole('button', { name: '生成汇总报告' }));
    expect(onCreateDraft).toHaveBeenCalledTimes(1);
    const report = onCreateDraft.mock.calls[0]![0];
    expect(report.agency).toBe('某市人民政府');
    expect(report.cells).toEqual(sumUnits([unit('甲局'), unit('乙局')]).cells);
  });

  it('makes the combined report once: a double click does not store a second one', async () => {
    const { user, onCreateDraft } = setup();
    await addFiles(user, await fiveFiles());
    const button = screen.getByRole('button', { name: '生成汇总报告' });
    // Two clicks in one go, before any re-render (as a quick double click can land).
    button.click();
    button.click();
    expect(onCreateDraft).toHaveBeenCalledTimes(1);
    await waitFor(() => expect(screen.getByRole('button', { name: '正在生成汇总报告…' })).toBeDisabled());
  });

  it('exports the counted units as CSV with a BOM, one row each and a 合计 row', async () => {
    const { user, saveFile } = setup();
    await addFiles(user, await fiveFiles());
    await user.click(screen.getByRole('button', { name: '导出各单位数据（CSV）' }));
    await waitFor(() => expect(saveFile).toHaveBeenCalledTimes(1));
    const [name, bytes] = saveFile.mock.calls[0]!;
    expect(name).toBe('各单位年报数据-2021.csv');
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = readUnitsCsv(new TextDecoder().decode(bytes));
    expect(rows.map((r) => r.source)).toEqual([
      '甲局.nianbao.json',
      '乙局.json',
      '丙局.nianbao.json',
      '合计',
    ]);
    expect(await screen.findByText(/已导出「各单位年报数据-2021\.csv」：3 个单位各一行/)).toBeTruthy();
  });

  it('will not combine units of different years', async () => {
    const { user } = setup();
    await addFiles(user, [
      await draftFile(unit('甲局'), 'a.nianbao.json'),
      await draftFile(
        unit('乙局', 'b', { year: 2020, period: { start: '2020-01-01', end: '2020-12-31' } }),
        'b.nianbao.json',
      ),
    ]);
    expect(
      screen.getByText('计入的单位年度不一致（2021 年度 1 个，2020 年度 1 个），请只计入同一年度的报告。'),
    ).toBeTruthy();
    expect(screen.getByRole('button', { name: '生成汇总报告' })).toBeDisabled();
    expect(row('b.nianbao.json').textContent).toContain('年度为 2020，与多数单位（2021）不同。');
    await user.click(countedBox('b.nianbao.json'));
    expect(screen.getByRole('button', { name: '生成汇总报告' })).toBeEnabled();
  });

  it('adds drafts from the browser store, each once', async () => {
    const drafts: StoredDraft[] = [
      { id: 'd1', name: '甲局 2021', report: unit('甲局', 'd1') },
      { id: 'd2', name: '乙局 2021', report: unit('乙局', 'd2') },
    ];
    const { user } = setup({ listStoredDrafts: async () => drafts });
    await user.click(screen.getByRole('button', { name: '加入浏览器中的草稿…' }));
    const group = await screen.findByRole('group', { name: '浏览器中的草稿' });
    await user.click(await within(group).findByRole('checkbox', { name: '乙局 2021' }));
    await user.click(within(group).getByRole('button', { name: '加入所选（1）' }));
    expect(within(row('乙局 2021')).getByText('浏览器中的草稿')).toBeTruthy();

    await user.click(screen.getByRole('button', { name: '加入浏览器中的草稿…' }));
    const again = await screen.findByRole('group', { name: '浏览器中的草稿' });
    expect(await within(again).findByRole('checkbox', { name: '乙局 2021（已加入）' })).toBeDisabled();
    await user.click(within(again).getByRole('button', { name: '全部加入' }));
    expect(screen.getAllByRole('rowheader').map((h) => h.textContent)).toEqual(['乙局 2021', '甲局 2021']);
  });

  it('reads only .json files from a picked folder, naming them by their path in it', async () => {
    Object.defineProperty(HTMLInputElement.prototype, 'webkitdirectory', {
      value: false,
      configurable: true,
    });
    try {
      const { user } = setup();
      const folderInput = screen.getByLabelText('选择存放各单位年报文件的文件夹') as HTMLInputElement;
      expect(folderInput.hasAttribute('webkitdirectory')).toBe(true);
      const notes = new File(['说明'], '说明.txt');
      Object.defineProperty(notes, 'webkitRelativePath', { value: '2021/说明.txt' });
      await user.upload(folderInput, [
        await draftFile(unit('甲局'), '甲局.nianbao.json', undefined, '2021/甲局.nianbao.json'),
        notes,
      ]);
      expect(
        await screen.findByText('已读取 1 个文件。文件夹中另有 1 个不是 .json 的文件，已略过。'),
      ).toBeTruthy();
      expect(row('2021/甲局.nianbao.json')).toBeTruthy();
    } finally {
      delete (HTMLInputElement.prototype as { webkitdirectory?: boolean }).webkitdirectory;
    }
  });

  it('takes dropped files too', async () => {
    setup();
    const zone = screen.getByRole('region', { name: '添加各单位的报告' });
    const file = await draftFile(unit('甲局'), '甲局.nianbao.json');
    // (fireEvent.drop does not reach the handler under happy-dom; an event made by createEvent does.)
    fireEvent(zone, createEvent.drop(zone, { dataTransfer: { files: [file] } }));
    expect(await screen.findByText('已读取 1 个文件。')).toBeTruthy();
  });

  it('refuses a 汇总 beyond what a cell may hold: says which cells, no draft, no CSV', async () => {
    // Each unit holds the most a count may hold; two of them sum beyond it.
    const big = (agency: string) => {
      const r = unit(agency);
      return withTotals({ ...r, cells: { ...r.cells, 't2.license.decisions': 999_999_999 } });
    };
    const { user, onCreateDraft } = setup();
    await addFiles(user, [
      await draftFile(big('甲局'), '甲局.nianbao.json'),
      await draftFile(big('乙局'), '乙局.nianbao.json'),
    ]);
    expect(
      screen.getByText(/汇总后有 1 格的数字超出本工具能记录的范围.*行政许可.*（1999999998）/),
    ).toBeTruthy();
    expect(screen.getByRole('button', { name: '生成汇总报告' })).toBeDisabled();
    expect(screen.getByRole('button', { name: '导出各单位数据（CSV）' })).toBeDisabled();
    expect(onCreateDraft).not.toHaveBeenCalled();
  });

  it('is keyboard reachable and axe-clean, with units listed and with the store picker open', async () => {
    const { user, onClose } = setup({ listStoredDrafts: async () => [] });
    expect(fileInput().tabIndex).toBe(-1);
    await addFiles(user, await fiveFiles());
    expect(await axeViolations(document.body)).toEqual([]);

    const reached: string[] = [];
    document.body.focus();
    for (let i = 0; i < 30; i++) {
      await user.tab();
      const el = document.activeElement as HTMLElement;
      reached.push(el.getAttribute('aria-label') ?? el.textContent ?? '');
    }
    expect(reached).toEqual(
      expect.arrayContaining([
        '关闭',
        '选择文件…',
        '全部计入',
        '计入汇总：丙局.nianbao.json',
        '生成汇总报告',
      ]),
    );

    await user.click(screen.getByRole('button', { name: '加入浏览器中的草稿…' }));
    expect(await screen.findByText('浏览器中还没有草稿。')).toBeTruthy();
    expect(await axeViolations(document.body)).toEqual([]);
    await user.click(screen.getByRole('button', { name: '关闭' }));
    expect(onClose).toHaveBeenCalledTimes(1);
  });
});
