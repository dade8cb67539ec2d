/**
 * pdf.js's packed CMaps for Chinese (GB) encodings, carried in the reader's own code so that a PDF
 * whose fonts use a standard Chinese encoding (not embedded, as older tools write them) still gives
 * its text; nothing is fetched. Adobe's CMaps, BSD licence (pdfjs-dist/cmaps/LICENSE).
 */
import adobeGb1Ucs2 from 'pdfjs-dist-legacy/cmaps/Adobe-GB1-UCS2.bcmap?inline';
import gbEucH from 'pdfjs-dist-legacy/cmaps/GB-EUC-H.bcmap?inline';
import gbH from 'pdfjs-dist-legacy/cmaps/GB-H.bcmap?inline';
import gbkEucH from 'pdfjs-dist-legacy/cmaps/GBK-EUC-H.bcmap?inline';
import gbk2kH from 'pdfjs-dist-legacy/cmaps/GBK2K-H.bcmap?inline';
import gbkpEucH from 'pdfjs-dist-legacy/cmaps/GBKp-EUC-H.bcmap?inline';
import gbpcEucH from 'pdfjs-dist-legacy/cmaps/GBpc-EUC-H.bcmap?inline';
import uniGbUcs2H from 'pdfjs-dist-legacy/cmaps/UniGB-UCS2-H.bcmap?inline';
import uniGbUtf16H from 'pdfjs-dist-legacy/cmaps/UniGB-UTF16-H.bcmap?inline';
import type { CMapSource } from '../pdf/pdf-extract.ts';

const DATA_URLS: Record<string, string> = {
  'Adobe-GB1-UCS2': adobeGb1Ucs2,
  'GB-EUC-H': gbEucH,
  'GB-H': gbH,
  'GBK2K-H': gbk2kH,
  'GBK-EUC-H': gbkEucH,
  'GBKp-EUC-H': gbkpEucH,
  'GBpc-EUC-H': gbpcEucH,
  'UniGB-UCS2-H': uniGbUcs2H,
  'UniGB-UTF16-H': uniGbUtf16H,
};

export const browserCMaps: CMapSource = (name) => {
  const url = DATA_URLS[name];
  if (!url) return null;
  const binary = atob(url.slice(url.indexOf(',') + 1));
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
};
