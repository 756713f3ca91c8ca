import { makeStyles, tokens } from "@fluentui/react-components";
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
  chart: { display: "block", width: "100%", height: "auto", overflow: "visible" },
  // The fills Badge uses for danger, warning and success, so bar and badge agree in light and dark;
  // unrated is a grey that shows against the track in both (the informative badge's is near black in dark).
  red: { fill: tokens.colorPaletteRedBackground3 },
  amber: { fill: tokens.colorPaletteYellowBackground3 },
  green: { fill: tokens.colorPaletteGreenBackground3 },
  unrated: { fill: tokens.colorNeutralStrokeAccessible },
  brand: { fill: tokens.colorBrandBackground },
  track: { fill: tokens.colorNeutralStroke3 },
  label: { fill: tokens.colorNeutralForeground2, fontSize: "12px", fontFamily: tokens.fontFamilyBase },
  value: { fill: tokens.colorNeutralForeground1, fontSize: "12px", fontWeight: tokens.fontWeightSemibold, fontFamily: tokens.fontFamilyBase },
});

const WIDTH = 300;
const LABEL = 92;
const VALUE = 34;
const ROW = 24;
const BAR = 14;

/**
 * A horizontal bar chart in plain SVG: one row a bar, its label on the left and its count on the
 * right. To a screen reader it is one image whose name gives every number ("… Red 7, Amber 6 …").
 */
export function BarChart({ title, bars, locale }: { title: string; bars: readonly Bar[]; locale: string }): React.JSX.Element {
  const styles = useStyles();
  const most = Math.max(1, ...bars.map((b) => b.value));
  const span = WIDTH - LABEL - VALUE;
  const height = bars.length * ROW;
  const name = `${title}: ${bars.map((b) => `${b.label} ${formatCount(b.value, locale)}`).join(", ")}`;
  return (
    <svg role="img" aria-label={name} viewBox={`0 0 ${WIDTH} ${height}`} className={styles.chart} focusable="false">
      {bars.map((b, i) => {
        const y = i * ROW + (ROW - BAR) / 2;
        const length = b.value === 0 ? 0 : Math.max(2, (b.value / most) * span);
        return (
          <g key={b.label}>
            <text x={0} y={i * ROW + ROW / 2} dominantBaseline="central" className={styles.label}>{b.label}</text>
            <rect x={LABEL} y={y} width={span} height={BAR} rx={2} className={styles.track} />
            {length > 0 && <rect x={LABEL} y={y} width={length} height={BAR} rx={2} className={styles[b.colour]} />}
            <text x={WIDTH} y={i * ROW + ROW / 2} dominantBaseline="central" textAnchor="end" className={styles.value}>{formatCount(b.value, locale)}</text>
          </g>
        );
      })}
    </svg>
  );
}
