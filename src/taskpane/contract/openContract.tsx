import * as React from "react";
import { PaneData, contractsHeaderRow } from "../../features/paneData";
import { ErrorBar } from "../ErrorBar";
import { usePane } from "../paneContext";
import { CARD_HEADING_ID, selectContractRow } from "./showContract";

/**
 * A contract's place in the Contracts table's body (what selecting its row takes) from its 1-based
 * sheet row, as the summary lists it.
 * @example bodyIndexOfRow(pane, 6) → 1 (header on row 4, so row 5 is the body's first)
 */
export function bodyIndexOfRow(pane: PaneData, row: number): number {
  return row - contractsHeaderRow(pane.data, pane.contractsTable) - 2;
}

/** What opening a contract from a list is doing: which contract is being opened, and why the last one could not be. */
export interface OpenContract {
  /** Selects the contract's row in the sheet, then shows its card with the focus on the card's heading. */
  open: (bodyIndex: number, id: string) => void;
  /** The contract being opened, while its row is being selected. */
  opening: string | null;
  openError: { id: string; error: unknown } | null;
}

/**
 * Opening a contract from a list (dashboard or summary), the same way everywhere: its row is
 * selected in the sheet (the card follows the selection, as in Excel), the Contract tab is shown,
 * and the focus goes to the card's heading, so a keyboard or screen-reader user lands on the card.
 */
export function useOpenContract(pane: PaneData | null): OpenContract {
  const { workbook, navigate } = usePane();
  const [opening, setOpening] = React.useState<string | null>(null);
  const [openError, setOpenError] = React.useState<{ id: string; error: unknown } | null>(null);
  const live = React.useRef(true);
  React.useEffect(() => {
    live.current = true;
    return () => void (live.current = false);
  }, []);

  const open = React.useCallback(
    (bodyIndex: number, id: string) => {
      if (!pane) return;
      setOpening(id);
      setOpenError(null);
      selectContractRow(workbook.port, pane, bodyIndex).then(
        () => {
          if (!live.current) return;
          setOpening(null);
          navigate("contract", CARD_HEADING_ID);
        },
        (error: unknown) => {
          if (!live.current) return;
          setOpening(null);
          setOpenError({ id, error });
        },
      );
    },
    [pane, workbook, navigate],
  );
  return { open, opening, openError };
}

/** Why the last contract pressed could not be opened, and what to do. */
export function OpenContractError({ failed }: { failed: OpenContract["openError"] }): React.JSX.Element | null {
  if (!failed) return null;
  return (
    <ErrorBar
      title={`Could not select ${failed.id} in the sheet`}
      error={failed.error}
      todo="If you are typing in a cell, press Enter or Esc first; then press the contract again."
    />
  );
}
