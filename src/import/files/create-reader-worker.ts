/**
 * Starts the file reader worker (reader-worker.ts) from its own chunk, imported on the first .pdf
 * or .docx a clerk opens. Like the PDF exporter it runs from a blob: URL (`?worker&inline`) and
 * inherits the page's CSP. The single HTML file uses create-reader-worker.single.ts instead.
 */
export async function createReaderWorker(): Promise<Worker> {
  const { default: ReaderWorker } = await import('./reader-worker.ts?worker&inline');
  return new ReaderWorker();
}
