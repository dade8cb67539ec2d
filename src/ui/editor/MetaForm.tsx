import { memo } from 'preact/compat';
import { CONTACT_LABELS } from '../../files/labels.ts';
import type { Report } from '../../report/document.ts';
import type { FieldKey } from '../../report/rules.ts';
import { type FindingIndex, fieldDomId } from '../findings-index.ts';

export interface MetaFormProps {
  report: Report;
  index: FindingIndex;
  onAgency(agency: string): void;
  onYear(year: number | null): void;
  onPeriod(period: Report['period']): void;
  onContact(contact: Report['contact']): void;
}

const CONTACT_MODES: Record<keyof Report['contact'], 'text' | 'tel' | 'email'> = {
  address: 'text',
  postcode: 'text',
  phone: 'tel',
  email: 'email',
  website: 'text',
};
// The same labels as the file messages use, so 「联系电话」 reads the same everywhere.
const CONTACT_FIELDS = (Object.keys(CONTACT_MODES) as (keyof Report['contact'])[]).map((key) => ({
  key,
  label: CONTACT_LABELS[key],
  mode: CONTACT_MODES[key],
}));

function FieldMarks({ field, index }: { field: FieldKey; index: FindingIndex }) {
  const marks = index.fields.get(field);
  if (!marks) return null;
  return (
    <span
      id={`${fieldDomId(field)}-marks`}
      class={`inline-marks marks-${marks.severity === '错误' ? 'error' : 'hint'}`}
    >
      {marks.messages.join('；')}
    </span>
  );
}

/** 机关名称, 年度, 统计期限 and contact details: what the title and preamble are made of. */
function MetaFormView({ report, index, onAgency, onYear, onPeriod, onContact }: MetaFormProps) {
  const describedBy = (field: FieldKey) =>
    index.fields.has(field) ? `${fieldDomId(field)}-marks` : undefined;
  return (
    <fieldset class="meta">
      <legend>报告基本信息</legend>
      <div class="meta-row">
        <label for={fieldDomId('agency')}>机关名称</label>
        <input
          id={fieldDomId('agency')}
          value={report.agency}
          placeholder="例如：自治区科技厅"
          aria-invalid={index.fields.get('agency')?.severity === '错误' ? 'true' : undefined}
          aria-describedby={describedBy('agency')}
          onInput={(e) => onAgency((e.target as HTMLInputElement).value)}
        />
        <FieldMarks field="agency" index={index} />
      </div>
      <div class="meta-row">
        <label for={fieldDomId('year')}>报告年度</label>
        <input
          id={fieldDomId('year')}
          class="year"
          inputMode="numeric"
          value={report.year ?? ''}
          aria-describedby={describedBy('year')}
          onInput={(e) => {
            const text = (e.target as HTMLInputElement).value.trim();
            const year = /^\d{4}$/.test(text) ? Number(text) : null;
            if (year !== null || text === '') onYear(year);
          }}
        />
        <span>年</span>
        <FieldMarks field="year" index={index} />
      </div>
      <div class="meta-row">
        <label for={fieldDomId('period')}>统计期限</label>
        <input
          id={fieldDomId('period')}
          type="date"
          aria-label="统计期限起始日期"
          value={report.period.start}
          aria-describedby={describedBy('period')}
          onInput={(e) => onPeriod({ ...report.period, start: (e.target as HTMLInputElement).value })}
        />
        <span>至</span>
        <input
          type="date"
          aria-label="统计期限截止日期"
          value={report.period.end}
          onInput={(e) => onPeriod({ ...report.period, end: (e.target as HTMLInputElement).value })}
        />
        <FieldMarks field="period" index={index} />
      </div>
      <details class="contact">
        <summary>联系方式（写入前言）</summary>
        {CONTACT_FIELDS.map((f) => (
          <div class="meta-row" key={f.key}>
            <label for={`contact-${f.key}`}>{f.label}</label>
            <input
              id={`contact-${f.key}`}
              inputMode={f.mode}
              value={report.contact[f.key]}
              onInput={(e) => onContact({ ...report.contact, [f.key]: (e.target as HTMLInputElement).value })}
            />
          </div>
        ))}
      </details>
    </fieldset>
  );
}

const META_FIELDS = ['agency', 'year', 'period'] as const;

/** Re-renders only when the facts it shows or their marks change (callbacks always make the same edits). */
export const MetaForm = memo(
  MetaFormView,
  (a, b) =>
    a.report.agency === b.report.agency &&
    a.report.year === b.report.year &&
    a.report.period === b.report.period &&
    a.report.contact === b.report.contact &&
    META_FIELDS.every((f) => a.index.fields.get(f) === b.index.fields.get(f)),
);
