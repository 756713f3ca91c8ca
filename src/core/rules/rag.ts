import type { TrackerSettings } from "../settings";
import { decideByStatus } from "./decideBy";

/** Red/amber/green status, worst first in RAG_ORDER. */
export type Rag = "Red" | "Amber" | "Green";

/** Worst first. */
export const RAG_ORDER: readonly Rag[] = ["Red", "Amber", "Green"];

/**
 * How a cell shows a contract contractRag cannot rate (null): its expiry is not known and nothing
 * else is Amber or Red. A word rather than a blank, so an unknown reads as unknown, not as nothing.
 * @example contractRag(inputs, settings) ?? UNRATED → "Unrated"
 */
export const UNRATED = "Unrated";

/** True for the text `Unrated` as a cell holds it, any case, spaces around. @example isUnratedText(" unrated ") → true */
export const isUnratedText = (text: string): boolean => text.trim().toLowerCase() === "unrated";

/** What RAG can weigh; null where not known. Attainment and variance are fractions (1 = 100%). */
export interface RagInputs {
  daysToExpiry: number | null;
  slippageDays: number | null;
  kpiAttainment: number | null;
  spendVariance: number | null;
  /**
   * Days to the decide-by date (rules/decideBy), negative once passed, and days to the notice date:
   * a passed decide-by date is Amber, Red from the notice date on. Left out (undefined) by callers
   * that do not weigh decide-by dates (a milestone's RAG).
   */
  daysToDecide?: number | null;
  daysToNotice?: number | null;
}

/** One component's status and the words that explain it. */
export interface RagComponent {
  status: Rag;
  /** e.g. `expires in 45 days` (a line is capitalised when it is put together) */
  finding: string;
  /** the rule that made it this status, e.g. `red at 90 or fewer`; empty for green */
  rule: string;
}

const plural = (n: number, unit: string): string => `${n} ${unit}${n === 1 ? "" : "s"}`;

/** 0.925 → "92.5" */
function percent(fraction: number): string {
  return String(Math.round(fraction * 1000) / 10);
}

// Statuses alone, without words: RAG runs over whole columns, so it must not build strings it discards.
const expiryStatus = (days: number, s: TrackerSettings): Rag => (days <= s.expiryRedDays ? "Red" : days <= s.expiryAmberDays ? "Amber" : "Green");
const slippageStatus = (days: number, s: TrackerSettings): Rag => (days > s.slippageRedDays ? "Red" : days > s.slippageAmberDays ? "Amber" : "Green");
const kpiStatus = (attainment: number, s: TrackerSettings): Rag => (attainment < s.kpiRedBelow ? "Red" : attainment < s.kpiAmberBelow ? "Amber" : "Green");
const spendStatus = (variance: number, s: TrackerSettings): Rag => (variance > s.spendRedAbove ? "Red" : variance > s.spendAmberAbove ? "Amber" : "Green");

// The rule that made a component Red or Amber, in words; "" for Green.
const expiryRule = (status: Rag, s: TrackerSettings): string =>
  status === "Red" ? `red at ${s.expiryRedDays} or fewer` : status === "Amber" ? `amber at ${s.expiryAmberDays} or fewer` : "";
const slippageRule = (status: Rag, s: TrackerSettings): string =>
  status === "Red" ? `red above ${plural(s.slippageRedDays, "day")}` : status === "Amber" ? `amber above ${plural(s.slippageAmberDays, "day")}` : "";
const kpiRule = (status: Rag, s: TrackerSettings): string =>
  status === "Red" ? `red below ${percent(s.kpiRedBelow)}%` : status === "Amber" ? `amber below ${percent(s.kpiAmberBelow)}%` : "";
const spendRule = (status: Rag, s: TrackerSettings): string =>
  status === "Red" ? `red above ${percent(s.spendRedAbove)}%` : status === "Amber" ? `amber above ${percent(s.spendAmberAbove)}%` : "";
const decideByRule = (status: "Red" | "Amber"): string => (status === "Red" ? "red from the notice date" : "amber once passed");

function expiryComponent(days: number, s: TrackerSettings): RagComponent {
  const status = expiryStatus(days, s);
  const finding = days < 0 ? `expired ${plural(-days, "day")} ago` : days === 0 ? "expires today" : `expires in ${plural(days, "day")}`;
  return { status, finding, rule: days < 0 ? "" : expiryRule(status, s) };
}

function slippageComponent(days: number, s: TrackerSettings): RagComponent {
  const status = slippageStatus(days, s);
  const finding = days > 0 ? `milestone ${plural(days, "day")} late` : days === 0 ? "milestone on time" : `milestone ${plural(-days, "day")} early`;
  return { status, finding, rule: slippageRule(status, s) };
}

function kpiComponent(attainment: number, s: TrackerSettings): RagComponent {
  const status = kpiStatus(attainment, s);
  return { status, finding: `KPI attainment ${percent(attainment)}%`, rule: kpiRule(status, s) };
}

function spendComponent(variance: number, s: TrackerSettings): RagComponent {
  const status = spendStatus(variance, s);
  const finding =
    variance > 0 ? `spend ${percent(variance)}% over budget` : variance === 0 ? "spend on budget" : `spend ${percent(-variance)}% under budget`;
  return { status, finding, rule: spendRule(status, s) };
}

function decideByComponent(status: "Red" | "Amber", daysToDecide: number): RagComponent {
  return { status, finding: `decide-by date passed ${plural(-daysToDecide, "day")} ago`, rule: decideByRule(status) };
}

const decideStatus = (inputs: RagInputs): "Red" | "Amber" | null =>
  inputs.daysToDecide === undefined || inputs.daysToDecide === null ? null : decideByStatus(inputs.daysToDecide, inputs.daysToNotice ?? null, inputs.daysToExpiry);

/**
 * The status of each component that is known, in argument order.
 * @example ragComponents({ daysToExpiry: 45, slippageDays: null, … }, DEFAULT_SETTINGS)[0].status → "Red"
 */
export function ragComponents(inputs: RagInputs, settings: TrackerSettings): RagComponent[] {
  const components: RagComponent[] = [];
  if (inputs.daysToExpiry !== null) components.push(expiryComponent(inputs.daysToExpiry, settings));
  if (inputs.slippageDays !== null) components.push(slippageComponent(inputs.slippageDays, settings));
  if (inputs.kpiAttainment !== null) components.push(kpiComponent(inputs.kpiAttainment, settings));
  if (inputs.spendVariance !== null) components.push(spendComponent(inputs.spendVariance, settings));
  const decide = decideStatus(inputs);
  if (decide !== null) components.push(decideByComponent(decide, inputs.daysToDecide ?? 0));
  return components;
}

/** Which part of RAG a component weighs. */
export type RagComponentKind = "expiry" | "milestone" | "KPI" | "spend" | "decide-by";

/** A component that is not Green: which it is, its status and the rule that made it so (`red at 90 or fewer`; "" for a passed end date). */
export interface RagConcern {
  kind: RagComponentKind;
  status: "Red" | "Amber";
  rule: string;
}

/**
 * The components that are Red or Amber, in ragComponents' order, without their findings in words:
 * for a caller that writes its own sentence from the figures (the escalation summary explains
 * tens of thousands of contracts, and would discard every finding ragComponents builds).
 * @example ragConcerns({ daysToExpiry: 45, slippageDays: 3, kpiAttainment: null, spendVariance: null }, DEFAULT_SETTINGS) → [{ kind: "expiry", status: "Red", rule: "red at 90 or fewer" }]
 */
export function ragConcerns(inputs: RagInputs, s: TrackerSettings): RagConcern[] {
  // Pushed in place, no helper closure: the summary asks for every contract it explains.
  const concerns: RagConcern[] = [];
  if (inputs.daysToExpiry !== null) {
    const status = expiryStatus(inputs.daysToExpiry, s);
    if (status !== "Green") concerns.push({ kind: "expiry", status, rule: inputs.daysToExpiry < 0 ? "" : expiryRule(status, s) });
  }
  if (inputs.slippageDays !== null) {
    const status = slippageStatus(inputs.slippageDays, s);
    if (status !== "Green") concerns.push({ kind: "milestone", status, rule: slippageRule(status, s) });
  }
  if (inputs.kpiAttainment !== null) {
    const status = kpiStatus(inputs.kpiAttainment, s);
    if (status !== "Green") concerns.push({ kind: "KPI", status, rule: kpiRule(status, s) });
  }
  if (inputs.spendVariance !== null) {
    const status = spendStatus(inputs.spendVariance, s);
    if (status !== "Green") concerns.push({ kind: "spend", status, rule: spendRule(status, s) });
  }
  const decide = decideStatus(inputs);
  if (decide !== null) concerns.push({ kind: "decide-by", status: decide, rule: decideByRule(decide) });
  return concerns;
}

// Compared by value, not looked up by name: RAG weighs four components a row over whole columns.
const worse = (a: Rag | null, b: Rag): Rag => (a === null || b === "Red" || (b === "Amber" && a === "Green") ? b : a);

/** The worst of some statuses, or null when there are none. @example worstOf(["Green", "Amber"]) → "Amber" */
export function worstOf(statuses: Iterable<Rag>): Rag | null {
  let worst: Rag | null = null;
  for (const status of statuses) {
    if (status === "Red") return "Red";
    if (status === "Amber" || worst === null) worst = status;
  }
  return worst;
}

/** The overall status: the worst component, or null when nothing is known. @example ragStatus({ daysToExpiry: 400, slippageDays: 12, … }) → "Amber" */
export function ragStatus(inputs: RagInputs, settings: TrackerSettings): Rag | null {
  let status: Rag | null = null;
  if (inputs.daysToExpiry !== null) status = worse(status, expiryStatus(inputs.daysToExpiry, settings));
  if (inputs.slippageDays !== null) status = worse(status, slippageStatus(inputs.slippageDays, settings));
  if (inputs.kpiAttainment !== null) status = worse(status, kpiStatus(inputs.kpiAttainment, settings));
  if (inputs.spendVariance !== null) status = worse(status, spendStatus(inputs.spendVariance, settings));
  if (inputs.daysToDecide !== undefined && inputs.daysToDecide !== null) {
    const decide = decideStatus(inputs);
    if (decide !== null) status = worse(status, decide);
  }
  return status;
}

/**
 * One line saying which components drove the status: every component that is not green, the ones
 * at the overall status with their rule. Empty when nothing is known.
 * @example ragReason({ daysToExpiry: 45, slippageDays: 12, … }) → "Expires in 45 days (red at 90 or fewer); milestone 12 days late"
 */
export function ragReason(inputs: RagInputs, settings: TrackerSettings): string {
  const components = ragComponents(inputs, settings);
  const overall = worstOf(components.map((c) => c.status));
  if (overall === null) return "";
  const line =
    overall === "Green"
      ? `On track: ${components.map((c) => c.finding).join("; ")}`
      : components
          .filter((c) => c.status !== "Green")
          .map((c) => (c.status === overall && c.rule ? `${c.finding} (${c.rule})` : c.finding))
          .join("; ");
  return line.charAt(0).toUpperCase() + line.slice(1);
}

/**
 * A contract's RAG: the worst component, except that a contract whose expiry is not known (blank,
 * unreadable or stand-in end date) is never Green — it is Unrated (null), unless a milestone, KPI
 * or spend already makes it Amber or Red. A known problem stays a problem; an unknown end date is
 * never an all-clear (a register where 3,169 of 3,699 contracts end on 31/12/2099 is not 98% Green).
 * @example contractRag({ daysToExpiry: null, slippageDays: 0, kpiAttainment: 1, spendVariance: null }) → null
 * @example contractRag({ daysToExpiry: null, slippageDays: 12, … }) → "Amber"
 */
export function contractRag(inputs: RagInputs, settings: TrackerSettings): Rag | null {
  const rag = ragStatus(inputs, settings);
  return inputs.daysToExpiry === null && rag === "Green" ? null : rag;
}

/**
 * contractRag's reason in one line. With the expiry not known it starts from `unknownEnd` (the
 * reason in words, e.g. `No real end date: 31/12/2099 is a stand-in`), then the other components.
 * @example contractRagReason({ daysToExpiry: null, slippageDays: 0, … }, s, "No end date") → "Unrated: no end date; milestone on time"
 */
export function contractRagReason(inputs: RagInputs, settings: TrackerSettings, unknownEnd = "No end date"): string {
  if (inputs.daysToExpiry !== null) return ragReason(inputs, settings);
  const others = ragReason(inputs, settings);
  const gap = unknownEnd.charAt(0).toLowerCase() + unknownEnd.slice(1);
  if (contractRag(inputs, settings) === null) {
    const known = ragComponents(inputs, settings).map((c) => c.finding);
    return `Unrated: ${gap}${known.length ? `; ${known.join("; ")}` : ""}`;
  }
  return `${others}; ${gap}`;
}

/** Reads `Red`, `amber`, `G` … as a status, or null. @example parseRag(" red ") → "Red" */
export function parseRag(text: string): Rag | null {
  switch (text.trim().toLowerCase()) {
    case "red":
    case "r":
      return "Red";
    case "amber":
    case "a":
    case "yellow":
      return "Amber";
    case "green":
    case "g":
      return "Green";
    default:
      return null;
  }
}
