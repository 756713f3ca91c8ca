// The portfolio roll-up in the summary's four forms: the summary of every file together as the
// single-file summary reads, then the breakdown by file and by department, the Contract IDs found
// in more than one file and the files not read. Cell text is made inert as the summary makes it.
import { formatTotals } from "./currencies";
import { dutiesJson } from "./dutiesRender";
import type { MoneyTotal } from "./summaryTypes";
import type { Breakdown, DuplicateId, Portfolio } from "./portfolio";
import { DEFAULT_LIMIT, SummaryFormat, SummaryLayout, escapeHtml, markdownText, renderSummary, summaryJson } from "./summaryRender";

const count = (n: number): string => n.toLocaleString("en-GB");
const plural = (n: number, one: string, many = `${one}s`): string => `${count(n)} ${n === 1 ? one : many}`;
/** "… and 3 more departments (…)". */
const andMore = (n: number, what: string, layout: SummaryLayout): string => `… and ${count(n)} more ${n === 1 ? what : `${what}s`}${layout.more ? ` (${layout.more})` : ""}`;
const money = (totals: readonly MoneyTotal[]): string => formatTotals(totals);
const oneLine = (text: string): string => text.replace(/[\r\n\v\f\u0085\u2028\u2029]+/g, " ");

/** The counts of a breakdown in a phrase: "1,296 contracts: Red 3 · Amber 12 · Green 80 · 1,201 probably closed; levels 3/2/1: 1/2/12; at risk £12,000". */
function breakdownWords(b: Breakdown): string {
  const parts = [`Red ${count(b.red)} · Amber ${count(b.amber)} · Green ${count(b.green)}`];
  if (b.unrated) parts.push(`${count(b.unrated)} unrated`);
  if (b.probablyClosed) parts.push(`${count(b.probablyClosed)} probably closed`);
  if (b.closed) parts.push(`${count(b.closed)} closed`);
  const value = money(b.valueAtRisk);
  return `${plural(b.contractsRead, "contract")}: ${parts.join(" · ")}; level 3/2/1: ${b.byLevel[3]}/${b.byLevel[2]}/${b.byLevel[1]}${value ? `; at risk ${value}` : ""}`;
}

const placesWords = (d: DuplicateId): string => d.places.map((p) => `${p.file} row ${p.row}`).join(", ");

/** The first `limit` of a list (all with 0), and how many are left. */
function cut<T>(list: readonly T[], limit: number): { shown: readonly T[]; more: number } {
  const shown = limit > 0 ? list.slice(0, limit) : list;
  return { shown, more: list.length - shown.length };
}

/** The summary's layout with every file's Procurement Act duties, for their section. */
const withDuties = (p: Portfolio, layout: SummaryLayout): SummaryLayout => ({ ...layout, duties: p.duties });

/** The line before the summary: which files it rolls up. */
function rollupHeading(p: Portfolio): string {
  return `Portfolio roll-up of ${plural(p.files.length, "register")}: ${p.files.map((f) => f.name).join(", ")}`;
}

function renderRollupText(p: Portfolio, layout: SummaryLayout): string {
  const limit = layout.limit ?? DEFAULT_LIMIT;
  const more = (n: number, what: string): string[] => (n > 0 ? [`  ${andMore(n, what, layout)}`] : []);
  const lines = ["", "By file:", ...p.files.map((f) => `  ${f.name}: ${breakdownWords(f)}`)];
  const departments = cut(p.departments, limit);
  lines.push("", `By department (${count(p.departments.length)}):`, ...departments.shown.map((d) => `  ${d.name}: ${breakdownWords(d)}`), ...more(departments.more, "department"));
  const duplicates = cut(p.duplicates, limit);
  lines.push(
    "",
    p.duplicates.length === 0
      ? "No contract ID is in more than one file."
      : `Contract IDs in more than one file (${count(p.duplicates.length)}), each kept as its own contract:`,
    ...duplicates.shown.map((d) => `  ${d.id}: ${placesWords(d)}`),
    ...more(duplicates.more, "ID"),
  );
  if (p.notRead.length) lines.push("", `Not read (${count(p.notRead.length)}):`, ...p.notRead.map((n) => `  ${n.name}: ${n.reason}`));
  return `${rollupHeading(p)}\n${renderSummary(p.summary, "text", withDuties(p, layout))}${lines.map(oneLine).join("\n")}\n`;
}

const BREAKDOWN_HEADERS = ["Contracts", "Red", "Amber", "Green", "Unrated", "Probably closed", "Closed", "Level 3", "Level 2", "Level 1", "Value at risk"];
const breakdownCells = (b: Breakdown): string[] => [
  count(b.contractsRead),
  count(b.red),
  count(b.amber),
  count(b.green),
  count(b.unrated),
  count(b.probablyClosed),
  count(b.closed),
  count(b.byLevel[3]),
  count(b.byLevel[2]),
  count(b.byLevel[1]),
  money(b.valueAtRisk),
];

function renderRollupMarkdown(p: Portfolio, layout: SummaryLayout): string {
  const limit = layout.limit ?? DEFAULT_LIMIT;
  const table = (first: string, rows: readonly Breakdown[]): string[] => [
    `| ${first} | ${BREAKDOWN_HEADERS.join(" | ")} |`,
    `| --- |${" ---: |".repeat(BREAKDOWN_HEADERS.length)}`,
    ...rows.map((b) => `| ${markdownText(b.name)} | ${breakdownCells(b).map(markdownText).join(" | ")} |`),
  ];
  const more = (n: number, what: string): string[] => (n > 0 ? ["", markdownText(andMore(n, what, layout))] : []);
  const departments = cut(p.departments, limit);
  const duplicates = cut(p.duplicates, limit);
  const lines = [
    "",
    "## By file",
    "",
    ...table("File", p.files),
    "",
    `## By department (${count(p.departments.length)})`,
    "",
    ...table("Department", departments.shown),
    ...more(departments.more, "department"),
    "",
    "## Contract IDs in more than one file",
    "",
    p.duplicates.length === 0 ? "None." : markdownText(`${count(p.duplicates.length)}, each kept as its own contract:`),
    ...(duplicates.shown.length ? ["", ...duplicates.shown.map((d) => `- ${markdownText(d.id)}: ${markdownText(placesWords(d))}`)] : []),
    ...more(duplicates.more, "ID"),
  ];
  if (p.notRead.length) lines.push("", "## Not read", "", ...p.notRead.map((n) => `- ${markdownText(n.name)}: ${markdownText(n.reason)}`));
  return `# ${markdownText(rollupHeading(p))}\n\n${renderSummary(p.summary, "markdown", withDuties(p, layout)).replace(/^# /, "## ")}${lines.join("\n")}\n`;
}

function renderRollupHtml(p: Portfolio, layout: SummaryLayout): string {
  const limit = layout.limit ?? DEFAULT_LIMIT;
  const cell = "padding:4px 8px;border:1px solid #D0D0D0;vertical-align:top";
  const h3 = (text: string): string => `<h3 style="font-size:15px;margin:16px 0 6px">${escapeHtml(text)}</h3>`;
  const para = (text: string): string => `<p style="margin:8px 0">${escapeHtml(text)}</p>`;
  const table = (first: string, rows: readonly Breakdown[]): string =>
    `<table style="border-collapse:collapse;font-size:13px"><thead><tr>${[first, ...BREAKDOWN_HEADERS].map((h) => `<th style="${cell};background:#F3F3F3;text-align:left">${h}</th>`).join("")}</tr></thead><tbody>` +
    rows.map((b) => `<tr><td style="${cell}">${escapeHtml(b.name)}</td>${breakdownCells(b).map((v) => `<td style="${cell};text-align:right">${escapeHtml(v)}</td>`).join("")}</tr>`).join("") +
    "</tbody></table>";
  const more = (n: number, what: string): string => (n > 0 ? para(andMore(n, what, layout)) : "");
  const departments = cut(p.departments, limit);
  const duplicates = cut(p.duplicates, limit);
  const out = [
    `<h2 style="font-family:Segoe UI,Arial,sans-serif;font-size:18px;margin:0 0 8px">${escapeHtml(rollupHeading(p))}</h2>`,
    renderSummary(p.summary, "html", withDuties(p, layout)).trimEnd(),
    `<div style="font-family:Segoe UI,Arial,sans-serif;font-size:14px;color:#242424">`,
    h3("By file"),
    table("File", p.files),
    h3(`By department (${count(p.departments.length)})`),
    table("Department", departments.shown),
    more(departments.more, "department"),
    h3("Contract IDs in more than one file"),
    p.duplicates.length === 0 ? para("None.") : para(`${count(p.duplicates.length)}, each kept as its own contract:`),
    duplicates.shown.length ? `<ul style="margin:0 0 12px;padding-left:20px">${duplicates.shown.map((d) => `<li>${escapeHtml(`${d.id}: ${placesWords(d)}`)}</li>`).join("")}</ul>` : "",
    more(duplicates.more, "ID"),
    p.notRead.length ? `${h3("Not read")}<ul style="margin:0 0 12px;padding-left:20px">${p.notRead.map((n) => `<li>${escapeHtml(`${n.name}: ${n.reason}`)}</li>`).join("")}</ul>` : "",
    "</div>",
  ];
  return `${out.filter(Boolean).join("\n")}\n`;
}

/**
 * The roll-up's JSON: the summary's (every contract, decision and duty naming its `file`; the
 * duties as `procurementAct` where any file has some, as for one register), then the breakdowns,
 * duplicates and files not read, whatever the limit.
 * @example (portfolioJson(portfolio(parts, [])) as { procurementAct: { file: string }[] }).procurementAct[0].file → "duties-tracker.xlsx"
 */
export function portfolioJson(p: Portfolio): unknown {
  const breakdown = (b: Breakdown) => ({ ...b, byLevel: { "1": b.byLevel[1], "2": b.byLevel[2], "3": b.byLevel[3] } });
  const summary = summaryJson(p.summary) as Record<string, unknown>;
  return {
    files: p.files.map(breakdown),
    ...summary,
    ...(p.duties.length > 0 ? { procurementAct: dutiesJson(p.duties) } : {}),
    departments: p.departments.map(breakdown),
    duplicateIds: p.duplicates,
    notRead: p.notRead,
  };
}

/**
 * The portfolio roll-up in one of the summary's formats. Text, Markdown and HTML cut each list at
 * `layout.limit` (departments and duplicate IDs too) and say how many more; JSON holds everything.
 * @example renderPortfolio(portfolio(parts, []), "text").split("\n")[0] → "Portfolio roll-up of 2 registers: adults.xlsx, children.csv"
 */
export function renderPortfolio(p: Portfolio, format: SummaryFormat, layout: SummaryLayout = {}): string {
  switch (format) {
    case "text":
      return renderRollupText(p, layout);
    case "markdown":
      return renderRollupMarkdown(p, layout);
    case "html":
      return renderRollupHtml(p, layout);
    case "json":
      return `${JSON.stringify(portfolioJson(p), null, 2)}\n`;
  }
}
