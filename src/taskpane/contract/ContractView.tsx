import { Button, Caption1, MessageBar, MessageBarBody, Spinner, Title3, makeStyles, tokens } from "@fluentui/react-components";
import * as React from "react";
import { contractCard } from "../../features/contractCard";
import { contractRef, contractsHeaderRow, readPaneData } from "../../features/paneData";
import { rememberRaiser, rememberedRaiser } from "./raisedBy";
import type { PaneData } from "../../features/paneData";
import type { WorkbookPort } from "../../workbook/port";
import { ErrorBar } from "../ErrorBar";
import { usePane } from "../paneContext";
import { useSectionRequest } from "../sections";
import { NoTracker } from "../tracker/NoTracker";
import { useStatusLine } from "../tracker/useStatusLine";
import { useTrackerRead } from "../tracker/useTrackerRead";
import { ContractDetails } from "./ContractDetails";
import { ContractDuties } from "./ContractDuties";
import { ContractPicker } from "./ContractPicker";
import { ContractRecords } from "./ContractRecords";
import { RecordDialog } from "./RecordDialog";
import { RecordKind, recordForms } from "./recordForms";
import { SharedIdWarning } from "./SharedIdWarning";
import { CARD_HEADING_ID, selectContractRow } from "./showContract";
import { useFollowedContract } from "./useFollowedContract";

const useStyles = makeStyles({
  page: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalL },
  heading: { margin: 0 },
  muted: { color: tokens.colorNeutralForeground3 },
  actions: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
  done: { ":empty": { display: "none" } },
});

const readCard = (port: WorkbookPort, locale: string): Promise<PaneData> => readPaneData(port, { locale });

const ACTIONS: readonly { kind: RecordKind; label: string }[] = [
  { kind: "escalation", label: "Log escalation" },
  { kind: "change", label: "Record change" },
  { kind: "milestone", label: "Add milestone" },
  { kind: "risk", label: "Add risk" },
];

/**
 * The contract card: the contract on the selected row (or picked from the list), its status and
 * fields, its milestones, KPIs, risks, changes and escalations, and forms that add to them.
 */
export function ContractView({ active }: { active: boolean }): React.JSX.Element {
  const styles = useStyles();
  const { workbook, locale, trackerChanged } = usePane();
  const { state, reading, reload } = useTrackerRead(active, readCard);
  const pane = state.status === "ready" ? state.value : null;
  const { chosen, choose, followError, settled } = useFollowedContract(active, workbook.port, pane);
  const [form, setForm] = React.useState<RecordKind | null>(null);
  // The button that opened a form gets the focus back when it closes.
  const openers = React.useRef(new Map<RecordKind, HTMLElement | null>());
  const closeForm = (): void => {
    const opener = form ? openers.current.get(form) : null;
    setForm(null);
    requestAnimationFrame(() => opener?.focus());
  };

  const contracts = React.useMemo(() => {
    if (!pane) return [];
    const headerRow = contractsHeaderRow(pane.data, pane.contractsTable);
    return pane.data.contracts.map((c) => contractRef(c, headerRow));
  }, [pane]);
  const card = React.useMemo(() => (pane && chosen !== null ? contractCard(pane.data, pane.tables, chosen) : null), [pane, chosen]);
  const mapped = React.useMemo(() => new Set(Object.values(pane?.data.contractColumns ?? {}).flatMap((c) => (c ? [c.column] : []))), [pane]);
  const hasId = card !== null && pane !== null && pane.data.contracts.some((c) => c.row === card.row && String(c.fields.contractId ?? "").trim() !== "");
  const forms = React.useMemo(
    () => (card && pane ? recordForms({ contractId: card.id, contractRow: card.row, whichContract: card.whichContract, dateOrder: pane.data.settings.dateOrder, locale, ladder: pane.data.ladder, assessment: card.assessment, raisedBy: rememberedRaiser(), onRaised: rememberRaiser }) : null),
    [card, pane, locale],
  );

  // What a saved form said holds while the card is as that save left it: not under another
  // contract, and not once the card is read anew with other numbers (a refresh, a new set-up).
  const cardKey = React.useMemo(() => (card ? JSON.stringify(card) : null), [card]);
  const done = useStatusLine(cardKey);
  const clearDone = done.clear;
  React.useEffect(() => clearDone(), [chosen, clearDone]);

  // A contract opened from the dashboard or the summary: the focus goes to its card's heading once
  // the card shows that contract (the selection looked at), not to the page.
  useSectionRequest(card !== null && settled, [CARD_HEADING_ID]);

  // Another row sharing the ID: the card shows it at once, and its row is selected in the sheet as the dashboard's links do.
  const [going, setGoing] = React.useState(false);
  const [goError, setGoError] = React.useState<unknown>(null);
  const goTo = (bodyIndex: number): void => {
    if (!pane) return;
    choose(bodyIndex);
    setGoing(true);
    setGoError(null);
    selectContractRow(workbook.port, pane, bodyIndex).then(
      () => setGoing(false),
      (error: unknown) => {
        setGoing(false);
        setGoError(error);
      },
    );
  };

  const inExcel = workbook.kind === "excel";
  return (
    <section className={styles.page} aria-labelledby="contract-title" aria-busy={state.status === "loading" || reading}>
      <Title3 as="h2" id="contract-title" className={styles.heading}>Contract</Title3>
      {state.status === "loading" && <Spinner size="small" label="Reading the tracker…" />}
      {state.status === "no-tracker" && <NoTracker view="contract card" table={state.table} />}
      {state.status === "failed" && (
        <ErrorBar title="Could not read the tracker" error={state.error} todo="Fix what the message says, then press Read again." retry={{ label: "Read again", onClick: reload }} />
      )}

      {pane && (
        <>
          <ContractPicker
            contracts={contracts}
            chosen={chosen}
            onChoose={choose}
            hint={inExcel ? "Or select a row of the Contracts table in the sheet: the card follows it." : "Or select a row of the Contracts table in the workbook shown with the pane: the card follows it, as it does in Excel."}
          />
          {followError !== null && (
            <ErrorBar title="Could not follow the selected row" error={followError} todo="Pick the contract from the list above instead; the card works the same." />
          )}
          {chosen === null && <Caption1 className={styles.muted}>No contract chosen yet: pick one above, or select its row in the {inExcel ? "sheet" : "workbook shown with the pane"}.</Caption1>}
          {chosen !== null && card === null && (
            <MessageBar intent="warning" layout="multiline">
              <MessageBarBody>That row of the Contracts table is blank. Select a row with a contract on it, or pick one above.</MessageBarBody>
            </MessageBar>
          )}

          {card && (
            <>
              <SharedIdWarning card={card} onGoTo={goTo} going={going} />
              {goError !== null && <ErrorBar title="Could not select that row in the sheet" error={goError} todo="The card shows it all the same; select the row yourself to see it in the sheet." />}
              <ContractDetails card={card} locale={locale} mapped={mapped} />
              {/* Beside the buttons, where the focus returns when a form closes. */}
              <div role="status" aria-live="polite" className={styles.done}>
                {done.text && (
                  <MessageBar intent="success" layout="multiline">
                    <MessageBarBody>{done.text}</MessageBarBody>
                  </MessageBar>
                )}
              </div>
              {hasId ? (
                <div className={styles.actions} role="group" aria-label={`Add to ${card.id}`}>
                  {ACTIONS.map((a) => (
                    <Button key={a.kind} ref={(el) => void openers.current.set(a.kind, el)} onClick={() => setForm(a.kind)} disabledFocusable={reading}>{a.label}</Button>
                  ))}
                </div>
              ) : (
                <Caption1 className={styles.muted}>
                  {pane?.data.contractColumns.contractId
                    ? "This contract has no ID in the register: give it one there to add milestones, risks, changes or escalations."
                    : `The register has no Contract ID column, so contracts are named by their row, as “${card.id}”: add an ID column and set up again to add milestones, risks, changes or escalations.`}
                </Caption1>
              )}
              {pane && <ContractDuties pane={pane} row={card.row} />}
              <ContractRecords card={card} locale={locale} />
            </>
          )}
          {forms && form && (
            <RecordDialog
              key={form}
              form={forms[form]}
              open
              onClose={closeForm}
              onSaved={(message) => {
                closeForm();
                done.say(message);
                trackerChanged();
              }}
            />
          )}
        </>
      )}
    </section>
  );
}
