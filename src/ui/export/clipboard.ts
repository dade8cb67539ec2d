/**
 * Puts HTML on the clipboard with a plain-text twin, so it pastes into a CMS's rich-text editor with
 * its tables (text/html) and into anything else as text (text/plain).
 *
 * First the copy event (document.execCommand('copy')), which every Chromium since long before 86
 * carries out within the click and which sets exactly the given data; then the asynchronous Clipboard
 * API (ClipboardItem), where a browser refuses the first. Resolves false when neither is allowed.
 */
export async function copyHtml(html: string, text: string): Promise<boolean> {
  let copied = false;
  const onCopy = (event: ClipboardEvent) => {
    if (!event.clipboardData) return;
    event.clipboardData.setData('text/html', html);
    event.clipboardData.setData('text/plain', text);
    event.preventDefault();
    copied = true;
  };
  document.addEventListener('copy', onCopy);
  try {
    document.execCommand?.('copy');
  } catch {
    // Not allowed here: try the other way.
  } finally {
    document.removeEventListener('copy', onCopy);
  }
  if (copied) return true;
  if (typeof ClipboardItem === 'undefined' || !navigator.clipboard?.write) return false;
  try {
    await navigator.clipboard.write([
      new ClipboardItem({
        'text/html': new Blob([html], { type: 'text/html' }),
        'text/plain': new Blob([text], { type: 'text/plain' }),
      }),
    ]);
    return true;
  } catch {
    return false;
  }
}
