/** The sample report (广西科技厅 2021) and its draft file, for tests. */
import example from '../../examples/gx-kjt-2021.json';
import { type SerializedDraft, serializeDraft } from '../../src/files/serialize.ts';
import { type Report, reportSchema } from '../../src/report/document.ts';

export const sampleReport = (): Report => reportSchema().parse(example);

export const FIXED_NOW = new Date('2022-01-15T08:30:00.000Z');

export function sampleDraft(report = sampleReport()): Promise<SerializedDraft> {
  return serializeDraft(report, { now: FIXED_NOW, appVersion: '0.1.0' });
}
