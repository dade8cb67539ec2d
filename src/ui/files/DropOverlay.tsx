/** Shown while a file is dragged over the window. */
export function DropOverlay({ visible }: { visible: boolean }) {
  if (!visible) return null;
  return (
    <div class="file-drop-overlay" aria-hidden="true">
      <p>松开鼠标，打开草稿文件（.nianbao.json）</p>
    </div>
  );
}
