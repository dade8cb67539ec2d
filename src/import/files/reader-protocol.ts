/** Messages between the page and the file reader worker (reader-worker.ts). */
export interface ReaderRequest {
  id: number;
  kind: 'pdf' | 'docx';
  bytes: Uint8Array;
}

export type ReaderResponse =
  | { id: number; ok: true; html: string }
  | { id: number; ok: false; message: string };
