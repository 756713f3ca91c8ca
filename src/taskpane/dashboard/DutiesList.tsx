import { Badge, Button, Caption1, Text, makeStyles } from "@fluentui/react-components";
import * as React from "react";
import type { PaneDuty } from "../../features/procurementDuties";
import { formatCount } from "../format";
import { ContractLink } from "./ContractLink";
import { CONTRACT_LIST_STYLES, LIST_LIMIT, OpenContract } from "./DashboardLists";

const useStyles = makeStyles({
  ...CONTRACT_LIST_STYLES,
  what: { overflowWrap: "anywhere" },
  confirm: { alignSelf: "flex-start" },
});

/** What each duty is called in the list, in a contract manager's words. */
const DUTY_NAMES: Readonly<Record<PaneDuty["kind"], string>> = {
  changeNotice: "Contract change notice",
  kpis: "KPIs",
  assessment: "Performance assessment",
  termination: "Termination notice",
};

/**
 * The Procurement Act 2023 duties, most urgent first: each with its section, the contract (a link
 * that opens its card, on the dashboard), what was found with its figures, and what to do. An
 * assessment with a suggested rating offers to record it, which the user confirms by pressing.
 * Cell text is shown as text.
 */
export function DutiesList({
  duties,
  locale,
  label,
  onOpen,
  onConfirm,
  busy,
}: {
  duties: readonly PaneDuty[];
  locale: string;
  label: string;
  /** Opens a contract's card (dashboard); absent on the card itself. */
  onOpen?: OpenContract;
  /** Records the suggested rating as confirmed; absent where the list cannot write. */
  onConfirm?: (duty: PaneDuty, rating: string) => void;
  busy: boolean;
}): React.JSX.Element {
  const styles = useStyles();
  const more = duties.length - LIST_LIMIT;
  return (
    <>
      <ul className={styles.list} aria-label={label}>
        {duties.slice(0, LIST_LIMIT).map((d) => (
          <li key={`${d.kind}:${d.row}`} className={styles.item}>
            <div className={styles.top}>
              <Text weight="semibold" className={styles.name}>{`${DUTY_NAMES[d.kind]} (${d.section})`}</Text>
              <span className={styles.badge}>
                <Badge appearance="tint" color={d.urgent ? "danger" : "warning"}>{d.urgent ? "Act now" : "Coming due"}</Badge>
              </span>
            </div>
            {onOpen && <ContractLink id={d.id} title={d.title} onOpen={() => onOpen(d.bodyIndex, d.id)} disabled={busy} />}
            <Caption1 className={styles.what}>{d.what}</Caption1>
            <Caption1 className={styles.muted}>{d.action}</Caption1>
            {d.kind === "assessment" && d.suggestedRating && (
              <>
                {d.confirmedRating && <Caption1 className={styles.muted}>{`Last rating recorded: ${d.confirmedRating}`}</Caption1>}
                {onConfirm && (
                  <Button className={styles.confirm} size="small" onClick={() => d.suggestedRating && onConfirm(d, d.suggestedRating)} disabled={busy}>
                    {`Confirm rating: ${d.suggestedRating}`}
                  </Button>
                )}
              </>
            )}
          </li>
        ))}
      </ul>
      {more > 0 && <Caption1 className={styles.muted}>{`and ${formatCount(more, locale)} more.`}</Caption1>}
    </>
  );
}
