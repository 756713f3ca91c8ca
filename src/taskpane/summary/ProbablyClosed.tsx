import { Body1, Button, MessageBar, MessageBarBody, MessageBarTitle, Text, makeStyles, tokens } from "@fluentui/react-components";
import * as React from "react";
import type { EscalationSummary, ListedContract } from "../../core/summaryTypes";
import { staleText } from "../../core/summaryRender";
import { ClosingPlan, MarkClosedReport, markClosed, planClosing } from "../../features/markClosed";
import { ErrorBar } from "../ErrorBar";
import { formatCount, plural } from "../format";
import { usePane } from "../paneContext";
import { focusWhenDrawn } from "../sections";
import { useStatusLine } from "../tracker/useStatusLine";
import { ConfirmClosing } from "./ConfirmClosing";
import { ListedContracts } from "./ListedContracts";
import { ShowMore } from "./ShowMore";
import { OpenFromSummary, SHOWN_FIRST } from "./summaryLists";

const useStyles = makeStyles({
  block: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  heading: { margin: 0 },
  intro: { margin: 0, color: tokens.colorNeutralForeground2 },
  actions: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
});

/** What the user is doing with the section: choosing, reading what would be written, confirming, or writing. */
type Step = { kind: "idle" } | { kind: "planning"; key: string } | { kind: "confirming"; plan: ClosingPlan } | { kind: "writing"; plan: ClosingPlan };

function doneMessage(report: MarkClosedReport, locale: string): string {
  const one = report.written.length === 1;
  const who = one ? report.written[0] : plural(report.written.length, "contract", locale);
  const column = report.addedColumn ? `the new ${report.column} column` : `the ${report.column} column`;
  const counted =
    report.closedNow === report.written.length
      ? `${one ? "It now counts" : "They now count"} as closed.`
      : `${formatCount(report.closedNow, locale)} of them now count as closed: check the status of the others.`;
  return `${who} marked closed in ${column} of the ${report.table} table. ${counted}`;
}

/**
 * The contracts the summary calls probably closed (ended more than stale_after_days ago with no
 * closing status), longest ended first: 25, then the rest on request; each can be marked closed,
 * or all those listed at once, after a dialog that says exactly what will be written where.
 * `onWritten` is told once statuses are written, so the pane reads the tracker again.
 */
export function ProbablyClosed({ summary, locale, onWritten, onOpen, opening }: {
  summary: EscalationSummary;
  locale: string;
  onWritten: () => void;
  onOpen?: OpenFromSummary;
  opening?: boolean;
}): React.JSX.Element | null {
  const styles = useStyles();
  const { workbook } = usePane();
  const [all, setAll] = React.useState(false);
  const [step, setStep] = React.useState<Step>({ kind: "idle" });
  const [error, setError] = React.useState<unknown>(null);
  const [writeError, setWriteError] = React.useState<unknown>(null);
  // "N marked closed" holds through the read that shows them gone, and goes when the list changes again.
  const done = useStatusLine(summary.stale.map((c) => `${c.row}:${c.id}`).join(","));
  const live = React.useRef(true);
  React.useEffect(() => {
    live.current = true;
    return () => void (live.current = false);
  }, []);

  const list = summary.stale;
  if (list.length === 0 && !done.text && error === null) return null;
  const shown = all ? list : list.slice(0, SHOWN_FIRST);
  const busy = step.kind !== "idle";

  // Buttons stay focusable while busy (aria-disabled): disabling the focused one would drop the
  // focus to the page, and the dialog that opens next would lose where to return it.
  const plan = async (targets: readonly ListedContract[], key: string): Promise<void> => {
    if (step.kind !== "idle") return;
    setStep({ kind: "planning", key });
    setError(null);
    setWriteError(null);
    done.clear();
    try {
      const planned = await planClosing(workbook.port, targets.map((c) => ({ row: c.row, id: c.id })));
      if (live.current) setStep({ kind: "confirming", plan: planned });
    } catch (e) {
      if (!live.current) return;
      setError(e);
      setStep({ kind: "idle" });
    }
  };

  const confirm = async (): Promise<void> => {
    if (step.kind !== "confirming") return;
    const planned = step.plan;
    setStep({ kind: "writing", plan: planned });
    setWriteError(null);
    try {
      const report = await markClosed(workbook.port, planned);
      if (!live.current) return;
      setStep({ kind: "idle" });
      done.say(doneMessage(report, locale));
      onWritten();
      focusWhenDrawn("summary-stale");
    } catch (e) {
      if (!live.current) return;
      setWriteError(e);
      setStep({ kind: "confirming", plan: planned });
    }
  };

  const dialogPlan = step.kind === "confirming" || step.kind === "writing" ? step.plan : null;
  const planning = (key: string): boolean => step.kind === "planning" && step.key === key;
  return (
    <section className={styles.block} aria-labelledby="summary-stale">
      <Text as="h3" id="summary-stale" tabIndex={-1} weight="semibold" size={400} className={styles.heading}>{`Probably closed — confirm (${formatCount(list.length, locale)})`}</Text>
      {done.text && (
        <MessageBar intent="success" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>Marked closed</MessageBarTitle>
            {done.text}
          </MessageBarBody>
        </MessageBar>
      )}
      {error !== null && <ErrorBar title="Could not mark them closed" error={error} todo="Nothing was written. Fix what the message says, then try again." />}
      {list.length > 0 && (
        <>
          <Body1 as="p" className={styles.intro}>{staleText(summary)}</Body1>
          {shown.length > 1 && (
            <div className={styles.actions}>
              <Button appearance="primary" disabledFocusable={busy} onClick={() => void plan(shown, "all")}>
                {planning("all") ? "Reading…" : `Mark the ${formatCount(shown.length, locale)} listed as closed`}
              </Button>
            </div>
          )}
          <ListedContracts
            items={shown}
            label="Probably closed contracts, longest ended first"
            locale={locale}
            idPrefix="summary-stale-item"
            showStatus
            onOpen={onOpen}
            opening={opening}
            action={(c) => (
              <Button size="small" disabledFocusable={busy} onClick={() => void plan([c], `${c.row}`)} aria-label={`Mark ${c.id} as closed`}>
                {planning(`${c.row}`) ? "Reading…" : "Mark as closed"}
              </Button>
            )}
          />
          {!all && (
            <ShowMore
              hidden={list.length - shown.length}
              what="probably closed"
              locale={locale}
              onShow={() => {
                setAll(true);
                focusWhenDrawn(`summary-stale-item-${shown.length}`);
              }}
            />
          )}
        </>
      )}
      <ConfirmClosing
        plan={dialogPlan}
        writing={step.kind === "writing"}
        error={writeError}
        locale={locale}
        onConfirm={() => void confirm()}
        onCancel={() => {
          setStep({ kind: "idle" });
          setWriteError(null);
        }}
      />
    </section>
  );
}
