import { Caption1, MessageBar, MessageBarBody, Text, makeStyles, tokens } from "@fluentui/react-components";
import * as React from "react";
import type { PaneData } from "../../features/paneData";
import { PaneDuty, confirmRating, trackerDuties } from "../../features/procurementDuties";
import { DutiesList } from "../dashboard/DutiesList";
import { ErrorBar } from "../ErrorBar";
import { usePane } from "../paneContext";

const useStyles = makeStyles({
  block: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  heading: { margin: 0 },
  muted: { color: tokens.colorNeutralForeground3 },
  done: { ":empty": { display: "none" } },
});

/**
 * The contract card's Procurement Act 2023 list: the duties this contract has now or soon
 * (features/procurementDuties), and for a performance assessment the rating its KPIs suggest,
 * recorded in its Performance rating cell when the user confirms it. Nothing is shown when the
 * duties are switched off in Settings.
 */
export function ContractDuties({ pane, row }: { pane: PaneData; row: number }): React.JSX.Element | null {
  const styles = useStyles();
  const { workbook, locale, trackerChanged } = usePane();
  const duties = React.useMemo(() => trackerDuties(pane.data, pane.tables, pane.contractsTable).filter((d) => d.row === row), [pane, row]);
  const [busy, setBusy] = React.useState(false);
  const [said, setSaid] = React.useState<string | null>(null);
  const [failed, setFailed] = React.useState<unknown>(null);
  React.useEffect(() => {
    setSaid(null);
    setFailed(null);
  }, [row]);
  if (!pane.data.settings.procurementActDuties) return null;

  const confirm = (duty: PaneDuty, rating: string): void => {
    setBusy(true);
    setSaid(null);
    setFailed(null);
    confirmRating(workbook.port, pane, duty.bodyIndex, rating).then(
      (done) => {
        setBusy(false);
        setSaid(`Recorded ${rating} in ${done.column}${done.added ? " (a new column of the Contracts table)" : ""}. Publish it in a contract performance notice.`);
        trackerChanged();
      },
      (error: unknown) => {
        setBusy(false);
        setFailed(error);
      },
    );
  };

  return (
    <section className={styles.block} aria-labelledby="contract-procurement-act">
      <Text as="h3" id="contract-procurement-act" weight="semibold" size={400} className={styles.heading}>Procurement Act 2023</Text>
      {duties.length === 0 ? (
        <Caption1 className={styles.muted}>No change notice, KPI, performance assessment or termination notice is due for this contract.</Caption1>
      ) : (
        <DutiesList duties={duties} locale={locale} label="This contract's Procurement Act duties" onConfirm={confirm} busy={busy} />
      )}
      <div role="status" aria-live="polite" className={styles.done}>
        {said && (
          <MessageBar intent="success" layout="multiline">
            <MessageBarBody>{said}</MessageBarBody>
          </MessageBar>
        )}
      </div>
      {failed !== null && <ErrorBar title="Could not record the rating" error={failed} todo="Read the tracker again, then confirm once more." />}
    </section>
  );
}
