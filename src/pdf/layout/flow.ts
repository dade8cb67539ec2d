/**
 * The running page: a y cursor down the text block, page breaks, and page numbering (report pages
 * are numbered from 1; the findings and approval pages carry no number).
 */
import type { DrawOp, PageKind, PageModel, PlacedTablePart } from './model.ts';
import { TEXT_BOTTOM, TEXT_TOP } from './page.ts';

const EPSILON = 0.01;

export class Flow {
  readonly pages: PageModel[] = [];
  y = TEXT_TOP;
  private nextNumber = 1;

  get page(): PageModel {
    const page = this.pages[this.pages.length - 1];
    if (!page) throw new Error('Flow: no page yet');
    return page;
  }

  newPage(kind: PageKind): void {
    const number = kind === 'report' ? this.nextNumber++ : null;
    this.pages.push({ kind, number, ops: [], tables: [] });
    this.y = TEXT_TOP;
  }

  get atTop(): boolean {
    return this.y <= TEXT_TOP + EPSILON;
  }

  get remaining(): number {
    return TEXT_BOTTOM - this.y;
  }

  fits(height: number): boolean {
    return this.y + height <= TEXT_BOTTOM + EPSILON;
  }

  /** Breaks the page unless `height` still fits (or the page is empty: nothing would fit better). */
  ensure(height: number): void {
    if (!this.fits(height) && !this.atTop) this.newPage(this.page.kind);
  }

  add(ops: readonly DrawOp[]): void {
    this.page.ops.push(...ops);
  }

  addTablePart(part: PlacedTablePart): void {
    this.page.tables.push(part);
  }
}
