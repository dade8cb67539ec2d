import type { ComponentChildren } from 'preact';

/**
 * Where the official column headings may wrap: between their words, as the printed tables do
 * (「商业/企业」, never 「商业企/业」). A heading not listed wraps as the browser likes.
 */
const WORDS: Readonly<Record<string, readonly string[]>> = {
  申请人情况: ['申请人', '情况'],
  法人或其他组织: ['法人或', '其他', '组织'],
  商业企业: ['商业', '企业'],
  科研机构: ['科研', '机构'],
  社会公益组织: ['社会', '公益', '组织'],
  法律服务机构: ['法律', '服务', '机构'],
  行政复议: ['行政', '复议'],
  行政诉讼: ['行政', '诉讼'],
  结果维持: ['结果', '维持'],
  结果纠正: ['结果', '纠正'],
  其他结果: ['其他', '结果'],
  尚未审结: ['尚未', '审结'],
  未经复议直接起诉: ['未经', '复议', '直接', '起诉'],
  复议后起诉: ['复议后', '起诉'],
};

/** A column heading that wraps only between its words (keep-all, with <wbr> where it may break). */
export function headerText(text: string | undefined): ComponentChildren {
  const words = text ? WORDS[text] : undefined;
  if (!words) return text;
  return <span class="label-words">{words.map((w, i) => (i ? [<wbr key={i} />, w] : w))}</span>;
}
