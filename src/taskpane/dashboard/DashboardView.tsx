import { Button, Caption1, Link, Spinner, Text, Title3, makeStyles, tokens } from "@fluentui/react-components";
import * as React from "react";
import { Dashboard, PhaseOrUnknown, dashboard } from "../../features/dashboard";
import { PaneData, readPaneData } from "../../features/paneData";
import type { WorkbookPort } from "../../workbook/port";
import { OpenContractError, useOpenContract } from "../contract/openContract";
import { ErrorBar } from "../ErrorBar";
import { formatCount, formatDate, plural } from "../format";
import { usePane } from "../paneContext";
import { NoTracker } from "../tracker/NoTracker";
import { useTrackerRead } from "../tracker/useTrackerRead";
import { Bar, BarChart } from "./BarChart";
import { DecisionList, ExpiringList, KpiList, NoticeList, SlippingList } from "./DashboardLists";
import { DutiesList } from "./DutiesList";
import { PaneDuty, trackerDuties } from "../../features/procurementDuties";

const useStyles = makeStyles({
  page: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXL },
  head: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXS },
  heading: { margin: 0 },
  muted: { color: tokens.colorNeutralForeground3 },
  block: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  actions: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS, alignItems: "center" },
  apart: { margin: 0, paddingLeft: tokens.spacingHorizontalL, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS, color: tokens.colorNeutralForeground2 },
});

/** The tracker and its dashboard, read together. */
interface DashboardRead {
  pane: PaneData;
  dashboard: Dashboard;
  /** The Procurement Act 2023 duties, most urgent first (features/procurementDuties). */
  duties: PaneDuty[];
}

async function readDashboard(port: WorkbookPort, locale: string): Promise<DashboardRead> {
  const pane = await readPaneData(port, { locale });
  return { pane, dashboard: dashboard(pane.data, { contractsTable: pane.contractsTable }), duties: trackerDuties(pane.data, pane.tables, pane.contractsTable) };
}

/** The bars of the RAG chart, in the summary's order. */
export function ragBars(d: Dashboard): Bar[] {
  return [
    { label: "Red", value: d.rag.red, colour: "red" },
    { label: "Amber", value: d.rag.amber, colour: "amber" },
    { label: "Green", value: d.rag.green, colour: "green" },
    { label: "Unrated", value: d.rag.unrated, colour: "unrated" },
  ];
}

/** The bars of the phase chart in a contract's life order; "Unknown" only when some contract's dates cannot say. */
export function phaseBars(d: Dashboard): Bar[] {
  return d.phases
    .filter((p) => p.phase !== "Unknown" || p.count > 0)
    .map((p: { phase: PhaseOrUnknown; count: number }) => ({ label: p.phase, value: p.count, colour: p.phase === "Unknown" ? "unrated" : "brand" }));
}

/** "; 1 probably closed and 2 closed left out", or "" when none is. */
function leftOut(d: Dashboard, locale: string): string {
  const parts = [d.probablyClosed > 0 ? `${formatCount(d.probablyClosed, locale)} probably closed` : "", d.closedContracts > 0 ? `${formatCount(d.closedContracts, locale)} closed` : ""].filter(Boolean);
  return parts.length ? `; ${parts.join(" and ")} left out` : "";
}

/**
 * Under the RAG chart: the unrated (no real end date) and the probably closed (left out of the
 * charts), each with the way to the summary's list of them.
 */
function SetApart({ d, staleAfterDays, locale, onShow }: { d: Dashboard; staleAfterDays: number; locale: string; onShow: (section: string) => void }): React.JSX.Element | null {
  const styles = useStyles();
  if (d.rag.unrated === 0 && d.probablyClosed === 0) return null;
  return (
    <ul className={styles.apart} aria-label="Set apart from the ratings">
      {d.rag.unrated > 0 && (
        <li>
          <Caption1>{`${plural(d.rag.unrated, "contract is", locale, "contracts are")} unrated: no real end date. `}</Caption1>
          <Link as="button" onClick={() => onShow("summary-unrated")}><Caption1>See which in the summary</Caption1></Link>
        </li>
      )}
      {d.probablyClosed > 0 && (
        <li>
          <Caption1>{`${plural(d.probablyClosed, "contract", locale)} probably closed (ended more than ${formatCount(staleAfterDays, locale)} days ago, no closing status), left out of these charts. `}</Caption1>
          <Link as="button" onClick={() => onShow("summary-stale")}><Caption1>Confirm in the summary</Caption1></Link>
        </li>
      )}
    </ul>
  );
}

function Section({ id, title, children }: { id: string; title: string; children: React.ReactNode }): React.JSX.Element {
  const styles = useStyles();
  return (
    <section className={styles.block} aria-labelledby={id}>
      <Text as="h3" id={id} weight="semibold" size={400} className={styles.heading}>{title}</Text>
      {children}
    </section>
  );
}

/**
 * The portfolio dashboard: live contracts by RAG and by phase (charts), what ends within 30, 90 or
 * 180 days, decisions to extend or re-procure due in the next 90 days, notice dates coming up and missed, the worst slipping milestones and failing KPIs.
 * Pressing a contract selects its row in the sheet and opens its card.
 */
export function DashboardView({ active }: { active: boolean }): React.JSX.Element {
  const styles = useStyles();
  const { locale, navigate } = usePane();
  const { state, reading, reload } = useTrackerRead(active, readDashboard);
  const read = state.status === "ready" ? state.value : null;
  const d = read?.dashboard ?? null;
  const { open: onOpen, opening, openError } = useOpenContract(read?.pane ?? null);
  const busy = opening !== null;

  return (
    <section className={styles.page} aria-labelledby="dashboard-title" aria-busy={state.status === "loading" || reading}>
      <div className={styles.head}>
        <Title3 as="h2" id="dashboard-title" className={styles.heading}>Dashboard</Title3>
        {d && (
          <Caption1 className={styles.muted}>
            {`As of ${formatDate(d.asOf, locale)} · ${plural(d.liveContracts, "live contract", locale)}${leftOut(d, locale)}`}
          </Caption1>
        )}
      </div>

      {state.status === "loading" && <Spinner size="small" label="Reading the tracker…" />}
      {state.status === "no-tracker" && <NoTracker view="dashboard" table={state.table} />}
      {state.status === "failed" && (
        <ErrorBar title="Could not read the tracker" error={state.error} todo="Fix what the message says, then press Read again." retry={{ label: "Read again", onClick: reload }} />
      )}

      {d && (
        <>
          <div className={styles.actions}>
            <Button appearance="subtle" size="small" onClick={reload} disabled={reading}>{reading ? "Reading…" : "Read again"}</Button>
            <Caption1 className={styles.muted}>Press a contract to select its row and open its card.</Caption1>
          </div>
          <OpenContractError failed={openError} />

          <Section id="dashboard-rag" title="Live contracts by RAG">
            <BarChart title="Live contracts by RAG" bars={ragBars(d)} locale={locale} />
            {read && <SetApart d={d} staleAfterDays={read.pane.data.settings.staleAfterDays} locale={locale} onShow={(section) => navigate("summary", section)} />}
          </Section>
          <Section id="dashboard-phase" title="Live contracts by phase">
            <BarChart title="Live contracts by phase" bars={phaseBars(d)} locale={locale} />
          </Section>
          <Section id="dashboard-expiring" title="Ending soon">
            <ExpiringList expiring={d.expiring} locale={locale} onOpen={onOpen} busy={busy} />
          </Section>
          <Section id="dashboard-decisions" title={`Decisions due in the next ${formatCount(d.decisions.withinDays, locale)} days`}>
            <DecisionList decisions={d.decisions} locale={locale} onOpen={onOpen} busy={busy} />
          </Section>
          <Section id="dashboard-notices" title="Notice dates coming up">
            <NoticeList notices={d.notices.upcoming} missed={false} withinDays={d.notices.withinDays} locale={locale} onOpen={onOpen} busy={busy} />
          </Section>
          <Section id="dashboard-missed" title="Notice dates missed">
            <NoticeList notices={d.notices.missed} missed withinDays={d.notices.withinDays} locale={locale} onOpen={onOpen} busy={busy} />
          </Section>
          <Section id="dashboard-slipping" title="Slipping milestones">
            <SlippingList slipping={d.slipping} locale={locale} onOpen={onOpen} busy={busy} />
          </Section>
          <Section id="dashboard-kpis" title="KPIs below target">
            <KpiList failures={d.kpiFailures} locale={locale} onOpen={onOpen} busy={busy} />
          </Section>
          {read && (
            <Section id="dashboard-procurement-act" title="Procurement Act 2023">
              {!read.pane.data.settings.procurementActDuties ? (
                <Caption1 className={styles.muted}>The Procurement Act duties are switched off in Settings.</Caption1>
              ) : read.duties.length === 0 ? (
                <Caption1 className={styles.muted}>No change notice, KPI, performance assessment or termination notice is due.</Caption1>
              ) : (
                <DutiesList duties={read.duties} locale={locale} label="Procurement Act duties, most urgent first" onOpen={onOpen} busy={busy} />
              )}
            </Section>
          )}
        </>
      )}
    </section>
  );
}
