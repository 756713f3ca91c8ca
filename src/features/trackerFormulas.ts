import type { ContractStatus } from "../core/contractStatus";
import type { DateOrder } from "../core/dates";
import { dateNumberFormat } from "../core/numberFormats";
import type { HeaderMapping } from "../core/mapping";
import { UNRATED } from "../core/rules/rag";
import type { CellValue } from "../workbook/port";
import { NativeColumn, RegisterRow, nativeColumns, nativeDecideBy } from "./nativeFormulas";
import type { FormulaStyle } from "./formulaStyles";
import { AS_OF, THRESHOLDS, column, setting, thisRow } from "./structuredRefs";

export { AS_OF, AS_OF_FORMULA, THRESHOLDS, column, escapeColumn, setting, thisRow } from "./structuredRefs";


export interface ComputedColumnPlan {
  /** The column's name in this table: `canonical`, or `RAG (tracker)` beside a register's own RAG. */
  header: string;
  /** The column's name in PRODUCT.md (RAG, Days to expiry). */
  canonical: string;
  formula: string;
  numberFormat?: string;
  /** Which value of ContractStatus the column shows (for cached values). */
  shows: "daysToExpiry" | "noticeDate" | "daysToNotice" | "finalExpiry" | "decideBy" | "daysToDecide" | "phase" | "slippage" | "kpiAttainment" | "spendVariance" | "rag" | "ragReason" | "escalationLevel";
  /** A native column's own formula for a row whose text Excel's formulas cannot read (nativeFormulas). */
  native?: Pick<NativeColumn, "rowFormula" | "readAtSetUp">;
}

/**
 * Which formulas the computed columns are written in: `contract`, the CONTRACT functions (the
 * default: they need the add-in, and read text dates and periods in every cell); `native`, Excel's own
 * (nativeFormulas: they work for everyone who opens the workbook, with values read at set-up where
 * the register holds text).
 */
export type { FormulaStyle };
export { FORMULA_STYLES } from "./formulaStyles";

export type { RegisterRow };

export interface SkippedColumn {
  header: string;
  reason: string;
}


/**
 * The computed columns of PRODUCT.md for a Contracts table mapped as given, as real formulas over
 * the user's own column names. Columns whose inputs the register lacks are skipped, with why.
 * @example contractColumns(mapping, { milestones: true, kpis: true }, "dmy").columns[0].formula → "=CONTRACT.DAYSTOEXPIRY([@[Expiry]],AsOf)"
 */
export function contractColumns(
  mapping: Pick<HeaderMapping, "fields">,
  related: { milestones: boolean; kpis: boolean },
  dateOrder: DateOrder,
  style: FormulaStyle = "contract",
  /**
   * The name each computed column takes in this table, by its canonical header (computedNames):
   * `RAG (tracker)` where the register has a RAG of its own, which no formula then reads.
   */
  named: (header: string) => string = (header) => header,
): { columns: ComputedColumnPlan[]; skipped: SkippedColumn[] } {
  const DATE_FORMAT = dateNumberFormat(dateOrder);
  const header = (key: string): string | null => mapping.fields[key]?.column ?? null;
  const ref = (key: string): string => {
    const h = header(key);
    return h === null ? '""' : thisRow(h);
  };
  const columns: ComputedColumnPlan[] = [];
  const skipped: SkippedColumn[] = [];
  const end = header("endDate");
  const id = header("contractId");
  const needs = (plan: Omit<ComputedColumnPlan, "canonical">, missing: string | null): void => {
    if (missing) skipped.push({ header: named(plan.header), reason: missing });
    else columns.push({ ...plan, header: named(plan.header), canonical: plan.header });
  };
  const hasSpend = header("budget") !== null && header("spendToDate") !== null;
  // RAG reads its components from this row's computed columns, which the plan below adds in this order.
  const native =
    style === "native"
      ? nativeColumns(header, {
          days: end === null ? '""' : thisRow(named("Days to expiry")),
          slippage: id !== null && related.milestones ? thisRow(named("Slippage")) : '""',
          kpi: id !== null && related.kpis ? thisRow(named("KPI attainment")) : '""',
          spend: hasSpend,
          // The tracker's own Notice date column, never one of the register's.
          noticeDate: thisRow(named("Notice date")),
          spendVariance: thisRow(named("Spend variance")),
          rag: thisRow(named("RAG")),
          ...(end === null ? {} : { daysToDecide: thisRow(named("Days to decide")), daysToNotice: header("noticePeriod") === null ? undefined : thisRow(named("Days to notice")) }),
        })
      : null;
  const nativeDecide = style === "native" ? nativeDecideBy(header, header("noticePeriod") === null ? null : thisRow(named("Notice date")), thisRow(named("Decide by"))) : null;
  // The CONTRACT function's formula, or the native column's with its rows' own formulas.
  const either = (plan: Omit<ComputedColumnPlan, "native" | "canonical">, nativeColumn: NativeColumn | undefined): Omit<ComputedColumnPlan, "canonical"> =>
    nativeColumn === undefined ? plan : { ...plan, formula: nativeColumn.formula, native: nativeColumn };
  const noEnd = end === null ? "the register has no end date column" : null;
  needs(either({ header: "Days to expiry", formula: `=CONTRACT.DAYSTOEXPIRY(${ref("endDate")},${AS_OF})`, shows: "daysToExpiry" }, native?.daysToExpiry), noEnd);
  const noNotice = noEnd ?? (header("noticePeriod") === null ? "the register has no notice period column" : null);
  needs(either({ header: "Notice date", formula: `=CONTRACT.NOTICEDATE(${ref("endDate")},${ref("noticePeriod")})`, numberFormat: DATE_FORMAT, shows: "noticeDate" }, native?.noticeDate), noNotice);
  needs(either({ header: "Days to notice", formula: `=CONTRACT.DAYSTONOTICE(${ref("endDate")},${ref("noticePeriod")},${AS_OF})`, shows: "daysToNotice" }, native?.daysToNotice), noNotice);
  const noExtension = noEnd ?? (header("extensionOptions") === null ? "the register has no extension options column" : null);
  needs(either({ header: "Final expiry", formula: `=CONTRACT.FINALEXPIRY(${ref("endDate")},${ref("extensionOptions")})`, numberFormat: DATE_FORMAT, shows: "finalExpiry" }, native?.finalExpiry), noExtension);
  // Decide by (core/rules/decideBy): the end or notice date less the tier's lead time from Settings.
  needs(
    either(
      { header: "Decide by", formula: `=CONTRACT.DECIDEBY(${ref("endDate")},${ref("noticePeriod")},${ref("tier")},${THRESHOLDS})`, numberFormat: DATE_FORMAT, shows: "decideBy" },
      nativeDecide?.decideBy,
    ),
    noEnd,
  );
  needs(either({ header: "Days to decide", formula: `=IF(ISNUMBER(${thisRow(named("Decide by"))}),${thisRow(named("Decide by"))}-${AS_OF},"")`, shows: "daysToDecide" }, nativeDecide?.daysToDecide), noEnd);
  const noDates = end === null && header("startDate") === null ? "the register has neither start nor end dates" : null;
  needs(
    either({ header: "Phase", formula: `=CONTRACT.PHASE(${ref("startDate")},${ref("goLiveDate")},${ref("endDate")},${AS_OF},${setting("exit_window_days")})`, shows: "phase" }, native?.phase),
    noDates,
  );
  const noId = id === null ? "the register has no contract ID column to match rows of other tables" : null;
  const idRef = ref("contractId");
  needs(
    {
      header: "Slippage",
      formula: `=IF(COUNTIFS(${column("Milestones", "Contract ID")},${idRef})=0,"",MAXIFS(${column("Milestones", "Slippage")},${column("Milestones", "Contract ID")},${idRef}))`,
      shows: "slippage",
    },
    noId ?? (related.milestones ? null : "there is no Milestones table"),
  );
  needs(
    {
      header: "KPI attainment",
      formula: `=IF(COUNTIFS(${column("KPIs", "Contract ID")},${idRef})=0,"",MINIFS(${column("KPIs", "Attainment")},${column("KPIs", "Contract ID")},${idRef}))`,
      numberFormat: "0%",
      shows: "kpiAttainment",
    },
    noId ?? (related.kpis ? null : "there is no KPIs table"),
  );
  const planned = new Set(columns.map((c) => c.header));
  const computed = (header: string): string => (planned.has(named(header)) ? thisRow(named(header)) : '""');
  const days = computed("Days to expiry");
  const slip = computed("Slippage");
  const kpi = computed("KPI attainment");
  const budget = header("budget");
  const spend = header("spendToDate");
  const start = header("startDate");
  // Spend against the budget profiled to date (core/rules/spend): budget × the share of the term
  // gone, from the start date to the end date. Day counts go through DAYSTOEXPIRY so dates typed as
  // text and stand-in end dates read as everywhere else.
  // Without a term to profile over, spend beyond the whole budget is over by at least that much (w).
  const overWhole = (profiled: string): string => `w,IF(s>b,s/b-1,""),IF(OR(b="",s=""),"",IF(b<=0,"",${profiled})))`;
  const variance =
    budget === null || spend === null
      ? '""'
      : start !== null && end !== null
        ? `LET(b,${thisRow(budget)},s,${thisRow(spend)},gone,CONTRACT.DAYSTOEXPIRY(${AS_OF},${thisRow(start)}),term,CONTRACT.DAYSTOEXPIRY(${thisRow(end)},${thisRow(start)}),` +
          overWhole("IF(ISNUMBER(gone),IF(ISNUMBER(term),IF(AND(term>0,gone>0),s/(b*MIN(1,gone/term))-1,w),w),w)")
        : `LET(b,${thisRow(budget)},s,${thisRow(spend)},${overWhole("w")}`;
  // The end date goes last, so RAG and RAGREASON know why a blank days to expiry is blank: no end
  // date, one that is not a date, or a stand-in such as 31/12/2099 (the contract is then Unrated).
  // Then days to decide and to notice: a passed decide-by date is Amber, Red from the notice date on.
  const decideArgs = planned.has(named("Days to decide")) ? `,${computed("Days to decide")},${computed("Days to notice")}` : "";
  const ragArgs = `${days},${slip},${kpi},${variance},${THRESHOLDS}${end === null ? "" : `,${thisRow(end)}${decideArgs}`}`;
  const nothingToRate = days === '""' && slip === '""' && kpi === '""' && variance === '""' ? "nothing to rate: no end date, milestones, KPIs or budget" : null;
  if (native) {
    // Without LET (LibreOffice 7 lacks it), RAG reads the spend comparison from a column of its own.
    if (hasSpend) needs({ header: "Spend variance", formula: native.spendVariance.formula, numberFormat: "0%", shows: "spendVariance", native: native.spendVariance }, null);
    needs({ header: "RAG", formula: native.rag.formula, shows: "rag" }, nothingToRate);
    skipped.push({ header: "RAG reason", reason: "its sentence is written by CONTRACT.RAGREASON, which needs the add-in: the summary and the contract card give the reason" });
    needs({ header: "Escalation level", formula: native.escalationLevel.formula, shows: "escalationLevel", native: native.escalationLevel }, nothingToRate);
    return { columns, skipped };
  }
  needs({ header: "RAG", formula: `=CONTRACT.RAG(${ragArgs})`, shows: "rag" }, nothingToRate);
  needs({ header: "RAG reason", formula: `=CONTRACT.RAGREASON(${ragArgs})`, shows: "ragReason" }, nothingToRate);
  needs({ header: "Escalation level", formula: `=CONTRACT.ESCALATIONLEVEL(${thisRow(named("RAG"))},"",${ref("tier")},${THRESHOLDS})`, shows: "escalationLevel" }, nothingToRate);
  return { columns, skipped };
}

/**
 * What a computed column's formula gives for a contract, from the core's working (set-up writes it as
 * the formula's cached value, so a file read before Excel recalculates says the same): RAG shows a
 * contract the core cannot rate as `Unrated`, and ESCALATIONLEVEL puts it at level 0.
 * @example computedValue({ ...status, rag: null, escalationLevel: null }, "rag") → "Unrated"
 */
export function computedValue(status: ContractStatus, shows: ComputedColumnPlan["shows"]): CellValue {
  if (shows === "rag") return status.rag ?? UNRATED;
  if (shows === "escalationLevel") return status.escalationLevel ?? 0;
  return status[shows] ?? null;
}
