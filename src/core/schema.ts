/**
 * The tracker's tables and their canonical fields (PRODUCT.md "The tracker workbook"). Field keys
 * are the same everywhere: code, saved mappings, CLI JSON.
 */

/** What a field holds, which decides how its cells are read. */
export type FieldKind = "id" | "text" | "date" | "money" | "number" | "fraction" | "period" | "extension" | "choice" | "boolean";

export interface FieldDefinition {
  key: string;
  /** The header the tracker writes when it creates the column. */
  header: string;
  kind: FieldKind;
  /** Allowed values of a `choice` field (drop-down validation). */
  choices?: readonly string[];
  /** A contract manager's description, shown beside a mapping. */
  meaning: string;
  /**
   * True for a field the tracker writes itself (Performance rating, which Confirm rating fills in)
   * rather than one a register is expected to hold: `map` speaks of it only where a register has
   * such a column, so it does not print "not found" for every register.
   */
  trackerMaintained?: true;
}

export interface TableDefinition {
  /** Excel table name, also the sheet name when the tracker creates it. */
  name: TableName;
  fields: readonly FieldDefinition[];
  /** Columns the tracker appends as formulas, by header (their formulas live with set-up). */
  computed: readonly string[];
}

export type TableName = "Contracts" | "Milestones" | "KPIs" | "Risks" | "Changes" | "Escalations" | "Settings";

export const TIERS = ["Gold", "Silver", "Bronze"] as const;
export const RAG_VALUES = ["Red", "Amber", "Green"] as const;
export const CHANGE_STATUSES = ["Proposed", "Approved", "Rejected", "Implemented"] as const;
export const RISK_STATUSES = ["Open", "Mitigating", "Closed"] as const;
export const ESCALATION_STATUSES = ["Open", "In progress", "Resolved"] as const;
/** The goods / services / works of the Procurement Act 2023 (core/contractType). */
export const CONTRACT_TYPE_CHOICES = ["Goods", "Services", "Works"] as const;
/** The ratings a contract performance notice gives (Procurement Act 2023 s.71; Procurement Regulations 2024 reg. 39). */
export const PERFORMANCE_RATINGS = ["Good", "Approaching target", "Requires improvement", "Inadequate", "Other"] as const;

const f = (key: string, header: string, kind: FieldKind, meaning: string, choices?: readonly string[]): FieldDefinition =>
  choices ? { key, header, kind, meaning, choices } : { key, header, kind, meaning };

export const CONTRACTS: TableDefinition = {
  name: "Contracts",
  fields: [
    f("contractId", "Contract ID", "id", "The contract's reference in your register"),
    f("title", "Title", "text", "What the contract is for"),
    f("supplier", "Supplier", "text", "Who delivers it (several suppliers may share a cell)"),
    f("contractManager", "Contract manager", "text", "The named person who manages the contract"),
    f("department", "Department", "text", "The owning directorate, service or buyer"),
    f("tier", "Tier", "choice", "Gold, Silver or Bronze: how critical the contract is", TIERS),
    f("startDate", "Start date", "date", "When the contract starts"),
    f("goLiveDate", "Go-live date", "date", "When the service goes live (end of mobilisation)"),
    f("endDate", "End date", "date", "When the contract ends unless extended"),
    f("extensionOptions", "Extension options", "extension", "Optional extensions, e.g. 2+1+1 or 2 x 12 months"),
    f("noticePeriod", "Notice period", "period", "Notice needed before the end, e.g. 3 months"),
    f("annualValue", "Annual value", "money", "Value a year"),
    f("totalValue", "Total value", "money", "Whole-life value"),
    f("budget", "Budget", "money", "Budget for the contract"),
    f("spendToDate", "Spend to date", "money", "What has been spent so far"),
    f("status", "Status", "text", "The register's own status (Live, Awarded, Terminated …)"),
    f("contractType", "Contract type", "choice", "Goods, services or works: sets the change-notice threshold (Procurement Act 2023 s.75)", CONTRACT_TYPE_CHOICES),
    { ...f("performanceRating", "Performance rating", "choice", "The rating of the last contract performance notice, as you confirmed it (s.71)", PERFORMANCE_RATINGS), trackerMaintained: true },
  ],
  // Spend variance is a native tracker's own (its RAG formula reads the spend comparison from it).
  computed: [
    "Days to expiry", "Notice date", "Days to notice", "Final expiry", "Decide by", "Days to decide", "Phase", "Slippage",
    "KPI attainment", "Spend variance", "RAG", "RAG reason", "Escalation level",
  ],
};

export const MILESTONES: TableDefinition = {
  name: "Milestones",
  fields: [
    f("contractId", "Contract ID", "id", "The contract the milestone belongs to"),
    f("milestone", "Milestone", "text", "What is to be achieved"),
    f("baselineDate", "Baseline date", "date", "The date agreed in the plan"),
    f("forecastDate", "Forecast date", "date", "The date now expected"),
    f("actualDate", "Actual date", "date", "The date it was met"),
    f("owner", "Owner", "text", "Who is responsible"),
  ],
  computed: ["Slippage", "RAG"],
};

export const KPIS: TableDefinition = {
  name: "KPIs",
  fields: [
    f("contractId", "Contract ID", "id", "The contract the KPI measures"),
    f("kpi", "KPI", "text", "What is measured"),
    f("target", "Target", "number", "The level to reach"),
    f("actual", "Actual", "number", "The level reached"),
    f("period", "Period", "text", "The reporting period"),
    f("higherIsBetter", "Higher is better", "boolean", "TRUE when more is better (FALSE for e.g. response times)"),
    f("assessedOn", "Assessed on", "date", "When performance against this KPI was last assessed: the contract's latest is its last performance assessment (s.71)"),
  ],
  computed: ["Attainment", "RAG"],
};

export const RISKS: TableDefinition = {
  name: "Risks",
  fields: [
    f("contractId", "Contract ID", "id", "The contract at risk"),
    f("risk", "Risk", "text", "What might happen"),
    f("likelihood", "Likelihood", "number", "1 (rare) to 5 (almost certain)"),
    f("impact", "Impact", "number", "1 (minor) to 5 (severe)"),
    f("owner", "Owner", "text", "Who manages the risk"),
    f("mitigation", "Mitigation", "text", "What is being done about it"),
    f("status", "Status", "choice", "Open, Mitigating or Closed", RISK_STATUSES),
  ],
  computed: ["Score", "RAG"],
};

export const CHANGES: TableDefinition = {
  name: "Changes",
  fields: [
    f("changeId", "Change ID", "id", "The change's reference"),
    f("contractId", "Contract ID", "id", "The contract changed"),
    f("description", "Description", "text", "What changes"),
    f("valueImpact", "Value impact", "money", "Change in contract value (negative for a saving)"),
    f("requested", "Requested", "date", "When the change was requested"),
    f("status", "Status", "choice", "Proposed, Approved, Rejected or Implemented", CHANGE_STATUSES),
    f("approvedBy", "Approved by", "text", "Who approved it"),
    f("approvedOn", "Approved on", "date", "When it was approved"),
    f("newEndDate", "New end date", "date", "The end date the change sets, where it extends or shortens the term (s.75)"),
  ],
  computed: [],
};

export const ESCALATIONS: TableDefinition = {
  name: "Escalations",
  fields: [
    f("escalationId", "Escalation ID", "id", "The escalation's reference"),
    f("contractId", "Contract ID", "id", "The contract escalated"),
    f("raisedAt", "Raised at", "date", "When it was raised"),
    f("raisedBy", "Raised by", "text", "Who raised it"),
    f("level", "Level", "number", "1 contract manager · 2 commercial lead · 3 senior responsible owner"),
    f("rag", "RAG", "choice", "The status when raised", RAG_VALUES),
    f("reason", "Reason", "text", "Why it was raised"),
    f("action", "Action", "text", "What is to be done"),
    f("owner", "Owner", "text", "Who acts"),
    f("status", "Status", "choice", "Open, In progress or Resolved", ESCALATION_STATUSES),
    f("resolvedOn", "Resolved on", "date", "When it was resolved"),
    f("resolution", "Resolution", "text", "How it was resolved"),
  ],
  computed: [],
};

export const SETTINGS_TABLE: TableDefinition = {
  name: "Settings",
  fields: [f("name", "Name", "text", "The setting's name"), f("value", "Value", "text", "Its value")],
  computed: [],
};

export const TABLES: readonly TableDefinition[] = [CONTRACTS, MILESTONES, KPIS, RISKS, CHANGES, ESCALATIONS, SETTINGS_TABLE];

/** A table's definition by name. @example tableDefinition("Milestones").fields[2].key → "baselineDate" */
export function tableDefinition(name: TableName): TableDefinition {
  const table = TABLES.find((t) => t.name === name);
  if (!table) throw new Error(`No table ${name}`);
  return table;
}
