import { Caption1, GriffelStyle, Tab, TabList, Text, makeStyles, tokens } from "@fluentui/react-components";
import * as React from "react";
import type { Dashboard, DecisionDue, ExpiringContract, KpiFailure, NoticeDue, SlippingMilestone } from "../../features/dashboard";
import { formatCount, formatDate } from "../format";
import { RagBadge } from "../summary/RagBadge";
import { inDays, lateness, percent } from "../tracker/when";
import { ContractLink } from "./ContractLink";

/** A list longer than this shows its first items and says how many more; the sheet holds them all. */
export const LIST_LIMIT = 50;

/** Opens a contract by its place in the Contracts table's body. */
export type OpenContract = (bodyIndex: number, id: string) => void;

/** How every list of contracts in the pane is laid out (the dashboard's lists, the Procurement Act duties): one look. */
export const CONTRACT_LIST_STYLES = {
  list: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  item: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXS, paddingBottom: tokens.spacingVerticalS, borderBottom: `1px solid ${tokens.colorNeutralStroke3}` },
  top: { display: "flex", alignItems: "baseline", gap: tokens.spacingHorizontalS, justifyContent: "space-between" },
  name: { overflowWrap: "anywhere", minWidth: 0 },
  badge: { flexShrink: 0 },
  muted: { color: tokens.colorNeutralForeground3, overflowWrap: "anywhere" },
} satisfies Record<string, GriffelStyle>;

const useStyles = makeStyles({
  ...CONTRACT_LIST_STYLES,
  late: { color: tokens.colorPaletteRedForeground1 },
  // Wraps rather than widening the page in a 320 px pane.
  windows: { marginLeft: `calc(-1 * ${tokens.spacingHorizontalS})`, flexWrap: "wrap" },
});

/** The first LIST_LIMIT items, an empty sentence when there are none, and how many are not shown. */
function Limited<T>({ items, label, empty, locale, render }: { items: readonly T[]; label: string; empty: string; locale: string; render: (item: T) => React.ReactNode }): React.JSX.Element {
  const styles = useStyles();
  if (items.length === 0) return <Caption1 className={styles.muted}>{empty}</Caption1>;
  const more = items.length - LIST_LIMIT;
  return (
    <>
      <ul className={styles.list} aria-label={label}>{items.slice(0, LIST_LIMIT).map(render)}</ul>
      {more > 0 && <Caption1 className={styles.muted}>{`and ${formatCount(more, locale)} more: filter the Contracts table to see them all.`}</Caption1>}
    </>
  );
}

/** Contracts ending within 30, 90 or 180 days, one window at a time. */
export function ExpiringList({ expiring, locale, onOpen, busy }: { expiring: Dashboard["expiring"]; locale: string; onOpen: OpenContract; busy: boolean }): React.JSX.Element {
  const styles = useStyles();
  const [chosen, setChosen] = React.useState(expiring[1]?.withinDays ?? expiring[0]?.withinDays ?? 0);
  const shown = expiring.find((w) => w.withinDays === chosen) ?? expiring[0];
  return (
    <>
      <TabList size="small" className={styles.windows} selectedValue={chosen} onTabSelect={(_, d) => setChosen(Number(d.value))} aria-label="Ending within">
        {expiring.map((w) => (
          <Tab key={w.withinDays} value={w.withinDays}>{`${formatCount(w.withinDays, locale)} days (${formatCount(w.contracts.length, locale)})`}</Tab>
        ))}
      </TabList>
      {shown && (
        <Limited
          locale={locale}
          items={shown.contracts}
          label={`Contracts ending within ${shown.withinDays} days, soonest first`}
          empty={`No live contract ends within ${formatCount(shown.withinDays, locale)} days.`}
          render={(c: ExpiringContract) => (
            <li key={`${c.row}:${c.id}`} className={styles.item}>
              <ContractLink id={c.id} title={c.title} onOpen={() => onOpen(c.bodyIndex, c.id)} disabled={busy} />
              <Caption1 className={styles.muted}>{[`Ends ${formatDate(c.endDate, locale)} (${inDays(c.daysToExpiry, locale)})`, c.supplier].filter(Boolean).join(" · ")}</Caption1>
            </li>
          )}
        />
      )}
    </>
  );
}

/** Notice dates coming up, or missed with no decision recorded. */
export function NoticeList({ notices, missed, withinDays, locale, onOpen, busy }: { notices: readonly NoticeDue[]; missed: boolean; withinDays: number; locale: string; onOpen: OpenContract; busy: boolean }): React.JSX.Element {
  const styles = useStyles();
  return (
    <Limited
          locale={locale}
      items={notices}
      label={missed ? "Notice dates missed, longest overdue first" : `Notice dates in the next ${withinDays} days, soonest first`}
      empty={missed ? "No notice date has been missed." : `No notice date falls in the next ${formatCount(withinDays, locale)} days.`}
      render={(n: NoticeDue) => (
        <li key={`${n.row}:${n.id}`} className={styles.item}>
          <ContractLink id={n.id} title={n.title} onOpen={() => onOpen(n.bodyIndex, n.id)} disabled={busy} />
          <Caption1 className={missed ? styles.late : styles.muted}>
            {missed
              ? `Notice date ${formatDate(n.noticeDate, locale)} passed ${inDays(n.daysToNotice, locale)}; ends ${formatDate(n.endDate, locale)}`
              : `Give notice by ${formatDate(n.noticeDate, locale)} (${inDays(n.daysToNotice, locale)}); ends ${formatDate(n.endDate, locale)}`}
          </Caption1>
        </li>
      )}
    />
  );
}

/** Decide-by dates coming up: when to decide whether to extend or re-procure, soonest first. */
export function DecisionList({ decisions, locale, onOpen, busy }: { decisions: Dashboard["decisions"]; locale: string; onOpen: OpenContract; busy: boolean }): React.JSX.Element {
  const styles = useStyles();
  return (
    <Limited
      locale={locale}
      items={decisions.upcoming}
      label={`Decisions due in the next ${decisions.withinDays} days, soonest first`}
      empty={`No decision to extend or re-procure falls due in the next ${formatCount(decisions.withinDays, locale)} days.`}
      render={(d: DecisionDue) => (
        <li key={`${d.row}:${d.id}`} className={styles.item}>
          <ContractLink id={d.id} title={d.title} onOpen={() => onOpen(d.bodyIndex, d.id)} disabled={busy} />
          <Caption1 className={styles.muted}>
            {[`Decide by ${formatDate(d.decideBy, locale)} (${inDays(d.daysToDecide, locale)}): extend or re-procure`, d.tier ?? "", `ends ${formatDate(d.endDate, locale)}`].filter(Boolean).join(" · ")}
          </Caption1>
        </li>
      )}
    />
  );
}

/** The worst late milestones of live contracts. */
export function SlippingList({ slipping, locale, onOpen, busy }: { slipping: readonly SlippingMilestone[]; locale: string; onOpen: OpenContract; busy: boolean }): React.JSX.Element {
  const styles = useStyles();
  return (
    <Limited
          locale={locale}
      items={slipping}
      label="Slipping milestones, most days late first"
      empty="No milestone of a live contract is late."
      render={(m: SlippingMilestone) => (
        <li key={`${m.milestoneRow}`} className={styles.item}>
          <div className={styles.top}>
            <Text weight="semibold" className={styles.name}>{m.milestone}</Text>
            <span className={styles.badge}><RagBadge rag={m.rag} /></span>
          </div>
          <ContractLink id={m.contractId} title={m.contractTitle} onOpen={() => onOpen(m.bodyIndex, m.contractId)} disabled={busy} />
          <Caption1 className={styles.muted}>{`${lateness(m.slippageDays, locale)} · ${m.met ? "met late" : "not met yet"}`}</Caption1>
        </li>
      )}
    />
  );
}

/** KPIs of live contracts below the amber threshold, lowest attainment first. */
export function KpiList({ failures, locale, onOpen, busy }: { failures: readonly KpiFailure[]; locale: string; onOpen: OpenContract; busy: boolean }): React.JSX.Element {
  const styles = useStyles();
  return (
    <Limited
          locale={locale}
      items={failures}
      label="KPIs below target, lowest attainment first"
      empty="Every KPI of a live contract meets its target."
      render={(k: KpiFailure) => (
        <li key={`${k.kpiRow}`} className={styles.item}>
          <div className={styles.top}>
            <Text weight="semibold" className={styles.name}>{k.kpi}</Text>
            <span className={styles.badge}><RagBadge rag={k.rag} /></span>
          </div>
          <ContractLink id={k.contractId} title={k.contractTitle} onOpen={() => onOpen(k.bodyIndex, k.contractId)} disabled={busy} />
          <Caption1 className={styles.muted}>{[`${percent(k.attainment, locale)} of target`, k.period].filter(Boolean).join(" · ")}</Caption1>
        </li>
      )}
    />
  );
}
