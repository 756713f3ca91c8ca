import {
  Accordion, AccordionHeader, AccordionItem, AccordionPanel, Badge, Body1, Caption1, Text, makeStyles, mergeClasses, tokens,
} from "@fluentui/react-components";
import * as React from "react";
import type { ContractCard } from "../../features/contractCard";
import type { CellValue } from "../../workbook/port";
import { formatAmount } from "../../core/currencies";
import { formatDate } from "../format";
import { LevelBadge, RagBadge } from "../summary/RagBadge";
import { inDays, percent } from "../tracker/when";
import { CARD_HEADING_ID } from "./showContract";

const useStyles = makeStyles({
  card: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  titleBlock: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXS },
  id: { fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2 },
  title: { margin: 0, overflowWrap: "anywhere" },
  muted: { color: tokens.colorNeutralForeground3, overflowWrap: "anywhere" },
  badges: { display: "flex", flexWrap: "wrap", alignItems: "center", gap: tokens.spacingHorizontalXS },
  status: {
    display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS, padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    borderRadius: tokens.borderRadiusMedium, backgroundColor: tokens.colorNeutralBackground2, borderLeft: `4px solid ${tokens.colorNeutralStroke1}`,
  },
  Red: { borderLeftColor: tokens.colorPaletteRedBorder2 },
  Amber: { borderLeftColor: tokens.colorPaletteMarigoldBorder2 },
  Green: { borderLeftColor: tokens.colorPaletteGreenBorder2 },
  reasons: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  wrap: { overflowWrap: "anywhere" },
  facts: { display: "grid", gridTemplateColumns: "minmax(7em, auto) 1fr", columnGap: tokens.spacingHorizontalM, rowGap: tokens.spacingVerticalXS, margin: 0 },
  term: { color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200, lineHeight: tokens.lineHeightBase300 },
  value: { margin: 0, overflowWrap: "anywhere", fontSize: tokens.fontSizeBase300, lineHeight: tokens.lineHeightBase300 },
  accordion: { marginLeft: `calc(-1 * ${tokens.spacingHorizontalM})` },
});

/** A date with how far it is from the as-of date. */
const dated = (serial: number | null, days: number | null, locale: string): string =>
  serial === null ? "" : `${formatDate(serial, locale)}${days === null ? "" : ` (${inDays(days, locale)})`}`;

/** A cell of the register's own columns, as text. */
function cellText(value: CellValue, locale: string): string {
  if (value === null) return "";
  if (typeof value === "number") return value.toLocaleString(locale, { maximumFractionDigits: 4 });
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  return value;
}

function Facts({ facts }: { facts: readonly (readonly [string, string])[] }): React.JSX.Element {
  const styles = useStyles();
  return (
    <dl className={styles.facts}>
      {facts.filter(([, v]) => v !== "").map(([term, v], i) => (
        <React.Fragment key={`${i}:${term}`}>
          <dt className={styles.term}>{term}</dt>
          <dd className={styles.value}>{v}</dd>
        </React.Fragment>
      ))}
    </dl>
  );
}

/**
 * The top of the card: reference, title and supplier; the status (RAG, ladder level, reasons and
 * the recommended action); the key fields and dates; the register's other columns on request.
 * `mapped` are the headers the tracker reads as its fields (the rest are the register's own).
 */
export function ContractDetails({ card, locale, mapped }: { card: ContractCard; locale: string; mapped: ReadonlySet<string> }): React.JSX.Element {
  const styles = useStyles();
  const a = card.assessment;
  const k = card.key;
  const d = card.dates;
  // With the currency the register wrote the amount in, where it wrote one.
  const money = (n: number | null, field: keyof typeof k): string => (n === null ? "" : formatAmount(n, k.currencies[field] ?? null, locale));
  // Spend against the budget profiled to date (core/rules/spend), with the figures it compares, or why it cannot.
  const variance =
    d.spend === null
      ? ""
      : d.spend.variance === null
        ? `Cannot compare: ${d.spend.why}`
        : `${d.spend.variance > 0 ? `${percent(d.spend.variance, locale)} over` : d.spend.variance < 0 ? `${percent(-d.spend.variance, locale)} under` : "on"} ${
            d.spend.wholeBudget ? "the whole budget (the term cannot be profiled)" : `the budget profiled to date (${money(d.spend.profiledBudget, "budget")}, ${percent(d.spend.elapsed, locale)} of the term gone)`
          }`;
  const others = card.fields.filter((f) => !mapped.has(f.header) && f.value !== null && String(f.value).trim() !== "");
  const ends = d.daysToExpiry !== null && d.daysToExpiry < 0 ? `Ended ${formatDate(k.endDate, locale)} (${inDays(d.daysToExpiry, locale)})` : dated(k.endDate, d.daysToExpiry, locale);
  const decide = d.decideBy === null ? "" : d.daysToDecide !== null && d.daysToDecide < 0 ? `${formatDate(d.decideBy, locale)} (passed ${inDays(d.daysToDecide, locale)})` : dated(d.decideBy, d.daysToDecide, locale);
  const notice = d.noticeDate === null ? "" : d.daysToNotice !== null && d.daysToNotice < 0 ? `${formatDate(d.noticeDate, locale)} (passed ${inDays(d.daysToNotice, locale)})` : dated(d.noticeDate, d.daysToNotice, locale);

  return (
    <div className={styles.card}>
      <div className={styles.titleBlock}>
        <span className={styles.id}>{card.id}</span>
        {/* Where the focus lands when a contract is opened from the dashboard or the summary (tabIndex -1: by script only). */}
        <Text as="h3" id={CARD_HEADING_ID} tabIndex={-1} size={500} weight="semibold" className={styles.title}>{card.title || card.id}</Text>
        {card.supplier && <Body1 className={styles.muted}>{card.supplier}</Body1>}
      </div>

      <section className={mergeClasses(styles.status, a.rag ? styles[a.rag] : undefined)} aria-label={`Status of ${card.id}`}>
        <div className={styles.badges}>
          {/* A closed or probably-closed contract is not rated: its badge says which, not "Unrated" or a level. */}
          {!a.closed && !a.probablyClosed && <RagBadge rag={a.rag} />}
          {!a.closed && !a.probablyClosed && <LevelBadge level={a.level} />}
          {card.closed && <Badge appearance="outline" color="informative" shape="rounded">Closed</Badge>}
          {a.probablyClosed && <Badge appearance="outline" color="warning" shape="rounded">Probably closed — confirm</Badge>}
          {a.level > 0 && <Caption1 className={styles.muted}>{`Escalate to ${a.escalateTo}`}</Caption1>}
        </div>
        {card.closed && <Caption1 className={styles.muted}>{`The register says “${k.status}”: the summary and the dashboard leave this contract out.`}</Caption1>}
        {a.reasons.length > 0 && (
          <ul className={styles.reasons} aria-label={`Why ${card.id} is ${a.closed ? "closed" : a.probablyClosed ? "probably closed" : (a.rag ?? "unrated")}`}>
            {a.reasons.map((r) => (
              <li key={r}><Caption1 className={styles.wrap}>{r}</Caption1></li>
            ))}
          </ul>
        )}
        {a.action && (
          <Body1 className={styles.wrap}>
            <Text weight="semibold">Action: </Text>
            {a.action}
          </Body1>
        )}
        {a.openEscalation && <Caption1 className={styles.muted}>{`Already logged as ${a.openEscalation}`}</Caption1>}
      </section>

      <Facts
        facts={[
          ["Contract manager", k.contractManager],
          ["Department", k.department],
          ["Tier", k.tier],
          ["Register status", k.status],
          ["Phase", d.phase ?? ""],
          ["Start", formatDate(k.startDate, locale)],
          ["Go-live", formatDate(k.goLiveDate, locale)],
          ["Ends", ends],
          ["Notice period", k.noticePeriod],
          ["Notice date", notice],
          ["Decide by", decide],
          ["Extensions", k.extensionOptions],
          ["Final expiry", d.finalExpiry !== null && d.finalExpiry !== k.endDate ? formatDate(d.finalExpiry, locale) : ""],
          ["Annual value", money(k.annualValue, "annualValue")],
          ["Total value", money(k.totalValue, "totalValue")],
          ["Budget", money(k.budget, "budget")],
          ["Spend to date", money(k.spendToDate, "spendToDate")],
          ["Against budget", variance],
        ]}
      />

      {others.length > 0 && (
        <Accordion collapsible className={styles.accordion}>
          <AccordionItem value="others">
            <AccordionHeader size="small">{`Other columns of the register (${others.length})`}</AccordionHeader>
            <AccordionPanel>
              <Facts facts={others.map((f) => [f.header, cellText(f.value, locale)] as const)} />
            </AccordionPanel>
          </AccordionItem>
        </Accordion>
      )}
    </div>
  );
}
