import { Badge, Caption1, Dropdown, Option, Text, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import * as React from "react";
import { reasonsBeyondHeader } from "../../core/mapping";
import type { MappingMove } from "../../core/mappingCorrections";
import { CONTRACTS } from "../../core/schema";
import { Choice, Choices, fieldLabel, movesOf } from "./fieldChoices";
import { MoveQuestion } from "./MoveQuestion";

const NONE = "none";
export const NOT_IN_REGISTER = "Not in this register";

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
  note: { color: tokens.colorNeutralForeground2, overflowWrap: "anywhere" },
});

/** How sure a match is, in words a user can weigh: 90% and above sure, 70% and above likely. */
export function confidenceWord(confidence: number): "sure" | "likely" | "check" {
  return confidence >= 0.9 ? "sure" : confidence >= 0.7 ? "likely" : "check";
}

function ConfidenceCue({ choice, id, trackerMaintained }: { choice: Choice; id: string; trackerMaintained: boolean }): React.JSX.Element {
  const styles = useStyles();
  if (choice.lost) return <Badge id={id} appearance="tint" color="warning">{`Moved to ${fieldLabel(choice.lost.to)}`}</Badge>;
  if (choice.byUser) return <Badge id={id} appearance="tint" color="brand">Your choice</Badge>;
  // A field the tracker writes itself (Performance rating) is not missing from a register without it.
  if (choice.header === null && trackerMaintained) return <Badge id={id} appearance="tint" color="informative">The tracker adds it</Badge>;
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

/** The line under a field's drop-down: where its column went, or why detection chose the column; null when there is nothing to say. */
function noteOf(choice: Choice): string | null {
  if (choice.lost) return `Its column “${choice.lost.column}” now holds ${fieldLabel(choice.lost.to)}. Choose another column, or “${NOT_IN_REGISTER}”.`;
  if (choice.byUser || choice.header === null) return null;
  // The header is the drop-down's value just above: the note gives what the values showed.
  const reasons = reasonsBeyondHeader({ column: choice.header, index: 0, confidence: 0, why: choice.why });
  if (reasons.length > 0) return `Why: ${reasons.join("; ")}`;
  return null;
}

export interface MappingListProps {
  headers: readonly string[];
  choices: Choices;
  /** A choice the user confirmed: a column another field held is only chosen after the user says to move it. */
  onChoose: (key: string, header: string | null) => void;
  disabled?: boolean;
}

type Pending = { field: string; header: string; moves: MappingMove[] };

/**
 * Every field of the Contracts table with the register's column mapped to it, how sure that is and
 * why, and a drop-down to change it. Choosing a column another field holds asks first, at the field.
 */
export function MappingList({ headers, choices, onChoose, disabled }: MappingListProps): React.JSX.Element {
  const styles = useStyles();
  const [pending, setPending] = React.useState<Pending | null>(null);
  const dropdowns = React.useRef(new Map<string, HTMLButtonElement | null>());
  const valueOf = (header: string | null): string => (header === null ? NONE : `column:${headers.indexOf(header)}`);
  // The answer given, the focus goes back to the field asked about.
  const answered = (field: string): void => {
    setPending(null);
    requestAnimationFrame(() => dropdowns.current.get(field)?.focus());
  };
  const picked = (field: string, header: string | null): void => {
    const moves = movesOf(choices, headers, field, header);
    if (header === null || moves.length === 0) {
      setPending(null);
      onChoose(field, header);
    } else setPending({ field, header, moves });
  };
  return (
    <ul className={styles.list} aria-label="Fields and the columns mapped to them">
      {CONTRACTS.fields.map((field) => {
        const choice = choices[field.key] ?? { header: null, confidence: null, byUser: false };
        const ids = { name: `field-${field.key}`, meaning: `field-${field.key}-meaning`, cue: `field-${field.key}-cue`, note: `field-${field.key}-note` };
        const note = noteOf(choice);
        const asking = pending?.field === field.key ? pending : null;
        return (
          <li key={field.key} className={styles.item}>
            <div className={styles.top}>
              <Text id={ids.name} weight="semibold" className={styles.name}>{field.header}</Text>
              <ConfidenceCue choice={choice} id={ids.cue} trackerMaintained={field.trackerMaintained === true} />
            </div>
            <Caption1 id={ids.meaning} className={styles.meaning}>{field.meaning}</Caption1>
            <Dropdown
              ref={(el) => void dropdowns.current.set(field.key, el)}
              className={styles.dropdown}
              aria-labelledby={ids.name}
              aria-describedby={[ids.meaning, ids.cue, ...(note ? [ids.note] : [])].join(" ")}
              value={choice.header ?? NOT_IN_REGISTER}
              selectedOptions={[valueOf(choice.header)]}
              disabled={disabled}
              onOptionSelect={(_, data) => picked(field.key, data.optionValue === NONE || data.optionValue === undefined ? null : (headers[Number(data.optionValue.slice("column:".length))] ?? null))}
            >
              <Option value={NONE}>{NOT_IN_REGISTER}</Option>
              {headers.map((header, i) => (
                <Option key={`${i}:${header}`} value={`column:${i}`}>{header}</Option>
              ))}
            </Dropdown>
            {note && <Caption1 id={ids.note} className={styles.note}>{note}</Caption1>}
            {asking && (
              <MoveQuestion
                field={asking.field}
                header={asking.header}
                moves={asking.moves}
                onMove={() => {
                  onChoose(asking.field, asking.header);
                  answered(asking.field);
                }}
                onKeep={() => answered(asking.field)}
              />
            )}
          </li>
        );
      })}
    </ul>
  );
}
