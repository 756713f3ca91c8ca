import {
  Button, Caption1, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle, MessageBar, MessageBarBody, Spinner, Text, makeStyles, tokens,
} from "@fluentui/react-components";
import * as React from "react";
import type { CellValue } from "../../workbook/port";
import type { ClosingPlan } from "../../features/markClosed";
import { ErrorBar } from "../ErrorBar";
import { formatCount, plural } from "../format";

const useStyles = makeStyles({
  content: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  intro: { margin: 0 },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  write: { overflowWrap: "anywhere" },
  cell: { fontFamily: tokens.fontFamilyMonospace, fontWeight: tokens.fontWeightSemibold },
  muted: { color: tokens.colorNeutralForeground3 },
});

const quoted = (value: CellValue): string => (value === null || String(value).trim() === "" ? "blank" : `“${String(value).trim()}”`);

/**
 * The confirmation before Mark as closed writes: the sheet, table and column, whether a Status
 * column is added first (and where), then each cell with what it holds now and what it will hold;
 * the contracts left alone, with why. Nothing is written until the user presses Write.
 */
export function ConfirmClosing({ plan, writing, error, locale, onConfirm, onCancel }: {
  plan: ClosingPlan | null;
  locale: string;
  writing: boolean;
  error: unknown;
  onConfirm: () => void;
  onCancel: () => void;
}): React.JSX.Element {
  const styles = useStyles();
  const n = plan?.writes.length ?? 0;
  const first = React.useRef<HTMLButtonElement>(null);
  // The cursor starts on the dialog's first button, placed there, as the card's forms place theirs:
  // the focus inside is what makes the dialog the page's active one for screen readers.
  React.useEffect(() => {
    if (plan === null) return;
    const frame = requestAnimationFrame(() => first.current?.focus());
    return () => cancelAnimationFrame(frame);
  }, [plan]);
  return (
    <Dialog open={plan !== null} onOpenChange={(_, d) => !d.open && !writing && onCancel()}>
      <DialogSurface aria-describedby="closing-where">
        {plan && (
          <DialogBody>
            <DialogTitle>{n === 1 ? `Mark ${plan.writes[0].id} as closed?` : `Mark ${formatCount(n, locale)} contracts as closed?`}</DialogTitle>
            <DialogContent className={styles.content}>
              {n === 0 ? (
                <p id="closing-where" className={styles.intro}>Nothing to write: none of these contracts can be marked closed now.</p>
              ) : (
                <p id="closing-where" className={styles.intro}>
                  {`This writes ${plural(n, "cell", locale)} in the ${plan.column} column (column ${plan.columnLetter}) of the ${plan.table} table, on the sheet “${plan.sheet}”${plan.writes.some((w) => quoted(w.before) !== "blank") ? ", keeping what a cell said after “was:”" : ""}:`}
                </p>
              )}
              {plan.addColumn && n > 0 && (
                <MessageBar intent="info" layout="multiline">
                  <MessageBarBody>
                    {`The ${plan.table} table has no Status column, so first a column “${plan.column}” is added at its right (column ${plan.columnLetter}${plan.addedAfter ? `, after “${plan.addedAfter}”` : ""}). No cell of yours changes.`}
                  </MessageBarBody>
                </MessageBar>
              )}
              {n > 0 && (
                <ul className={styles.list} aria-label="Cells to write">
                  {plan.writes.map((w) => (
                    <li key={w.row} className={styles.write}>
                      <span className={styles.cell}>{w.cell}</span>
                      {` · ${w.id}${w.title ? ` ${w.title}` : ""}: ${quoted(w.before)} → “${w.after}”`}
                    </li>
                  ))}
                </ul>
              )}
              {plan.skipped.length > 0 && (
                <>
                  <Text weight="semibold">{`Left alone (${formatCount(plan.skipped.length, locale)})`}</Text>
                  <ul className={styles.list} aria-label="Contracts left alone">
                    {plan.skipped.map((s) => (
                      <li key={`${s.id}:${s.reason}`} className={styles.write}>{s.reason}</li>
                    ))}
                  </ul>
                </>
              )}
              {n > 0 && <Caption1 className={styles.muted}>{`Nothing else in the workbook changes. ${n === 1 ? "The contract then counts" : "The contracts then count"} as closed: left out of the ratings and escalations.`}</Caption1>}
              {error !== null && <ErrorBar title="Nothing was marked closed" error={error} />}
            </DialogContent>
            <DialogActions>
              {n > 0 && (
                <Button ref={first} appearance="primary" onClick={onConfirm} disabledFocusable={writing} icon={writing ? <Spinner size="tiny" /> : undefined}>
                  {writing ? "Writing…" : n === 1 ? "Write 1 status" : `Write ${formatCount(n, locale)} statuses`}
                </Button>
              )}
              <Button ref={n > 0 ? undefined : first} onClick={onCancel} disabledFocusable={writing}>{n > 0 ? "Cancel" : "Close"}</Button>
            </DialogActions>
          </DialogBody>
        )}
      </DialogSurface>
    </Dialog>
  );
}
