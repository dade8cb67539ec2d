/**
 * Opening a file into the browser's drafts: validate everything first (open.ts), ask the clerk when
 * the draft already exists and differs, and only then write — once, through one store call, so the
 * store can make it atomic (all of it or nothing). A rejected or cancelled file never reaches put().
 */
import { newReportId, type Report } from '../report/document.ts';
import { canonicalJson } from './canonical.ts';
import { diffReports, type ReportChange } from './diff.ts';
import { hashWarning, type OpenedDraft, openDraftFile, type RejectionKind, shownFileName } from './open.ts';

/** The little the import needs from storage (src/storage adapts its repository to this). */
export interface DraftStore {
  get(id: string): Promise<Report | null | undefined>;
  /** Stores the draft in one atomic step; when it replaces a stored one, that one is first kept as a
   *  revision labelled revisionReason. */
  put(report: Report, options: { revisionReason: string }): Promise<void>;
}

export type ImportQuestion =
  /** The draft exists and differs: 覆盖 / 另存为新草稿 / 取消. */
  | { kind: 'conflict'; fileName: string; existing: Report; incoming: Report; diff: ReportChange[] }
  /** The file was edited outside the tool: 作为新草稿打开 / 取消. diff is against the stored draft of the
   *  same id when there is one (the hash cannot say what the content was). */
  | {
      kind: 'hash-mismatch';
      fileName: string;
      incoming: Report;
      existing: Report | null;
      diff: ReportChange[] | null;
      warnings: string[];
    };

export type ImportChoice = 'overwrite' | 'new' | 'cancel';

export type ImportResult =
  | {
      status: 'opened';
      /** added: a new draft; unchanged: same as stored, nothing written; overwritten; copied: new id. */
      mode: 'added' | 'unchanged' | 'overwritten' | 'copied';
      report: Report;
      message: string;
      warnings: string[];
      opened: OpenedDraft;
    }
  | { status: 'cancelled'; message: string }
  | { status: 'rejected'; kind: RejectionKind; message: string; details: string[] }
  | { status: 'failed'; message: string };

export interface ImportOptions {
  /** Id for a copy (另存为新草稿); injectable for tests. */
  newId?: () => string;
}

const UNTOUCHED = '浏览器中的草稿没有任何改动。';

export async function importDraftFile(
  file: { bytes: Uint8Array; name: string },
  store: DraftStore,
  decide: (question: ImportQuestion) => Promise<ImportChoice>,
  options: ImportOptions = {},
): Promise<ImportResult> {
  const opened = await openDraftFile(file.bytes, file.name);
  if (!opened.ok)
    return { status: 'rejected', kind: opened.kind, message: opened.message, details: opened.details };

  const name = shownFileName(file.name);
  const incoming = opened.report;
  const done = (mode: 'added' | 'unchanged' | 'overwritten' | 'copied', report: Report, message: string) =>
    ({ status: 'opened', mode, report, message, warnings: opened.warnings, opened }) as const;

  let existing: Report | null;
  try {
    existing = (await store.get(incoming.id)) ?? null;
  } catch {
    return { status: 'failed', message: `无法读取浏览器中的草稿，文件「${name}」未打开。${UNTOUCHED}` };
  }
  const unchanged = existing !== null && canonicalJson(existing) === canonicalJson(incoming);
  if (unchanged && existing) {
    return done('unchanged', existing, `文件「${name}」与浏览器中的草稿相同，已打开该草稿。`);
  }

  let choice: ImportChoice;
  if (opened.hashMismatch) {
    const diff = existing ? diffReports(existing, incoming) : null;
    const answer = await decide({
      kind: 'hash-mismatch',
      fileName: file.name,
      incoming,
      existing,
      diff,
      // The dialog says the hash part itself; the other warnings (encoding, old format) go along.
      warnings: opened.warnings.filter((w) => w !== hashWarning(opened.hashStatus)),
    });
    choice = answer === 'new' ? 'new' : 'cancel';
  } else if (existing) {
    choice = await decide({
      kind: 'conflict',
      fileName: file.name,
      existing,
      incoming,
      diff: diffReports(existing, incoming),
    });
  } else choice = 'overwrite'; // nothing to overwrite: a plain add

  if (choice === 'cancel') return { status: 'cancelled', message: `已取消打开「${name}」。${UNTOUCHED}` };

  const copy = choice === 'new';
  const report = copy ? { ...incoming, id: (options.newId ?? newReportId)() } : incoming;
  const revisionReason = copy
    ? `从文件「${name}」另存为新草稿`
    : existing
      ? `打开文件「${name}」覆盖前的版本`
      : `从文件「${name}」打开`;
  try {
    await store.put(report, { revisionReason });
  } catch {
    return { status: 'failed', message: `保存到浏览器失败，文件「${name}」未打开。${UNTOUCHED}` };
  }
  if (copy) return done('copied', report, `已将文件「${name}」作为新草稿打开。`);
  if (existing)
    return done('overwritten', report, `已用文件「${name}」覆盖草稿，原来的内容已保存为一个历史版本。`);
  return done('added', report, `已从文件「${name}」打开草稿。`);
}
