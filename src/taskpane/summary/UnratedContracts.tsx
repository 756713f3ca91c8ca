import { Body1, Text, makeStyles, tokens } from "@fluentui/react-components";
import * as React from "react";
import type { EscalationSummary } from "../../core/summaryTypes";
import { dateToSerial } from "../../core/dates";
import { formatCount, formatDate } from "../format";
import { focusWhenDrawn } from "../sections";
import { ListedContracts } from "./ListedContracts";
import { ShowMore } from "./ShowMore";
import { OpenFromSummary, SHOWN_FIRST } from "./summaryLists";

const useStyles = makeStyles({
  block: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  heading: { margin: 0 },
  intro: { margin: 0, color: tokens.colorNeutralForeground2 },
});

// The commonest stand-in for "no end date" (core/dates placeholderReason), written as the pane writes dates.
const STAND_IN = dateToSerial(2099, 12, 31);

/** The unrated contracts, biggest by value first, each with why it cannot be rated: 25, then the rest on request. */
export function UnratedContracts({ summary, locale, onOpen, opening }: { summary: EscalationSummary; locale: string; onOpen?: OpenFromSummary; opening?: boolean }): React.JSX.Element | null {
  const styles = useStyles();
  const [all, setAll] = React.useState(false);
  const list = summary.unrated;
  if (list.length === 0) return null;
  const shown = all ? list : list.slice(0, SHOWN_FIRST);
  return (
    <section className={styles.block} aria-labelledby="summary-unrated">
      <Text as="h3" id="summary-unrated" tabIndex={-1} weight="semibold" size={400} className={styles.heading}>{`Unrated (${formatCount(list.length, locale)})`}</Text>
      <Body1 as="p" className={styles.intro}>
        {`Neither Green nor Red: each has no real end date (blank, unreadable or a stand-in such as ${formatDate(STAND_IN, locale)}) and nothing else makes it Amber or Red. Biggest by value first: record the real end date and it is rated.`}
      </Body1>
      <ListedContracts items={shown} label="Unrated contracts, biggest by value first" locale={locale} idPrefix="summary-unrated-item" onOpen={onOpen} opening={opening} />
      {!all && (
        <ShowMore
          hidden={list.length - shown.length}
          what="unrated"
          locale={locale}
          onShow={() => {
            setAll(true);
            focusWhenDrawn(`summary-unrated-item-${shown.length}`);
          }}
        />
      )}
    </section>
  );
}
