/**
 * 禁则 (Chinese line-breaking rules, GB/T 15834 and common typesetting practice): characters that may
 * not start a line (closing brackets and quotes, 点号, 省略号 and 破折号, units that follow a number) and
 * characters that may not end one (opening brackets and quotes, signs that precede a number).
 */

const NO_LINE_START = new Set(
  Array.from(
    '，。、；：？！）》」』】〕〗〙］｝〉’”…‥—–·・％‰℃°′″々〃～' +
      '\uFF0C\uFF0E\uFF1A\uFF1B\uFF01\uFF1F\uFF09\uFF3D\uFF5D' +
      ',.;:?!)]}>%',
  ),
);

const NO_LINE_END = new Set(Array.from('（《「『【〔〖〘［｛〈‘“￥＄([{<$¥#'));

const firstChar = (text: string) => String.fromCodePoint(text.codePointAt(0) ?? 0);
const lastChar = (text: string) => Array.from(text.slice(-2)).pop() ?? '';

export const mayNotStartLine = (text: string): boolean => text !== '' && NO_LINE_START.has(firstChar(text));
export const mayNotEndLine = (text: string): boolean => text !== '' && NO_LINE_END.has(lastChar(text));
