import { makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import * as React from "react";
import { formatCount } from "../format";

/** The colour of a bar: the RAG badges' own (summary/RagBadge.tsx), the brand's, or neutral. */
export type BarColour = "red" | "amber" | "green" | "unrated" | "brand";

export interface Bar {
  label: string;
  value: number;
  colour: BarColour;
}

const useStyles = makeStyles({
  // One grid for every row, so labels, bars and counts line up; text keeps the pane's size at any
  // width (a scaled SVG drew its labels at 30px in an 800px pane).
  chart: {
    display: "grid", gridTemplateColumns: "max-content minmax(40px, 1fr) max-content", alignItems: "center",
    columnGap: tokens.spacingHorizontalM, rowGap: tokens.spacingVerticalS,
  },
  label: { color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200, lineHeight: tokens.lineHeightBase200 },
  track: { height: "14px", borderRadius: "2px", backgroundColor: tokens.colorNeutralStroke3, overflow: "hidden" },
  bar: { display: "block", height: "100%", borderRadius: "2px", forcedColorAdjust: "none" },
  // The fills Badge uses for danger, warning and success, so bar and badge agree in light and dark;
  // unrated is a grey that shows against the track in both (the informative badge's is near black in dark).
  red: { backgroundColor: tokens.colorPaletteRedBackground3 },
  amber: { backgroundColor: tokens.colorPaletteYellowBackground3 },
  green: { backgroundColor: tokens.colorPaletteGreenBackground3 },
  unrated: { backgroundColor: tokens.colorNeutralStrokeAccessible },
  brand: { backgroundColor: tokens.colorBrandBackground },
  value: {
    color: tokens.colorNeutralForeground1, fontSize: tokens.fontSizeBase200, lineHeight: tokens.lineHeightBase200,
    fontWeight: tokens.fontWeightSemibold, fontVariantNumeric: "tabular-nums", textAlign: "end", minWidth: "2ch",
  },
});

/**
 * A horizontal bar chart: one row a bar, its label on the left and its count on the right. To a
 * screen reader it is one image whose name gives every number ("… Red 7, Amber 6 …").
 */
export function BarChart({ title, bars, locale }: { title: string; bars: readonly Bar[]; locale: string }): React.JSX.Element {
  const styles = useStyles();
  const most = Math.max(1, ...bars.map((b) => b.value));
  const name = `${title}: ${bars.map((b) => `${b.label} ${formatCount(b.value, locale)}`).join(", ")}`;
  return (
    <div role="img" aria-label={name} className={styles.chart}>
      {bars.map((b) => (
        <React.Fragment key={b.label}>
          <span className={styles.label}>{b.label}</span>
          <span className={styles.track}>
            {b.value > 0 && <span className={mergeClasses(styles.bar, styles[b.colour])} style={{ width: `${Math.max(1, (b.value / most) * 100)}%` }} />}
          </span>
          <span className={styles.value}>{formatCount(b.value, locale)}</span>
        </React.Fragment>
      ))}
    </div>
  );
}
