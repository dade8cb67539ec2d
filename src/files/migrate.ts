/**
 * Recognising a draft file and lifting an older one to the current shape, one version at a time.
 * Every older version must open: when FILE_FORMAT_VERSION (format.ts) or REPORT_FORMAT_VERSION
 * (report/document.ts) is bumped, add the step from the previous version here and a fixture of the
 * old version under tests/files/fixtures/ (tests/files/migrate.test.ts fails until both exist).
 *
 * Steps work on untrusted JSON: they only move things around, never assume a field is valid and never
 * assign onto an object from the file (a key "__proto__" would change its prototype). The strict
 * schema check comes after the last step.
 */
import { REPORT_FORMAT_VERSION } from '../report/document.ts';
import { FILE_FORMAT_VERSION, FILE_TYPE } from './format.ts';
import { showFileValue } from './issues.ts';

export type JsonObject = Record<string, unknown>;

export interface Migration {
  /** The version this step reads; it returns version from + 1. */
  from: number;
  /** What that version was, for the notice shown when such a file is opened. */
  describe: string;
  up(old: JsonObject): JsonObject;
}

/** Envelope steps. */
export const FILE_MIGRATIONS: readonly Migration[] = [
  {
    from: 0,
    describe: '早期格式（没有文件信封、没有校验值的草稿 JSON）',
    // Version 0 is the bare report. It had no saved-at time, tool version or hash: those stay absent.
    up: (bare) => ({ type: FILE_TYPE, fileFormatVersion: 1, report: bare }),
  },
];

/** Report steps (report.formatVersion), applied to the envelope's report after the envelope steps. */
export const REPORT_MIGRATIONS: readonly Migration[] = [
  {
    from: 1,
    describe: '第 1 版（没有“无效输入”和“提示确认”）',
    // Version 2 added the typed text of invalid cell entries and the confirmed 提示; a version 1
    // report had neither.
    up: (old) => ({ ...old, formatVersion: 2, invalidEntries: {}, confirmations: [] }),
  },
];

export const isJsonObject = (value: unknown): value is JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const has = (object: JsonObject, key: string) => Object.hasOwn(object, key);

export type Identified =
  | { kind: 'draft'; version: number; file: JsonObject }
  | { kind: 'not-ours'; message: string }
  | { kind: 'newer'; message: string }
  | { kind: 'invalid'; message: string; details: string[] };

const CHOOSE_OURS = '请选择由本工具“保存到文件”得到的文件（扩展名 .nianbao.json）。';

function newerMessage(what: string, version: number, readable: number, appVersion: unknown): string {
  const by = typeof appVersion === 'string' ? `，保存它的工具版本为 ${showFileValue(appVersion)}` : '';
  return `这个文件由较新版本的本工具保存（${what}第 ${version} 版，本工具只能读取到第 ${readable} 版${by}）。请升级本工具后再打开。`;
}

/** Is this one of our files, and of which file format version? */
export function identifyFile(value: unknown): Identified {
  if (!isJsonObject(value)) {
    return {
      kind: 'not-ours',
      message: `文件内容不是本工具的草稿（最外层不是一组 {…} 内容）。${CHOOSE_OURS}`,
    };
  }
  if (!has(value, 'type')) {
    // Version 0: a bare report, recognised by two keys no other kind of file is likely to share.
    if (has(value, 'formatVersion') && has(value, 'cells')) return { kind: 'draft', version: 0, file: value };
    return { kind: 'not-ours', message: `文件中没有本工具的文件标记，不是本工具的草稿文件。${CHOOSE_OURS}` };
  }
  if (value.type !== FILE_TYPE) {
    return {
      kind: 'not-ours',
      message: `文件标记为 ${showFileValue(value.type)}，不是本工具的草稿文件。${CHOOSE_OURS}`,
    };
  }
  const version = value.fileFormatVersion;
  if (typeof version !== 'number' || !Number.isSafeInteger(version) || version < 1) {
    return {
      kind: 'invalid',
      message: '文件的格式版本无法识别，未打开。',
      details: [`「文件格式版本」应为正整数，文件中为 ${showFileValue(version)}`],
    };
  }
  if (version > FILE_FORMAT_VERSION) {
    return {
      kind: 'newer',
      message: newerMessage('文件格式', version, FILE_FORMAT_VERSION, value.appVersion),
    };
  }
  return { kind: 'draft', version, file: value };
}

function step(steps: readonly Migration[], from: number): Migration {
  const found = steps.find((m) => m.from === from);
  // Only reachable if a version was bumped without its step; tests/files/migrate.test.ts guards it.
  if (!found) throw new Error(`no migration from version ${from}`);
  return found;
}

function reportChain(from: number): Migration[] {
  const chain: Migration[] = [];
  for (let v = from; v < REPORT_FORMAT_VERSION; v++) {
    const migration = REPORT_MIGRATIONS.find((m) => m.from === v);
    if (!migration) return [];
    chain.push(migration);
  }
  return chain;
}

/**
 * A report object of an older report version (a stored draft, the report inside a file) lifted to the
 * current version; anything else (not an object, an unknown or newer version) comes back as it was.
 */
export function migrateReport(report: unknown): unknown {
  if (!isJsonObject(report)) return report;
  const version = report.formatVersion;
  if (typeof version !== 'number' || !Number.isSafeInteger(version) || version >= REPORT_FORMAT_VERSION)
    return report;
  let lifted = report;
  for (const migration of reportChain(version)) lifted = migration.up(lifted);
  return lifted;
}

export type Migrated =
  | { ok: true; file: JsonObject; notices: string[] }
  | { ok: false; kind: 'newer'; message: string };

/** Lifts a recognised file of any older version to the current envelope and report versions. */
export function migrateFile(file: JsonObject, version: number): Migrated {
  let current = file;
  const notices: string[] = [];
  for (let v = version; v < FILE_FORMAT_VERSION; v++) {
    const migration = step(FILE_MIGRATIONS, v);
    if (v === version)
      notices.push(`文件是${migration.describe}，已转换为当前格式；再次保存时将使用当前格式。`);
    current = migration.up(current);
  }
  const report = current.report;
  if (!isJsonObject(report)) return { ok: true, file: current, notices };
  const reportVersion = report.formatVersion;
  if (typeof reportVersion !== 'number' || !Number.isSafeInteger(reportVersion)) {
    return { ok: true, file: current, notices };
  }
  if (reportVersion > REPORT_FORMAT_VERSION) {
    return {
      ok: false,
      kind: 'newer',
      message: newerMessage('报告格式', reportVersion, REPORT_FORMAT_VERSION, file.appVersion),
    };
  }
  // A report version we never had (0, -3) has no steps: it is left as is and the schema refuses it.
  const chain = reportChain(reportVersion);
  let lifted = report;
  for (const migration of chain) lifted = migration.up(lifted);
  // No notice for a report step: so far they only add fields an older report did not have, which
  // changes nothing the clerk sees or must check. A step that does should bring its own notice.
  return { ok: true, file: lifted === report ? current : { ...current, report: lifted }, notices };
}
