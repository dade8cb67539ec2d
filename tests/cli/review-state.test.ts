// @vitest-environment node
/**
 * `check` and `pdf` on the three states (issue 15): a next-year draft as 新建下一年度 makes it (有错误:
 * its texts are last year's), the same with its texts rewritten (待确认, exit 3), and with its 提示
 * confirmed (审核通过, exit 0, the confirmed 提示 printed apart with their 说明).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.ts';
import { serializeDraft } from '../../src/files/serialize.ts';
import { type Report, reportSchema } from '../../src/report/document.ts';
import { confirmFinding, setSection } from '../../src/report/edit.ts';
import { nextYearReport } from '../../src/report/next-year.ts';
import { evaluate } from '../../src/report/rules.ts';
import { EXAMPLE } from './fixtures.ts';
import { memoryIo } from './memory-io.ts';

const AT = new Date('2022-12-31T02:00:00Z');
const sample = (): Report => reportSchema().parse(JSON.parse(readFileSync(EXAMPLE, 'utf8')));

/** 新建下一年度 on the sample, as the app makes it. */
const fresh = () => nextYearReport(sample());
/** …with its three texts rewritten: no 错误 left, the blank tables are open 提示. */
function rewritten(): Report {
  let r = fresh();
  r = setSection(r, 'overview', '2022年，我厅未收到政府信息公开申请。');
  r = setSection(r, 'problems', '2022年政务公开工作存在的问题是信息发布的及时性有待提高。');
  return setSection(r, 'other', '本年度未收取信息处理费。');
}
/** …and every open 提示 confirmed with a 说明. */
function confirmed(): Report {
  let r = rewritten();
  for (const f of evaluate(r)) r = confirmFinding(r, f, `已核实：${f.table ?? '全文'} 本年确无发生`, AT);
  return r;
}

async function check(report: Report, ...options: string[]) {
  const { bytes } = await serializeDraft(report, { now: AT });
  const io = memoryIo({ 'draft.nianbao.json': bytes });
  const code = await main(['check', 'draft.nianbao.json', ...options], io);
  return { code, out: io.stdout(), err: io.stderr() };
}

describe('check: the three states and their exit codes', () => {
  it('the sample: 审核通过, exit 0', async () => {
    expect((await check(sample())).code).toBe(0);
  });

  it('a fresh next-year draft: 有错误 (需更新), exit 1', async () => {
    const { code, out } = await check(fresh());
    expect(code).toBe(1);
    expect(out).toContain('：有错误（3 个错误，3 个提示未确认）');
    expect(out).toContain('  错误  全文  TEXT-STALE  一、总体情况 还是从上年报告复制来的文字（需更新）');
    expect(out).toContain(
      '  提示  表三  EMPTY-TABLE  表三（收到和处理政府信息公开申请情况）整张表还没有填写',
    );
  });

  it('its texts rewritten, the tables not: 待确认, exit 3', async () => {
    const { code, out } = await check(rewritten());
    expect(code).toBe(3);
    expect(out.split('\n')[0]).toBe(
      'draft.nianbao.json 《自治区科技厅2022年政府信息公开工作年度报告》：待确认（0 个错误，3 个提示未确认）',
    );
  });

  it('every 提示 confirmed: 审核通过, exit 0, the confirmed 提示 printed apart with their 说明', async () => {
    const { code, out } = await check(confirmed());
    expect(code).toBe(0);
    const lines = out.split('\n');
    expect(lines[0]).toBe(
      'draft.nianbao.json 《自治区科技厅2022年政府信息公开工作年度报告》：审核通过（0 个错误，0 个提示未确认，3 个提示已确认）',
    );
    expect(lines[1]).toBe('  以下提示已确认（附说明）：');
    expect(lines[2]).toMatch(
      /^ {2}已确认 {2}表二 {2}EMPTY-TABLE {2}表二（主动公开政府信息情况）整张表还没有填写/,
    );
    expect(lines[3]).toBe('          说明：已核实：t2 本年确无发生（2022-12-31 10:00 确认）');
  });

  it('--json gives the state, the open findings and the confirmed ones with their 说明', async () => {
    const { out } = await check(confirmed(), '--json');
    const [result] = JSON.parse(out);
    expect(result).toMatchObject({ state: '审核通过', errors: 0, hints: 0, confirmed: 3, findings: [] });
    expect(result.confirmedFindings[0]).toMatchObject({
      ruleId: 'EMPTY-TABLE',
      key: 'EMPTY-TABLE|t2',
      note: '已核实：t2 本年确无发生',
      at: '2022-12-31T02:00:00.000Z',
    });
  });

  it('several files: 有错误 wins over 待确认, which wins over 审核通过', async () => {
    const files = {
      'a.json': (await serializeDraft(sample(), { now: AT })).bytes,
      'b.json': (await serializeDraft(rewritten(), { now: AT })).bytes,
      'c.json': (await serializeDraft(fresh(), { now: AT })).bytes,
    };
    expect(await main(['check', 'a.json', 'b.json'], memoryIo(files))).toBe(3);
    const io = memoryIo(files);
    expect(await main(['check', 'a.json', 'b.json', 'c.json'], io)).toBe(1);
    expect(io.stdout().split('\n').at(-1)).toBe('共检查 3 个文件：1 个审核通过，1 个待确认，1 个有错误。');
  });
});

describe('pdf: a draft per state, with its own exit code', () => {
  it('待确认 → exit 3 and says the PDF carries the 提示未确认 watermark; 审核通过 → exit 0', async () => {
    const io = memoryIo({
      'b.nianbao.json': (await serializeDraft(rewritten(), { now: AT })).bytes,
      'c.nianbao.json': (await serializeDraft(confirmed(), { now: AT })).bytes,
    });
    expect(await main(['pdf', 'b.nianbao.json', '-o', 'b.pdf'], io)).toBe(3);
    expect(io.stderr()).toContain('尚有 3 条提示未确认：这是草稿，每页带“草稿 · 提示未确认”水印');
    expect(await main(['pdf', 'c.nianbao.json', '-o', 'c.pdf', '--approval', 'after'], io)).toBe(0);
    expect(io.files.get('c.pdf')!.length).toBeGreaterThan(10_000);
  });
});
