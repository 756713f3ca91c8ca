import { Checkbox, MessageBar, MessageBarBody, MessageBarTitle, makeStyles, tokens } from "@fluentui/react-components";
import * as React from "react";
import { rowName } from "../../core/contractNames";

const useStyles = makeStyles({
  box: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  checkbox: { marginLeft: `calc(-1 * ${tokens.spacingHorizontalS})` },
});

export interface NoContractIdProps {
  /** The id of the text that says why set-up cannot run yet: the button is described by it. */
  id: string;
  /** 1-based sheet row of the register's first contract: the name it gets when keyed by row. */
  firstRow: number;
  /** The user has said the register has no contract IDs. */
  checked: boolean;
  onChange: (checked: boolean) => void;
  disabled?: boolean;
}

/**
 * Shown by the set-up button while no column is the Contract ID: why set-up cannot run yet, and the
 * one way to run it without one, which the user must choose (contracts are then named by their row).
 */
export function NoContractId({ id, firstRow, checked, onChange, disabled }: NoContractIdProps): React.JSX.Element {
  const styles = useStyles();
  return (
    <div className={styles.box}>
      <MessageBar intent={checked ? "info" : "warning"} layout="multiline">
        <MessageBarBody id={id}>
          <MessageBarTitle>{checked ? "Contracts named by their row" : "No Contract ID column"}</MessageBarTitle>
          {checked
            ? `Each contract is named by its sheet row, such as “${rowName(firstRow)}”. Milestones, KPIs, risks and changes are not linked to contracts: they need a Contract ID column.`
            : "Set-up needs the column that tells your contracts apart. Choose it under Contract ID above, or tick the box if your register has none."}
        </MessageBarBody>
      </MessageBar>
      <Checkbox
        className={styles.checkbox}
        checked={checked}
        disabled={disabled}
        onChange={(_, data) => onChange(data.checked === true)}
        label="This register has no contract IDs — name contracts by their row"
      />
    </div>
  );
}
