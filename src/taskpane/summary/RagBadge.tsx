import { Badge } from "@fluentui/react-components";
import * as React from "react";
import type { Rag } from "../../core/rules/rag";

const COLOUR = { Red: "danger", Amber: "warning", Green: "success" } as const;

/** A contract's status as a coloured badge whose text says it too (colour is never the only cue). */
export function RagBadge({ rag }: { rag: Rag | null }): React.JSX.Element {
  return (
    <Badge appearance="filled" color={rag ? COLOUR[rag] : "informative"} shape="rounded">
      {rag ?? "Unrated"}
    </Badge>
  );
}

/** The escalation level as a badge: level 3 stands out most. */
export function LevelBadge({ level }: { level: number }): React.JSX.Element {
  return (
    <Badge appearance={level >= 3 ? "filled" : "tint"} color={level >= 2 ? "brand" : "informative"} shape="rounded">
      {`Level ${level}`}
    </Badge>
  );
}
