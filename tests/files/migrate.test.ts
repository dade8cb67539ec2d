// @vitest-environment node
/**
 * Every older version opens. A fixture of each file format version lives in fixtures/ (named
 * v<version>-…); bumping FILE_FORMAT_VERSION without a migration step and a fixture of the old
 * version fails here.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FILE_FORMAT_VERSION, FILE_TYPE } from '../../src/files/format.ts';
import { FILE_MIGRATIONS, identifyFile, migrateFile, REPORT_MIGRATIONS } from '../../src/files/migrate.ts';
import { openDraftFile } from '../../src/files/open.ts';
import { serializeDraft } from '../../src/files/serialize.ts';
import { REPORT_FORMAT_VERSION } from '../../src/report/document.ts';
import { sampleReport } from './sample.ts';

const FIXTURES = join(import.meta.dirname, 'fixtures');
const fixtures = readdirSync(FIXTURES).map((name) => ({
  name,
  version: Number(/^v(\d+)-/.exec(name)?.[1]),
  bytes: new Uint8Array(readFileSync(join(FIXTURES, name))),
}));
const versions = Array.from({ length: FILE_FORMAT_VERSION + 1 }, (_, v) => v);

describe('every file format version opens', () => {
  it('has a step from each older file format version and from each older report version', () => {
    for (const v of versions.slice(0, -1)) expect(FILE_MIGRATIONS.map((m) => m.from)).toContain(v);
    for (let v = 1; v < REPORT_FORMAT_VERSION; v++) expect(REPORT_MIGRATIONS.map((m) => m.from)).toContain(v);
  });

  it.each(versions)('has a fixture of version %i', (version) => {
    expect(fixtures.filter((f) => f.version === version).length).toBeGreaterThan(0);
  });

  it.each(fixtures.map((f) => [f.name, f] as const))('opens %s as the sample report', async (_, fixture) => {
    const result = await openDraftFile(fixture.bytes, fixture.name);
    if (!result.ok) throw new Error(`${result.message} ${result.details.join('; ')}`);
    expect(result.report).toEqual(sampleReport());
    expect(result.info.fileFormatVersion).toBe(fixture.version);
    expect(result.hashStatus).toBe(fixture.version === 0 ? 'early-format' : 'verified');
  });
});

describe('version 0: the bare report, before the envelope', () => {
  const bare = () => JSON.parse(readFileSync(join(FIXTURES, 'v0-gx-kjt-2021.json'), 'utf8'));

  it('is recognised by its report keys and lifted into the envelope without hash or times', () => {
    const input = bare();
    const identified = identifyFile(input);
    expect(identified).toMatchObject({ kind: 'draft', version: 0 });
    const migrated = migrateFile(input, 0);
    expect(migrated).toMatchObject({
      ok: true,
      file: {
        type: FILE_TYPE,
        fileFormatVersion: 1,
        report: { ...input, formatVersion: REPORT_FORMAT_VERSION },
      },
    });
    expect(migrated.ok && Object.keys(migrated.file)).toEqual(['type', 'fileFormatVersion', 'report']);
    expect(input).toEqual(bare()); // the step returns a new object, the input is untouched
  });

  it('says it was converted and that it had no hash', async () => {
    const result = await openDraftFile(new TextEncoder().encode(JSON.stringify(bare())), 'old.json');
    expect(result.ok && result.warnings).toEqual([
      '文件是早期格式（没有文件信封、没有校验值的草稿 JSON），已转换为当前格式；再次保存时将使用当前格式。',
      '早期格式的文件没有校验值，无法确认文件是否在本工具之外被改动过；请核对内容。',
    ]);
    expect(result.ok && result.hashMismatch).toBe(false);
  });

  it('names invalid fields by the report’s labels, as in the current version', async () => {
    const input = bare();
    input.cells['t3.new.natural'] = 'abc';
    input.formatVersion = 0;
    const result = await openDraftFile(new TextEncoder().encode(JSON.stringify(input)), 'old.json');
    expect(result.ok).toBe(false);
    expect(!result.ok && result.details).toEqual([
      `「报告格式版本」应为 ${REPORT_FORMAT_VERSION}，文件中为 0`,
      '「一、本年新收政府信息公开申请数量·自然人」应为 0 至 999999999 的整数（件）或留空，文件中为 "abc"',
      // A report version that never existed is not lifted, so what later versions added is missing.
      '「未能识别的单元格输入」缺失（文件中没有这一项）',
      '「已确认的提示及说明」缺失（文件中没有这一项）',
    ]);
  });

  it('saved again, becomes a current file with a verified hash', async () => {
    const first = await openDraftFile(new TextEncoder().encode(JSON.stringify(bare())), 'old.json');
    if (!first.ok) throw new Error(first.message);
    const again = await openDraftFile((await serializeDraft(first.report)).bytes, 'new.nianbao.json');
    expect(again.ok && [again.hashStatus, again.info.fileFormatVersion, again.warnings]).toEqual([
      'verified',
      1,
      [],
    ]);
  });
});
