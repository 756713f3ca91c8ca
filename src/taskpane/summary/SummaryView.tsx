import {
  Button, Caption1, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle, Spinner, Text, Title3, makeStyles, tokens,
} from "@fluentui/react-components";
import * as React from "react";
import type { EscalationSummary } from "../../core/summaryTypes";
import { SummaryLayout, renderHtml, renderText } from "../../core/summaryRender";
import { trackerDuties } from "../../features/procurementDuties";
import { SummaryRunReport, runEscalationSummary } from "../../features/escalations";
import type { PaneData } from "../../features/paneData";
import { CALENDAR_EXPORT } from "../../features/paneRequests";
import { readTracker, savedMapping, summarise } from "../../features/trackerData";
import { AddToCalendar } from "../calendar/AddToCalendar";
import { OpenContractError, bodyIndexOfRow, useOpenContract } from "../contract/openContract";
import { ErrorBar } from "../ErrorBar";
import { formatDate, plural } from "../format";
import { usePane } from "../paneContext";
import { useSectionRequest } from "../sections";
import { useStatusLine } from "../tracker/useStatusLine";
import { copyHtml, copyText } from "./clipboard";
import { DecisionsDue } from "./DecisionsDue";
import { LevelLists } from "./LevelLists";
import { ProbablyClosed } from "./ProbablyClosed";
import { SummaryCounts } from "./SummaryCounts";
import { COPY_LAYOUT } from "./summaryLists";
import { UnratedContracts } from "./UnratedContracts";

const useStyles = makeStyles({
  page: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalL },
  head: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXS },
  muted: { color: tokens.colorNeutralForeground3 },
  heading: { margin: 0 },
  actions: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS, alignItems: "center" },
  status: { color: tokens.colorPaletteGreenForeground1, ":empty": { display: "none" } },
  block: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
});

type LoadState =
  | { status: "loading" }
  | { status: "no-tracker"; table: string }
  | { status: "ready"; summary: EscalationSummary; problems: number; pane: PaneData; copyLayout: SummaryLayout }
  | { status: "failed"; error: unknown };

type Busy = null | "text" | "html" | "sheet";

/** Reads the tracker and weighs it; no tracker yet is an answer, not a failure. */
async function loadSummary(port: ReturnType<typeof usePane>["workbook"]["port"], locale: string): Promise<LoadState> {
  const [{ table }, tables] = await Promise.all([savedMapping(port), port.tableNames()]);
  if (!tables.some((t) => t.name === table)) return { status: "no-tracker", table };
  const pane = await readTracker(port, { locale }, ["Changes"]);
  // The copies carry the Procurement Act duties as the sheet does.
  const copyLayout: SummaryLayout = { ...COPY_LAYOUT, duties: trackerDuties(pane.data, pane.tables, pane.contractsTable) };
  return { status: "ready", summary: summarise(pane.data), problems: pane.data.issues.length, pane, copyLayout };
}

/**
 * What the summary sheet holds, as a fingerprint: the as-of date and each escalated contract with
 * its level and RAG. "The sheet now holds 13 contracts" stays true while this is unchanged.
 */
function sheetKey(summary: EscalationSummary): string {
  return `${summary.asOf}|${summary.contracts.map((c) => `${c.row}:${c.id}:${c.level}:${c.rag ?? ""}`).join(",")}`;
}

/** "The sheet “Escalations 2026-11-30” now holds 13 contracts; 13 new entries in the Escalations log." */
function writtenText(written: SummaryRunReport, locale: string): string {
  return `The sheet “${written.sheet}” now holds ${plural(written.summary.contracts.length, "contract", locale)}${written.replaced ? " (today’s earlier summary replaced)" : ""}; ${
    written.logged.length > 0 ? `${plural(written.logged.length, "new entry", locale, "new entries")} in the Escalations log.` : "no new entry in the Escalations log."
  }`;
}

/**
 * The escalation summary as a briefing: what changed and what needs a decision first; every
 * contract read split into live, unrated, probably closed and closed; the live by RAG, the
 * escalated by level and the value at risk; each level's contracts (25, the rest on request); the
 * unrated, biggest by value; the probably closed, to confirm and mark closed. Copies as text or
 * HTML for an email (cut at 25 a level, pointing to the sheet), and the summary sheet written into
 * the workbook with every escalated contract.
 */
export function SummaryView({ active }: { active: boolean }): React.JSX.Element {
  const styles = useStyles();
  const { workbook, locale, navigate, revision, trackerChanged, host } = usePane();
  const [state, setState] = React.useState<LoadState>({ status: "loading" });
  const [busy, setBusy] = React.useState<Busy>(null);
  const [copyError, setCopyError] = React.useState<unknown>(null);
  const [writeError, setWriteError] = React.useState<unknown>(null);
  const loadedAt = React.useRef<number | null>(null);
  const live = React.useRef(true);
  React.useEffect(() => () => void (live.current = false), []);

  const load = React.useCallback(() => {
    loadedAt.current = revision;
    loadSummary(workbook.port, locale).then(
      (next) => live.current && setState(next),
      (error: unknown) => live.current && setState({ status: "failed", error }),
    );
  }, [workbook, revision, locale]);

  // Read when first shown, and again when another view changed the tracker.
  React.useEffect(() => {
    if (active && loadedAt.current !== revision) load();
  }, [active, revision, load]);

  const summary = state.status === "ready" ? state.summary : null;
  // The status lines say what was copied or written; each goes once the summary it describes has changed.
  const copyLayout = state.status === "ready" ? state.copyLayout : COPY_LAYOUT;
  const briefingText = React.useMemo(() => (summary ? renderText(summary, copyLayout) : null), [summary, copyLayout]);
  const copied = useStatusLine(briefingText);
  const written = useStatusLine(summary ? sheetKey(summary) : null);
  const { open: openContract, opening, openError } = useOpenContract(state.status === "ready" ? state.pane : null);
  const onOpen = React.useCallback(
    (row: number, id: string) => state.status === "ready" && openContract(bodyIndexOfRow(state.pane, row), id),
    [state, openContract],
  );
  useSectionRequest(summary !== null, ["summary-stale", "summary-unrated", "summary-decisions", CALENDAR_EXPORT.section]);

  const copy = async (format: "text" | "html"): Promise<void> => {
    if (!summary) return;
    setBusy(format);
    copied.clear();
    setCopyError(null);
    try {
      const text = briefingText ?? renderText(summary, copyLayout);
      const result = format === "text" ? await copyText(text) : await copyHtml(renderHtml(summary, copyLayout), text);
      if (!live.current) return;
      copied.say(
        format === "text"
          ? "Copied the summary as text."
          : result === "formatted"
            ? "Copied the summary as HTML: paste it into an email to keep the table."
            : "Copied the summary as plain text: this browser cannot copy formatted text.",
        text,
      );
    } catch (error) {
      if (live.current) setCopyError(error);
    } finally {
      if (live.current) setBusy(null);
    }
  };

  const writeSheet = async (): Promise<void> => {
    setBusy("sheet");
    written.clear();
    setWriteError(null);
    try {
      const report = await runEscalationSummary(workbook.port, { locale });
      if (!live.current) return;
      written.say(writtenText(report, locale), sheetKey(report.summary));
      trackerChanged();
    } catch (error) {
      if (live.current) setWriteError(error);
    } finally {
      if (live.current) setBusy(null);
    }
  };

  return (
    <section className={styles.page} aria-labelledby="summary-title" aria-busy={state.status === "loading"}>
      <div className={styles.head}>
        <Title3 as="h2" id="summary-title" className={styles.heading}>Escalation summary</Title3>
        {summary && (
          <Caption1 className={styles.muted}>
            {`As of ${formatDate(summary.asOf, locale)} · ${plural(summary.totalContracts, "contract", locale)} read`}
          </Caption1>
        )}
      </div>

      {state.status === "loading" && <Spinner size="small" label="Reading the tracker…" />}
      {state.status === "no-tracker" && (
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>No tracker yet</MessageBarTitle>
            The summary reads the {state.table} table, which set-up makes from your register. Set the tracker up first.
          </MessageBarBody>
          <MessageBarActions>
            <Button size="small" onClick={() => navigate("setup")}>Go to Set up</Button>
          </MessageBarActions>
        </MessageBar>
      )}
      {state.status === "failed" && (
        <ErrorBar title="Could not read the tracker" error={state.error} todo="Fix what the message says, then press Read again." retry={{ label: "Read again", onClick: load }} />
      )}

      {summary && (
        <>
          <div className={styles.block}>
            <div className={styles.actions}>
              <Button onClick={() => void copy("text")} disabled={busy !== null}>Copy as text</Button>
              <Button onClick={() => void copy("html")} disabled={busy !== null}>Copy as HTML</Button>
              <Button appearance="primary" onClick={() => void writeSheet()} disabled={busy !== null}>
                {busy === "sheet" ? "Writing…" : "Write summary sheet"}
              </Button>
              <Button appearance="subtle" onClick={load} disabled={busy !== null}>Read again</Button>
            </div>
            <Caption1 role="status" aria-live="polite" className={styles.status}>{copied.text}</Caption1>
            {copyError !== null && (
              <ErrorBar title="Could not copy" error={copyError} todo="Click in the pane and try again, or write the summary sheet and copy from it." />
            )}
            {writeError !== null && <ErrorBar title="Could not write the summary sheet" error={writeError} todo="Fix what the message says, then press Write summary sheet again." />}
            {written.text && (
              <MessageBar intent="success" layout="multiline">
                <MessageBarBody>
                  <MessageBarTitle>Summary sheet written</MessageBarTitle>
                  {written.text}
                </MessageBarBody>
              </MessageBar>
            )}
            <OpenContractError failed={openError} />
          </div>
          {state.status === "ready" && <AddToCalendar data={state.pane.data} hasKpisTable={state.pane.tables.has("KPIs")} locale={locale} platform={host.platform} />}

          <DecisionsDue summary={summary} locale={locale} onOpen={onOpen} opening={opening !== null} />
          <SummaryCounts summary={summary} problems={state.status === "ready" ? state.problems : 0} locale={locale} />

          <section className={styles.block} aria-labelledby="summary-contracts">
            <Text as="h3" id="summary-contracts" weight="semibold" size={400} className={styles.heading}>
              {summary.contracts.length === 0 ? "No contract needs escalating" : `${plural(summary.contracts.length, "contract needs", locale, "contracts need")} attention`}
            </Text>
            <LevelLists summary={summary} locale={locale} onOpen={onOpen} opening={opening !== null} />
          </section>

          <UnratedContracts summary={summary} locale={locale} onOpen={onOpen} opening={opening !== null} />
          <ProbablyClosed summary={summary} locale={locale} onWritten={trackerChanged} onOpen={onOpen} opening={opening !== null} />
        </>
      )}
    </section>
  );
}
