/**
 * Loads the Word export worker on the first 导出Word: the docx library lives in the worker's own
 * chunk (`?worker&inline`: a blob: URL, which inherits the page's CSP), imported only then.
 * The single HTML file uses create-docx-worker.single.ts instead (see vite.singlefile.config.ts).
 */
export const loadDocxWorker = (): Promise<() => Worker> =>
  import('../../export/docx/docx-worker.ts?worker&inline').then(
    ({ default: DocxWorker }) =>
      () =>
        new DocxWorker(),
  );
