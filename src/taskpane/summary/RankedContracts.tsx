import { Body1, Caption1, Text, makeStyles, tokens } from "@fluentui/react-components";
import * as React from "react";
import { formatAmount } from "../../core/currencies";
import type { SummaryContract } from "../../core/summaryTypes";
import { ContractLink } from "../dashboard/ContractLink";
import { formatCount, formatDate } from "../format";
import { LevelBadge, RagBadge } from "./RagBadge";
import type { OpenFromSummary } from "./summaryLists";

const useStyles = makeStyles({
  list: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  // A card's look without Fluent's Card: a level can list thousands once shown in full, and plain
  // elements draw many times faster.
  card: {
    display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS, padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    borderRadius: tokens.borderRadiusMedium, backgroundColor: tokens.colorNeutralBackground1, boxShadow: tokens.shadow4,
  },
  top: { display: "flex", alignItems: "center", flexWrap: "wrap", gap: tokens.spacingHorizontalXS },
  rank: { color: tokens.colorNeutralForeground3, minWidth: "1.5em" },
  id: { fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase200, marginLeft: "auto", color: tokens.colorNeutralForeground2, overflowWrap: "anywhere" },
  title: { overflowWrap: "anywhere" },
  muted: { color: tokens.colorNeutralForeground3, overflowWrap: "anywhere" },
  reasons: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  action: { overflowWrap: "anywhere" },
});

function ends(c: SummaryContract, locale: string): string | null {
  if (c.endDate === null || c.daysToExpiry === null) return null;
  const date = formatDate(c.endDate, locale);
  const d = c.daysToExpiry;
  if (d < 0) return `Ended ${date} (${d === -1 ? "yesterday" : `${formatCount(-d, locale)} days ago`})`;
  return `Ends ${date} (${d === 0 ? "today" : d === 1 ? "tomorrow" : `in ${formatCount(d, locale)} days`})`;
}

/** A contract with its rank in the whole summary (1 is the most urgent). */
export interface Ranked {
  rank: number;
  c: SummaryContract;
}

/** Escalated contracts, most urgent first: rank, level, RAG, reference, title, supplier, value, why, and what to do. Each card's id is `idPrefix-rank`. */
export function RankedContracts({ items, label, locale, idPrefix, onOpen, opening = false }: {
  items: readonly Ranked[];
  label: string;
  locale: string;
  idPrefix: string;
  /** Opens the contract's card, as pressing a contract on the dashboard does; `opening` while one is being opened. */
  onOpen?: OpenFromSummary;
  opening?: boolean;
}): React.JSX.Element {
  const styles = useStyles();
  return (
    <ol className={styles.list} aria-label={label}>
      {items.map(({ rank, c }) => {
        const end = ends(c, locale);
        const who = [c.supplier, c.contractManager && `managed by ${c.contractManager}`, c.value !== null && formatAmount(c.value, c.currency, locale)].filter(Boolean).join(" · ");
        return (
          // Focusable by script only: "Show more" moves the focus to the first card it revealed.
          <li key={`${c.row}:${c.id}`} id={`${idPrefix}-${rank}`} tabIndex={-1} className={styles.card}>
            <div className={styles.top}>
              <Caption1 className={styles.rank} aria-hidden="true">{rank}</Caption1>
              <LevelBadge level={c.level} />
              <RagBadge rag={c.rag} />
              {!onOpen && <span className={styles.id}>{c.id}</span>}
            </div>
            {onOpen ? (
              <Text weight="semibold" className={styles.title}>
                <ContractLink id={c.id} title={c.title} onOpen={() => onOpen(c.row, c.id)} disabled={opening} />
              </Text>
            ) : (
              <Text weight="semibold" className={styles.title}>{c.title || c.id}</Text>
            )}
            {who && <Caption1 className={styles.muted}>{who}</Caption1>}
            {end && <Caption1 className={styles.muted}>{end}</Caption1>}
            {c.reasons.length > 0 && (
              <ul className={styles.reasons} aria-label={`Why ${c.id} is escalated`}>
                {c.reasons.map((r) => (
                  <li key={r}><Caption1>{r}</Caption1></li>
                ))}
              </ul>
            )}
            <Body1 className={styles.action}>
              <Text weight="semibold">Action: </Text>
              {c.action}
            </Body1>
            <Caption1 className={styles.muted}>
              {`Escalate to ${c.escalateTo}`}
              {c.openEscalation ? ` · already logged as ${c.openEscalation}` : ""}
            </Caption1>
          </li>
        );
      })}
    </ol>
  );
}
