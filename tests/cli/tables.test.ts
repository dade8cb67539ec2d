// @vitest-environment node
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.ts';
import { tableMatrix } from '../../src/report/cells.ts';
import { TABLES } from '../../src/report/template.ts';
import { EXAMPLE, MISSING, TRUNCATED } from './fixtures.ts';
import { memoryIo } from './memory-io.ts';

const example = JSON.parse(readFileSync(EXAMPLE, 'utf8'));
/** Every row of the template, in the spec's order, as cell ids. */
const TEMPLATE_ROWS = TABLES.flatMap((t) => tableMatrix(t));

describe('tables', () => {
  it('--no-headers: one line per template row, in order, values in column order', async () => {
    const io = memoryIo();
    expect(await main(['tables', EXAMPLE, '--no-headers'], io)).toBe(0);
    const lines = io.stdout().split('\n');
    expect(lines).toHaveLength(TEMPLATE_ROWS.length);
    lines.forEach((line, i) => {
      const values = line.split('\t').slice(1);
      expect(values).toEqual(TEMPLATE_ROWS[i]!.map((id) => String(example.cells[id] ?? '')));
    });
    expect(lines[0]).toBe('规章\t0\t0\t0');
    expect(lines[6]).toBe('一、本年新收政府信息公开申请数量\t2\t0\t1\t0\t0\t0\t3');
  });

  it('with headers: the data lines are the same lines, framed by table names and header lines', async () => {
    const bare = memoryIo();
    await main(['tables', EXAMPLE, '--no-headers'], bare);
    const io = memoryIo();
    expect(await main(['tables', EXAMPLE], io)).toBe(0);
    const lines = io.stdout().split('\n');
    const dataLines = bare.stdout().split('\n');
    expect(lines.filter((l) => dataLines.includes(l))).toEqual(dataLines);
    expect(lines[0]).toBe('表二（主动公开政府信息情况）\t单位：件；行政事业性收费单位：万元');
    expect(lines).toContain('\t\t商业企业\t科研机构\t社会公益组织\t法律服务机构\t其他\t');
  });

  it('-o writes the TSV to a file and prints nothing on stdout', async () => {
    const io = memoryIo();
    expect(await main(['tables', EXAMPLE, '-o', 'out.tsv'], io)).toBe(0);
    expect(io.stdout()).toBe('');
    expect(io.stderr()).toBe('已写入 out.tsv。');
    const screen = memoryIo();
    await main(['tables', EXAMPLE], screen);
    expect(io.text('out.tsv')).toBe(`${screen.stdout()}\n`);
  });

  it('an unreadable report: exit 2 with the reason', async () => {
    for (const file of [MISSING, TRUNCATED]) {
      const io = memoryIo();
      expect(await main(['tables', file], io)).toBe(2);
      expect(io.stderr()).toMatch(new RegExp(`^${file}：(找不到这个文件|文件不完整)`));
    }
  });

  it('takes exactly one report', async () => {
    const io = memoryIo();
    expect(await main(['tables', EXAMPLE, EXAMPLE], io)).toBe(2);
    expect(io.stderr()).toContain('请给出一个年报文件');
  });
});
