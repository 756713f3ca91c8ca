import { Badge, Caption1, Dropdown, Option, Text, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import * as React from "react";
import type { FieldMatch } from "../../core/mapping";
import { CONTRACTS } from "../../core/schema";

/** A field's column as the user sees it in the wizard: a header, or null for "Not in this register". */
export type Choice = { header: string | null; confidence: number | null; byUser: boolean };
export type Choices = Record<string, Choice>;

const NONE = "none";
export const NOT_IN_REGISTER = "Not in this register";

/** The starting choices: what detection (or the saved mapping) found for every field. */
export function initialChoices(mapping: Partial<Record<string, FieldMatch>>): Choices {
  return Object.fromEntries(
    CONTRACTS.fields.map((f) => {
      const match = mapping[f.key];
      return [f.key, { header: match?.column ?? null, confidence: match?.confidence ?? null, byUser: false }];
    }),
  );
}

/**
 * A field set to a header (or to none): a header can stand for one field only, so a field that had
 * it is left without a column, as set-up would do.
 */
export function choose(choices: Choices, key: string, header: string | null): Choices {
  const next: Choices = { ...choices, [key]: { header, confidence: null, byUser: true } };
  if (header !== null) {
    for (const [other, choice] of Object.entries(choices)) {
      if (other !== key && choice.header === header) next[other] = { header: null, confidence: null, byUser: true };
    }
  }
  return next;
}

/** What set-up is told: every field the user changed, field key → header (null to unmap). */
export function correctionsOf(choices: Choices): Record<string, string | null> {
  return Object.fromEntries(Object.entries(choices).flatMap(([key, c]) => (c.byUser ? [[key, c.header]] : [])));
}

const useStyles = makeStyles({
  list: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  item: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXS },
  top: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalS },
  name: { flexGrow: 1, minWidth: 0 },
  meaning: { color: tokens.colorNeutralForeground3 },
  cue: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalXS, flexShrink: 0 },
  meter: { width: "40px", height: "6px", borderRadius: tokens.borderRadiusSmall, backgroundColor: tokens.colorNeutralStroke2, overflow: "hidden" },
  fill: { display: "block", height: "100%" },
  sure: { backgroundColor: tokens.colorPaletteGreenBackground3 },
  likely: { backgroundColor: tokens.colorPaletteMarigoldBackground3 },
  doubtful: { backgroundColor: tokens.colorPaletteRedBackground3 },
  dropdown: { minWidth: 0, width: "100%" },
});

/** How sure a match is, in words a user can weigh: 90% and above sure, 70% and above likely. */
export function confidenceWord(confidence: number): "sure" | "likely" | "check" {
  return confidence >= 0.9 ? "sure" : confidence >= 0.7 ? "likely" : "check";
}

function ConfidenceCue({ choice, id }: { choice: Choice; id: string }): React.JSX.Element {
  const styles = useStyles();
  if (choice.byUser) return <Badge id={id} appearance="tint" color="brand">Your choice</Badge>;
  if (choice.header === null || choice.confidence === null) return <Badge id={id} appearance="tint" color="subtle">Not found</Badge>;
  const percent = Math.round(choice.confidence * 100);
  const word = confidenceWord(choice.confidence);
  const fill = word === "sure" ? styles.sure : word === "likely" ? styles.likely : styles.doubtful;
  return (
    <span className={styles.cue}>
      <span className={styles.meter} aria-hidden="true">
        <span className={mergeClasses(styles.fill, fill)} style={{ width: `${percent}%` }} />
      </span>
      <Badge id={id} appearance="tint" color={word === "sure" ? "success" : word === "likely" ? "warning" : "danger"}>
        {`${percent}% ${word}`}
      </Badge>
    </span>
  );
}

export interface MappingListProps {
  headers: readonly string[];
  choices: Choices;
  onChoose: (key: string, header: string | null) => void;
  disabled?: boolean;
}

/** Every field of the Contracts table with the register's column mapped to it, how sure that is, and a drop-down to change it. */
export function MappingList({ headers, choices, onChoose, disabled }: MappingListProps): React.JSX.Element {
  const styles = useStyles();
  const valueOf = (header: string | null): string => (header === null ? NONE : `column:${headers.indexOf(header)}`);
  return (
    <ul className={styles.list} aria-label="Fields and the columns mapped to them">
      {CONTRACTS.fields.map((field) => {
        const choice = choices[field.key] ?? { header: null, confidence: null, byUser: false };
        const ids = { name: `field-${field.key}`, meaning: `field-${field.key}-meaning`, cue: `field-${field.key}-cue` };
        return (
          <li key={field.key} className={styles.item}>
            <div className={styles.top}>
              <Text id={ids.name} weight="semibold" className={styles.name}>{field.header}</Text>
              <ConfidenceCue choice={choice} id={ids.cue} />
            </div>
            <Caption1 id={ids.meaning} className={styles.meaning}>{field.meaning}</Caption1>
            <Dropdown
              className={styles.dropdown}
              aria-labelledby={ids.name}
              aria-describedby={`${ids.meaning} ${ids.cue}`}
              value={choice.header ?? NOT_IN_REGISTER}
              selectedOptions={[valueOf(choice.header)]}
              disabled={disabled}
              onOptionSelect={(_, data) => onChoose(field.key, data.optionValue === NONE || data.optionValue === undefined ? null : (headers[Number(data.optionValue.slice("column:".length))] ?? null))}
            >
              <Option value={NONE}>{NOT_IN_REGISTER}</Option>
              {headers.map((header, i) => (
                <Option key={`${i}:${header}`} value={`column:${i}`}>{header}</Option>
              ))}
            </Dropdown>
          </li>
        );
      })}
    </ul>
  );
}
