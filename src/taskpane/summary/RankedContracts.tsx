import { Body1, Caption1, Card, Text, makeStyles, tokens } from "@fluentui/react-components";
import * as React from "react";
import type { SummaryContract } from "../../core/escalationSummary";
import { formatCount, formatDate } from "../format";
import { LevelBadge, RagBadge } from "./RagBadge";

/** More cards than this would slow the pane; the sheet and the copies hold every contract. */
export const CARDS_SHOWN = 100;

const useStyles = makeStyles({
  list: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  card: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  top: { display: "flex", alignItems: "center", flexWrap: "wrap", gap: tokens.spacingHorizontalXS },
  rank: { color: tokens.colorNeutralForeground3, minWidth: "1.5em" },
  id: { fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase200, marginLeft: "auto", color: tokens.colorNeutralForeground2 },
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

/** The escalated contracts, most urgent first: level, RAG, reference, title, supplier, why, and what to do. */
export function RankedContracts({ contracts, locale }: { contracts: readonly SummaryContract[]; locale: string }): React.JSX.Element {
  const styles = useStyles();
  return (
    <ol className={styles.list} aria-label="Contracts needing attention, most urgent first">
      {contracts.slice(0, CARDS_SHOWN).map((c, i) => {
        const end = ends(c, locale);
        return (
          <li key={`${c.row}:${c.id}`}>
            <Card className={styles.card} size="small">
              <div className={styles.top}>
                <Caption1 className={styles.rank} aria-hidden="true">{i + 1}</Caption1>
                <LevelBadge level={c.level} />
                <RagBadge rag={c.rag} />
                <span className={styles.id}>{c.id}</span>
              </div>
              <Text weight="semibold" className={styles.title}>{c.title || c.id}</Text>
              {(c.supplier || c.contractManager) && (
                <Caption1 className={styles.muted}>{[c.supplier, c.contractManager && `managed by ${c.contractManager}`].filter(Boolean).join(" · ")}</Caption1>
              )}
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
            </Card>
          </li>
        );
      })}
    </ol>
  );
}
