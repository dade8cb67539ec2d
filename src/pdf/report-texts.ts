/**
 * Every piece of free text a report prints, with the official label of where it is (机关名称, 前言,
 * the section headings, 「三（七）总计·自然人」的注释): what the glyph check walks through.
 */
import { cellDef } from '../report/cells.ts';
import type { Report } from '../report/document.ts';
import { SECTIONS } from '../report/template.ts';

export interface LabelledText {
  label: string;
  text: string;
}

export function reportTexts(report: Report): LabelledText[] {
  const texts: LabelledText[] = [
    { label: '机关名称', text: report.agency },
    { label: '前言', text: report.preamble },
  ];
  for (const section of SECTIONS) {
    if (section.kind === 'text') texts.push({ label: section.heading, text: report.sections[section.key] });
  }
  for (const [id, note] of Object.entries(report.notes)) {
    if (note) texts.push({ label: `${cellDef(id).label} 的注释`, text: note });
  }
  // 说明 of confirmed 提示 print on the 审签单.
  for (const c of report.confirmations) texts.push({ label: CONFIRMATION_LABEL, text: c.note });
  return texts;
}

const CONFIRMATION_LABEL = '已确认提示的说明';

/** The same report with each text replaced (same labels, same order as reportTexts). */
export function mapReportTexts(report: Report, replace: (text: string, label: string) => string): Report {
  const sections = { ...report.sections };
  for (const section of SECTIONS) {
    if (section.kind === 'text') sections[section.key] = replace(sections[section.key], section.heading);
  }
  const notes: Report['notes'] = {};
  for (const [id, note] of Object.entries(report.notes)) {
    notes[id as keyof Report['notes']] = note ? replace(note, `${cellDef(id).label} 的注释`) : note;
  }
  return {
    ...report,
    confirmations: report.confirmations.map((c) => ({ ...c, note: replace(c.note, CONFIRMATION_LABEL) })),
    agency: replace(report.agency, '机关名称'),
    preamble: replace(report.preamble, '前言'),
    sections,
    notes,
  };
}
