import { Badge, Caption1, Text, makeStyles, tokens } from "@fluentui/react-components";
import * as React from "react";
import { WHICH_CONTRACT_HEADER, rowsInWords } from "../../core/contractNames";
import type { ContractCard, SharedIdRecord } from "../../features/contractCard";
import { formatDate, formatMoney } from "../format";
import { LevelBadge, RagBadge } from "../summary/RagBadge";
import { lateness, percent } from "../tracker/when";

const useStyles = makeStyles({
  section: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  heading: { margin: 0 },
  list: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  item: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXS, paddingBottom: tokens.spacingVerticalS, borderBottom: `1px solid ${tokens.colorNeutralStroke3}` },
  top: { display: "flex", alignItems: "baseline", justifyContent: "space-between", gap: tokens.spacingHorizontalS },
  badges: { display: "flex", gap: tokens.spacingHorizontalXS, flexShrink: 0 },
  name: { overflowWrap: "anywhere", minWidth: 0 },
  badge: { flexShrink: 0 },
  muted: { color: tokens.colorNeutralForeground3, overflowWrap: "anywhere" },
  id: { fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2 },
  unsure: { color: tokens.colorPaletteMarigoldForeground2, overflowWrap: "anywhere" },
});

/** On a record that gives only an ID several contracts share: which rows it could be about, and how to say. */
function CannotTell({ item }: { item: SharedIdRecord }): React.JSX.Element | null {
  const styles = useStyles();
  if (!item.ambiguousRows) return null;
  return <Caption1 className={styles.unsure}>{`Can't tell which of rows ${rowsInWords(item.ambiguousRows)}: say which in its ${WHICH_CONTRACT_HEADER} cell`}</Caption1>;
}

/** Parts of a line that are known, joined with dots. */
const line = (...parts: (string | null | false | undefined)[]): string => parts.filter((p): p is string => typeof p === "string" && p !== "").join(" · ");
const number = (n: number | null, locale: string): string => (n === null ? "" : n.toLocaleString(locale, { maximumFractionDigits: 3 }));
/** A KPI's target or actual as the register writes it: 95% where it writes percentages, else the number. */
const asWritten = (n: number | null, percent: boolean, locale: string): string =>
  n === null ? "" : percent ? n.toLocaleString(locale, { style: "percent", maximumFractionDigits: 1 }) : number(n, locale);

function Records<T>({ id, title, items, empty, render }: { id: string; title: string; items: readonly T[]; empty: string; render: (item: T) => React.ReactNode }): React.JSX.Element {
  const styles = useStyles();
  return (
    <section className={styles.section} aria-labelledby={id}>
      <Text as="h4" id={id} weight="semibold" size={400} className={styles.heading}>{`${title} (${items.length})`}</Text>
      {items.length === 0 ? <Caption1 className={styles.muted}>{empty}</Caption1> : <ul className={styles.list} aria-label={title}>{items.map(render)}</ul>}
    </section>
  );
}

/** The contract's milestones, KPIs, risks, changes and escalations, each in its table's order. */
export function ContractRecords({ card, locale }: { card: ContractCard; locale: string }): React.JSX.Element {
  const styles = useStyles();
  const date = (serial: number | null): string => formatDate(serial, locale);
  return (
    <>
      <Records
        id="card-milestones"
        title="Milestones"
        items={card.milestones}
        empty="No milestone in the Milestones table for this contract."
        render={(m) => (
          <li key={m.row} className={styles.item}>
            <div className={styles.top}>
              <Text weight="semibold" className={styles.name}>{m.milestone || "(unnamed)"}</Text>
              {m.rag && <span className={styles.badge}><RagBadge rag={m.rag} /></span>}
            </div>
            <Caption1 className={styles.muted}>
              {line(m.baselineDate !== null && `Baseline ${date(m.baselineDate)}`, m.forecastDate !== null && `forecast ${date(m.forecastDate)}`, m.actualDate !== null ? `met ${date(m.actualDate)}` : "not met yet")}
            </Caption1>
            <Caption1 className={styles.muted}>{line(m.slippageDays !== null && lateness(m.slippageDays, locale), m.owner && `owner ${m.owner}`)}</Caption1>
            <CannotTell item={m} />
          </li>
        )}
      />
      <Records
        id="card-kpis"
        title="KPIs"
        items={card.kpis}
        empty="No KPI in the KPIs table for this contract."
        render={(k) => (
          <li key={k.row} className={styles.item}>
            <div className={styles.top}>
              <Text weight="semibold" className={styles.name}>{k.kpi || "(unnamed)"}</Text>
              {k.rag && <span className={styles.badge}><RagBadge rag={k.rag} /></span>}
            </div>
            <Caption1 className={styles.muted}>
              {line(`Target ${asWritten(k.target, k.percent, locale)}`, `actual ${asWritten(k.actual, k.percent, locale)}`, k.attainment !== null && `${percent(k.attainment, locale)} of target`, !k.higherIsBetter && "lower is better", k.period)}
            </Caption1>
            <CannotTell item={k} />
          </li>
        )}
      />
      <Records
        id="card-risks"
        title="Risks"
        items={card.risks}
        empty="No risk in the Risks table for this contract."
        render={(r) => (
          <li key={r.row} className={styles.item}>
            <div className={styles.top}>
              <Text weight="semibold" className={styles.name}>{r.risk || "(unnamed)"}</Text>
              {r.rag && <span className={styles.badge}><RagBadge rag={r.rag} /></span>}
            </div>
            <Caption1 className={styles.muted}>
              {line(r.score !== null && `Likelihood ${r.likelihood} × impact ${r.impact} = ${r.score}`, r.status, r.owner && `owner ${r.owner}`)}
            </Caption1>
            {r.mitigation && <Caption1 className={styles.muted}>{`Mitigation: ${r.mitigation}`}</Caption1>}
            <CannotTell item={r} />
          </li>
        )}
      />
      <Records
        id="card-changes"
        title="Changes"
        items={card.changes}
        empty="No change in the Changes table for this contract."
        render={(c) => (
          <li key={c.row} className={styles.item}>
            <div className={styles.top}>
              <span className={styles.id}>{c.changeId}</span>
              {c.status && <Badge appearance="tint" color={c.status === "Rejected" ? "danger" : c.status === "Proposed" ? "warning" : "success"} shape="rounded">{c.status}</Badge>}
            </div>
            <Text className={styles.name}>{c.description}</Text>
            <Caption1 className={styles.muted}>
              {line(
                c.valueImpact !== null && `${c.valueImpact < 0 ? "−" : "+"}${formatMoney(Math.abs(c.valueImpact), locale)}`,
                c.requested !== null && `requested ${date(c.requested)}`,
                (c.approvedBy || c.approvedOn !== null) && `approved${c.approvedBy ? ` by ${c.approvedBy}` : ""}${c.approvedOn !== null ? ` on ${date(c.approvedOn)}` : ""}`,
              )}
            </Caption1>
            <CannotTell item={c} />
          </li>
        )}
      />
      <Records
        id="card-escalations"
        title="Escalations"
        items={card.escalations}
        empty="No escalation in the Escalations log for this contract."
        render={(e) => (
          <li key={e.row} className={styles.item}>
            <div className={styles.top}>
              <span className={styles.id}>{e.escalationId}</span>
              <span className={styles.badges}>
                {e.level !== null && <LevelBadge level={e.level} />}
                {e.status && <Badge appearance="outline" color={e.status === "Resolved" ? "success" : "informative"} shape="rounded">{e.status}</Badge>}
              </span>
            </div>
            {e.reason && <Text className={styles.name}>{e.reason}</Text>}
            {e.action && <Caption1 className={styles.muted}>{`Action: ${e.action}`}</Caption1>}
            <Caption1 className={styles.muted}>
              {line(e.raisedAt !== null && `Raised ${date(e.raisedAt)}${e.raisedBy ? ` by ${e.raisedBy}` : ""}`, e.rag && `was ${e.rag}`, e.owner && `owner ${e.owner}`)}
            </Caption1>
            {(e.resolvedOn !== null || e.resolution) && (
              <Caption1 className={styles.muted}>{line(e.resolvedOn !== null && `Resolved ${date(e.resolvedOn)}`, e.resolution)}</Caption1>
            )}
            <CannotTell item={e} />
          </li>
        )}
      />
    </>
  );
}
