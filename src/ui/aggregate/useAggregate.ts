/**
 * The 汇总 screen's state: the units added so far (files and stored drafts), the clerk's include and
 * exclude choices over the default selection (src/aggregate/selection.ts), and what follows from them.
 */
import { useMemo, useRef, useState } from 'preact/hooks';
import { type DuplicateGroup, duplicateIndex } from '../../aggregate/duplicates.ts';
import { withoutFilePrefix } from '../../aggregate/open-file.ts';
import { defaultSelection, includedKeys, readyUnits, yearSummary } from '../../aggregate/selection.ts';
import {
  failedUnit,
  loadUnits,
  type ReadyUnit,
  type StoredDraft,
  type Unit,
  type UnitFile,
  unitsFromStore,
} from '../../aggregate/units.ts';
import { checkFileSize } from '../../files/open.ts';

/** A folder holds other files too; only these are read from it. */
const isReportFileName = (name: string) => /\.json$/i.test(name);

/** The name a clerk recognises: the path inside the chosen folder, else the file name. */
const shownName = (file: File) => file.webkitRelativePath || file.name;

export interface AggregateState {
  units: readonly Unit[];
  ready: readonly ReadyUnit[];
  failed: readonly Extract<Unit, { ok: false }>[];
  included: ReadonlySet<string>;
  /** Unit key → its duplicate group. */
  duplicateOf: ReadonlyMap<string, DuplicateGroup>;
  /** Key of a unit left out by default as a duplicate → the key of the one kept. */
  supersededBy: ReadonlyMap<string, string>;
  years: ReturnType<typeof yearSummary>;
  /** 「正在读取 12 个文件…」 while reading, then what was added. */
  status: string;
  busy: boolean;
  addFiles(files: readonly File[]): Promise<void>;
  addStored(drafts: readonly StoredDraft[]): void;
  setIncluded(key: string, included: boolean): void;
  includeAll(): void;
  excludeWithErrors(): void;
  clear(): void;
}

async function readFile(file: File, key: string): Promise<UnitFile | Unit> {
  const name = shownName(file);
  const tooLarge = checkFileSize(file.size, name);
  if (tooLarge) return failedUnit({ key, origin: 'file', name }, withoutFilePrefix(tooLarge.message, name));
  try {
    return { name, bytes: new Uint8Array(await file.arrayBuffer()) };
  } catch {
    return failedUnit(
      { key, origin: 'file', name },
      '浏览器无法读取这个文件（可能已被移动或删除），请重新选择。',
    );
  }
}

export function useAggregate(): AggregateState {
  const [units, setUnits] = useState<readonly Unit[]>([]);
  const [choices, setChoices] = useState<ReadonlyMap<string, boolean>>(new Map());
  const [status, setStatus] = useState('');
  const [busy, setBusy] = useState(false);
  const batch = useRef(0);

  const derived = useMemo(() => {
    const ready = readyUnits(units);
    const { duplicates, supersededBy } = defaultSelection(units);
    const included = includedKeys(units, choices);
    return {
      ready,
      failed: units.filter((u): u is Extract<Unit, { ok: false }> => !u.ok),
      included,
      duplicateOf: duplicateIndex(duplicates),
      supersededBy,
      years: yearSummary(ready.filter((u) => included.has(u.key)).map((u) => u.report)),
    };
  }, [units, choices]);

  const addFiles = async (picked: readonly File[]) => {
    const fromFolder = picked.some((f) => f.webkitRelativePath);
    const files = fromFolder ? picked.filter((f) => isReportFileName(f.name)) : [...picked];
    const skipped = picked.length - files.length;
    const skippedText = skipped ? `文件夹中另有 ${skipped} 个不是 .json 的文件，已略过。` : '';
    if (files.length === 0) {
      setStatus(`没有找到年报文件（.json）。${skippedText}`);
      return;
    }
    const prefix = `file:${++batch.current}:`;
    setBusy(true);
    setStatus(`正在读取 ${files.length} 个文件…`);
    const read = await Promise.all(files.map((f, i) => readFile(f, `${prefix}${i}`)));
    const toOpen = read.flatMap((r, i) => ('bytes' in r ? [{ file: r, key: `${prefix}${i}` }] : []));
    const opened = await loadUnits(
      toOpen.map((t) => t.file),
      (_, i) => toOpen[i]!.key,
    );
    const byKey = new Map(opened.map((u) => [u.key, u]));
    const added = read.map((r, i) => ('bytes' in r ? byKey.get(`${prefix}${i}`)! : r));
    const failures = added.filter((u) => !u.ok).length;
    setUnits((before) => [...before, ...added]);
    setBusy(false);
    setStatus(
      `已读取 ${added.length - failures} 个文件${failures ? `，${failures} 个无法读取（见下方列表）` : ''}。${skippedText}`,
    );
  };

  const addStored = (drafts: readonly StoredDraft[]) => {
    const known = new Set(units.map((u) => u.key));
    const fresh = unitsFromStore(drafts).filter((u) => !known.has(u.key));
    setUnits((before) => [...before, ...fresh]);
    setStatus(`已添加浏览器中的草稿 ${fresh.length} 份。`);
  };

  const choose = (update: (next: Map<string, boolean>) => void) =>
    setChoices((before) => {
      const next = new Map(before);
      update(next);
      return next;
    });

  return {
    units,
    ...derived,
    status,
    busy,
    addFiles,
    addStored,
    setIncluded: (key, included) =>
      choose((next) => {
        next.set(key, included);
      }),
    includeAll: () =>
      choose((next) => {
        for (const u of derived.ready) next.set(u.key, true);
      }),
    excludeWithErrors: () =>
      choose((next) => {
        for (const u of derived.ready) if (u.errors > 0) next.set(u.key, false);
      }),
    clear: () => {
      setUnits([]);
      setChoices(new Map());
      setStatus('已清空列表。');
    },
  };
}
