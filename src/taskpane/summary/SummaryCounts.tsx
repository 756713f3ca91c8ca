import { Body1, Caption1, Link, Text, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import * as React from "react";
import type { EscalationSummary } from "../../core/summaryTypes";
import { valueAtRiskText } from "../../core/summaryRender";
import { formatCount, plural } from "../format";
import { showSection } from "../sections";

const useStyles = makeStyles({
  block: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  heading: { margin: 0 },
  muted: { color: tokens.colorNeutralForeground3 },
  tiles: { display: "grid", gridTemplateColumns: "repeat(auto-fit, minmax(64px, 1fr))", gap: tokens.spacingHorizontalS, margin: 0 },
  tile: {
    display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXS, padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalS}`,
    borderRadius: tokens.borderRadiusMedium, backgroundColor: tokens.colorNeutralBackground2, borderTop: `4px solid ${tokens.colorNeutralStroke1}`,
  },
  red: { borderTopColor: tokens.colorPaletteRedBorder2 },
  amber: { borderTopColor: tokens.colorPaletteMarigoldBorder2 },
  green: { borderTopColor: tokens.colorPaletteGreenBorder2 },
  live: { borderTopColor: tokens.colorBrandStroke1 },
  term: { fontSize: tokens.fontSizeBase200, lineHeight: tokens.lineHeightBase200, color: tokens.colorNeutralForeground2 },
  figure: { margin: 0, fontSize: tokens.fontSizeBase500, lineHeight: tokens.lineHeightBase500, fontWeight: tokens.fontWeightSemibold },
  see: { margin: 0, fontSize: tokens.fontSizeBase200 },
  levels: { margin: 0, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  level: { display: "flex", justifyContent: "space-between", alignItems: "baseline", gap: tokens.spacingHorizontalM },
  levelName: { color: tokens.colorNeutralForeground2 },
  levelCount: { margin: 0, fontWeight: tokens.fontWeightSemibold, fontVariantNumeric: "tabular-nums" },
  risk: {
    display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXS, padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    borderRadius: tokens.borderRadiusMedium, backgroundColor: tokens.colorNeutralBackground2,
  },
});

interface Tile {
  label: string;
  count: number;
  colour?: string;
  /** The section listing them, and the link's accessible name. */
  section?: { id: string; name: string };
}

function Tiles({ tiles, locale }: { tiles: readonly Tile[]; locale: string }): React.JSX.Element {
  const styles = useStyles();
  return (
    <dl className={styles.tiles}>
      {tiles.map((t) => (
        <div key={t.label} className={mergeClasses(styles.tile, t.colour)}>
          <dt className={styles.term}>{t.label}</dt>
          <dd className={styles.figure}>{formatCount(t.count, locale)}</dd>
          {t.section && t.count > 0 && (
            <dd className={styles.see}>
              <Link as="button" onClick={() => showSection(t.section?.id ?? "")} aria-label={t.section.name}>See which</Link>
            </dd>
          )}
        </div>
      ))}
    </dl>
  );
}

/**
 * The headline counts: every contract read in exactly one of live, unrated, probably closed and
 * closed (they add up to the contracts read); the live ones by RAG; the escalated by level; and
 * the value at risk in words.
 */
export function SummaryCounts({ summary, problems, locale }: { summary: EscalationSummary; problems: number; locale: string }): React.JSX.Element {
  const styles = useStyles();
  const { red, amber, green, unrated } = summary.counts;
  return (
    <>
      <section className={styles.block} aria-labelledby="summary-read">
        <Text as="h3" id="summary-read" weight="semibold" size={400} className={styles.heading}>{`${plural(summary.totalContracts, "contract", locale)} read`}</Text>
        <Tiles
          locale={locale}
          tiles={[
            { label: "Live", count: red + amber + green, colour: styles.live },
            { label: "Unrated", count: unrated, section: { id: "summary-unrated", name: "See which contracts are unrated" } },
            { label: "Probably closed", count: summary.staleContracts, section: { id: "summary-stale", name: "See which contracts are probably closed" } },
            { label: "Closed", count: summary.closedContracts },
          ]}
        />
      </section>
      <section className={styles.block} aria-labelledby="summary-rag">
        <Text as="h3" id="summary-rag" weight="semibold" size={400} className={styles.heading}>Live contracts by RAG</Text>
        <Tiles
          locale={locale}
          tiles={[
            { label: "Red", count: red, colour: styles.red },
            { label: "Amber", count: amber, colour: styles.amber },
            { label: "Green", count: green, colour: styles.green },
          ]}
        />
      </section>
      <section className={styles.block} aria-labelledby="summary-levels">
        <Text as="h3" id="summary-levels" weight="semibold" size={400} className={styles.heading}>Escalated, by level</Text>
        <dl className={styles.levels}>
          {([3, 2, 1] as const).map((l) => (
            <div key={l} className={styles.level}>
              <dt className={styles.levelName}>{`Level ${l} · ${summary.ladder[l]}`}</dt>
              <dd className={styles.levelCount}>{formatCount(summary.byLevel[l], locale)}</dd>
            </div>
          ))}
        </dl>
        <div className={styles.risk}>
          <Body1>Value at risk</Body1>
          <Text weight="semibold" size={400}>{valueAtRiskText(summary.valueAtRisk, locale)}</Text>
        </div>
        {problems > 0 && (
          <Caption1 className={styles.muted}>{`${plural(problems, "data-quality problem", locale)} in the register: contracts with them may be rated on partial facts.`}</Caption1>
        )}
      </section>
    </>
  );
}
