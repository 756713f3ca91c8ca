import { Caption1, Text, makeStyles, tokens } from "@fluentui/react-components";
import * as React from "react";
import { formatAmount } from "../../core/currencies";
import type { ListedContract } from "../../core/summaryTypes";
import { ContractLink } from "../dashboard/ContractLink";
import type { OpenFromSummary } from "./summaryLists";

const useStyles = makeStyles({
  list: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  item: {
    display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXS, paddingBottom: tokens.spacingVerticalS,
    borderBottom: `1px solid ${tokens.colorNeutralStroke3}`,
  },
  top: { display: "flex", alignItems: "baseline", justifyContent: "space-between", gap: tokens.spacingHorizontalS },
  id: { fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2, overflowWrap: "anywhere" },
  value: { fontVariantNumeric: "tabular-nums", flexShrink: 0 },
  title: { overflowWrap: "anywhere" },
  muted: { color: tokens.colorNeutralForeground3, overflowWrap: "anywhere" },
  action: { marginTop: tokens.spacingVerticalXXS },
});

/**
 * Contracts left out of the ratings (unrated, or probably closed), one item each: reference and
 * value, title, supplier and manager, why it is listed, its status as written, and an optional
 * action. Each item's id is `idPrefix-index` (0-based), for "Show more" to move the focus to.
 */
export function ListedContracts({ items, label, locale, idPrefix, showStatus = false, action, onOpen, opening = false }: {
  items: readonly ListedContract[];
  label: string;
  locale: string;
  idPrefix: string;
  /** Say the register's status (or that it has none). */
  showStatus?: boolean;
  action?: (c: ListedContract) => React.ReactNode;
  /** Opens the contract's card, as pressing a contract on the dashboard does; `opening` while one is being opened. */
  onOpen?: OpenFromSummary;
  opening?: boolean;
}): React.JSX.Element {
  const styles = useStyles();
  return (
    <ul className={styles.list} aria-label={label}>
      {items.map((c, i) => (
        <li key={`${c.row}:${c.id}`} id={`${idPrefix}-${i}`} tabIndex={-1} className={styles.item}>
          <div className={styles.top}>
            {onOpen ? <ContractLink id={c.id} onOpen={() => onOpen(c.row, c.id)} disabled={opening} /> : <span className={styles.id}>{c.id}</span>}
            {c.value !== null && <Text size={200} weight="semibold" className={styles.value}>{formatAmount(c.value, c.currency, locale)}</Text>}
          </div>
          {c.title && <Text weight="semibold" className={styles.title}>{c.title}</Text>}
          {(c.supplier || c.contractManager) && (
            <Caption1 className={styles.muted}>{[c.supplier, c.contractManager && `managed by ${c.contractManager}`].filter(Boolean).join(" · ")}</Caption1>
          )}
          <Caption1>{c.reason}</Caption1>
          {showStatus && <Caption1 className={styles.muted}>{c.status ? `Status: “${c.status}”` : "No status recorded"}</Caption1>}
          {action && <div className={styles.action}>{action(c)}</div>}
        </li>
      ))}
    </ul>
  );
}
