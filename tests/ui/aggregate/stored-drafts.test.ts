import { describe, expect, it } from 'vitest';
import { blankReport } from '../../../src/report/document.ts';
import { MemoryDraftRepository } from '../../../src/storage/memory-repository.ts';
import { listStoredDrafts } from '../../../src/ui/aggregate/stored-drafts.ts';

describe('listStoredDrafts', () => {
  it('gives every draft outside the 回收站 with its name and report', async () => {
    let now = 1;
    const repository = new MemoryDraftRepository(() => now++);
    const a = await repository.create({ ...blankReport({ id: 'a', year: 2021 }), agency: '甲局' });
    const b = await repository.create({ ...blankReport({ id: 'b', year: 2021 }), agency: '乙局' });
    const c = await repository.create(blankReport({ id: 'c', year: 2021 }));
    await repository.trash(c.summary.id);
    const drafts = await listStoredDrafts(repository);
    expect(drafts.map((d) => [d.id, d.name, d.report.agency])).toEqual([
      [b.summary.id, b.summary.name, '乙局'],
      [a.summary.id, a.summary.name, '甲局'],
    ]);
  });
});
