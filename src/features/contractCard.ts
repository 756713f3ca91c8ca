/**
 * The contract card of PRODUCT.md: one contract's register fields, its status on the ladder with
 * the reasons and the next action, and its milestones, KPIs, risks, changes and escalations.
 * Worked out with the core rules from the typed data, never from computed cells.
 */
import { contractKey, contractsById, keyOfName, relatedByContract } from "../core/contractNames";
import { contractStatus } from "../core/contractStatus";
import { assessContract } from "../core/contractAssessment";
import { SummaryContract } from "../core/summaryTypes";
import type { SpendAgainstBudget } from "../core/rules/spend";
import { riskRag, riskScore } from "../core/rules/risk";
import type { NormalisedRow } from "../core/normalise";
import type { Phase } from "../core/rules/phase";
import { Rag, ragStatus } from "../core/rules/rag";
import { slippageDays } from "../core/rules/slippage";
import { CHANGES, CONTRACTS, KPIS, RISKS, TableDefinition } from "../core/schema";
import type { CellValue, TableSnapshot } from "../workbook/port";
import { kpiAttainment } from "./dashboard";
import { ContractRef, closedStatus, contractRef, contractsHeaderRow, numberOf, textOf } from "./paneData";
import { TrackerData, columnsOf, relatedRows } from "./trackerData";

/** A record of another table, as a card lists it. */
export interface SharedIdRecord {
  /**
   * Present only when the record gives an ID several contracts share and does not say which of them
   * it is about (no Which contract, or one naming none or several): the sheet rows of those
   * contracts, this one among them. It shows on each of their cards.
   */
  ambiguousRows?: number[];
}

export interface CardMilestone extends SharedIdRecord {
  /** 1-based row on the Milestones sheet. */
  row: number;
  milestone: string;
  baselineDate: number | null;
  forecastDate: number | null;
  actualDate: number | null;
  owner: string;
  /** Days late (+) or early (−), as the Slippage column gives it; null without a baseline. */
  slippageDays: number | null;
  rag: Rag | null;
}

export interface CardKpi extends SharedIdRecord {
  row: number;
  kpi: string;
  target: number | null;
  actual: number | null;
  /** The register writes its target or actual as a percentage (`95%` typed, or a cell formatted `0%`): show both as one, never 0.95. */
  percent: boolean;
  period: string;
  /** False only where the table says FALSE (lower is better). */
  higherIsBetter: boolean;
  /** 1 = 100%; null when target or actual is missing. */
  attainment: number | null;
  rag: Rag | null;
}

export interface CardRisk extends SharedIdRecord {
  row: number;
  risk: string;
  likelihood: number | null;
  impact: number | null;
  /** likelihood × impact, as the Score column gives it. */
  score: number | null;
  /** Red at 15 or more, Amber at 8 or more, else Green, as the RAG column gives it. */
  rag: Rag | null;
  owner: string;
  mitigation: string;
  status: string;
}

export interface CardChange extends SharedIdRecord {
  row: number;
  changeId: string;
  description: string;
  valueImpact: number | null;
  requested: number | null;
  status: string;
  approvedBy: string;
  approvedOn: number | null;
}

export interface CardEscalation extends SharedIdRecord {
  row: number;
  escalationId: string;
  raisedAt: number | null;
  raisedBy: string;
  level: number | null;
  rag: string;
  reason: string;
  action: string;
  owner: string;
  status: string;
  resolvedOn: number | null;
  resolution: string;
}

/** The contract's key fields, typed: dates as serials, money as amounts; null where the register has none. */
export interface CardKeyFields {
  contractManager: string;
  department: string;
  tier: string;
  status: string;
  startDate: number | null;
  goLiveDate: number | null;
  endDate: number | null;
  noticePeriod: string;
  extensionOptions: string;
  annualValue: number | null;
  totalValue: number | null;
  budget: number | null;
  spendToDate: number | null;
  /** The currency (ISO 4217) of each money field whose cell said one, e.g. `{ totalValue: "GBP" }`. */
  currencies: Readonly<Record<string, string>>;
}

/** What the tracker's computed columns would show for the contract, worked out now. */
export interface CardDates {
  daysToExpiry: number | null;
  noticeDate: number | null;
  daysToNotice: number | null;
  /** The end date with every extension option taken. */
  finalExpiry: number | null;
  /** When to decide whether to extend or re-procure (core/rules/decideBy), and days left; negative once passed. */
  decideBy: number | null;
  daysToDecide: number | null;
  phase: Phase | null;
  /** Spend over the budget profiled to date as a fraction (0.1 = 10% over); null without both, or when they cannot be compared. */
  spendVariance: number | null;
  /** The comparison behind spendVariance (the profiled budget, the share of the term gone), or why there is none (core/rules/spend). */
  spend: SpendAgainstBudget | null;
}

export interface ContractCard extends ContractRef {
  /**
   * The other contracts with this one's ID, in sheet order (a register may repeat an ID: a lot split
   * into two lines, a renewal kept under the old reference); empty when the ID is its own.
   */
  sharesIdWith: ContractRef[];
  /** What records added from the card write in the other tables' Which contract column to say they are about this contract; null when its ID is its own. */
  whichContract: string | null;
  /** The register's own columns as the table shows them, header → value, in table order (the tracker's computed columns are left out: `dates` and `assessment` work them out). */
  fields: { header: string; value: CellValue }[];
  key: CardKeyFields;
  dates: CardDates;
  /** RAG, ladder level, who it goes to, the reasons and the recommended action, as the escalation summary has them. */
  assessment: SummaryContract;
  /** True when the register's status says the contract is over: the summary leaves it out. */
  closed: boolean;
  /** Each list in the table's own order. */
  milestones: CardMilestone[];
  kpis: CardKpi[];
  risks: CardRisk[];
  changes: CardChange[];
  escalations: CardEscalation[];
}

/** Which contract: its 0-based place in the Contracts table's body, or its name (its Contract ID, or `Row 14` for one without; case ignored). */
export type WhichContract = number | { contractId: string };

const oneLine = (header: string): string => header.replace(/\s+/g, " ").trim().toLowerCase();
const COMPUTED = new Set(CONTRACTS.computed.map(oneLine));

/** A row of another table as the card lists it: the typed row, and the rows of the contracts it may be about where it cannot say. */
interface Listed {
  r: NormalisedRow;
  ambiguous: SharedIdRecord;
}

/** A risk's RAG from its score (core/rules/risk), as set-up's formula on the Risks table has it. @example riskRag(15) → "Red" */
export { riskRag };

// A number format that shows a percentage: a % outside quotes and brackets (`0%`, `0.0%`, not `"%"0`).
const PERCENT_FORMAT = /%/;
const formatShowsPercent = (format: string | undefined): boolean => format !== undefined && PERCENT_FORMAT.test(format.replace(/"[^"]*"|\[[^\]]*\]|\\./g, ""));

/** Whether a KPI row's Target or Actual cell is written as a percentage: text ending in %, or a number formatted as one. */
function writtenAsPercent(snapshot: TableSnapshot | undefined, sheetRow: number): boolean {
  if (!snapshot) return false;
  const at = sheetRow - snapshot.row - 2;
  const line = snapshot.rows[at] ?? [];
  const formats = snapshot.numberFormats?.[at] ?? [];
  const columns = columnsOf(snapshot.headers, KPIS);
  return (["target", "actual"] as const).some((key) => {
    const c = columns[key]?.index;
    if (c === undefined) return false;
    const cell = line[c];
    return (typeof cell === "string" && /%\s*$/.test(cell)) || (typeof cell === "number" && formatShowsPercent(formats[c]));
  });
}

/**
 * The card of one contract, or null when that row of the Contracts table is blank or not there.
 * `tables` are the tables as read (readPaneData gives them): the Contracts table for the fields as
 * the register shows them, Risks and Changes for those lists.
 * @example contractCard(data, tables, 0)?.assessment.action → "Notice date 15 Oct 2026 passed 41 days ago: decide now whether to extend, re-procure or exit"
 */
export function contractCard(data: TrackerData, tables: ReadonlyMap<string, TableSnapshot>, which: WhichContract): ContractCard | null {
  const contractsName = data.contractsTable?.name ?? "Contracts";
  const snapshot = tables.get(contractsName);
  const headerRow = contractsHeaderRow(data, snapshot);
  const contract =
    typeof which === "number"
      ? data.contracts.find((c) => c.row === headerRow + 2 + which)
      : data.contracts.find((c) => contractKey(c) === keyOfName(which.contractId));
  if (!contract) return null;
  const ref = contractRef(contract, headerRow);
  const { settings, asOf } = data;
  // A record whose ID other contracts share too is this contract's when it says so (Which contract); one that does not say is on each of their cards, marked.
  const index = contractsById(data.contracts);
  const own = (rows: readonly NormalisedRow[]): Listed[] =>
    (relatedByContract(index, rows).get(contract) ?? []).map((r) => {
      const of = index.contractsOf(r);
      return { r, ambiguous: of.length > 1 ? { ambiguousRows: of.map((c) => c.row) } : {} };
    });
  const milestoneRows = own(data.milestones);
  const kpiRows = own(data.kpis);
  const escalationRows = own(data.escalations);
  const milestones = milestoneRows.map((l) => l.r);
  const kpis = kpiRows.map((l) => l.r);
  const escalations = escalationRows.map((l) => l.r);
  const related = (name: "Risks" | "Changes", table: TableDefinition): Listed[] => own(relatedRows(tables.get(name), table, settings.dateOrder));
  const riskRows = related("Risks", RISKS);
  const f = contract.fields;

  const assessment = assessContract(contract, { milestones, kpis, escalations, risks: riskRows.map((l) => l.r) }, settings, asOf, data.ladder, data.endDates, data.dateLocale);
  const status = contractStatus(f, { slippage: assessment.worstSlippage, kpiAttainment: assessment.kpiAttainment }, settings, asOf, { endDateGap: assessment.endDateGap });
  const line = snapshot?.rows[ref.bodyIndex] ?? [];
  const fields = (snapshot?.headers ?? []).flatMap((header, c) => (COMPUTED.has(oneLine(header)) ? [] : [{ header, value: line[c] ?? null }]));
  const rag = (inputs: { slippageDays?: number | null; kpiAttainment?: number | null }): Rag | null =>
    ragStatus({ daysToExpiry: null, slippageDays: inputs.slippageDays ?? null, kpiAttainment: inputs.kpiAttainment ?? null, spendVariance: null }, settings);

  return {
    ...ref,
    sharesIdWith: index.sameId(contract).filter((c) => c !== contract).map((c) => contractRef(c, headerRow)),
    whichContract: index.whichContract(contract),
    fields,
    key: {
      contractManager: textOf(f.contractManager),
      department: textOf(f.department),
      tier: textOf(f.tier),
      status: textOf(f.status),
      startDate: numberOf(f.startDate),
      goLiveDate: numberOf(f.goLiveDate),
      endDate: numberOf(f.endDate),
      noticePeriod: textOf(f.noticePeriod),
      extensionOptions: textOf(f.extensionOptions),
      annualValue: numberOf(f.annualValue),
      totalValue: numberOf(f.totalValue),
      budget: numberOf(f.budget),
      spendToDate: numberOf(f.spendToDate),
      currencies: contract.currencies ?? {},
    },
    dates: {
      daysToExpiry: status.daysToExpiry,
      noticeDate: status.noticeDate,
      daysToNotice: status.daysToNotice,
      finalExpiry: status.finalExpiry,
      decideBy: status.decideBy,
      daysToDecide: status.daysToDecide,
      phase: status.phase,
      spendVariance: status.spendVariance,
      spend: status.spend,
    },
    assessment,
    closed: closedStatus(data)(f.status),
    milestones: milestoneRows.map(({ r: m, ambiguous }): CardMilestone => {
      const baseline = numberOf(m.fields.baselineDate);
      const forecast = numberOf(m.fields.forecastDate);
      const actual = numberOf(m.fields.actualDate);
      const slip = baseline === null ? null : slippageDays({ baseline, forecast, actual }, asOf);
      return { row: m.row, milestone: textOf(m.fields.milestone), baselineDate: baseline, forecastDate: forecast, actualDate: actual, owner: textOf(m.fields.owner), slippageDays: slip, rag: rag({ slippageDays: slip }), ...ambiguous };
    }),
    kpis: kpiRows.map(({ r: k, ambiguous }): CardKpi => {
      const attainment = kpiAttainment(k);
      return {
        row: k.row,
        kpi: textOf(k.fields.kpi),
        target: numberOf(k.fields.target),
        actual: numberOf(k.fields.actual),
        percent: writtenAsPercent(tables.get("KPIs"), k.row),
        period: textOf(k.fields.period),
        higherIsBetter: k.fields.higherIsBetter !== false,
        attainment,
        rag: rag({ kpiAttainment: attainment }),
        ...ambiguous,
      };
    }),
    risks: riskRows.map(({ r, ambiguous }): CardRisk => {
      const likelihood = numberOf(r.fields.likelihood);
      const impact = numberOf(r.fields.impact);
      const score = riskScore(likelihood, impact);
      return { row: r.row, risk: textOf(r.fields.risk), likelihood, impact, score, rag: riskRag(score), owner: textOf(r.fields.owner), mitigation: textOf(r.fields.mitigation), status: textOf(r.fields.status), ...ambiguous };
    }),
    changes: related("Changes", CHANGES).map(
      ({ r: c, ambiguous }): CardChange => ({
        row: c.row,
        changeId: textOf(c.fields.changeId),
        description: textOf(c.fields.description),
        valueImpact: numberOf(c.fields.valueImpact),
        requested: numberOf(c.fields.requested),
        status: textOf(c.fields.status),
        approvedBy: textOf(c.fields.approvedBy),
        approvedOn: numberOf(c.fields.approvedOn),
        ...ambiguous,
      }),
    ),
    escalations: escalationRows.map(
      ({ r: e, ambiguous }): CardEscalation => ({
        row: e.row,
        escalationId: textOf(e.fields.escalationId),
        raisedAt: numberOf(e.fields.raisedAt),
        raisedBy: textOf(e.fields.raisedBy),
        level: numberOf(e.fields.level),
        rag: textOf(e.fields.rag),
        reason: textOf(e.fields.reason),
        action: textOf(e.fields.action),
        owner: textOf(e.fields.owner),
        status: textOf(e.fields.status),
        resolvedOn: numberOf(e.fields.resolvedOn),
        resolution: textOf(e.fields.resolution),
        ...ambiguous,
      }),
    ),
  };
}
