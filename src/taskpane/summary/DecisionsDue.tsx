import { Body1, Caption1, Text, makeStyles, tokens } from "@fluentui/react-components";
import * as React from "react";
import type { EscalationSummary } from "../../core/summaryTypes";
import { ContractLink } from "../dashboard/ContractLink";
import { formatCount } from "../format";
import { focusWhenDrawn } from "../sections";
import { RagBadge } from "./RagBadge";
import { ShowMore } from "./ShowMore";
import { DECISIONS_FIRST, OpenFromSummary, changesLine, decisionsDue } from "./summaryLists";

const useStyles = makeStyles({
  block: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  heading: { margin: 0 },
  changes: {
    margin: 0, padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`, borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground2, overflowWrap: "anywhere",
  },
  list: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  item: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXS, paddingBottom: tokens.spacingVerticalS, borderBottom: `1px solid ${tokens.colorNeutralStroke3}` },
  top: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalS },
  name: { overflowWrap: "anywhere", minWidth: 0 },
  muted: { color: tokens.colorNeutralForeground3 },
  action: { overflowWrap: "anywhere" },
});

/**
 * What the summary leads with: what changed in the last week, then the contracts that need a
 * decision (a notice date missed or near, an end date passed or near, none recorded), the one
 * whose window closes soonest first: ten, then the rest on request.
 */
export function DecisionsDue({ summary, locale, onOpen, opening = false }: { summary: EscalationSummary; locale: string; onOpen?: OpenFromSummary; opening?: boolean }): React.JSX.Element {
  const styles = useStyles();
  const decisions = React.useMemo(() => decisionsDue(summary), [summary]);
  const [all, setAll] = React.useState(false);
  const shown = all ? decisions : decisions.slice(0, DECISIONS_FIRST);
  return (
    <>
      <section className={styles.block} aria-labelledby="summary-changes">
        <Text as="h3" id="summary-changes" weight="semibold" size={400} className={styles.heading}>What changed</Text>
        <Body1 as="p" className={styles.changes}>{changesLine(summary)}</Body1>
      </section>
      <section className={styles.block} aria-labelledby="summary-decisions">
        <Text as="h3" id="summary-decisions" weight="semibold" size={400} className={styles.heading}>
          {`Needs a decision (${formatCount(decisions.length, locale)})`}
        </Text>
        {decisions.length === 0 ? (
          <Caption1 className={styles.muted}>No decision is due: no notice date or end date is near or passed without one recorded.</Caption1>
        ) : (
          <ul className={styles.list} aria-label="Contracts needing a decision, soonest first">
            {shown.map((c, i) => (
              <li key={`${c.row}:${c.id}`} id={`summary-decision-${i}`} tabIndex={-1} className={styles.item}>
                <div className={styles.top}>
                  <RagBadge rag={c.rag} />
                  <Text weight="semibold" className={styles.name}>
                    {onOpen ? <ContractLink id={c.id} title={c.title} onOpen={() => onOpen(c.row, c.id)} disabled={opening} /> : `${c.id}${c.title ? ` ${c.title}` : ""}`}
                  </Text>
                </div>
                <Body1 className={styles.action}>{c.action}</Body1>
              </li>
            ))}
          </ul>
        )}
        {!all && (
          <ShowMore
            hidden={decisions.length - shown.length}
            what="that need a decision"
            locale={locale}
            onShow={() => {
              setAll(true);
              focusWhenDrawn(`summary-decision-${shown.length}`);
            }}
          />
        )}
      </section>
    </>
  );
}
