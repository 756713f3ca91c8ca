import { Caption1, Text, makeStyles, tokens } from "@fluentui/react-components";
import * as React from "react";
import type { EscalationSummary } from "../../core/summaryTypes";
import { levelSections } from "../../core/summaryRender";
import { plural } from "../format";
import { focusWhenDrawn } from "../sections";
import { RankedContracts } from "./RankedContracts";
import { ShowMore } from "./ShowMore";
import { OpenFromSummary, SHOWN_FIRST } from "./summaryLists";

const useStyles = makeStyles({
  level: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  heading: { margin: 0 },
  muted: { color: tokens.colorNeutralForeground3 },
});

/**
 * Each level's contracts, highest level first, in rank order: the first 25 of a level, then
 * "Show N more at level 3" with what the rest are worth; shown, the whole level is listed.
 */
export function LevelLists({ summary, locale, onOpen, opening }: { summary: EscalationSummary; locale: string; onOpen?: OpenFromSummary; opening?: boolean }): React.JSX.Element {
  const styles = useStyles();
  const [opened, setOpened] = React.useState<ReadonlySet<number>>(new Set());
  const cut = React.useMemo(() => levelSections(summary, { limit: SHOWN_FIRST }), [summary]);
  const all = React.useMemo(() => levelSections(summary, { limit: 0 }), [summary]);
  return (
    <>
      {cut.map((section, i) => {
        const whole = all[i];
        const open = opened.has(section.level);
        const items = (open ? whole : section).groups.flatMap((g) => g.contracts);
        const id = `summary-level-${section.level}`;
        return (
          <section key={section.level} className={styles.level} aria-labelledby={id}>
            <Text as="h4" id={id} weight="semibold" size={300} className={styles.heading}>
              {`${section.title}: ${plural(section.total, "contract", locale)}`}
            </Text>
            {section.value && <Caption1 className={styles.muted}>{`Worth ${section.value}`}</Caption1>}
            <RankedContracts items={items} label={`Level ${section.level} contracts, most urgent first`} locale={locale} idPrefix={id} onOpen={onOpen} opening={opening} />
            {!open && (
              <ShowMore
                hidden={section.more.count}
                what={`at level ${section.level}`}
                worth={section.more.value}
                locale={locale}
                onShow={() => {
                  setOpened(new Set([...opened, section.level]));
                  const next = whole.groups[0]?.contracts[items.length];
                  if (next) focusWhenDrawn(`${id}-${next.rank}`);
                }}
              />
            )}
          </section>
        );
      })}
    </>
  );
}
