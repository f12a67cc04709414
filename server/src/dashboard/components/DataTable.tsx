import type { ComponentChildren } from 'preact';

type Attributes = Record<string, string | number | boolean | undefined>;

export interface Column<R> {
  label: string;
  /** Right-aligned figures. */
  num?: boolean;
  /** The cell names the row (`<th scope="row">`). */
  rowHeader?: boolean;
  cell(row: R): ComponentChildren;
  /** Extra attributes of the cell (test hooks such as `data-column`). */
  attrs?: (row: R) => Attributes;
}

/**
 * A table whose every cell carries its column's name (`data-label`): on a phone the stylesheet
 * turns each row into a card of labelled lines instead of squeezing the columns.
 */
export function DataTable<R>(props: {
  columns: Column<R>[];
  rows: readonly R[];
  rowKey(row: R): string;
  rowAttrs?: (row: R) => Attributes;
}) {
  const { columns, rows, rowKey, rowAttrs } = props;
  return (
    <div class="table-wrap">
      <table class="stack">
        <thead>
          <tr>
            {columns.map((c) => (
              <th key={c.label} scope="col" class={c.num ? 'num' : undefined}>
                {c.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={rowKey(row)} {...(rowAttrs?.(row) ?? {})}>
              {columns.map((c) => {
                const cellProps = {
                  class: c.num ? 'num' : undefined,
                  'data-label': c.label,
                  ...(c.attrs?.(row) ?? {}),
                };
                return c.rowHeader ? (
                  <th key={c.label} scope="row" {...cellProps}>
                    {c.cell(row)}
                  </th>
                ) : (
                  <td key={c.label} {...cellProps}>
                    {c.cell(row)}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
