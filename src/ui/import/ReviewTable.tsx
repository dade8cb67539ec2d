import type { CellId } from '../../report/cells.ts';
import type { Report } from '../../report/document.ts';
import { type LayoutCell, tableLayout } from '../../report/layout.ts';
import type { TableDef } from '../../report/template.ts';
import { type CellMark, reviewCellId, severityClass } from './review-marks.ts';

export interface ReviewTableProps {
  table: TableDef;
  report: Report;
  marks: ReadonlyMap<CellId, CellMark>;
}

function ValueCell({
  cell,
  report,
  marks,
}: {
  cell: LayoutCell;
  report: Report;
  marks: ReviewTableProps['marks'];
}) {
  const id = cell.cell!;
  const value = report.cells[id];
  const mark = marks.get(id);
  const note = report.notes[id];
  const shown = value === null || value === undefined ? '' : String(value);
  return (
    <td
      id={reviewCellId(id)}
      colSpan={cell.colSpan}
      class={`review-value ${mark ? severityClass(mark.severity) : ''}`}
      tabIndex={mark ? 0 : undefined}
      title={mark ? `${mark.severity}：${mark.messages.join('；')}` : undefined}
      aria-describedby={mark ? `${reviewCellId(id)}-why` : undefined}
    >
      {shown || <span class="review-empty">空</span>}
      {note ? <sup title={`注释：${note}`}>注</sup> : null}
      {mark ? (
        <span id={`${reviewCellId(id)}-why`} class="visually-hidden">
          {`${mark.severity}：${mark.messages.join('；')}`}
        </span>
      ) : null}
    </td>
  );
}

/** One official table, read-only, drawn from the template layout; cells the import doubts are marked. */
export function ReviewTable({ table, report, marks }: ReviewTableProps) {
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
                  <ValueCell key={cell.cell} cell={cell} report={report} marks={marks} />
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
