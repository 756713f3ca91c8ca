import {
  Body1, Button, Caption1, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle, Spinner, Text, Title3, makeStyles, mergeClasses, tokens,
} from "@fluentui/react-components";
import * as React from "react";
import type { EscalationSummary } from "../../core/escalationSummary";
import { renderHtml, renderText, valueAtRiskText } from "../../core/summaryRender";
import { SummaryRunReport, runEscalationSummary } from "../../features/escalations";
import { readTracker, savedMapping, summarise } from "../../features/trackerData";
import { ErrorBar } from "../ErrorBar";
import { formatCount, formatDate, plural } from "../format";
import { usePane } from "../paneContext";
import { copyHtml, copyText } from "./clipboard";
import { CARDS_SHOWN, RankedContracts } from "./RankedContracts";

const useStyles = makeStyles({
  page: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalL },
  head: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXS },
  muted: { color: tokens.colorNeutralForeground3 },
  heading: { margin: 0 },
  actions: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS, alignItems: "center" },
  status: { color: tokens.colorPaletteGreenForeground1, ":empty": { display: "none" } },
  block: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  tiles: { display: "grid", gridTemplateColumns: "repeat(4, minmax(0, 1fr))", gap: tokens.spacingHorizontalS, margin: 0 },
  tile: {
    display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXS, padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalS}`,
    borderRadius: tokens.borderRadiusMedium, backgroundColor: tokens.colorNeutralBackground2, borderTop: `4px solid ${tokens.colorNeutralStroke1}`,
  },
  red: { borderTopColor: tokens.colorPaletteRedBorder2 },
  amber: { borderTopColor: tokens.colorPaletteMarigoldBorder2 },
  green: { borderTopColor: tokens.colorPaletteGreenBorder2 },
  term: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2 },
  figure: { margin: 0, fontSize: tokens.fontSizeBase500, lineHeight: tokens.lineHeightBase500, fontWeight: tokens.fontWeightSemibold },
  levels: { margin: 0, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  level: { display: "flex", justifyContent: "space-between", alignItems: "baseline", gap: tokens.spacingHorizontalM },
  levelName: { color: tokens.colorNeutralForeground2 },
  levelCount: { margin: 0, fontWeight: tokens.fontWeightSemibold, fontVariantNumeric: "tabular-nums" },
  risk: {
    display: "flex", justifyContent: "space-between", alignItems: "baseline", gap: tokens.spacingHorizontalM, padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    borderRadius: tokens.borderRadiusMedium, backgroundColor: tokens.colorNeutralBackground2,
  },
});

type LoadState =
  | { status: "loading" }
  | { status: "no-tracker"; table: string }
  | { status: "ready"; summary: EscalationSummary; problems: number }
  | { status: "failed"; error: unknown };

type Busy = null | "text" | "html" | "sheet";

/** Reads the tracker and weighs it; no tracker yet is an answer, not a failure. */
async function loadSummary(port: ReturnType<typeof usePane>["workbook"]["port"]): Promise<LoadState> {
  const [{ table }, tables] = await Promise.all([savedMapping(port), port.tableNames()]);
  if (!tables.some((t) => t.name === table)) return { status: "no-tracker", table };
  const { data } = await readTracker(port);
  return { status: "ready", summary: summarise(data), problems: data.issues.length };
}

/**
 * The escalation summary: counts by RAG and level, value at risk, the ranked contracts, copies as
 * text or HTML for an email, and the summary sheet written into the workbook.
 */
export function SummaryView({ active }: { active: boolean }): React.JSX.Element {
  const styles = useStyles();
  const { workbook, locale, navigate, revision, trackerChanged } = usePane();
  const [state, setState] = React.useState<LoadState>({ status: "loading" });
  const [busy, setBusy] = React.useState<Busy>(null);
  const [copied, setCopied] = React.useState("");
  const [copyError, setCopyError] = React.useState<unknown>(null);
  const [written, setWritten] = React.useState<SummaryRunReport | null>(null);
  const [writeError, setWriteError] = React.useState<unknown>(null);
  const loadedAt = React.useRef<number | null>(null);
  const live = React.useRef(true);
  React.useEffect(() => () => void (live.current = false), []);

  const load = React.useCallback(() => {
    loadedAt.current = revision;
    loadSummary(workbook.port).then(
      (next) => live.current && setState(next),
      (error: unknown) => live.current && setState({ status: "failed", error }),
    );
  }, [workbook, revision]);

  // Read when first shown, and again when another view changed the tracker.
  React.useEffect(() => {
    if (active && loadedAt.current !== revision) load();
  }, [active, revision, load]);

  const summary = state.status === "ready" ? state.summary : null;

  const copy = async (format: "text" | "html"): Promise<void> => {
    if (!summary) return;
    setBusy(format);
    setCopied("");
    setCopyError(null);
    try {
      const text = renderText(summary);
      const result = format === "text" ? await copyText(text) : await copyHtml(renderHtml(summary), text);
      if (!live.current) return;
      setCopied(
        format === "text"
          ? "Copied the summary as text."
          : result === "formatted"
            ? "Copied the summary as HTML: paste it into an email to keep the table."
            : "Copied the summary as plain text: this browser cannot copy formatted text.",
      );
    } catch (error) {
      if (live.current) setCopyError(error);
    } finally {
      if (live.current) setBusy(null);
    }
  };

  const writeSheet = async (): Promise<void> => {
    setBusy("sheet");
    setWritten(null);
    setWriteError(null);
    try {
      const report = await runEscalationSummary(workbook.port);
      if (!live.current) return;
      setWritten(report);
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
            {`As of ${formatDate(summary.asOf, locale, "long")} · ${plural(summary.totalContracts - summary.closedContracts, "live contract", locale)}`}
            {summary.closedContracts > 0 ? `; ${plural(summary.closedContracts, "closed contract", locale)} left out` : ""}
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
            <Caption1 role="status" aria-live="polite" className={styles.status}>{copied}</Caption1>
            {copyError !== null && (
              <ErrorBar title="Could not copy" error={copyError} todo="Click in the pane and try again, or write the summary sheet and copy from it." />
            )}
            {writeError !== null && <ErrorBar title="Could not write the summary sheet" error={writeError} todo="Fix what the message says, then press Write summary sheet again." />}
            {written && (
              <MessageBar intent="success" layout="multiline">
                <MessageBarBody>
                  <MessageBarTitle>Summary sheet written</MessageBarTitle>
                  {`The sheet “${written.sheet}” now holds ${plural(written.summary.contracts.length, "contract", locale)}${written.replaced ? " (today’s earlier summary replaced)" : ""}; `}
                  {written.logged.length > 0 ? `${plural(written.logged.length, "new entry", locale, "new entries")} in the Escalations log.` : "no new entry in the Escalations log."}
                </MessageBarBody>
              </MessageBar>
            )}
          </div>

          <section className={styles.block} aria-labelledby="summary-rag">
            <Text as="h3" id="summary-rag" weight="semibold" size={400} className={styles.heading}>Live contracts by RAG</Text>
            <dl className={styles.tiles}>
              {([
                ["Red", summary.counts.red, styles.red],
                ["Amber", summary.counts.amber, styles.amber],
                ["Green", summary.counts.green, styles.green],
                ["Unrated", summary.counts.unrated, undefined],
              ] as const).map(([label, n, colour]) => (
                <div key={label} className={mergeClasses(styles.tile, colour)}>
                  <dt className={styles.term}>{label}</dt>
                  <dd className={styles.figure}>{formatCount(n, locale)}</dd>
                </div>
              ))}
            </dl>
          </section>

          <section className={styles.block} aria-labelledby="summary-levels">
            <Text as="h3" id="summary-levels" weight="semibold" size={400} className={styles.heading}>Escalated, by level</Text>
            <dl className={styles.levels}>
              {([3, 2, 1] as const).map((l) => (
                <div key={l} className={styles.level}>
                  <dt className={styles.levelName}>{`Level ${l} · ${summary.ladder[l]}`}</dt>
                  <dd className={styles.levelCount}>{formatCount(summary.byLevel[l], locale)}</dd>
                </div>
              ))}
            </dl>
            <div className={styles.risk}>
              <Body1>Value at risk</Body1>
              <Text weight="semibold" size={400}>{valueAtRiskText(summary.valueAtRisk, locale)}</Text>
            </div>
            {state.status === "ready" && state.problems > 0 && (
              <Caption1 className={styles.muted}>{`${plural(state.problems, "data-quality problem", locale)} in the register: contracts with them may be rated on partial facts.`}</Caption1>
            )}
          </section>

          <section className={styles.block} aria-labelledby="summary-contracts">
            <Text as="h3" id="summary-contracts" weight="semibold" size={400} className={styles.heading}>
              {summary.contracts.length === 0 ? "No contract needs escalating" : `${plural(summary.contracts.length, "contract needs", locale, "contracts need")} attention`}
            </Text>
            {summary.contracts.length > CARDS_SHOWN && (
              <Caption1 className={styles.muted}>{`The ${formatCount(CARDS_SHOWN, locale)} most urgent are shown; the copies and the summary sheet hold all ${formatCount(summary.contracts.length, locale)}.`}</Caption1>
            )}
            <RankedContracts contracts={summary.contracts} locale={locale} />
          </section>
        </>
      )}
    </section>
  );
}
