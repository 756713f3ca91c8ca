// The preview's view of its workbook: the active sheet as Excel would draw it, read-only.
//
// Built on Fluent UI v9's Table with its grid arrow-key navigation (the pieces Fluent's own DataGrid
// is made of), not on a separate grid library: it is already in the page, so the grid's chunk holds
// only this view, and the sample's largest sheet (31 rows × 28 columns, about 900 cells) renders in
// a few milliseconds without virtualisation. A workbook of thousands of rows never reaches the
// preview: it holds the built-in sample only.
import {
  Caption1, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text, Toolbar, ToolbarRadioButton, ToolbarRadioGroup,
  makeStyles, mergeClasses, tokens, useArrowNavigationGroup,
} from "@fluentui/react-components";
import * as React from "react";
import { columnLetters } from "../../core/cellRefs";
import type { MemoryWorkbook } from "../../workbook/memoryWorkbook";
import { GridCell, GridRow, sheetGrid } from "./sheetGrid";

const useStyles = makeStyles({
  shell: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, height: "100%", boxSizing: "border-box", padding: tokens.spacingHorizontalM, backgroundColor: tokens.colorNeutralBackground2, color: tokens.colorNeutralForeground1 },
  heading: { margin: 0 },
  // Sheet tabs wrap onto more lines in a narrow window rather than widen the page.
  sheets: { flexWrap: "wrap", padding: 0, minWidth: 0 },
  sheetGroup: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalXXS, minWidth: 0 },
  sheetTab: { whiteSpace: "nowrap", minWidth: "auto" },
  formulaBar: { display: "flex", gap: tokens.spacingHorizontalS, alignItems: "baseline", minHeight: "1.5em", fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase200, overflow: "hidden", whiteSpace: "nowrap", textOverflow: "ellipsis" },
  address: { minWidth: "4em", fontWeight: tokens.fontWeightSemibold },
  scroller: { position: "relative", flex: "1 1 auto", minHeight: "240px", overflow: "auto", border: `1px solid ${tokens.colorNeutralStroke1}`, backgroundColor: tokens.colorNeutralBackground1 },
  table: { tableLayout: "auto", width: "max-content", borderCollapse: "separate", borderSpacing: 0 },
  cell: {
    maxWidth: "16em", overflow: "hidden", whiteSpace: "nowrap", textOverflow: "ellipsis", padding: "1px 6px", height: "22px",
    fontSize: tokens.fontSizeBase200, borderRight: `1px solid ${tokens.colorNeutralStroke2}`, borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
    ":focus-visible": { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: "-2px" },
  },
  numeric: { textAlign: "right" },
  spills: { overflow: "visible", textOverflow: "clip" },
  tableHeader: { backgroundColor: tokens.colorBrandBackground, color: tokens.colorNeutralForegroundOnBrand, fontWeight: tokens.fontWeightSemibold },
  band: { backgroundColor: tokens.colorBrandBackground2 },
  selectedRow: { boxShadow: `inset 0 2px 0 ${tokens.colorBrandStroke1}, inset 0 -2px 0 ${tokens.colorBrandStroke1}` },
  selectedCell: { outline: `2px solid ${tokens.colorBrandStroke1}`, outlineOffset: "-2px" },
  // Column letters and row numbers stay in view as the sheet scrolls, as Excel's headings do.
  columnHeading: { position: "sticky", top: 0, zIndex: 1, textAlign: "center", fontWeight: tokens.fontWeightRegular, backgroundColor: tokens.colorNeutralBackground3, color: tokens.colorNeutralForeground2 },
  rowHeading: { position: "sticky", left: 0, zIndex: 1, minWidth: "2.5em", textAlign: "right", backgroundColor: tokens.colorNeutralBackground3, color: tokens.colorNeutralForeground2 },
  corner: { left: 0, zIndex: 2 },
  selectedHeading: { backgroundColor: tokens.colorBrandBackground2Pressed, color: tokens.colorNeutralForeground1, fontWeight: tokens.fontWeightSemibold },
  empty: { padding: tokens.spacingVerticalM },
});

/** What a cell's tooltip says: its text in full and, for a formula, the formula. */
function cellTitle(cell: GridCell): string | undefined {
  if (cell.formula) return cell.text ? `${cell.text}\n${cell.formula}` : cell.formula;
  return cell.text.length > 20 ? cell.text : undefined;
}

/**
 * Keeps the selected cell in view inside the grid's own scroll box, clear of the sticky column
 * letters and row numbers, never scrolling the page (the pane may be above it).
 */
function scrollCellIntoView(scroller: HTMLElement, row: number, column: number): void {
  const line = scroller.querySelector<HTMLElement>(`tr[data-row="${row}"]`);
  const cell = line?.children[column + 1];
  if (!line || !(cell instanceof HTMLElement)) return;
  const box = scroller.getBoundingClientRect();
  const rect = cell.getBoundingClientRect();
  const headHeight = scroller.querySelector<HTMLElement>("thead")?.offsetHeight ?? 0;
  const numbersWidth = line.firstElementChild instanceof HTMLElement ? line.firstElementChild.offsetWidth : 0;
  const top = rect.top - box.top + scroller.scrollTop - headHeight;
  const bottom = rect.bottom - box.top + scroller.scrollTop;
  if (top < scroller.scrollTop) scroller.scrollTop = top;
  else if (bottom > scroller.scrollTop + scroller.clientHeight) scroller.scrollTop = bottom - scroller.clientHeight;
  const left = rect.left - box.left + scroller.scrollLeft - numbersWidth;
  const right = rect.right - box.left + scroller.scrollLeft;
  if (left < scroller.scrollLeft) scroller.scrollLeft = left;
  else if (right > scroller.scrollLeft + scroller.clientWidth) scroller.scrollLeft = Math.min(left, right - scroller.clientWidth);
}

/**
 * The workbook held in the page, drawn as Excel draws it: sheet tabs, the active sheet's cells with
 * their number formats, table styles and RAG fills, the selection. Selecting a cell (click, or arrow
 * keys) moves the workbook's selection, so the pane hears it as it hears Excel's.
 */
export function WorkbookGrid({ book }: { book: MemoryWorkbook }): React.JSX.Element {
  const styles = useStyles();
  const [version, setVersion] = React.useState(0);
  React.useEffect(() => book.onWorkbookChanged(() => setVersion((v) => v + 1)), [book]);
  const sheets = [...book.sheets.keys()];
  const active = book.active !== null && book.sheets.has(book.active) ? book.active : (sheets[0] ?? null);
  // `version` stands for the book's cells, which change in place.
  const grid = React.useMemo(() => (active === null ? null : sheetGrid(book, active)), [book, active, version]);
  const navigation = useArrowNavigationGroup({ axis: "grid", memorizeCurrent: true });
  const scroller = React.useRef<HTMLDivElement>(null);
  const selectedRow = grid?.selected?.row ?? null;
  const selectedColumn = grid?.selected?.column ?? null;

  React.useEffect(() => {
    if (scroller.current && selectedRow !== null && selectedColumn !== null) scrollCellIntoView(scroller.current, selectedRow, selectedColumn);
  }, [selectedRow, selectedColumn, active, version]);

  const select = (row: number, column: number, columnCount = 1): void => {
    if (active === null) return;
    const now = book.selection;
    if (now && now.sheet === active && now.row === row && now.column === column && now.columnCount === columnCount) return;
    book.select(active, row, column, 1, columnCount);
  };

  const selected = grid?.selected ?? null;
  const selectedCell = selected && grid ? grid.rows.find((r) => r.row === selected.row)?.cells[selected.column] : undefined;
  const cellClass = (cell: GridCell, line: GridRow, c: number): string =>
    mergeClasses(
      styles.cell,
      cell.numeric && styles.numeric,
      cell.spills && styles.spills,
      cell.style === "header" && styles.tableHeader,
      cell.style === "band" && styles.band,
      selected?.row === line.row && styles.selectedRow,
      selected?.row === line.row && selected.column === c && styles.selectedCell,
    );

  return (
    <section className={styles.shell} aria-labelledby="workbook-grid-heading">
      <Text as="h2" id="workbook-grid-heading" weight="semibold" size={400} className={styles.heading}>Sample workbook</Text>
      <Caption1>What Excel would show of the workbook the pane works on. Select a row of Contracts to open its card on the Contract tab.</Caption1>
      <Toolbar aria-label="Sheets" size="small" className={styles.sheets} checkedValues={{ sheet: active === null ? [] : [active] }} onCheckedValueChange={(_e, data) => data.checkedItems[0] && book.activate(data.checkedItems[0])}>
        <ToolbarRadioGroup className={styles.sheetGroup}>
          {sheets.map((s) => (
            <ToolbarRadioButton key={s} name="sheet" value={s} appearance="subtle" className={styles.sheetTab}>{s}</ToolbarRadioButton>
          ))}
        </ToolbarRadioGroup>
      </Toolbar>
      <div className={styles.formulaBar} aria-label="Selected cell" role="group">
        <span className={styles.address}>{selected ? `${columnLetters(selected.column)}${selected.row + 1}` : ""}</span>
        <span>{selectedCell ? (selectedCell.formula ?? selectedCell.text) : ""}</span>
      </div>
      {grid === null || grid.rows.length === 0 ? (
        <Caption1 className={styles.empty}>This sheet is empty.</Caption1>
      ) : (
        <div className={styles.scroller} ref={scroller}>
          <Table role="grid" aria-label={`Sheet ${grid.sheet}`} aria-rowcount={grid.rows.length + 1} size="extra-small" className={styles.table} {...navigation}>
            <TableHeader>
              <TableRow>
                <TableHeaderCell className={mergeClasses(styles.cell, styles.columnHeading, styles.corner)} aria-label="Row">{""}</TableHeaderCell>
                {grid.columns.map((letter, c) => (
                  <TableHeaderCell key={letter} className={mergeClasses(styles.cell, styles.columnHeading, selected?.column === c && styles.selectedHeading)}>{letter}</TableHeaderCell>
                ))}
              </TableRow>
            </TableHeader>
            <TableBody>
              {grid.rows.map((line) => (
                <TableRow key={line.row} data-row={line.row} aria-selected={selected?.row === line.row} aria-rowindex={line.row + 2}>
                  <TableCell role="rowheader" tabIndex={0} className={mergeClasses(styles.cell, styles.rowHeading, selected?.row === line.row && styles.selectedHeading)} onFocus={() => select(line.row, 0, grid.columns.length)}>
                    {line.row + 1}
                  </TableCell>
                  {line.cells.map((cell, c) => (
                    <TableCell
                      key={c}
                      role="gridcell"
                      tabIndex={0}
                      title={cellTitle(cell)}
                      className={cellClass(cell, line, c)}
                      style={cell.rag ? { backgroundColor: cell.rag.fill, color: cell.rag.font } : undefined}
                      onFocus={() => select(line.row, c)}
                    >
                      {cell.text}
                    </TableCell>
                  ))}
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      )}
    </section>
  );
}
