import { formatAmount, formatTotals } from "./currencies";
import type { EndDateGapKind } from "./endDates";
import { formatSerial } from "./dates";
import { dateInWords } from "./dateWords";
import { RAG_FILLS } from "./ragFills";
import { AT_RISK_FROM_LEVEL, ComingDecision, DECISIONS_WITHIN_DAYS, EscalationSummary, ListedContract, SummaryContract, SummaryWindows, ValueAtRisk } from "./summaryTypes";
import type { SummaryFormat, SummaryGrouping } from "./summaryChoices";
import type { DutyFinding } from "./duties/procurementDuties";
import { dutiesHeading, dutiesJson, dutyLines } from "./dutiesRender";

export { SUMMARY_FORMATS, SUMMARY_GROUPINGS } from "./summaryChoices";
export type { SummaryFormat, SummaryGrouping } from "./summaryChoices";

/** A date of the summary as every view writes it: in words, in the summary's locale (core/dateWords). */
const dmy = (serial: number | null, summary: Pick<EscalationSummary, "dateLocale">): string => (serial === null ? "" : dateInWords(serial, summary.dateLocale));
const iso = (serial: number | null): string | null => (serial === null ? null : formatSerial(serial, "iso"));
const count = (n: number): string => n.toLocaleString("en-GB");
const plural = (n: number, one: string, many = `${one}s`): string => `${count(n)} ${n === 1 ? one : many}`;

/**
 * The value at risk in words, with the rule it follows: each currency's total with its symbol (an
 * amount whose register named no currency marked so beside the others: core/currencies
 * formatTotals), what it sums, and "not known" where there is nothing to add up — never a made-up 0.
 * @example valueAtRiskText({ totals: [{ currency: "GBP", amount: 1234567 }], contracts: 3, contractsWithoutValue: 0, annualOnly: 0 }) → "£1,234,567: the whole-life value of the 3 contracts at level 2 or 3"
 */
export function valueAtRiskText(value: ValueAtRisk | null, locale = "en-GB"): string {
  if (value === null) return "not known: the register has no value column";
  const { totals, contracts, contractsWithoutValue, annualOnly } = value;
  const n = (k: number): string => k.toLocaleString(locale);
  const whose = `the ${contracts === 1 ? "contract" : `${n(contracts)} contracts`} at level ${AT_RISK_FROM_LEVEL} or ${AT_RISK_FROM_LEVEL + 1}`;
  if (contracts === 0) return `none: no contract is at level ${AT_RISK_FROM_LEVEL} or ${AT_RISK_FROM_LEVEL + 1}`;
  if (totals.length === 0) return `not known: no value is given for ${whose}`;
  const notes = [
    contractsWithoutValue > 0 ? `${n(contractsWithoutValue)} with no value given` : "",
    annualOnly > 0 ? `${n(annualOnly)} counted at ${annualOnly === 1 ? "its" : "their"} annual value, having no whole-life value` : "",
  ].filter(Boolean);
  return `${formatTotals(totals, locale)}: the whole-life value of ${whose}${notes.length ? ` (${notes.join("; ")})` : ""}`;
}

/** Title line of every format. */
export function summaryTitle(summary: EscalationSummary): string {
  return `Escalation summary as of ${dmy(summary.asOf, summary)}`;
}

/**
 * The headline figures as short sentences, shared by the formats: who needs to act, every contract
 * read in exactly one of live (by RAG), unrated, probably closed and closed, and the value at risk.
 */
export function summaryHeadlines(summary: EscalationSummary): string[] {
  const n = summary.contracts.length;
  const { red, amber, green, unrated } = summary.counts;
  const live = red + amber + green;
  const levels = ([3, 2, 1] as const).filter((l) => summary.byLevel[l] > 0).map((l) => `${count(summary.byLevel[l])} at level ${l} (${summary.ladder[l]})`);
  const parts = [`${count(live)} live (Red ${count(red)} · Amber ${count(amber)} · Green ${count(green)})`];
  if (unrated > 0) parts.push(`${count(unrated)} unrated`);
  if (summary.staleContracts > 0) parts.push(`${count(summary.staleContracts)} probably closed`);
  if (summary.closedContracts > 0) parts.push(`${count(summary.closedContracts)} closed`);
  return [
    n > 0
      ? `${plural(n, "contract needs", "contracts need")} attention: ${levels.join(", ")}.`
      : live === 0 && unrated > 0
        ? `No contract could be rated: ${plural(unrated, "is", "are")} unrated for want of a real end date, so this is not an all-clear.`
        : "No contract needs escalating.",
    `${plural(summary.totalContracts, "contract")} read: ${parts.join(" · ")}.`,
    live === 0 && unrated > 0 && summary.valueAtRisk !== null && summary.valueAtRisk.contracts === 0
      ? "Value at risk: not known: no contract could be rated."
      : `Value at risk: ${valueAtRiskText(summary.valueAtRisk)}.`,
  ];
}

/** How the summary is cut for reading: the CLI's `--limit` and `--group-by`. */
export interface SummaryLayout {
  /** Contracts listed per level; 0 lists them all. Default 25. */
  limit?: number;
  /** Contracts of each level listed under their department or contract manager. */
  groupBy?: SummaryGrouping | null;
  /** Where the rest can be had, said after "and N more" (e.g. "`--limit 0` lists them all"). */
  more?: string;
  /** Data-quality problems found while reading, by kind, for their own short section. */
  problems?: { rows: number; byKind: readonly { name: string; count: number }[]; where?: string };
  /** The Procurement Act 2023 duties (core/duties), for their own section; none when absent or empty. */
  duties?: readonly DutyFinding[];
}
export const DEFAULT_LIMIT = 25;

const groupOf = (c: SummaryContract, by: SummaryGrouping): string =>
  (by === "department" ? c.department : c.contractManager) || (by === "department" ? "(no department)" : "(no contract manager)");

/** The sum of some contracts' values, by currency, in words; "" when none has a value. */
function valueOfAll(contracts: readonly { value: number | null; currency: string | null }[]): string {
  const sums = new Map<string | null, number>();
  for (const c of contracts) if (c.value !== null) sums.set(c.currency, (sums.get(c.currency) ?? 0) + c.value);
  return formatTotals([...sums].sort((a, b) => b[1] - a[1]).map(([currency, amount]) => ({ currency, amount: Math.round(amount * 100) / 100 })));
}

/** One level's section: its contracts up to the limit, in rank order (within groups when grouped), and what is left. */
export interface LevelSection {
  level: 1 | 2 | 3;
  title: string;
  total: number;
  value: string;
  /** Listed contracts with their rank in the whole summary (1-based), under group headings when grouped. */
  groups: { name: string | null; count: number; value: string; contracts: { rank: number; c: SummaryContract }[] }[];
  /** Contracts of the level past the limit, and what they hold. */
  more: { count: number; value: string };
}

/**
 * The level sections of a summary, highest level first: each lists up to `limit` of its
 * contracts (all with 0) in rank order, under department or manager headings when grouped (the
 * group of the most urgent contract first), and says how many more there are and their value.
 * @example levelSections(summary, { limit: 25 })[0].more → { count: 2559, value: "£12,345,678" }
 */
export function levelSections(summary: EscalationSummary, layout: SummaryLayout = {}): LevelSection[] {
  const limit = layout.limit ?? DEFAULT_LIMIT;
  const out: LevelSection[] = [];
  for (const level of [3, 2, 1] as const) {
    const all = summary.contracts.map((c, i) => ({ rank: i + 1, c })).filter((x) => x.c.level === level);
    if (all.length === 0) continue;
    const shown = limit > 0 ? all.slice(0, limit) : all;
    const rest = all.slice(shown.length).map((x) => x.c);
    let groups: LevelSection["groups"];
    if (layout.groupBy) {
      const by = layout.groupBy;
      const members = new Map<string, { rank: number; c: SummaryContract }[]>();
      for (const x of all) {
        const key = groupOf(x.c, by);
        const list = members.get(key);
        if (list) list.push(x);
        else members.set(key, [x]);
      }
      const listed = new Set(shown);
      groups = [...members]
        // The group of the level's most urgent contract first, as the ungrouped list reads.
        .sort((a, b) => a[1][0].rank - b[1][0].rank)
        .map(([name, xs]) => ({ name, count: xs.length, value: valueOfAll(xs.map((x) => x.c)), contracts: xs.filter((x) => listed.has(x)) }));
    } else groups = [{ name: null, count: all.length, value: "", contracts: shown }];
    out.push({
      level,
      title: `Level ${level} · ${summary.ladder[level]}`,
      total: all.length,
      value: valueOfAll(all.map((x) => x.c)),
      groups,
      more: { count: rest.length, value: valueOfAll(rest) },
    });
  }
  return out;
}

/** Days counted back for "what changed". */
export const RECENT_DAYS = 7;

/** What changed in the last week: the escalated contracts whose notice date passed, that ended, or that came within the red window. */
export interface RecentChanges {
  noticePassed: SummaryContract[];
  ended: SummaryContract[];
  cameWithinRed: SummaryContract[];
}

/**
 * What changed in the last week, from the escalated contracts' own dates (no history needed):
 * notice dates that passed, contracts that ended, and contracts that came within the red window of
 * their end date (days to expiry ≤ `expiryRedDays`, crossed in the last 7 days).
 * @example recentChanges(summary).ended.map((c) => c.id) → ["C-3"]
 */
export function recentChanges(summary: EscalationSummary): RecentChanges {
  const within = (d: number | null, from: number, to: number): boolean => d !== null && d >= from && d <= to;
  return {
    noticePassed: summary.contracts.filter((c) => within(c.daysToNotice, -RECENT_DAYS, -1)),
    ended: summary.contracts.filter((c) => within(c.daysToExpiry, -RECENT_DAYS, -1)),
    cameWithinRed: summary.contracts.filter((c) => {
      const red = windowsOf(summary, c).expiryRedDays;
      return within(c.daysToExpiry, Math.max(0, red - RECENT_DAYS + 1), red);
    }),
  };
}

/** The windows a contract is judged by: its own file's in a roll-up, else the summary's. */
function windowsOf(summary: EscalationSummary, c: { file?: string }): SummaryWindows {
  return (c.file !== undefined ? summary.windowsByFile?.get(c.file) : undefined) ?? summary;
}

/** Every window of some contracts, in days, in words: "90", or "60 or 90" where their files differ. */
function daysOf(summary: EscalationSummary, contracts: readonly { file?: string }[], pick: (w: SummaryWindows) => number): string {
  const all = [...new Set(contracts.map((c) => pick(windowsOf(summary, c))))].sort((a, b) => a - b).map(count);
  return all.length > 1 ? `${all.slice(0, -1).join(", ")} or ${all[all.length - 1]}` : (all[0] ?? count(pick(summary)));
}

/**
 * The week's changes as phrases, each naming up to five contracts and how many more.
 * @example recentChangeLines(summary) → ["the notice date of 2 contracts passed (C-1, C-7)", "1 contract ended (C-3)"]
 */
export function recentChangeLines(summary: EscalationSummary): string[] {
  const changes = recentChanges(summary);
  const ids = (cs: readonly SummaryContract[]): string => ` (${cs.slice(0, 5).map((c) => c.id).join(", ")}${cs.length > 5 ? ` and ${count(cs.length - 5)} more` : ""})`;
  const out: string[] = [];
  const { noticePassed: notice, ended, cameWithinRed: red } = changes;
  if (notice.length) out.push(`the notice date of ${plural(notice.length, "contract")} passed${ids(notice)}`);
  if (ended.length) out.push(`${plural(ended.length, "contract")} ended${ids(ended)}`);
  if (red.length) out.push(`${plural(red.length, "contract")} came within ${daysOf(summary, red, (w) => w.expiryRedDays)} days of ${red.length === 1 ? "its" : "their"} end${ids(red)}`);
  return out;
}

// Each kind of end-date gap, as the unrated sentence counts it.
const GAP_WORDS: Readonly<Record<EndDateGapKind | "none", string>> = {
  "no-column": "in a register with no end date column",
  blank: "with no end date",
  unreadable: "with an end date that is not a date",
  "stand-in": "with a stand-in end date",
  "likely-stand-in": "with a stand-in end date",
  none: "with nothing to rate",
};

/** The unrated contracts in one sentence: how many, why by kind, the biggest by value. */
export function unratedText(summary: EscalationSummary, names = 5): string | null {
  const list = summary.unrated;
  if (list.length === 0) return null;
  const kinds = new Map<string, number>();
  for (const c of list) {
    const kind = GAP_WORDS[c.gapKind ?? "none"];
    kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
  }
  // The stand-in date as its reason wrote it (core/endDates), in the summary's date style.
  const stand = /^No real end date: (.+?) is (?:a stand-in|the end date of)/.exec(list.find((c) => c.reason.includes("stand-in"))?.reason ?? "");
  const why = [...kinds]
    .sort((a, b) => b[1] - a[1])
    .map(([k, n]) => `${count(n)} ${k}${k === "with a stand-in end date" && stand ? ` (such as ${stand[1]})` : ""}`)
    .join(", ");
  const valued = list.filter((c) => c.value !== null).slice(0, names);
  const biggest = valued.length ? ` Biggest by value: ${valued.map((c) => `${c.id}${c.title ? ` ${c.title}` : ""} (${formatAmount(c.value ?? 0, c.currency)}${c.file !== undefined ? `, in ${c.file}` : ""})`).join("; ")}.` : "";
  return `${plural(list.length, "contract is", "contracts are")} unrated, neither Green nor Red, for want of a real end date: ${why}.${biggest}`;
}

/** The probably-closed contracts in one sentence, with what to do. */
export function staleText(summary: EscalationSummary): string | null {
  const list = summary.stale;
  if (list.length === 0) return null;
  const oldest = list[0];
  const value = valueOfAll(list);
  return (
    `${plural(list.length, "contract")} ended more than ${daysOf(summary, list, (w) => w.staleAfterDays)} days ago with no closing status${value ? `, worth ${value}` : ""}` +
    `${oldest?.endDate != null ? ` (${list.length === 1 ? "on" : "the oldest"} ${dmy(oldest.endDate, summary)})` : ""}: probably closed. Confirm, and mark ${list.length === 1 ? "it closed (set its status); it is" : "them closed (set their status); they are"} not escalated.`
  );
}

const heading = (c: SummaryContract): string => `${c.id}${c.title ? ` — ${c.title}` : ""}${c.supplier ? ` (${c.supplier})` : ""}`;

/**
 * The contracts whose decision is due and not recorded (SummaryContract.decisionNeeded), in the
 * order to take them: overdue first, the most recently missed first (the freshest to act on), then
 * the windows closing soonest.
 * @example decisionsDue(summary).map((c) => c.id) → ["C-5", "C-3", "C-4"]
 */
export function decisionsDue(summary: EscalationSummary): SummaryContract[] {
  const due = (c: SummaryContract): number => {
    const d = c.daysToNotice !== null && (c.daysToNotice >= 0 || c.noticeMissed) ? c.daysToNotice : (c.daysToExpiry ?? 0);
    return d < 0 ? -1e6 - d : d;
  };
  return summary.contracts.filter((c) => c.decisionNeeded).sort((a, b) => due(a) - due(b));
}

/**
 * A decide-by date coming up, as every view writes it: the date in words and the days left.
 * @example decideByWords({ decideBy: 46600, daysToDecide: 21 }, "en-GB") → "decide by 1 Aug 2027: 21 days"
 */
export function decideByWords(d: Pick<ComingDecision, "decideBy" | "daysToDecide">, locale: string): string {
  return `decide by ${dateInWords(d.decideBy, locale)}: ${d.daysToDecide === 0 ? "today" : plural(d.daysToDecide, "day")}`;
}

/**
 * The heading of the decide-by dates coming up, with how many: the text summary's and the summary sheet's.
 * @example comingDecisionsHeading(summary) → "Extend or re-procure, decide-by dates in the next 90 days (3)"
 */
export function comingDecisionsHeading(summary: Pick<EscalationSummary, "decisionsComing">): string {
  return `Extend or re-procure, decide-by dates in the next ${DECISIONS_WITHIN_DAYS} days (${count(summary.decisionsComing.length)})`;
}

/**
 * One decide-by date coming up on a line, as the text summary and the summary sheet list it (in a
 * roll-up, with the file the contract is in).
 * @example comingDecisionLine({ id: "C-4", title: "Parks", decideBy: 46600, daysToDecide: 21 }, "en-GB") → "C-4 Parks: decide by 1 Aug 2027: 21 days"
 */
export function comingDecisionLine(d: Pick<ComingDecision, "id" | "title" | "decideBy" | "daysToDecide" | "file">, locale: string): string {
  return `${d.id}${d.title ? ` ${d.title}` : ""}${d.file !== undefined ? ` · in ${d.file}` : ""}: ${decideByWords(d, locale)}`;
}

/** What the summary leads with: the week's changes, the decisions due and the decide-by dates coming up, as lines of text. */
function leadLines(summary: EscalationSummary, limit: number): string[] {
  const changes = recentChangeLines(summary);
  const lines = [changes.length ? `Changed in the last ${RECENT_DAYS} days: ${changes.join("; ")}.` : `Nothing changed in the last ${RECENT_DAYS} days.`];
  const decisions = decisionsDue(summary);
  if (decisions.length) {
    const shown = limit > 0 ? decisions.slice(0, Math.min(limit, 10)) : decisions;
    lines.push("", `Needs a decision (${count(decisions.length)}):`, ...shown.map((c) => `  - ${c.id}${c.title ? ` ${c.title}` : ""}${c.file !== undefined ? ` · in ${c.file}` : ""}: ${c.action}`));
    if (shown.length < decisions.length) lines.push(`  - and ${count(decisions.length - shown.length)} more, listed by level below`);
  }
  const coming = summary.decisionsComing;
  if (coming.length) {
    const shown = limit > 0 ? coming.slice(0, Math.min(limit, 10)) : coming;
    lines.push(
      "",
      `${comingDecisionsHeading(summary)}:`,
      ...shown.map((c) => `  - ${comingDecisionLine(c, summary.dateLocale)}`),
    );
    if (shown.length < coming.length) lines.push(`  - and ${count(coming.length - shown.length)} more (the JSON lists them all)`);
  }
  return lines;
}

/**
 * Plain text, for an email body or a terminal: headlines, what changed and what needs a decision,
 * then each level's contracts one line each (up to `limit`, with "and N more" and their value),
 * then the unrated, the probably closed and the data-quality problems in a line or two each.
 */
export function renderText(summary: EscalationSummary, layout: SummaryLayout = {}): string {
  const limit = layout.limit ?? DEFAULT_LIMIT;
  const lines = [summaryTitle(summary), ...summaryHeadlines(summary), "", ...leadLines(summary, limit)];
  for (const section of levelSections(summary, layout)) {
    lines.push("", `${section.title}: ${plural(section.total, "contract")}${section.value ? `, worth ${section.value}` : ""}`);
    const unlisted = section.groups.filter((g) => g.contracts.length === 0);
    for (const group of section.groups) {
      if (group.contracts.length === 0) continue;
      if (group.name !== null) lines.push(`  ${group.name}: ${count(group.count)}${group.value ? `, ${group.value}` : ""}${group.contracts.length < group.count ? ` (${count(group.contracts.length)} listed)` : ""}`);
      for (const { rank, c } of group.contracts) {
        const who = c.contractManager && layout.groupBy !== "manager" ? ` · ${c.contractManager}` : "";
        const worth = c.value !== null ? ` · ${formatAmount(c.value, c.currency)}` : "";
        const where = c.file !== undefined ? ` · in ${c.file}` : "";
        lines.push(`${group.name !== null ? "  " : ""}  ${rank}. [${c.rag ?? "Unrated"}] ${heading(c)}${who}${worth}${where}: ${c.action}${c.openEscalation ? ` (logged as ${c.openEscalation})` : ""}`);
      }
    }
    if (unlisted.length > 0) {
      const names = unlisted.slice(0, 5).map((g) => `${g.name} ${count(g.count)}`).join(", ");
      lines.push(`  Others, not listed: ${names}${unlisted.length > 5 ? ` and ${count(unlisted.length - 5)} more` : ""}`);
    }
    if (section.more.count > 0) lines.push(`  … and ${count(section.more.count)} more at level ${section.level}${section.more.value ? `, worth ${section.more.value}` : ""}${layout.more ? ` (${layout.more})` : ""}`);
  }
  if (layout.duties && layout.duties.length > 0) {
    const duties = dutyLines(layout.duties, limit);
    lines.push("", `${dutiesHeading(layout.duties)}:`, ...duties.shown.map((l) => `  - ${l}`));
    if (duties.more > 0) lines.push(`  … and ${count(duties.more)} more${layout.more ? ` (${layout.more})` : ""}`);
  }
  const unrated = unratedText(summary);
  if (unrated) lines.push("", `Unrated: ${unrated}`);
  const stale = staleText(summary);
  if (stale) lines.push("", `Probably closed — confirm: ${stale}`);
  if (layout.problems && layout.problems.byKind.length) {
    const p = layout.problems;
    lines.push("", `Data quality: ${p.byKind.map((k) => `${count(k.count)} ${k.name}`).join(", ")} in ${plural(p.rows, "row")}${p.where ? `; ${p.where}` : ""}.`);
  }
  // Each entry is one line: a line break inside a cell's text must not start a line of its own
  // (a title could otherwise print a headline of its own making).
  return `${lines.map(oneLine).join("\n")}\n`;
}

// Every line break Unicode knows (UAX #14 mandatory breaks: CR, LF, VT, FF, NEL, LS, PS): each ends a
// line in some viewer, so none may stay inside a cell's text.
const LINE_BREAKS = /[\r\n\v\f\u0085\u2028\u2029]+/g;

/** Cell text kept on its line: line and paragraph breaks of any kind become spaces. */
const oneLine = (text: string): string => text.replace(LINE_BREAKS, " ");

// In Markdown: & < > as entities (raw HTML and entities stay text: `&lt;b&gt;` shows as written);
// markup characters and the table's `|` backslash-escaped (CommonMark §2.4, GFM tables).
const MARKDOWN_ENTITIES: Readonly<Record<string, string>> = { "&": "&amp;", "<": "&lt;", ">": "&gt;" };

/**
 * Cell text made inert for Markdown: on one line, no table breaks, no markup, no inline HTML or entities.
 * @example markdownText("a|b <i>&amp;\r\nc") → "a\\|b &lt;i&gt;&amp;amp; c"
 */
export function markdownText(value: string): string {
  return oneLine(value).replace(/[\\`*_[\]|<>~&#]/g, (ch) => MARKDOWN_ENTITIES[ch] ?? `\\${ch}`);
}

/** Markdown: headline list, what changed and the decisions due, a table per level (up to the limit), then the short sections. */
export function renderMarkdown(summary: EscalationSummary, layout: SummaryLayout = {}): string {
  const limit = layout.limit ?? DEFAULT_LIMIT;
  const lines = [`# ${summaryTitle(summary)}`, "", ...summaryHeadlines(summary).map((h) => `- ${markdownText(h)}`), ""];
  for (const line of leadLines(summary, limit)) lines.push(line === "" ? "" : line.startsWith("  - ") ? `- ${markdownText(line.slice(4))}` : markdownText(line));
  for (const section of levelSections(summary, layout)) {
    lines.push("", `## ${markdownText(section.title)}: ${plural(section.total, "contract")}${section.value ? `, worth ${markdownText(section.value)}` : ""}`);
    for (const group of section.groups) {
      if (group.contracts.length === 0) continue;
      if (group.name !== null) lines.push("", `### ${markdownText(group.name)}: ${count(group.count)}${group.value ? `, ${markdownText(group.value)}` : ""}`);
      lines.push("", "| # | RAG | Contract | Supplier | Contract manager | Value | Ends | Notice date | Why | Action |", "| ---: | --- | --- | --- | --- | ---: | --- | --- | --- | --- |");
      for (const { rank, c } of group.contracts) {
        const cells = [String(rank), c.rag ?? "Unrated", markdownText(`${c.id}${c.title ? ` — ${c.title}` : ""}${c.file !== undefined ? ` (in ${c.file})` : ""}`), markdownText(c.supplier), markdownText(c.contractManager), c.value === null ? "" : markdownText(formatAmount(c.value, c.currency)), dmy(c.endDate, summary), dmy(c.noticeDate, summary), markdownText(c.reasons.join("; ")), markdownText(c.action)];
        lines.push(`| ${cells.join(" | ")} |`);
      }
    }
    if (section.more.count > 0) lines.push("", markdownText(`… and ${count(section.more.count)} more at level ${section.level}${section.more.value ? `, worth ${section.more.value}` : ""}${layout.more ? ` (${layout.more})` : ""}`));
  }
  if (layout.duties && layout.duties.length > 0) {
    const duties = dutyLines(layout.duties, limit);
    lines.push("", `## ${markdownText(dutiesHeading(layout.duties))}`, "", ...duties.shown.map((l) => `- ${markdownText(l)}`));
    if (duties.more > 0) lines.push("", markdownText(`… and ${count(duties.more)} more${layout.more ? ` (${layout.more})` : ""}`));
  }
  const unrated = unratedText(summary);
  if (unrated) lines.push("", "## Unrated", "", markdownText(unrated));
  const stale = staleText(summary);
  if (stale) lines.push("", "## Probably closed — confirm", "", markdownText(stale));
  if (layout.problems && layout.problems.byKind.length) {
    const p = layout.problems;
    lines.push("", "## Data quality", "", markdownText(`${p.byKind.map((k) => `${count(k.count)} ${k.name}`).join(", ")} in ${plural(p.rows, "row")}${p.where ? `; ${p.where}` : ""}.`));
  }
  return `${lines.join("\n")}\n`;
}

/** Text made safe inside HTML elements and attributes. @example escapeHtml('<img src=x onerror=alert(1)>') → '&lt;img src=x onerror=alert(1)&gt;' */
export function escapeHtml(value: string): string {
  return value.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");
}

const RAG_STYLE: Record<string, string> = Object.fromEntries(RAG_FILLS.map((f) => [f.text, `background:${f.fill};color:${f.font}`]));

/** An HTML fragment for an email: inline styles only (mail clients drop style sheets), every piece of cell text escaped. */
export function renderHtml(summary: EscalationSummary, layout: SummaryLayout = {}): string {
  const limit = layout.limit ?? DEFAULT_LIMIT;
  const cell = "padding:4px 8px;border:1px solid #D0D0D0;vertical-align:top;text-align:left";
  const para = (text: string): string => `<p style="margin:8px 0">${escapeHtml(text)}</p>`;
  const h3 = (text: string): string => `<h3 style="font-size:15px;margin:16px 0 6px">${escapeHtml(text)}</h3>`;
  const out = [
    `<div style="font-family:Segoe UI,Arial,sans-serif;font-size:14px;color:#242424">`,
    `<h2 style="font-size:18px;margin:0 0 8px">${escapeHtml(summaryTitle(summary))}</h2>`,
    `<ul style="margin:0 0 12px;padding-left:20px">${summaryHeadlines(summary).map((h) => `<li>${escapeHtml(h)}</li>`).join("")}</ul>`,
  ];
  const lead = leadLines(summary, limit).filter((l) => l !== "");
  const items = lead.filter((l) => l.startsWith("  - ")).map((l) => `<li>${escapeHtml(l.slice(4))}</li>`);
  for (const l of lead) if (!l.startsWith("  - ")) out.push(para(l));
  if (items.length) out.push(`<ul style="margin:0 0 12px;padding-left:20px">${items.join("")}</ul>`);
  const headers = ["#", "RAG", "Contract", "Supplier", "Contract manager", "Value", "Ends", "Notice date", "Why", "Action"];
  for (const section of levelSections(summary, layout)) {
    out.push(h3(`${section.title}: ${plural(section.total, "contract")}${section.value ? `, worth ${section.value}` : ""}`));
    for (const group of section.groups) {
      if (group.contracts.length === 0) continue;
      if (group.name !== null) out.push(para(`${group.name}: ${count(group.count)}${group.value ? `, ${group.value}` : ""}`));
      out.push(`<table style="border-collapse:collapse;font-size:13px"><thead><tr>${headers.map((h) => `<th style="${cell};background:#F3F3F3">${h}</th>`).join("")}</tr></thead><tbody>`);
      for (const { rank, c } of group.contracts) {
        const rag = c.rag ?? "Unrated";
        const contract = `<strong>${escapeHtml(c.id)}</strong>${c.title ? `<br>${escapeHtml(c.title)}` : ""}${c.file !== undefined ? `<br>in ${escapeHtml(c.file)}` : ""}`;
        const why = c.reasons.map(escapeHtml).join("<br>");
        out.push(
          `<tr><td style="${cell}">${rank}</td><td style="${cell};${RAG_STYLE[rag]}">${rag}</td><td style="${cell}">${contract}</td>` +
            `<td style="${cell}">${escapeHtml(c.supplier)}</td><td style="${cell}">${escapeHtml(c.contractManager)}</td><td style="${cell}">${c.value === null ? "" : escapeHtml(formatAmount(c.value, c.currency))}</td>` +
            `<td style="${cell}">${dmy(c.endDate, summary)}</td><td style="${cell}">${dmy(c.noticeDate, summary)}</td><td style="${cell}">${why}</td><td style="${cell}">${escapeHtml(c.action)}</td></tr>`,
        );
      }
      out.push("</tbody></table>");
    }
    if (section.more.count > 0) out.push(para(`… and ${count(section.more.count)} more at level ${section.level}${section.more.value ? `, worth ${section.more.value}` : ""}${layout.more ? ` (${layout.more})` : ""}`));
  }
  if (layout.duties && layout.duties.length > 0) {
    const duties = dutyLines(layout.duties, limit);
    out.push(h3(dutiesHeading(layout.duties)), `<ul style="margin:0 0 12px;padding-left:20px">${duties.shown.map((l) => `<li>${escapeHtml(l)}</li>`).join("")}</ul>`);
    if (duties.more > 0) out.push(para(`… and ${count(duties.more)} more${layout.more ? ` (${layout.more})` : ""}`));
  }
  const unrated = unratedText(summary);
  if (unrated) out.push(h3("Unrated"), para(unrated));
  const stale = staleText(summary);
  if (stale) out.push(h3("Probably closed — confirm"), para(stale));
  if (layout.problems && layout.problems.byKind.length) {
    const p = layout.problems;
    out.push(h3("Data quality"), para(`${p.byKind.map((k) => `${count(k.count)} ${k.name}`).join(", ")} in ${plural(p.rows, "row")}${p.where ? `; ${p.where}` : ""}.`));
  }
  out.push("</div>");
  return `${out.join("\n")}\n`;
}

const changedJson = (changes: RecentChanges): Record<keyof RecentChanges, { id: string; row: number }[]> => {
  const listed = (cs: readonly SummaryContract[]) => cs.map((c) => ({ id: c.id, row: c.row, ...(c.file !== undefined ? { file: c.file } : {}) }));
  return { noticePassed: listed(changes.noticePassed), ended: listed(changes.ended), cameWithinRed: listed(changes.cameWithinRed) };
};

/** The JSON of the command line: everything, whatever the limit; dates ISO, contracts in ranked order. */
export function summaryJson(summary: EscalationSummary): unknown {
  const listed = (c: ListedContract) => ({ id: c.id, row: c.row, title: c.title, supplier: c.supplier, department: c.department, contractManager: c.contractManager, value: c.value, currency: c.currency, endDate: iso(c.endDate), status: c.status, reason: c.reason, ...(c.file !== undefined ? { file: c.file } : {}) });
  return {
    asOf: iso(summary.asOf),
    // Every contract read is in one of these: red + amber + green + unrated + probablyClosed + closed = read.
    contractsRead: summary.totalContracts,
    counts: { ...summary.counts, probablyClosed: summary.staleContracts, closed: summary.closedContracts },
    byLevel: { "1": summary.byLevel[1], "2": summary.byLevel[2], "3": summary.byLevel[3] },
    // One total per currency (null: not stated), with what it sums; null when the register has no value column.
    valueAtRisk: summary.valueAtRisk === null ? null : { ...summary.valueAtRisk, fromLevel: AT_RISK_FROM_LEVEL, inWords: valueAtRiskText(summary.valueAtRisk) },
    // What changed in the last 7 days, every contract listed by ID and sheet row.
    changedInLast7Days: changedJson(recentChanges(summary)),
    contracts: summary.contracts.map((c) => ({
      id: c.id,
      row: c.row,
      title: c.title,
      supplier: c.supplier,
      department: c.department,
      contractManager: c.contractManager,
      rag: c.rag,
      level: c.level,
      decisionNeeded: c.decisionNeeded,
      reasons: c.reasons,
      value: c.value,
      currency: c.currency,
      endDate: iso(c.endDate),
      daysToExpiry: c.daysToExpiry,
      noticeDate: iso(c.noticeDate),
      decideBy: iso(c.decideBy),
      daysToDecide: c.daysToDecide,
      worstSlippage: c.worstSlippage,
      action: c.action,
      ...(c.file !== undefined ? { file: c.file } : {}),
    })),
    unrated: summary.unrated.map(listed),
    probablyClosed: summary.stale.map(listed),
    // Decide-by dates in the next DECISIONS_WITHIN_DAYS days, soonest first, whatever the level.
    decisionsComing: summary.decisionsComing.map((d) => ({ id: d.id, row: d.row, title: d.title, tier: d.tier, decideBy: iso(d.decideBy), daysToDecide: d.daysToDecide, ...(d.file !== undefined ? { file: d.file } : {}) })),
  };
}

/** The summary in one of the formats (JSON is never cut by the layout). */
export function renderSummary(summary: EscalationSummary, format: SummaryFormat, layout: SummaryLayout = {}): string {
  switch (format) {
    case "text":
      return renderText(summary, layout);
    case "markdown":
      return renderMarkdown(summary, layout);
    case "html":
      return renderHtml(summary, layout);
    case "json":
      // The duties only where some are found, so a register without any reads as it always has.
      return `${JSON.stringify(layout.duties && layout.duties.length > 0 ? { ...(summaryJson(summary) as object), procurementAct: dutiesJson(layout.duties) } : summaryJson(summary), null, 2)}\n`;
  }
}
