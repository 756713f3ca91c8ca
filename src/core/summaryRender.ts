import { formatAmount } from "./currencies";
import { formatSerial } from "./dates";
import type { EscalationSummary, SummaryContract, ValueAtRisk } from "./escalationSummary";

/** The formats the summary is rendered in (CLI `--format`, task pane copy buttons). */
export type SummaryFormat = "text" | "markdown" | "html" | "json";
export const SUMMARY_FORMATS: readonly SummaryFormat[] = ["text", "markdown", "html", "json"];

const dmy = (serial: number | null): string => (serial === null ? "" : formatSerial(serial, "dmy"));
const iso = (serial: number | null): string | null => (serial === null ? null : formatSerial(serial, "iso"));
const count = (n: number): string => n.toLocaleString("en-GB");
const plural = (n: number, one: string, many = `${one}s`): string => `${count(n)} ${n === 1 ? one : many}`;

/**
 * The value at risk in words: each currency's total with its symbol, a plain number where the
 * register named no currency, "not known" where there is nothing to add up — never a made-up 0.
 * @example valueAtRiskText({ totals: [{ currency: "GBP", amount: 1234567 }], contractsWithoutValue: 0 }) → "£1,234,567"
 */
export function valueAtRiskText(value: ValueAtRisk | null, locale = "en-GB"): string {
  if (value === null) return "not known (the register has no value column)";
  const { totals, contractsWithoutValue } = value;
  const escalated = (n: number): string => `${n.toLocaleString(locale)} escalated contract${n === 1 ? "" : "s"}`;
  if (totals.length === 0) return contractsWithoutValue === 0 ? formatAmount(0, null, locale) : `not known (no value given for the ${escalated(contractsWithoutValue)})`;
  const several = totals.length > 1;
  const shown = totals.map((t) => (t.currency === null && several ? `${formatAmount(t.amount, null, locale)} in no stated currency` : formatAmount(t.amount, t.currency, locale)));
  return `${shown.join(" + ")}${contractsWithoutValue > 0 ? ` (and ${escalated(contractsWithoutValue)} with no value given)` : ""}`;
}

/** Title line of every format. */
export function summaryTitle(summary: EscalationSummary): string {
  return `Escalation summary as of ${dmy(summary.asOf)}`;
}

/** The headline figures as short sentences, shared by the formats. */
export function summaryHeadlines(summary: EscalationSummary): string[] {
  const n = summary.contracts.length;
  const live = summary.counts.red + summary.counts.amber + summary.counts.green + summary.counts.unrated;
  const levels = ([3, 2, 1] as const).filter((l) => summary.byLevel[l] > 0).map((l) => `${count(summary.byLevel[l])} at level ${l} (${summary.ladder[l]})`);
  return [
    n === 0 ? "No contract needs escalating." : `${plural(n, "contract needs", "contracts need")} attention: ${levels.join(", ")}.`,
    `RAG across ${plural(live, "live contract")}: Red ${count(summary.counts.red)} · Amber ${count(summary.counts.amber)} · Green ${count(summary.counts.green)} · Unrated ${count(summary.counts.unrated)}.` +
      (summary.closedContracts > 0 ? ` ${plural(summary.closedContracts, "closed contract")} left out.` : ""),
    `Value at risk: ${valueAtRiskText(summary.valueAtRisk)}.`,
  ];
}

/** The facts line of one contract: manager, dates, slippage. */
function facts(c: SummaryContract): string[] {
  const parts: string[] = [];
  if (c.contractManager) parts.push(`Contract manager: ${c.contractManager}`);
  if (c.endDate !== null && c.daysToExpiry !== null) parts.push(c.daysToExpiry < 0 ? `Ended ${dmy(c.endDate)} (${c.daysToExpiry === -1 ? "yesterday" : `${count(-c.daysToExpiry)} days ago`})` : `Ends ${dmy(c.endDate)} (${c.daysToExpiry === 0 ? "today" : c.daysToExpiry === 1 ? "tomorrow" : `in ${count(c.daysToExpiry)} days`})`);
  if (c.noticeDate !== null) parts.push(`Notice date ${dmy(c.noticeDate)}`);
  if (c.worstSlippage !== null) parts.push(`Worst slippage ${count(c.worstSlippage)} days${c.worstMilestone ? ` ("${c.worstMilestone}")` : ""}`);
  return parts;
}

const heading = (c: SummaryContract): string => `${c.id}${c.title ? ` — ${c.title}` : ""}${c.supplier ? ` (${c.supplier})` : ""}`;

/** Plain text, for an email body or a terminal. */
export function renderText(summary: EscalationSummary): string {
  const lines = [summaryTitle(summary), ...summaryHeadlines(summary)];
  summary.contracts.forEach((c, i) => {
    lines.push("", `${i + 1}. [Level ${c.level} · ${c.rag ?? "Unrated"}] ${heading(c)}`);
    const f = facts(c);
    if (f.length) lines.push(`   ${f.join(" · ")}`);
    if (c.reasons.length) lines.push(`   Why: ${c.reasons.join("; ")}`);
    lines.push(`   Action: ${c.action}`, `   Escalate to: ${c.escalateTo}${c.openEscalation ? ` (already logged as ${c.openEscalation})` : ""}`);
  });
  return `${lines.join("\n")}\n`;
}

/** Cell text made inert for Markdown: no table breaks, no markup, no inline HTML. */
function md(value: string): string {
  return value.replace(/\r?\n/g, " ").replace(/[\\`*_[\]|<>~]/g, (ch) => (ch === "<" ? "&lt;" : ch === ">" ? "&gt;" : `\\${ch}`));
}

/** Markdown: headline list and one table row per contract. */
export function renderMarkdown(summary: EscalationSummary): string {
  const lines = [`# ${summaryTitle(summary)}`, "", ...summaryHeadlines(summary).map((h) => `- ${md(h)}`)];
  if (summary.contracts.length) {
    lines.push("", "| # | Level | RAG | Contract | Supplier | Contract manager | Ends | Notice date | Why | Action |", "| ---: | ---: | --- | --- | --- | --- | --- | --- | --- | --- |");
    summary.contracts.forEach((c, i) => {
      const cells = [String(i + 1), String(c.level), c.rag ?? "Unrated", md(`${c.id}${c.title ? ` — ${c.title}` : ""}`), md(c.supplier), md(c.contractManager), dmy(c.endDate), dmy(c.noticeDate), md(c.reasons.join("; ")), md(c.action)];
      lines.push(`| ${cells.join(" | ")} |`);
    });
  }
  return `${lines.join("\n")}\n`;
}

/** Text made safe inside HTML elements and attributes. @example escapeHtml('<img src=x onerror=alert(1)>') → '&lt;img src=x onerror=alert(1)&gt;' */
export function escapeHtml(value: string): string {
  return value.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");
}

const RAG_STYLE: Record<string, string> = {
  Red: "background:#F8CBAD;color:#9C0006",
  Amber: "background:#FFE699;color:#7F6000",
  Green: "background:#C6EFCE;color:#006100",
  Unrated: "background:#EDEDED;color:#3B3B3B",
};

/** An HTML fragment for an email: inline styles only (mail clients drop style sheets), every piece of cell text escaped. */
export function renderHtml(summary: EscalationSummary): string {
  const cell = "padding:4px 8px;border:1px solid #D0D0D0;vertical-align:top;text-align:left";
  const out = [
    `<div style="font-family:Segoe UI,Arial,sans-serif;font-size:14px;color:#242424">`,
    `<h2 style="font-size:18px;margin:0 0 8px">${escapeHtml(summaryTitle(summary))}</h2>`,
    `<ul style="margin:0 0 12px;padding-left:20px">${summaryHeadlines(summary).map((h) => `<li>${escapeHtml(h)}</li>`).join("")}</ul>`,
  ];
  if (summary.contracts.length) {
    const headers = ["#", "Level", "RAG", "Contract", "Supplier", "Contract manager", "Ends", "Notice date", "Why", "Action"];
    out.push(`<table style="border-collapse:collapse;font-size:13px"><thead><tr>${headers.map((h) => `<th style="${cell};background:#F3F3F3">${h}</th>`).join("")}</tr></thead><tbody>`);
    summary.contracts.forEach((c, i) => {
      const rag = c.rag ?? "Unrated";
      const contract = `<strong>${escapeHtml(c.id)}</strong>${c.title ? `<br>${escapeHtml(c.title)}` : ""}`;
      const why = c.reasons.map(escapeHtml).join("<br>");
      out.push(
        `<tr><td style="${cell}">${i + 1}</td><td style="${cell}">${c.level}</td><td style="${cell};${RAG_STYLE[rag]}">${rag}</td><td style="${cell}">${contract}</td>` +
          `<td style="${cell}">${escapeHtml(c.supplier)}</td><td style="${cell}">${escapeHtml(c.contractManager)}</td><td style="${cell}">${dmy(c.endDate)}</td>` +
          `<td style="${cell}">${dmy(c.noticeDate)}</td><td style="${cell}">${why}</td><td style="${cell}">${escapeHtml(c.action)}</td></tr>`,
      );
    });
    out.push("</tbody></table>");
  }
  out.push("</div>");
  return `${out.join("\n")}\n`;
}

/** The JSON of the command line: dates ISO, contracts in ranked order. */
export function summaryJson(summary: EscalationSummary): unknown {
  return {
    asOf: iso(summary.asOf),
    counts: summary.counts,
    byLevel: { "1": summary.byLevel[1], "2": summary.byLevel[2], "3": summary.byLevel[3] },
    // One total per currency (null: not stated); null when the register has no value column.
    valueAtRisk: summary.valueAtRisk,
    contracts: summary.contracts.map((c) => ({
      id: c.id,
      title: c.title,
      supplier: c.supplier,
      contractManager: c.contractManager,
      rag: c.rag,
      level: c.level,
      reasons: c.reasons,
      daysToExpiry: c.daysToExpiry,
      noticeDate: iso(c.noticeDate),
      worstSlippage: c.worstSlippage,
      action: c.action,
    })),
  };
}

/** The summary in one of the formats. */
export function renderSummary(summary: EscalationSummary, format: SummaryFormat): string {
  switch (format) {
    case "text":
      return renderText(summary);
    case "markdown":
      return renderMarkdown(summary);
    case "html":
      return renderHtml(summary);
    case "json":
      return `${JSON.stringify(summaryJson(summary), null, 2)}\n`;
  }
}
