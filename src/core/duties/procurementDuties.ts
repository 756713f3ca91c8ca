import { contractName, contractsById, relatedByContract } from "../contractNames";
import { ContractType, readContractType } from "../contractType";
import { formatAmount } from "../currencies";
import { DEFAULT_DATE_LOCALE, dateInWords } from "../dateWords";
import { parseExtensionOptions } from "../extensionOptions";
import type { NormalisedRow, TypedValue } from "../normalise";
import { finalExpiry } from "../rules/expiry";
import type { TrackerSettings } from "../settings";
import { changeNoticeCheck } from "./changeNotice";
import { PerformanceRating, kpiDuties } from "./performance";
import { dutyStanding } from "./scope";
import { terminationNoticeOwed } from "./termination";

/** Which duty of the Procurement Act 2023 a finding is about. */
export type DutyKind = "changeNotice" | "kpis" | "assessment" | "termination";

/** One duty a contract has now or soon, in the user's words, with the figures behind it. */
export interface DutyFinding {
  kind: DutyKind;
  /** The Act's section: `s.75`, `s.52`, `s.71`, `s.80`. */
  section: string;
  /** 1-based sheet row of the contract, so a view can select it. */
  row: number;
  id: string;
  title: string;
  supplier: string;
  contractManager: string;
  /** Needed now or overdue (true), or coming due within the warning days (false). */
  urgent: boolean;
  /** What is found, with its figures: `Changes approved add £120,000, 12% of £1,000,000 (over 10% for services)`. */
  what: string;
  /** What to do. */
  action: string;
  /** When the duty falls due (an Excel serial), where it has a date. */
  dueDate: number | null;
  /** Assessment findings: the rating the KPIs suggest and the rating last confirmed in the register. */
  suggestedRating?: PerformanceRating | null;
  confirmedRating?: string | null;
  /** In a portfolio roll-up (core/portfolio), the file the contract was read from. */
  file?: string;
}

/**
 * The order duties are taken in, bar the contract's place: needed now first, then the soonest due
 * (undated last). A register breaks ties by row, a roll-up by file and then row.
 * @example [later, urgent].sort(byDutyUrgency)[0] === urgent
 */
export function byDutyUrgency(a: Pick<DutyFinding, "urgent" | "dueDate">, b: Pick<DutyFinding, "urgent" | "dueDate">): number {
  const far = Number.POSITIVE_INFINITY;
  return Number(b.urgent) - Number(a.urgent) || (a.dueDate ?? far) - (b.dueDate ?? far);
}

/** The tables the duties read. KPIs and Changes absent: their duties are not checked (a bare register says nothing of them). */
export interface DutyRows {
  contracts: readonly NormalisedRow[];
  kpis?: readonly NormalisedRow[];
  changes?: readonly NormalisedRow[];
}

const num = (v: TypedValue | undefined): number | null => (typeof v === "number" && Number.isFinite(v) ? v : null);
const text = (v: TypedValue | undefined): string => (v === null || v === undefined ? "" : String(v).trim());
const pct = (fraction: number): string => `${Math.round(fraction * 1000) / 10}%`;
const days = (n: number): string => `${n} day${n === 1 ? "" : "s"}`;
/** "in 5 days", "today", "12 days ago". */
const when = (n: number): string => (n === 0 ? "today" : n > 0 ? `in ${days(n)}` : `${days(-n)} ago`);

/** The type whose threshold applies, and the limit in words: works alone is works; any goods or services, or nothing read, holds to the lower threshold. */
function typeOf(value: TypedValue | undefined): { type: ContractType | null; limit: (threshold: string) => string } {
  const types = readContractType(value).types;
  if (types.length === 1 || (types.length > 1 && !types.includes("works"))) return { type: types[0], limit: (t) => `limit ${t} for ${types.join(" and ")}` };
  const why = types.length > 1 ? "works mixed with goods or services" : "the contract type is not known";
  return { type: null, limit: (t) => `limit ${t}, the lower one, as ${why}` };
}

function maximumEnd(fields: Record<string, TypedValue>): number | null {
  const end = num(fields.endDate);
  if (end === null) return null;
  const options = text(fields.extensionOptions);
  if (options === "") return end;
  const extension = parseExtensionOptions(options);
  const final = extension.ok ? finalExpiry(end, extension.value) : null;
  return final?.ok ? final.value : end;
}

/**
 * The Procurement Act 2023 duties the tracker can see, most urgent first: contracts whose changes
 * likely need a contract change notice (s.75, with the figures), contracts over the KPI value
 * (s.52, £5 million) with fewer than three KPIs, or whose performance assessment (s.71, at least
 * every 12 months) is due or overdue, with the rating their KPIs suggest; and terminated contracts
 * whose termination notice (s.80, within 30 days) is due. Empty when Settings switch the duties off.
 * Contracts closed by their status are left out, bar the terminated, and so are contracts that
 * started before the Act came into force (Settings' act_commencement_date, by default 24 February
 * 2025: core/settings ACT_COMMENCEMENT_DATE), procured under the older rules, which the Act's
 * notices do not reach. A terminated contract is no
 * longer listed once its notice is recorded in its status or it ended more than
 * `staleAfterDays` ago.
 * @example procurementDuties({ contracts, changes }, DEFAULT_SETTINGS, 46000)[0].what → "Changes approved add £120,000: 12% of £1,000,000 (over 10% for services)"
 */
export function procurementDuties(rows: DutyRows, settings: TrackerSettings, asOf: number, locale: string = DEFAULT_DATE_LOCALE): DutyFinding[] {
  if (!settings.procurementActDuties) return [];
  const index = contractsById(rows.contracts);
  const kpisOf = rows.kpis ? relatedByContract(index, rows.kpis) : null;
  const changesOf = rows.changes ? relatedByContract(index, rows.changes) : null;
  const found: DutyFinding[] = [];
  const date = (serial: number): string => dateInWords(serial, locale);
  for (const contract of rows.contracts) {
    const f = contract.fields;
    const base = { row: contract.row, id: contractName(contract), title: text(f.title), supplier: text(f.supplier), contractManager: text(f.contractManager) };
    const standing = dutyStanding(f, settings.actCommencementDate);
    if (standing === "before the Act" || standing === "closed") continue;
    if (standing === "terminated") {
      const check = terminationNoticeOwed(f, settings, asOf);
      if (check === null) continue;
      if (check.noticeDue === null || check.daysToDue === null) {
        found.push({ ...base, kind: "termination", section: "s.80", urgent: true, dueDate: null, what: "Terminated; the termination date is not recorded", action: "Publish a contract termination notice within 30 days of termination; record the date ended in End date" });
      } else {
        const overdue = check.daysToDue < 0;
        found.push({
          ...base,
          kind: "termination",
          section: "s.80",
          urgent: overdue || check.daysToDue <= settings.dutyWarningDays,
          dueDate: check.noticeDue,
          what: `Terminated on ${date(check.terminatedOn ?? check.noticeDue)}: termination notice ${overdue ? "was due" : "due"} by ${date(check.noticeDue)} (${when(check.daysToDue)})`,
          action: "Publish a contract termination notice, then note it in Status (e.g. Terminated – notice published)",
        });
      }
      continue;
    }
    const value = num(f.totalValue);
    const currency = contract.currencies?.totalValue ?? null;
    const money = (n: number): string => formatAmount(n, currency ?? "GBP");
    const changes = changesOf?.get(contract);
    if (changes && changes.length > 0) {
      const type = typeOf(f.contractType);
      const check = changeNoticeCheck(
        { originalValue: value, type: type.type, start: num(f.startDate), maximumEnd: maximumEnd(f) },
        changes.map((c) => ({ status: text(c.fields.status), valueImpact: num(c.fields.valueImpact), newEndDate: num(c.fields.newEndDate) })),
        settings,
      );
      if (check && (check.needed || check.wouldBeNeeded)) {
        const parts: string[] = [];
        const limit = type.limit(pct(check.valueThreshold));
        // A change of term alone says only the term: "add £0: 0% of …" tells the reader nothing.
        if (check.madeShare !== null && value !== null && (check.madeValue !== 0 || check.wouldBeNeeded)) parts.push(`Changes approved ${check.madeValue < 0 ? "take off" : "add"} ${money(Math.abs(check.madeValue))}: ${pct(Math.abs(check.madeShare))} of ${money(value)} (${limit})`);
        if (check.wouldBeNeeded && check.withProposedShare !== null) parts.push(`with those proposed, ${pct(Math.abs(check.withProposedShare))}`);
        if (check.termShare !== null && check.termExtensionDays !== null && check.termExtensionDays !== 0) parts.push(`term ${check.termExtensionDays > 0 ? "extended" : "shortened"} by ${days(Math.abs(check.termExtensionDays))}, ${pct(Math.abs(check.termShare))} of the maximum term (limit ${pct(settings.changeTermAbove)})`);
        found.push({
          ...base,
          kind: "changeNotice",
          section: "s.75",
          urgent: check.needed,
          dueDate: null,
          what: parts.join("; ").replace(/^./, (first) => first.toUpperCase()),
          action: check.needed ? "A contract change notice is likely needed: check one was published before the change" : "Publish a contract change notice before making the proposed changes",
        });
      }
    }
    const check = kpisOf === null ? null : kpiDuties(contract, kpisOf.get(contract) ?? [], settings, asOf);
    if (check === null) continue;
    if (check.kpiCount < check.kpisNeeded) {
      found.push({
        ...base,
        kind: "kpis",
        section: "s.52",
        urgent: true,
        dueDate: null,
        what: `${check.kpiCount === 0 ? "No KPIs" : `${check.kpiCount} KPI${check.kpiCount === 1 ? "" : "s"}`} recorded for a contract worth ${money(check.value)}: at least ${check.kpisNeeded} are needed over ${money(settings.kpiDutyValueAbove)}`,
        action: `Set and publish at least ${check.kpisNeeded} KPIs, and add them to the KPIs table`,
      });
    }
    if ((check.assessment === "due" || check.assessment === "overdue") && check.nextDue !== null && check.daysToDue !== null) {
      const last = check.lastAssessed === null ? "none recorded" : `last ${date(check.lastAssessed)}`;
      const rating = check.suggestedRating === null ? "" : `; KPIs suggest ${check.suggestedRating} (worst: ${check.worstKpi ?? ""} at ${pct(check.worstAttainment ?? 0)})`;
      found.push({
        ...base,
        kind: "assessment",
        section: "s.71",
        urgent: check.assessment === "overdue",
        dueDate: check.nextDue,
        what: `Performance assessment ${check.assessment === "overdue" ? "overdue" : "due"}: by ${date(check.nextDue)}${check.dueAtEnd ? ", when the contract ends" : ""} (${when(check.daysToDue)}; ${last})${rating}`,
        action: check.suggestedRating === null ? "Assess performance against the KPIs and publish a contract performance notice" : `Confirm the rating (suggested: ${check.suggestedRating}) and publish a contract performance notice`,
        suggestedRating: check.suggestedRating,
        confirmedRating: text(f.performanceRating) || null,
      });
    }
  }
  return found.sort((a, b) => byDutyUrgency(a, b) || a.row - b.row);
}
