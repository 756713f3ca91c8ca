import { Body1, Caption1, Radio, RadioGroup, Text, makeStyles, tokens } from "@fluentui/react-components";
import * as React from "react";
import type { FormulaStyle } from "../../features/trackerFormulas";

/** The two ways set-up can write the computed columns, in the contract manager's words. */
export const FORMULA_CHOICES: Record<FormulaStyle, { name: string; what: string }> = {
  contract: { name: "CONTRACT functions", what: "needs the add-in; reads dates and periods typed as text" },
  native: { name: "Excel’s own formulas", what: "works for everyone who opens the workbook: Excel without the add-in, Excel for iPad, LibreOffice" },
};

const ORDER: readonly FormulaStyle[] = ["contract", "native"];

const useStyles = makeStyles({
  group: { marginLeft: `calc(-1 * ${tokens.spacingHorizontalS})` },
  muted: { color: tokens.colorNeutralForeground3 },
});

export interface FormulaChoiceProps {
  /** The id of the heading that names the choice. */
  labelledBy: string;
  value: FormulaStyle;
  onChange: (value: FormulaStyle) => void;
  disabled?: boolean;
}

/**
 * Which formulas the computed columns are written in: the CONTRACT functions (the default) or
 * Excel's own, for a tracker shared with people who will not install the add-in. Radio buttons:
 * Tab reaches the chosen one, the arrow keys change it.
 */
export function FormulaChoice({ labelledBy, value, onChange, disabled }: FormulaChoiceProps): React.JSX.Element {
  const styles = useStyles();
  const noteId = `${labelledBy}-note`;
  return (
    <>
      <RadioGroup
        className={styles.group}
        aria-labelledby={labelledBy}
        aria-describedby={noteId}
        value={value}
        disabled={disabled}
        onChange={(_, data) => onChange(data.value === "native" ? "native" : "contract")}
      >
        {ORDER.map((style) => (
          <Radio
            key={style}
            value={style}
            label={
              <>
                <Text weight="semibold">{FORMULA_CHOICES[style].name}</Text> ({FORMULA_CHOICES[style].what})
              </>
            }
          />
        ))}
      </RadioGroup>
      <Caption1 id={noteId} className={styles.muted}>
        {value === "native"
          ? "Rows whose dates or periods are typed as text keep the value read at set-up; the result says which. RAG reason needs the add-in and is left out: the summary and the contract card still give it."
          : "Everyone who opens the tracker needs the add-in to see these columns; without it they show #NAME?."}
      </Caption1>
    </>
  );
}

/** A tracker set up before keeps its formulas: a column set-up still adds is written in the same, so the two never mix. */
export function FormulasInPlace({ value }: { value: FormulaStyle }): React.JSX.Element {
  return (
    <Body1>
      {`This tracker’s computed columns are in ${value === "native" ? "Excel’s own formulas" : "CONTRACT functions"} (${FORMULA_CHOICES[value].what}). A column set-up still adds is written in the same.`}
    </Body1>
  );
}
