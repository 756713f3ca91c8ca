import { Body1, Button, makeStyles, tokens } from "@fluentui/react-components";
import * as React from "react";
import type { MappingMove } from "../../core/mappingCorrections";
import { fieldLabel } from "./fieldChoices";

const useStyles = makeStyles({
  question: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorStatusWarningBackground1,
    borderLeft: `4px solid ${tokens.colorStatusWarningBorderActive}`,
    overflowWrap: "anywhere",
  },
  actions: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
});

/** What the question says: `"Ref" is Contract ID's column. Use it for Title instead? Contract ID will be left without a column.` */
export function moveQuestionText(to: string, header: string, moves: readonly MappingMove[]): string {
  const losers = moves.map((m) => fieldLabel(m.field));
  const whose = losers.length === 1 ? `${losers[0]}’s column` : `the column of ${losers.join(" and ")}`;
  const left = losers.length === 1 ? `${losers[0]} will be left without a column.` : `${losers.join(" and ")} will be left without a column.`;
  return `“${header}” is ${whose}. Use it for ${fieldLabel(to)} instead? ${left}`;
}

export interface MoveQuestionProps {
  /** The field the user chose the column for. */
  field: string;
  header: string;
  moves: readonly MappingMove[];
  onMove: () => void;
  onKeep: () => void;
}

/**
 * Asked inline at a field when the column the user chose is another field's: says what would move
 * and offers to move it or keep things as they were. It takes the focus when it opens (on the
 * button that moves the column), and Escape keeps things as they were.
 */
export function MoveQuestion({ field, header, moves, onMove, onKeep }: MoveQuestionProps): React.JSX.Element {
  const styles = useStyles();
  const first = React.useRef<HTMLButtonElement>(null);
  React.useEffect(() => first.current?.focus(), [field, header]);
  const id = `field-${field}-question`;
  const keepFor = moves.map((m) => fieldLabel(m.field)).join(" and ");
  return (
    <div
      role="group"
      aria-labelledby={id}
      className={styles.question}
      onKeyDown={(event) => {
        if (event.key !== "Escape") return;
        event.stopPropagation();
        onKeep();
      }}
    >
      <Body1 id={id}>{moveQuestionText(field, header, moves)}</Body1>
      <div className={styles.actions}>
        <Button ref={first} appearance="primary" size="small" onClick={onMove}>{`Use it for ${fieldLabel(field)}`}</Button>
        <Button size="small" onClick={onKeep}>{`Keep it for ${keepFor}`}</Button>
      </div>
    </div>
  );
}
