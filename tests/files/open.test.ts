// @vitest-environment node
/** Every way a file can be refused, and every way an odd but sound file still opens. */
import { describe, expect, it } from 'vitest';
import { MAX_FILE_BYTES } from '../../src/files/format.ts';
import { checkFileSize, type OpenResult, openDraftFile } from '../../src/files/open.ts';
import { cellDef } from '../../src/report/cells.ts';
import { evaluate } from '../../src/report/rules.ts';
import { encodeGbk, encodeUtf16, utf8, withUtf8Bom } from './encodings.ts';
import { sampleDraft, sampleReport } from './sample.ts';

const open = (bytes: Uint8Array, name = '草稿.nianbao.json') => openDraftFile(bytes, name);
const openText = (text: string) => open(utf8(text));

function rejected(result: OpenResult) {
  if (result.ok) throw new Error('expected a rejection');
  return result;
}
function opened(result: OpenResult) {
  if (!result.ok) throw new Error(`expected to open: ${result.message} ${result.details.join('; ')}`);
  return result;
}

/** The sample's draft file text with one edit applied to the parsed JSON (the hash is left as it was). */
// biome-ignore lint/suspicious/noExplicitAny: the tests edit untyped JSON freely, that is the point
async function editedFile(edit: (file: Record<string, any>) => void): Promise<string> {
  const file = JSON.parse((await sampleDraft()).text);
  edit(file);
  return JSON.stringify(file, null, 2);
}

describe('openDraftFile: sound files', () => {
  it('opens a file the tool wrote, hash verified, without warnings', async () => {
    const result = opened(await open((await sampleDraft()).bytes));
    expect(result.report).toEqual(sampleReport());
    expect(result.hashStatus).toBe('verified');
    expect(result.warnings).toEqual([]);
    expect(result.info).toEqual({
      fileFormatVersion: 1,
      savedAt: '2022-01-15T08:30:00.000Z',
      appVersion: '0.1.0',
    });
    expect(result.message).toBe('已读取文件「草稿.nianbao.json」。');
  });

  it('opens UTF-8 with a BOM without comment', async () => {
    const result = opened(await open(withUtf8Bom((await sampleDraft()).text)));
    expect(result.hashStatus).toBe('verified');
    expect(result.warnings).toEqual([]);
  });

  it.each([
    ['UTF-16 LE with BOM', 'le', true],
    ['UTF-16 BE with BOM', 'be', true],
    ['UTF-16 LE without BOM', 'le', false],
    ['UTF-16 BE without BOM', 'be', false],
  ] as const)('opens %s, saying it was UTF-16', async (_, order, bom) => {
    const result = opened(await open(encodeUtf16((await sampleDraft()).text, order, bom)));
    expect(result.report).toEqual(sampleReport());
    expect(result.hashStatus).toBe('verified');
    expect(result.warnings.join()).toContain('UTF-16');
  });

  it('opens GBK bytes (Notepad "ANSI"), saying so; the content is intact, so the hash verifies', async () => {
    const text = (await sampleDraft()).text;
    const bytes = encodeGbk(text);
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow(); // really not UTF-8
    const result = opened(await open(bytes));
    expect(result.report).toEqual(sampleReport());
    expect(result.hashStatus).toBe('verified');
    expect(result.warnings.join()).toContain('GBK');
  });

  it('recomputes automatic totals: a stale 总计 in the file is never shown', async () => {
    const text = await editedFile((f) => {
      f.report.manualTotals = false;
      f.report.cells['t3.new.total'] = 999;
    });
    const report = opened(await openText(text)).report;
    expect(report.cells['t3.new.total']).toBe(sampleReport().cells['t3.new.total']);
    expect(evaluate(report).filter((f) => f.ruleId === 'T3-C')).toEqual([]);
  });
});

describe('openDraftFile: a cell holds what typing allows, or the file is refused', () => {
  it.each([
    ['t3.new.natural', '-1', '是负数（件数只能填写非负整数，没有发生请填 0），文件中为 -1'],
    ['t3.new.natural', '0.5', '不是整数（件数只能填写非负整数），文件中为 0.5'],
    ['t3.new.natural', '1000000000', '超出范围（件数最多 9 位数），文件中为 1000000000'],
    ['t3.new.natural', '1e305', '超出范围（件数最多 9 位数），文件中为 1e+305'],
    ['t2.fees.amount', '1e300', '超出范围（金额应小于 1000000000 万元），文件中为 1e+300'],
    [
      't2.fees.amount',
      '450102199001011234',
      '超出范围（金额应小于 1000000000 万元），文件中为 450102199001011260',
    ],
    [
      't2.fees.amount',
      '0.30000000000000004',
      '超过 4 位小数（金额单位为万元，最多 4 位小数），文件中为 0.30000000000000004',
    ],
  ])('%s = %s is refused, naming the cell and the number', async (cell, literal, wording) => {
    const text = (
      await editedFile((f) => {
        f.report.cells[cell] = 7;
      })
    ).replace(`"${cell}": 7`, `"${cell}": ${literal}`);
    const result = rejected(await openText(text));
    expect(result.kind).toBe('invalid');
    expect(result.details).toEqual([`「${cellDef(cell).label}」${wording}`]);
  });

  it('holds last year to the same definition, and its year to the years a report may have', async () => {
    const text = await editedFile((f) => {
      f.report.lastYear = {
        year: 99999,
        cells: { 't3.carriedOut.natural': 0.1, 't2.fees.amount': -1 },
        sections: {},
      };
    });
    expect(rejected(await openText(text)).details).toEqual([
      '「上年数据·年度」不能大于 2200，文件中为 99999',
      `「上年数据·${cellDef('t2.fees.amount').label}」是负数（金额不能为负，没有收费请填 0），文件中为 -1`,
      '「上年数据·四、结转下年度继续办理·自然人」不是整数（件数只能填写非负整数），文件中为 0.1',
    ]);
  });

  it('opens typed text kept as a cell’s invalid entry, and refuses one beside a number', async () => {
    const kept = await editedFile((f) => {
      f.report.cells['t3.new.natural'] = null;
      f.report.invalidEntries = { 't3.new.natural': '1.5' };
    });
    const report = opened(await openText(kept)).report;
    expect(report.invalidEntries).toEqual({ 't3.new.natural': '1.5' });
    expect(evaluate(report).find((f) => f.ruleId === 'INPUT')?.message).toBe(
      '一、本年新收政府信息公开申请数量·自然人 填写的“1.5”不是整数（件数只能填写非负整数）',
    );
    const both = await editedFile((f) => {
      f.report.invalidEntries = { 't3.new.natural': '1.5' };
    });
    expect(rejected(await openText(both)).details).toEqual([
      '「未能识别的单元格输入·一、本年新收政府信息公开申请数量·自然人」与该格的数字 2 同时存在（一格只能有数字，或未能识别的输入），文件中为 "1.5"',
    ]);
  });
});

describe('openDraftFile: refusals name what is wrong and where', () => {
  it('refuses a file over 5 MB before reading it', async () => {
    const result = rejected(await open(new Uint8Array(MAX_FILE_BYTES + 1)));
    expect(result.kind).toBe('too-large');
    expect(result.message).toBe(
      '无法打开「草稿.nianbao.json」：文件过大（5.0 MB）。本工具的草稿文件一般不到 1 MB，最大不超过 5.0 MB；请确认选择的是本工具保存的草稿文件。',
    );
    expect(checkFileSize(2 * 1024 ** 3, 'big.iso')?.message).toContain('2048.0 MB');
    expect(checkFileSize(MAX_FILE_BYTES, 'ok.json')).toBeNull();
  });

  it('refuses an empty file and a binary one', async () => {
    expect(rejected(await open(new Uint8Array(0))).message).toContain('文件是空的');
    const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]);
    const result = rejected(await open(png, 'photo.png'));
    expect(result.kind).toBe('encoding');
    expect(result.message).toContain('不是文本文件');
  });

  it('refuses bytes that are neither UTF-8, UTF-16 nor GBK', async () => {
    const result = rejected(await open(Uint8Array.from([0x7b, 0xff, 0xff, 0xff, 0x7d])));
    expect(result.kind).toBe('encoding');
    expect(result.message).toContain('既不是 UTF-8');
  });

  it('refuses text that is not JSON, saying where', async () => {
    const result = rejected(
      await openText('{\n  "type": "nianbao-tool/draft",\n  "fileFormatVersion": 1,,\n}'),
    );
    expect(result.kind).toBe('not-json');
    expect(result.message).toContain('文件不是有效的 JSON 格式（第 3 行第 26 列附近，此处为 ","）');
  });

  it('says a file cut short is incomplete', async () => {
    const text = (await sampleDraft()).text;
    const result = rejected(await openText(text.slice(0, text.length / 2)));
    expect(result.kind).toBe('not-json');
    expect(result.message).toContain('文件不完整：内容在结尾处中断了');
  });

  it.each([
    ['a JSON array', '[1, 2, 3]', '最外层不是'],
    ['a JSON string', '"年报"', '最外层不是'],
    ['another program’s JSON', '{"name": "nianbao", "version": "1.0.0"}', '没有本工具的文件标记'],
    ['another marker', '{"type": "excalidraw", "version": 2}', '文件标记为 "excalidraw"'],
  ])('refuses %s as not a file of this tool', async (_, text, says) => {
    const result = rejected(await openText(text));
    expect(result.kind).toBe('not-ours');
    expect(result.message).toContain(says);
    expect(result.message).toContain('.nianbao.json');
  });

  it('asks to upgrade the tool for a newer file format version', async () => {
    const text = await editedFile((f) => {
      f.fileFormatVersion = 2;
      f.appVersion = '3.0.0';
    });
    const result = rejected(await openText(text));
    expect(result.kind).toBe('newer');
    expect(result.message).toBe(
      '无法打开「草稿.nianbao.json」：这个文件由较新版本的本工具保存（文件格式第 2 版，本工具只能读取到第 1 版，保存它的工具版本为 "3.0.0"）。请升级本工具后再打开。',
    );
  });

  it('asks to upgrade the tool for a newer report format version', async () => {
    const text = await editedFile((f) => {
      f.report.formatVersion = 7;
    });
    const result = rejected(await openText(text));
    expect(result.kind).toBe('newer');
    expect(result.message).toContain('报告格式第 7 版');
    expect(result.message).toContain('请升级本工具');
  });

  it('refuses an unreadable file format version as a field error', async () => {
    const result = rejected(
      await openText(
        await editedFile((f) => {
          f.fileFormatVersion = 'one';
        }),
      ),
    );
    expect(result.kind).toBe('invalid');
    expect(result.details).toEqual(['「文件格式版本」应为正整数，文件中为 "one"']);
  });

  it('names an invalid cell by its label and shows what the file holds', async () => {
    const text = await editedFile((f) => {
      f.report.cells['t3.new.natural'] = 'abc';
    });
    const result = rejected(await openText(text));
    expect(result.kind).toBe('invalid');
    expect(result.message).toBe('无法打开「草稿.nianbao.json」：文件中有 1 处内容不符合草稿格式，未打开：');
    expect(result.details).toEqual([
      '「一、本年新收政府信息公开申请数量·自然人」应为 0 至 999999999 的整数（件）或留空，文件中为 "abc"',
    ]);
  });

  it('lists several problems at once, each with its own label', async () => {
    const text = await editedFile((f) => {
      f.report.cells['t2.fees.amount'] = '12万';
      f.report.contact.phone = 5;
      f.report.sections.overview = null;
      f.report.period.end = '2021-13-01';
      f.report.agency = 'x'.repeat(201);
      f.report.fax = '0771';
      delete f.report.manualTotals;
    });
    const details = rejected(await openText(text)).details;
    expect(details).toContain(
      '「行政事业性收费·本年收费金额（单位：万元）」应为 0 至 999999999.9999 的金额（万元，最多 4 位小数）或留空，文件中为 "12万"',
    );
    expect(details).toContain('「联系方式·联系电话」应为文字，文件中为 5');
    expect(details).toContain('「一、总体情况」应为文字，文件中为 null（空）');
    expect(details).toContain('「统计期限·截止日期」应为日期（如 2021-12-31）或留空，文件中为 "2021-13-01"');
    expect(details).toContain('「机关名称」过长：最多 200 个字符，文件中有 201 个');
    expect(details).toContain('「报告内容」中有本工具不认识的项："fax"');
    expect(details).toContain('「合计方式（自动合计或手工填写）」缺失（文件中没有这一项）');
    expect(details).toHaveLength(7);
  });

  it('caps a long list of problems and says how many more there are', async () => {
    const text = await editedFile((f) => {
      for (const id of Object.keys(f.report.cells)) f.report.cells[id] = 'x';
    });
    const result = rejected(await openText(text));
    expect(result.message).toContain('文件中有 200 处内容');
    expect(result.details).toHaveLength(21);
    expect(result.details[20]).toBe('……另有 180 处问题未列出。');
  });

  it('refuses a number too large for JSON numbers (1e999 reads as Infinity)', async () => {
    const text = (await sampleDraft()).text.replace('"t3.new.natural": 2', '"t3.new.natural": 1e999');
    const details = rejected(await openText(text)).details;
    expect(details).toEqual([
      '「一、本年新收政府信息公开申请数量·自然人」应为 0 至 999999999 的整数（件）或留空，文件中为 一个超出范围的数字',
    ]);
  });
});

describe('openDraftFile: keys that could pollute prototypes', () => {
  it.each([
    ['notes', '"notes": {}', '"notes": {"__proto__": {"polluted": "yes"}}'],
    [
      'lastYear cells',
      '"lastYear": null',
      '"lastYear": {"year": 2020, "cells": {"__proto__": 1}, "sections": {}}',
    ],
    ['the report', '"report": {', '"report": {"__proto__": {"polluted": "yes"}, '],
    ['the envelope', '{', '{"__proto__": {"polluted": "yes"}, '],
  ])('refuses "__proto__" in %s and pollutes nothing', async (_, find, replace) => {
    const text = (await sampleDraft()).text.replace(find, replace);
    expect(text).toContain('__proto__');
    const result = rejected(await openText(text));
    expect(result.kind).toBe('invalid');
    expect(result.details.join()).toContain('"__proto__"');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
  });

  it('refuses "constructor" and "prototype" keys as unknown items', async () => {
    const text = (await sampleDraft()).text
      .replace('"notes": {}', '"notes": {"constructor": {"prototype": {"polluted": 1}}}')
      .replace('"contact": {', '"contact": {"prototype": "x", ');
    const details = rejected(await openText(text)).details;
    expect(details).toContain('「单元格备注」中有本工具不认识的项："constructor"');
    expect(details).toContain('「联系方式」中有本工具不认识的项："prototype"');
    expect(Object.prototype).not.toHaveProperty('polluted');
  });
});

describe('openDraftFile: edited outside the tool', () => {
  it('opens a file whose content no longer matches its hash, flagged as a mismatch', async () => {
    const text = (await sampleDraft()).text.replace('"t3.new.natural": 2', '"t3.new.natural": 3');
    const result = opened(await openText(text));
    expect(result.report.cells['t3.new.natural']).toBe(3);
    expect(result.hashStatus).toBe('mismatch');
    expect(result.hashMismatch).toBe(true);
    expect(result.warnings.join()).toContain('文件在本工具之外被改动过');
  });

  it('treats a removed hash as an outside edit', async () => {
    const result = opened(
      await openText(
        await editedFile((f) => {
          delete f.sha256;
        }),
      ),
    );
    expect(result.hashStatus).toBe('missing');
    expect(result.hashMismatch).toBe(true);
  });

  it('does not care about key order or indentation: the hash covers content, not layout', async () => {
    const file = JSON.parse((await sampleDraft()).text);
    const reordered = { report: file.report, sha256: file.sha256, ...file };
    const result = opened(await openText(JSON.stringify(reordered)));
    expect(result.hashStatus).toBe('verified');
  });
});

describe('openDraftFile: damaged UTF-8 is not mistaken for GBK', () => {
  it('refuses a UTF-8 file with a broken byte as damaged, naming the line', async () => {
    const text = (await sampleDraft()).text;
    const bytes = utf8(text);
    const line = text.split('\n').findIndex((l) => l.includes('自治区科技厅')) + 1;
    const at = bytes.indexOf(
      0xe8,
      new TextEncoder().encode(
        text
          .split('\n')
          .slice(0, line - 1)
          .join('\n'),
      ).length,
    );
    const damaged = bytes.slice();
    damaged[at] = 0xff;
    const result = rejected(await open(damaged));
    expect(result.kind).toBe('encoding');
    expect(result.message).toContain(`文件已损坏：第 ${line} 行附近有不是有效文字的字节（共 3 处）`); // 0xFF and two orphaned continuation bytes
  });

  it('still reads real GBK as GBK', async () => {
    expect(opened(await open(encodeGbk((await sampleDraft()).text))).warnings.join()).toContain('GBK');
  });
});
