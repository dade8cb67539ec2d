// @vitest-environment node
/** Units from files and from the store, duplicates, and which units count by default. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { agencyKey, detectDuplicates } from '../../src/aggregate/duplicates.ts';
import { inOrder } from '../../src/aggregate/in-order.ts';
import { defaultSelection, includedKeys, readyUnits, yearSummary } from '../../src/aggregate/selection.ts';
import { sumUnits } from '../../src/aggregate/sum.ts';
import { formatLabel, loadUnits, type ReadyUnit, unitsFromStore } from '../../src/aggregate/units.ts';
import { serializeDraft } from '../../src/files/serialize.ts';
import { type Report, reportSchema } from '../../src/report/document.ts';

const example = (): Report =>
  reportSchema().parse(JSON.parse(readFileSync('examples/gx-kjt-2021.json', 'utf8')));
const unitReport = (agency: string, id = agency, year = 2021): Report => ({ ...example(), id, agency, year });
const draftBytes = async (report: Report, savedAt = '2022-01-15T08:30:00Z') =>
  (await serializeDraft(report, { now: new Date(savedAt) })).bytes;
const plainBytes = (report: unknown) => new TextEncoder().encode(JSON.stringify(report));

describe('loadUnits', () => {
  it('opens draft files and plain report JSON; a corrupt file is listed with its reason, the rest load', async () => {
    const files = [
      { name: '甲局.nianbao.json', bytes: await draftBytes(unitReport('甲局')) },
      { name: '坏.nianbao.json', bytes: (await draftBytes(unitReport('坏'))).subarray(0, 400) },
      { name: '乙局.json', bytes: plainBytes(unitReport('乙局')) },
      { name: '年报.pdf', bytes: new TextEncoder().encode('%PDF-1.7\n…') },
    ];
    const units = await loadUnits(files);
    expect(units.map((u) => [u.name, u.ok])).toEqual([
      ['甲局.nianbao.json', true],
      ['坏.nianbao.json', false],
      ['乙局.json', true],
      ['年报.pdf', false],
    ]);
    expect(units[1]).toMatchObject({ ok: false, reason: expect.stringContaining('文件不完整') });
    expect(units[3]).toMatchObject({ ok: false, reason: expect.stringContaining('这是 PDF 文件') });
    const [a, , b] = units as [ReadyUnit, unknown, ReadyUnit];
    expect(a).toMatchObject({ errors: 0, fileFormatVersion: 1, hashStatus: 'verified', warnings: [] });
    expect(a.savedAt).toBe('2022-01-15T08:30:00.000Z');
    expect(formatLabel(a)).toBe('草稿文件（第 1 版）');
    expect(b).toMatchObject({ fileFormatVersion: 0, warnings: [] });
    expect(formatLabel(b)).toBe('年报数据 JSON');
    expect(new Set(units.map((u) => u.key)).size).toBe(4);
  });

  it('checks each unit as the app shows it, and a unit with 错误 can be left out of the sum', async () => {
    const bad = unitReport('丙局');
    bad.manualTotals = true;
    bad.cells['t3.total.natural'] = 99;
    const units = readyUnits(
      await loadUnits([
        { name: 'a.json', bytes: plainBytes(unitReport('甲局')) },
        { name: 'b.json', bytes: plainBytes(bad) },
      ]),
    );
    expect(units.map((u) => u.errors > 0)).toEqual([false, true]);
    expect(units[1]!.findings[0]).toMatchObject({ severity: '错误', ruleId: 'T3-A' });
    const reports = units.map((u) => u.report);
    const clean = sumUnits(reports, { exclude: units.flatMap((u, i) => (u.errors ? [i] : [])) });
    expect(clean.cells).toEqual(sumUnits([reports[0]!]).cells);
  });

  it('notes a draft file edited outside the tool', async () => {
    const text = new TextDecoder().decode(await draftBytes(unitReport('甲局')));
    const edited = new TextEncoder().encode(text.replace('"agency": "甲局"', '"agency": "甲局 "'));
    const [unit] = await loadUnits([{ name: 'a.nianbao.json', bytes: edited }]);
    expect(unit).toMatchObject({ ok: true, hashStatus: 'mismatch' });
    expect((unit as ReadyUnit).warnings.join()).toContain('在本工具之外被改动过');
  });

  it('units from the store are checked and keyed by draft id', () => {
    const [unit] = unitsFromStore([{ id: 'd1', name: '甲局 2021', report: unitReport('甲局') }]);
    expect(unit).toMatchObject({ key: 'store:d1', origin: 'store', name: '甲局 2021', errors: 0 });
    expect(formatLabel(unit!)).toBe('浏览器中的草稿');
  });
});

describe('detectDuplicates', () => {
  const keyed = (key: string, agency: string, year: number | null = 2021) => ({
    key,
    report: { agency, year },
  });

  it('groups units of the same agency and year, in list order', () => {
    const groups = detectDuplicates([
      keyed('1', '甲局'),
      keyed('2', '乙局'),
      keyed('3', '甲局'),
      keyed('4', '甲局', 2020),
      keyed('5', '甲局'),
    ]);
    expect(groups).toEqual([{ agency: '甲局', year: 2021, keys: ['1', '3', '5'] }]);
  });

  it('compares agency names across full/half width and spaces; never groups units without a name', () => {
    expect(agencyKey('某市 财政局（本级）')).toBe(agencyKey('某市财政局(本级)'));
    expect(
      detectDuplicates([keyed('1', '某市 财政局(本级)'), keyed('2', '某市财政局（本级）')]),
    ).toHaveLength(1);
    expect(detectDuplicates([keyed('1', ''), keyed('2', '  ')])).toEqual([]);
    expect(detectDuplicates([keyed('1', '甲局', null), keyed('2', '甲局', null)])).toHaveLength(1);
  });
});

describe('defaultSelection', () => {
  it('counts every readable unit but only the most recently saved of duplicates', async () => {
    const units = await loadUnits([
      { name: 'new.nianbao.json', bytes: await draftBytes(unitReport('甲局', 'a'), '2022-01-20T00:00:00Z') },
      { name: 'old.nianbao.json', bytes: await draftBytes(unitReport('甲局', 'b'), '2022-01-10T00:00:00Z') },
      { name: 'other.json', bytes: plainBytes(unitReport('乙局')) },
      { name: 'broken.json', bytes: new Uint8Array([0x7b]) },
    ]);
    const keys = units.map((u) => u.key);
    const { included, duplicates, supersededBy } = defaultSelection(units);
    expect([...included]).toEqual([keys[0], keys[2]]);
    expect(duplicates).toEqual([{ agency: '甲局', year: 2021, keys: [keys[0], keys[1]] }]);
    expect(supersededBy).toEqual(new Map([[keys[1], keys[0]]]));
  });

  it('without saving times, the one listed last counts', () => {
    const units = unitsFromStore([
      { id: '1', name: 'a', report: unitReport('甲局', '1') },
      { id: '2', name: 'b', report: unitReport('甲局', '2') },
    ]);
    expect([...defaultSelection(units).included]).toEqual(['store:2']);
  });
});

describe('includedKeys', () => {
  it('lays the clerk’s choices over the default selection', () => {
    const units = unitsFromStore([
      { id: '1', name: 'a', report: unitReport('甲局', '1') },
      { id: '2', name: 'b', report: unitReport('甲局', '2') },
      { id: '3', name: 'c', report: unitReport('乙局', '3') },
    ]);
    expect([...includedKeys(units, new Map())]).toEqual(['store:2', 'store:3']);
    const chosen = new Map([
      ['store:1', true],
      ['store:3', false],
    ]);
    expect([...includedKeys(units, chosen)].sort()).toEqual(['store:1', 'store:2']);
  });
});

describe('yearSummary', () => {
  it('gives the most common year and whether the units disagree', () => {
    expect(yearSummary([{ year: 2021 }, { year: 2020 }, { year: 2021 }])).toEqual({
      year: 2021,
      mixed: true,
      counts: [
        { year: 2021, units: 2 },
        { year: 2020, units: 1 },
      ],
    });
    expect(yearSummary([{ year: null }, { year: 2021 }, { year: null }]).year).toBe(2021);
    expect(yearSummary([{ year: 2021 }])).toMatchObject({ mixed: false });
    expect(yearSummary([]).year).toBe(null);
  });
});

describe('inOrder', () => {
  it('yields results in the items’ order with at most `width` running, whatever finishes first', async () => {
    let running = 0;
    let most = 0;
    const delays = [30, 1, 20, 1, 5, 1, 1];
    const results: number[] = [];
    const work = async (ms: number, i: number) => {
      running++;
      most = Math.max(most, running);
      await new Promise((r) => setTimeout(r, ms));
      running--;
      return i;
    };
    for await (const i of inOrder(delays, work, 3)) results.push(i);
    expect(results).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(most).toBe(3);
  });
});
