import {
  Body1, Button, Caption1, MessageBar, MessageBarBody, MessageBarTitle, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text, makeStyles, tokens,
} from "@fluentui/react-components";
import * as React from "react";
import type { ProblemCode } from "../../core/normalise";
import { rowName } from "../../core/contractNames";
import type { SetUpReport } from "../../features/setUpTracker";
import { formatCount, plural } from "../format";

const SHOWN_PROBLEMS = 5;

/** The names the register's contracts got when keyed by row: `Row 5 to Row 30`, or one. */
function rowRange(report: SetUpReport): string {
  const first = report.firstRow;
  const last = first + report.rows - 1;
  return report.rows <= 1 ? rowName(first) : `${rowName(first)} to ${rowName(last)}`;
}

/** Problem codes in a contract manager's words. */
export const PROBLEM_NAMES: Record<ProblemCode, string> = {
  "missing-end-date": "No end date",
  "duplicate-id": "Duplicate ID",
  "placeholder-date": "Placeholder date",
  "likely-stand-in": "Likely stand-in date",
  "unparseable-date": "Not a date",
  "unparseable-money": "Not an amount",
  "end-before-start": "Ends before it starts",
  "unrecognised-tier": "Tier not recognised",
};

const useStyles = makeStyles({
  result: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  facts: { margin: 0, paddingLeft: tokens.spacingHorizontalL, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  table: { tableLayout: "auto" },
  rowCell: { width: "3.5em", whiteSpace: "nowrap" },
  problem: { display: "flex", flexDirection: "column", paddingTop: tokens.spacingVerticalXS, paddingBottom: tokens.spacingVerticalXS },
  detail: { color: tokens.colorNeutralForeground3, overflowWrap: "anywhere" },
  actions: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
  readAtSetUp: { margin: `${tokens.spacingVerticalXXS} 0`, paddingLeft: tokens.spacingHorizontalL },
});

/**
 * Which formulas the added columns are in; for Excel's own, which columns have rows holding the
 * values read at set-up (text those formulas cannot read), and how many rows each.
 */
function FormulasUsed({ report, locale }: { report: SetUpReport; locale: string }): React.JSX.Element {
  const styles = useStyles();
  if (report.formulas === "contract") {
    return <li><Body1>Written in CONTRACT functions: they need the add-in, and read dates and periods typed as text</Body1></li>;
  }
  return (
    <>
      <li><Body1>Written in Excel’s own formulas: the tracker works for everyone who opens the workbook, with or without the add-in</Body1></li>
      {report.readAtSetUp.length > 0 && (
        <li>
          <Body1>
            Excel’s own formulas cannot read dates typed as text, periods such as “3 months” or options such as “1+1”, so these rows hold the values read at set-up:
          </Body1>
          <ul className={styles.readAtSetUp} aria-label="Rows holding values read at set-up">
            {report.readAtSetUp.map((c) => (
              <li key={c.column}><Body1>{`${c.column}: ${plural(c.rows, "row", locale)}`}</Body1></li>
            ))}
          </ul>
          <Caption1>Such a row keeps that value when its cell changes: type dates as dates and notice periods in days, then copy the column’s formula into the row.</Caption1>
        </li>
      )}
    </>
  );
}

export interface SetUpResultProps {
  report: SetUpReport;
  locale: string;
  onSeeSummary: () => void;
  onAgain: () => void;
}

/** What set-up did: rows, computed columns, tables created, and the data-quality problems it found. */
export const SetUpResult = React.forwardRef<HTMLHeadingElement, SetUpResultProps>(function SetUpResult({ report, locale, onSeeSummary, onAgain }, headingRef) {
  const styles = useStyles();
  const problems = report.issues;
  return (
    <section className={styles.result} aria-labelledby="setup-result-title">
      <MessageBar intent="success" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>
            <span id="setup-result-title" ref={headingRef} tabIndex={-1} role="heading" aria-level={3}>
              {report.unchanged ? "Already set up" : "The tracker is set up"}
            </span>
          </MessageBarTitle>
          {report.unchanged
            ? `The ${report.table} table on the sheet "${report.sheet}" already had everything: nothing changed.`
            : `${plural(report.rows, "contract", locale)} on the sheet "${report.sheet}" are now the ${report.table} table. Nothing you typed was moved or changed.`}
        </MessageBarBody>
      </MessageBar>
      <ul className={styles.facts} aria-label="What set-up did">
        <li><Body1>{plural(report.rows, "contract row", locale)} in the {report.table} table</Body1></li>
        <li>
          <Body1>
            {report.addedColumns.length === 0 ? "No computed column added (they were already there)" : `${plural(report.addedColumns.length, "computed column", locale)} added: ${report.addedColumns.join(", ")}`}
          </Body1>
        </li>
        {report.addedColumns.length > 0 && <FormulasUsed report={report} locale={locale} />}
        {report.skippedColumns.length > 0 && (
          <li><Body1>{`Not added: ${report.skippedColumns.map((s) => `${s.header} (${s.reason})`).join("; ")}`}</Body1></li>
        )}
        {report.keyedByRow && (
          <li>
            <Body1>
              {`No Contract ID column, as you said: each contract is named by its sheet row (${rowRange(report)}) in the summary, the dashboard, the contract card and the Escalations log. Sorting or inserting rows changes those names.`}
            </Body1>
          </li>
        )}
        <li><Body1>{report.createdTables.length === 0 ? "No table created" : `Tables created: ${report.createdTables.join(", ")}`}</Body1></li>
        {report.notCreated.length > 0 && (
          <li><Body1>{`Not created: ${report.notCreated.map((t) => t.table).join(", ")}: ${report.notCreated[0].reason}. Add a Contract ID column and set up again to use them.`}</Body1></li>
        )}
        <li><Body1>{report.dateOrder === "mdy" ? "Dates such as 1/2/2026 read month first: 2 January" : "Dates such as 1/2/2026 read day first: 1 February"}</Body1></li>
        <li>
          <Body1>
            {problems.length === 0 ? "No data-quality problem found" : `${plural(problems.length, "data-quality problem", locale)} found${problems.length > SHOWN_PROBLEMS ? `; the first ${SHOWN_PROBLEMS} below` : " (below)"}`}
          </Body1>
        </li>
      </ul>
      {problems.length > 0 && (
        <Table size="small" className={styles.table} aria-label="Data-quality problems">
          <TableHeader>
            <TableRow>
              <TableHeaderCell className={styles.rowCell}>Row</TableHeaderCell>
              <TableHeaderCell>Column</TableHeaderCell>
              <TableHeaderCell>Problem</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {problems.slice(0, SHOWN_PROBLEMS).map((p) => (
              <TableRow key={`${p.row}:${p.field}:${p.problem}`}>
                <TableCell className={styles.rowCell}>{formatCount(p.row, locale)}</TableCell>
                <TableCell>{p.column}</TableCell>
                <TableCell>
                  <span className={styles.problem}>
                    <Text weight="semibold" size={200}>{PROBLEM_NAMES[p.problem] ?? p.problem}</Text>
                    <Caption1 className={styles.detail}>{p.message}</Caption1>
                  </span>
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      {problems.length > 0 && <Caption1>Fix these cells in the register; the tracker reads them again every time.</Caption1>}
      <div className={styles.actions}>
        <Button appearance="primary" onClick={onSeeSummary}>See the escalation summary</Button>
        <Button onClick={onAgain}>Look at the mapping again</Button>
      </div>
    </section>
  );
});
