/**
 * The contract card's forms: add a milestone or a risk, record a change, log an escalation. Each
 * takes what the user typed (text, as typed), checks every field and either says plainly what to
 * fix or appends one row to the right table, laid out by that table's own headers. A table the
 * workbook lacks is created first, as set-up would. Text is stored as text, never as a formula.
 */
import { WHICH_CONTRACT, contractsById, relatedByContract } from "../core/contractNames";
import { assessContract } from "../core/contractAssessment";
import type { NormalisedRow } from "../core/normalise";
import type { Rag } from "../core/rules/rag";
import { ragStatus } from "../core/rules/rag";
import { slippageDays } from "../core/rules/slippage";
import { CHANGE_STATUSES, CHANGES, ESCALATIONS, MILESTONES, RISKS, RISK_STATUSES } from "../core/schema";
import type { WorkbookPort } from "../workbook/port";
import { riskRag } from "./contractCard";
import { dateInWords } from "../core/dateWords";
import { FormCheck, FormResult, contractIdOf, datedIdPrefix, nextId } from "./formInput";
import { textOf } from "./paneData";
import { appendTrackerRow, idsIn } from "./trackerTables";
import { ReadOptions, readTracker } from "./trackerData";

/** Where a form's row went: the table and its 0-based place in the table's body. */
export interface Appended {
  table: string;
  bodyIndex: number;
  /** The contract's ID as the register writes it. */
  contractId: string;
  /** Where other rows of the register share that ID: what the row's Which contract cell says to tell this contract apart (core/contractNames). Absent when the ID is the contract's own. */
  whichContract?: string;
}

/** Which contract a form is for: its name (`contractId`) and, from the card, its 1-based sheet row, which tells it from others sharing its ID. */
interface ForContract {
  contractId: string;
  /** The contract's 1-based sheet row, as the card has it; needed where several rows share the ID, checked against the ID always. */
  contractRow?: number;
}

/** The contract's cells of a new record: its ID, and where other rows share that ID, what tells it apart. */
function recordOf(contract: NormalisedRow, contracts: readonly NormalisedRow[]): { fields: { contractId: string; [WHICH_CONTRACT]: string | null }; said: { contractId: string; whichContract?: string } } {
  const contractId = contractIdOf(contract);
  const which = contractsById(contracts).whichContract(contract);
  return { fields: { contractId, [WHICH_CONTRACT]: which }, said: which === null ? { contractId } : { contractId, whichContract: which } };
}

const label = (table: { fields: readonly { key: string; header: string }[] }, key: string): string => table.fields.find((f) => f.key === key)?.header ?? key;

export interface MilestoneInput extends ForContract {
  milestone: string;
  baselineDate: string;
  forecastDate?: string;
  actualDate?: string;
  owner?: string;
}

/**
 * Adds a milestone to the Milestones table.
 * @example addMilestone(port, { contractId: "C-002", milestone: "Data migration", baselineDate: "31/03/2026" })
 */
export async function addMilestone(port: WorkbookPort, input: MilestoneInput, options: ReadOptions = {}): Promise<FormResult<Appended & { slippageDays: number | null; rag: Rag | null }>> {
  const { data, tables } = await readTracker(port, options);
  const check = new FormCheck(data.settings.dateOrder);
  const contract = check.contract("contractId", input.contractId, data.contracts, input.contractRow);
  const milestone = check.text("milestone", label(MILESTONES, "milestone"), input.milestone, "say what is to be achieved");
  const baseline = check.date("baselineDate", label(MILESTONES, "baselineDate"), input.baselineDate, true);
  const forecast = check.date("forecastDate", label(MILESTONES, "forecastDate"), input.forecastDate);
  const actual = check.date("actualDate", label(MILESTONES, "actualDate"), input.actualDate);
  const owner = check.text("owner", label(MILESTONES, "owner"), input.owner);
  if (!check.ok || contract === null || baseline === null) return { ok: false, errors: check.errors };
  const record = recordOf(contract, data.contracts);
  const where = await appendTrackerRow(port, "Milestones", tables.get("Milestones"), { ...record.fields, milestone, baselineDate: baseline, forecastDate: forecast, actualDate: actual, owner }, data.settings.dateOrder);
  const slip = slippageDays({ baseline, forecast, actual }, data.asOf);
  const rag = ragStatus({ daysToExpiry: null, slippageDays: slip, kpiAttainment: null, spendVariance: null }, data.settings);
  return { ok: true, ...where, ...record.said, slippageDays: slip, rag };
}

export interface RiskInput extends ForContract {
  risk: string;
  /** 1 (rare) to 5 (almost certain). */
  likelihood: string;
  /** 1 (minor) to 5 (severe). */
  impact: string;
  owner?: string;
  mitigation?: string;
  /** Open (the default), Mitigating or Closed. */
  status?: string;
}

/** Adds a risk to the Risks table; its Score and RAG are the table's formulas (and are given back worked out). */
export async function addRisk(port: WorkbookPort, input: RiskInput, options: ReadOptions = {}): Promise<FormResult<Appended & { score: number; rag: Rag }>> {
  const { data, tables } = await readTracker(port, options, ["Risks"]);
  const check = new FormCheck(data.settings.dateOrder);
  const contract = check.contract("contractId", input.contractId, data.contracts, input.contractRow);
  const risk = check.text("risk", label(RISKS, "risk"), input.risk, "say what might happen");
  const likelihood = check.wholeNumber("likelihood", label(RISKS, "likelihood"), input.likelihood, 1, 5);
  const impact = check.wholeNumber("impact", label(RISKS, "impact"), input.impact, 1, 5);
  const owner = check.text("owner", label(RISKS, "owner"), input.owner);
  const mitigation = check.text("mitigation", label(RISKS, "mitigation"), input.mitigation);
  const status = check.choice("status", label(RISKS, "status"), input.status, RISK_STATUSES, "Open");
  if (!check.ok || contract === null || likelihood === null || impact === null) return { ok: false, errors: check.errors };
  const record = recordOf(contract, data.contracts);
  const where = await appendTrackerRow(port, "Risks", tables.get("Risks"), { ...record.fields, risk, likelihood, impact, owner, mitigation, status }, data.settings.dateOrder);
  const score = likelihood * impact;
  return { ok: true, ...where, ...record.said, score, rag: riskRag(score) ?? "Green" };
}

export interface ChangeInput extends ForContract {
  description: string;
  /** Change in the contract's value: `12,000`, `-£500` (a saving); blank when none. */
  valueImpact?: string;
  /** Proposed (the default), Approved, Rejected or Implemented. */
  status?: string;
  /** When it was requested; the as-of date when blank. */
  requested?: string;
  approvedBy?: string;
  approvedOn?: string;
  /** The end date the change sets, where it extends or shortens the term (Procurement Act 2023 s.75: a term change counts against the maximum term). */
  newEndDate?: string;
}

/** Records a change to a contract in the Changes table under a new Change ID (`CHG-20261125-001`). */
export async function recordChangeFor(port: WorkbookPort, input: ChangeInput, options: ReadOptions = {}): Promise<FormResult<Appended & { changeId: string }>> {
  const { data, tables } = await readTracker(port, options, ["Changes"]);
  const check = new FormCheck(data.settings.dateOrder);
  const contract = check.contract("contractId", input.contractId, data.contracts, input.contractRow);
  const description = check.text("description", label(CHANGES, "description"), input.description, "say what changes");
  const valueImpact = check.money("valueImpact", label(CHANGES, "valueImpact"), input.valueImpact);
  const status = check.choice("status", label(CHANGES, "status"), input.status, CHANGE_STATUSES, "Proposed");
  const requested = check.date("requested", label(CHANGES, "requested"), input.requested) ?? data.asOf;
  // An approval is someone's, on or after the request: a change cannot be approved before it was asked for.
  const approved = status !== null && /^approved$/i.test(status);
  const approvedBy = check.text("approvedBy", label(CHANGES, "approvedBy"), input.approvedBy, approved ? `say who approved it (the status is ${status})` : undefined);
  const approvedOn = check.date("approvedOn", label(CHANGES, "approvedOn"), input.approvedOn);
  if (approvedOn !== null && approvedOn < requested) {
    check.refuse("approvedOn", `${label(CHANGES, "approvedOn")}: ${dateInWords(approvedOn, data.dateLocale)} is before the request date, ${dateInWords(requested, data.dateLocale)}`);
  }
  const newEndDate = check.date("newEndDate", label(CHANGES, "newEndDate"), input.newEndDate);
  if (!check.ok || contract === null) return { ok: false, errors: check.errors };
  const changes = tables.get("Changes");
  const changeId = nextId(datedIdPrefix("CHG", data.asOf), idsIn(changes, "Changes", "changeId"));
  const record = recordOf(contract, data.contracts);
  const where = await appendTrackerRow(port, "Changes", changes, { changeId, ...record.fields, description, valueImpact, requested, status, approvedBy, approvedOn, newEndDate }, data.settings.dateOrder);
  return { ok: true, ...where, ...record.said, changeId };
}

export interface EscalationInput extends ForContract {
  /** 1 contract manager · 2 commercial lead · 3 senior responsible owner. */
  level: string;
  reason: string;
  /** What is to be done; the contract's recommended action when blank. */
  action?: string;
  /** Who acts; the ladder's name for the level when blank. */
  owner?: string;
  /** Who raises it, a person's name: required (the log says who asked, never the product). */
  raisedBy?: string;
}

/**
 * Logs an escalation of a contract in the Escalations log, Open, raised at the as-of date by the
 * person named, with the contract's RAG now and a new Escalation ID (`ESC-20261125-001`).
 * `recommended` is the level the ladder gives the contract, so a caller can say when the level
 * logged is below it.
 */
export async function logEscalation(port: WorkbookPort, input: EscalationInput, options: ReadOptions = {}): Promise<FormResult<Appended & { escalationId: string; level: 1 | 2 | 3; owner: string; recommended: number }>> {
  const { data, tables } = await readTracker(port, options);
  const check = new FormCheck(data.settings.dateOrder);
  const contract = check.contract("contractId", input.contractId, data.contracts, input.contractRow);
  const level = check.wholeNumber("level", label(ESCALATIONS, "level"), input.level, 1, 3, "1, 2 or 3");
  const reason = check.text("reason", label(ESCALATIONS, "reason"), input.reason, "say why it is being escalated");
  const action = check.text("action", label(ESCALATIONS, "action"), input.action);
  const owner = check.text("owner", label(ESCALATIONS, "owner"), input.owner);
  const raisedBy = check.text("raisedBy", label(ESCALATIONS, "raisedBy"), input.raisedBy, "say who is raising it");
  if (!check.ok || contract === null || level === null) return { ok: false, errors: check.errors };
  // Rated on its own records (and those that do not say which of the contracts sharing its ID they are about), as the card shows it.
  const index = contractsById(data.contracts);
  const own = (rows: readonly NormalisedRow[]): NormalisedRow[] => relatedByContract(index, rows).get(contract) ?? [];
  const assessed = assessContract(contract, { milestones: own(data.milestones), kpis: own(data.kpis), escalations: own(data.escalations) }, data.settings, data.asOf, data.ladder, data.endDates, data.dateLocale);
  const ladderLevel = level as 1 | 2 | 3;
  const escalationId = nextId(datedIdPrefix("ESC", data.asOf), data.escalations.map((r) => textOf(r.fields.escalationId)));
  const record = recordOf(contract, data.contracts);
  const ownerNow = owner ?? data.ladder[ladderLevel];
  const where = await appendTrackerRow(port, "Escalations", tables.get("Escalations"), {
    escalationId,
    ...record.fields,
    raisedAt: data.asOf,
    raisedBy,
    level,
    rag: assessed.rag ?? null,
    reason,
    action: action ?? (assessed.action || null),
    owner: ownerNow,
    status: "Open",
  }, data.settings.dateOrder);
  return { ok: true, ...where, ...record.said, escalationId, level: ladderLevel, owner: ownerNow, recommended: assessed.level };
}
