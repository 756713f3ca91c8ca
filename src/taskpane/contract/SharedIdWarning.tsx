import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle } from "@fluentui/react-components";
import * as React from "react";
import { WHICH_CONTRACT_HEADER, rowsInWords } from "../../core/contractNames";
import type { ContractCard } from "../../features/contractCard";

/**
 * The top of the card of a contract whose ID other rows of the register share: which rows, what
 * that means for the records of the other tables, and a button to go to each other row (selecting
 * it in the sheet, as the dashboard's links do, so the card follows). Nothing when the ID is its own.
 */
export function SharedIdWarning({ card, onGoTo, going }: { card: ContractCard; onGoTo: (bodyIndex: number) => void; going: boolean }): React.JSX.Element | null {
  if (card.sharesIdWith.length === 0) return null;
  const rows = [card.row, ...card.sharesIdWith.map((c) => c.row)].sort((a, b) => a - b);
  const both = rows.length === 2 ? "both cards" : "each of their cards";
  return (
    <MessageBar intent="warning" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>{`Rows ${rowsInWords(rows)} share the ID ${card.id}: records in the other tables cannot tell them apart by the ID alone.`}</MessageBarTitle>
        {` Records added here say “${card.whichContract ?? ""}” in their ${WHICH_CONTRACT_HEADER} column, so they stay with this row (${card.row}); those giving only the ID show on ${both}, marked. Giving each row its own ID in the register keeps them apart everywhere, in Excel's own formulas too.`}
      </MessageBarBody>
      <MessageBarActions>
        {card.sharesIdWith.map((other) => (
          <Button key={other.row} size="small" onClick={() => onGoTo(other.bodyIndex)} disabledFocusable={going} aria-label={`Go to row ${other.row}${other.title ? `, ${other.title}` : ""}`}>
            {`Go to row ${other.row}`}
          </Button>
        ))}
      </MessageBarActions>
    </MessageBar>
  );
}
