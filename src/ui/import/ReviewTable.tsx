import type { CellId } from '../../report/cells.ts';
import type { Report } from '../../report/document.ts';
import { type LayoutCell, tableLayout } from '../../report/layout.ts';
import type { TableDef } from '../../report/template.ts';
import { type CellMark, reviewCellId, severityClass } from './review-marks.ts';

export interface ReviewTableProps {
  table: TableDef;
  report: Report;
  marks: ReadonlyMap<CellId, CellMark>;
  /** Cells whose part of the source is not imported (listed under 未导入的内容). */
  notImported?: ReadonlySet<CellId>;
}

/** Said on a cell left empty because its part of the source is not imported. */
export const NOT_IMPORTED_CELL = '未导入：原文这一部分与2021年格式不同，见“未导入的内容”，请按2021年格式填写';

function ValueCell({
  cell,
  report,
  marks,
  notImported,
}: {
  cell: LayoutCell;
  report: Report;
  marks: ReviewTableProps['marks'];
  notImported: boolean;
}) {
  const id = cell.cell!;
  const value = report.cells[id];
  const mark = marks.get(id);
  const note = report.notes[id];
  const shown = value === null || value === undefined ? '' : String(value);
  const why = mark ? `${mark.severity}：${mark.messages.join('；')}` : notImported ? NOT_IMPORTED_CELL : null;
  const markClass = mark ? severityClass(mark.severity) : notImported ? 'mark-not-imported' : '';
  return (
    <td
      id={reviewCellId(id)}
      colSpan={cell.colSpan}
      class={`review-value ${markClass}`}
      tabIndex={mark ? 0 : undefined}
      title={why ?? undefined}
      aria-describedby={why ? `${reviewCellId(id)}-why` : undefined}
    >
      {shown || <span class="review-empty">空</span>}
      {note ? <sup title={`注释：${note}`}>注</sup> : null}
      {why ? (
        <span id={`${reviewCellId(id)}-why`} class="visually-hidden">
          {why}
        </span>
      ) : null}
    </td>
  );
}

/** One official table, read-only, drawn from the template layout; cells the import doubts are marked. */
export function ReviewTable({ table, report, marks, notImported }: ReviewTableProps) {
  const layout = tableLayout(table);
  return (
    <table class="review-table" aria-label={table.name}>
      <caption>
        {table.name}
        <span class="unit-note">{table.unitNote}</span>
      </caption>
      {layout.blocks.map((block, b) => (
        <tbody key={b}>
          {[...(block.title ? [block.title] : []), ...block.header, ...block.body].map((row, r) => (
            <tr key={r}>
              {row.cells.map((cell) =>
                cell.role === 'value' ? (
                  <ValueCell
                    key={cell.cell}
                    cell={cell}
                    report={report}
                    marks={marks}
                    notImported={notImported?.has(cell.cell!) ?? false}
                  />
                ) : (
                  <th
                    key={`${cell.col}-${cell.text}`}
                    colSpan={cell.colSpan}
                    rowSpan={cell.rowSpan}
                    scope={cell.role === 'rowHeader' ? 'row' : 'col'}
                  >
                    {cell.text}
                  </th>
                ),
              )}
            </tr>
          ))}
        </tbody>
      ))}
    </table>
  );
}
