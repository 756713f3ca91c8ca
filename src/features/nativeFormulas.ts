/**
 * The computed columns of a tracker in Excel's own formulas, for a tracker shared with people who
 * will not install the add-in (a finance colleague, Excel for iPad, a supplier, LibreOffice): the
 * same columns as the CONTRACT functions give, worked out by IF, AND, EDATE, MAXIFS, MINIFS, INDEX
 * and MATCH over the register's own cells and the Settings table, so every cell recalculates
 * wherever the workbook is opened.
 *
 * Excel's formulas read date cells and numbers; they cannot read the register's text (a date typed
 * as text, a notice period of "3 months", extension options of "1+1"). For such a row the column
 * gets the row's own formula, with the value the tracker read at set-up written in place of the
 * cell (`DATE(2025,6,30)`, `EDATE(…,-3)`, 24 months), and the column's note says so.
 *
 * LET and XLOOKUP are not used: LibreOffice before 24.8 (Debian 12's 7.4) does not know them, and
 * the point of these formulas is that they work everywhere.
 */
import { STAND_IN_SERIALS, serialToDate } from "../core/dates";
import { type DateInput, type FieldHeaders, type NumberInput, type PeriodInput, type RegisterRow, RowInputs } from "./nativeRowInputs";
import { AS_OF, settingNumber, thisRow } from "./structuredRefs";

export type { FieldHeaders, RegisterRow };

/** A native column: its formula over the row's own cells, and a row's own formula where the register's text needs one. */
export interface NativeColumn {
  /** The formula every row whose cells Excel can read gets. */
  formula: string;
  /** The row's own formula, with values read at set-up in place of cells Excel cannot read; null when the column's formula reads the row as the tracker does. */
  rowFormula(row: RegisterRow): string | null;
  /** Which of the row's fields `rowFormula` writes as values read at set-up, named by their columns. */
  readAtSetUp(row: RegisterRow): string[];
}

const TRUE = "TRUE";
const FALSE = "FALSE";

// Conditions and choices that fold away when a value read at set-up already settles them, so a
// row's own formula holds only what is still live (the as-of date, the Settings thresholds).
const and = (...conditions: string[]): string => {
  if (conditions.includes(FALSE)) return FALSE;
  const live = conditions.filter((c) => c !== TRUE);
  return live.length === 0 ? TRUE : live.length === 1 ? live[0] : `AND(${live.join(",")})`;
};
const or = (...conditions: string[]): string => {
  if (conditions.includes(TRUE)) return TRUE;
  const live = conditions.filter((c) => c !== FALSE);
  return live.length === 0 ? FALSE : live.length === 1 ? live[0] : `OR(${live.join(",")})`;
};
const iff = (condition: string, then: string, otherwise: string): string =>
  condition === TRUE ? then : condition === FALSE ? otherwise : `IF(${condition},${then},${otherwise})`;

const dateText = (input: DateInput): string => {
  if ("ref" in input) return input.ref;
  const date = input.serial === null ? null : serialToDate(input.serial);
  return date === null ? '""' : `DATE(${date.year},${date.month},${date.day})`;
};
const numberText = (input: NumberInput): string => ("ref" in input ? input.ref : input.amount === null ? '""' : String(input.amount));

/** The date is known: a positive number (a blank, text or 0 is not), as core/cellValues readDateCell reads a cell. */
const knownDate = (input: DateInput): string => ("ref" in input ? `N(${input.ref})>0` : input.serial === null ? FALSE : TRUE);

/** The end date is a real one: known and not a stand-in (core/dates placeholderReason), judged on its value as RAG judges it. */
function realEnd(input: DateInput): string {
  if (!("ref" in input)) return input.serial !== null && !isStandIn(input.serial) ? TRUE : FALSE;
  const n = `N(${input.ref})`;
  // The single stand-ins in one lookup: each reference to the cell is as long as its header, on every row.
  return and(`${n}>${STAND_IN_SERIALS.lastOf1900}`, `${n}<${STAND_IN_SERIALS.farFuture}`, `ISNA(MATCH(${n},{${STAND_IN_SERIALS.single.join(",")}},0))`);
}
const isStandIn = (serial: number): boolean => serial <= STAND_IN_SERIALS.lastOf1900 || serial >= STAND_IN_SERIALS.farFuture || STAND_IN_SERIALS.single.includes(serial);

const knownNumber = (input: NumberInput): string => ("ref" in input ? `ISNUMBER(${input.ref})` : input.amount === null ? FALSE : TRUE);

/** A native column from a builder of its formula over a row's inputs. */
function nativeColumn(header: FieldHeaders, build: (inputs: RowInputs) => string): NativeColumn {
  const formula = `=${build(new RowInputs(header, null))}`;
  // The row's own formula and the fields it holds as read, or null where the column's formula gives
  // the same: no value read at set-up, or none that makes a difference (text the tracker cannot read
  // either, a stand-in end date typed as text: blank both ways, and the row keeps reading its cells).
  const own = (row: RegisterRow): { formula: string; fields: string[] } | null => {
    const inputs = new RowInputs(header, row);
    const ownFormula = `=${build(inputs)}`;
    if (inputs.fromSetUp.size === 0 || ownFormula === `=${build(new RowInputs(header, row, "excel"))}`) return null;
    return { formula: ownFormula, fields: [...inputs.fromSetUp] };
  };
  return {
    formula,
    rowFormula: (row) => own(row)?.formula ?? null,
    readAtSetUp: (row) => own(row)?.fields ?? [],
  };
}

/**
 * The notice date of an end date and a notice period, as core/rules/expiry noticeDate: months like
 * EDATE, days subtracted; "" when either is not known. `of` turns the date into what the column
 * shows (days to notice: the date less AsOf).
 */
function noticeDateOf(end: DateInput, period: PeriodInput, of: (date: string) => string = (date) => date): string {
  const e = dateText(end);
  if ("ref" in period) {
    const n = period.ref;
    // Only a whole, non-negative number of days is a notice period; the result must stay a date Excel can show.
    return iff(realEnd(end), `IF(ISNUMBER(${n}),IF(AND(${n}>=0,${n}=INT(${n}),${e}-${n}>=1),${of(`${e}-${n}`)},""),"")`, '""');
  }
  const p = period.period;
  if (p === null) return '""';
  if (p.unit === "months") return iff(realEnd(end), of(`EDATE(${e},-${p.amount})`), '""');
  return iff(realEnd(end), p.amount === 0 ? of(e) : iff(`${e}-${p.amount}>=1`, of(`${e}-${p.amount}`), '""'), '""');
}

/**
 * The end date once every extension is taken, as core/rules/expiry finalExpiry: each extension a
 * further term from the day after the end to the day before the corresponding date, or that month's
 * last day where it has none (EDATE of the day after gives that last day: its day is then smaller).
 */
function finalExpiryOf(end: DateInput, extension: ReturnType<RowInputs["extension"]>): string {
  const e = dateText(end);
  if ("ref" in extension) return iff(realEnd(end), `IF(TRIM(${extension.ref})="",${e},"")`, '""');
  const x = extension.extension;
  if (x === null) return '""';
  const after = `${e}+1`;
  // The day before, unless the month has no such day (EDATE then gave its last, a smaller day): TRUE counts 1.
  const moved = x.months === 0 ? e : `EDATE(${after},${x.months})-(DAY(EDATE(${after},${x.months}))>=DAY(${after}))`;
  return iff(realEnd(end), x.days === 0 ? moved : `${moved}+${x.days}`, '""');
}

/**
 * Spend over the budget profiled to date, as core/rules/spend spendAgainstBudget: the budget spread
 * evenly from the start date to the end date; without a term to profile over, spend beyond the whole
 * budget is over by that much. A fraction (0.1 = 10% over); "" when not comparable.
 */
function spendVarianceOf(inputs: RowInputs): string {
  const budget = inputs.amount("budget");
  const spend = inputs.amount("spendToDate");
  const start = inputs.date("startDate");
  const end = inputs.date("endDate");
  const b = numberText(budget);
  const s = numberText(spend);
  const st = dateText(start);
  const e = dateText(end);
  const whole = `IF(${s}>${b},${s}/${b}-1,"")`;
  const profiled = iff(and(knownDate(start), realEnd(end), `${e}>${st}`, `${AS_OF}>${st}`), `${s}/(${b}*MIN(1,(${AS_OF}-${st})/(${e}-${st})))-1`, whole);
  return iff(and(knownNumber(budget), knownNumber(spend)), iff(`${b}>0`, profiled, '""'), '""');
}

/**
 * The Decide by and Days to decide columns in Excel's own formulas, as core/rules/decideBy decideBy
 * and CONTRACT.DECIDEBY: the earlier of the end date and this row's Notice date (`noticeDate`, the
 * tracker's column, null where it has none), less the tier's lead time from Settings. Blank where
 * the end date is not a real one, the tier is not Gold, Silver, Bronze or blank, or the notice
 * period is given but could not be read (the Notice date is then blank beside a period).
 * @example nativeDecideBy(h, "[@[Notice date]]", "[@[Decide by]]").decideBy.formula → '=IF(AND(N([@[End date]])>366,…),…-CHOOSE(…),"")'
 */
export function nativeDecideBy(header: FieldHeaders, noticeDate: string | null, decideBy: string): { decideBy: NativeColumn; daysToDecide: NativeColumn } {
  const periodHeader = header("noticePeriod");
  const TIER_AT: Readonly<Record<string, string>> = { Gold: "1", Silver: "2", Bronze: "3" };
  const lead = (m: string): string =>
    `CHOOSE(${m},${settingNumber("lead_time_gold_days")},${settingNumber("lead_time_silver_days")},${settingNumber("lead_time_bronze_days")},${settingNumber("lead_time_default_days")})`;
  return {
    decideBy: nativeColumn(header, (i) => {
      const end = i.date("endDate");
      const e = dateText(end);
      // "|Gold|" … and "||" for a blank tier: a text lookup Excel and LibreOffice both make, any case.
      // A tier Excel's TRIM reads otherwise than the tracker (a non-breaking space) is the one read at set-up.
      const tier = i.tier("tier");
      if ("tier" in tier && tier.tier === "unknown") return '""';
      const m = "ref" in tier ? `MATCH("|"&TRIM(${tier.ref})&"|",{"|Gold|","|Silver|","|Bronze|","||"},0)` : tier.tier === null ? "4" : TIER_AT[tier.tier];
      const from = noticeDate === null ? e : `IF(ISNUMBER(${noticeDate}),MIN(${noticeDate},${e}),${e})`;
      const readable = noticeDate === null || periodHeader === null ? TRUE : `OR(ISNUMBER(${noticeDate}),TRIM(${thisRow(periodHeader)})="")`;
      const decide = iff(readable, `${from}-${lead(m)}`, '""');
      return iff(realEnd(end), "ref" in tier ? `IF(ISNA(${m}),"",${decide})` : decide, '""');
    }),
    daysToDecide: nativeColumn(header, () => `IF(ISNUMBER(${decideBy}),${decideBy}-${AS_OF},"")`),
  };
}

/** The Milestones table's Slippage in Excel's own formula, as core/rules/slippage slippageDays. */
export const NATIVE_MILESTONE_SLIPPAGE = (() => {
  const baseline = thisRow("Baseline date");
  const forecast = thisRow("Forecast date");
  const actual = thisRow("Actual date");
  const overdue = `IF(${AS_OF}>${baseline},${AS_OF}-${baseline},"")`;
  return (
    `=IF(N(${baseline})>0,IF(N(${actual})>0,${actual}-${baseline},IF(N(${forecast})>0,IF(AND(${AS_OF}>${baseline},${AS_OF}>${forecast}),${AS_OF}-${baseline},${forecast}-${baseline}),${overdue})),"")`
  );
})();

/** The worst of some ranks (0 Red, 1 Amber, 2 Green, 3 not known) as a contract's RAG: Unrated when nothing is known, or only Green with no known expiry. */
const ragOfRanks = (ranks: string[], daysKnown: string): string =>
  `CHOOSE(MIN(${ranks.join(",")})+1,"Red","Amber",${iff(daysKnown, '"Green"', '"Unrated"')},"Unrated")`;

/** A component's rank against its Settings thresholds: `worse` is how a value beyond a threshold compares. */
const rankOf = (value: string, known: string, worse: ">" | "<" | "<=", red: string, amber: string): string =>
  iff(known, `IF(${value}${worse}${settingNumber(red)},0,IF(${value}${worse}${settingNumber(amber)},1,2))`, "3");

/** The rank of a passed decide-by date (core/rules/decideBy decideByStatus): 1 Amber, 0 Red from the notice date on, 3 not weighed (not passed, or the contract has ended). */
function decideRank(days: string, daysToDecide: string | undefined, daysToNotice: string | undefined): string {
  if (daysToDecide === undefined) return "3";
  const dd = daysToDecide;
  const red = daysToNotice === undefined ? "1" : `IF(AND(ISNUMBER(${daysToNotice}),N(${daysToNotice})<=0),0,1)`;
  const running = days === '""' ? `${dd}<0` : `AND(${dd}<0,N(${days})>=0)`;
  return `IF(ISNUMBER(${dd}),IF(${running},${red},3),3)`;
}

export interface NativeColumns {
  daysToExpiry: NativeColumn;
  noticeDate: NativeColumn;
  daysToNotice: NativeColumn;
  finalExpiry: NativeColumn;
  phase: NativeColumn;
  spendVariance: NativeColumn;
  rag: NativeColumn;
  escalationLevel: NativeColumn;
}

/**
 * The native formulas of a contract register's computed columns, over its own headers. `days`,
 * `slippage` and `kpi` are the columns RAG reads (this row's Days to expiry, Slippage and KPI
 * attainment), or '""' where the tracker has none; `spend` says whether it has a Spend variance column;
 * `noticeDate` is this row's Notice date where the tracker writes that column, null where it does not
 * (the register has a Notice date of its own): Days to notice then works the date out itself.
 * `spendVariance` and `rag` are this row's tracker columns of those names (default `[@[Spend
 * variance]]`, `[@RAG]`; `[@[RAG (tracker)]]` where the register has a RAG of its own).
 * @example nativeColumns(h, { … }).daysToExpiry.formula → '=IF(AND(N([@[End date]])>366,…),[@[End date]]-AsOf,"")'
 */
export function nativeColumns(
  header: FieldHeaders,
  rated: {
    days: string;
    slippage: string;
    kpi: string;
    spend: boolean;
    noticeDate: string | null;
    spendVariance?: string;
    rag?: string;
    /** This row's Days to decide and Days to notice, where the tracker has them: a passed decide-by date is Amber, Red from the notice date. */
    daysToDecide?: string;
    daysToNotice?: string;
  },
): NativeColumns {
  const column_ = (build: (inputs: RowInputs) => string): NativeColumn => nativeColumn(header, build);
  return {
    daysToExpiry: column_((i) => {
      const end = i.date("endDate");
      return iff(realEnd(end), `${dateText(end)}-${AS_OF}`, '""');
    }),
    noticeDate: column_((i) => noticeDateOf(i.date("endDate"), i.period("noticePeriod"))),
    // From this row's Notice date where the tracker writes that column (it holds the period as read:
    // no second copy of it); from the end date and period where the register has a Notice date of its own.
    daysToNotice: column_((i) =>
      rated.noticeDate === null
        ? noticeDateOf(i.date("endDate"), i.period("noticePeriod"), (date) => `${date}-${AS_OF}`)
        : `IF(ISNUMBER(${rated.noticeDate}),${rated.noticeDate}-${AS_OF},"")`,
    ),
    finalExpiry: column_((i) => finalExpiryOf(i.date("endDate"), i.extension("extensionOptions"))),
    phase: column_((i) => {
      // core/rules/phase contractPhase, with the exit window from Settings. Only comparisons where a
      // cell may hold text: Excel's AND works out every argument, and arithmetic on text is #VALUE!.
      const start = i.date("startDate");
      const goLive = i.date("goLiveDate");
      const end = i.date("endDate");
      const [s, g, e] = [dateText(start), dateText(goLive), dateText(end)];
      const [sk, gk] = [knownDate(start), knownDate(goLive)];
      // The phase once whether the end date is real is settled (TRUE or FALSE): the formula asks it
      // once and takes one branch, instead of asking at every step.
      const phaseWhen = (ek: string): string => {
        const inconsistent = or(and(sk, ek, `${e}<${s}`), and(sk, gk, `${g}<${s}`));
        const phase = iff(
          and(ek, `${AS_OF}>${e}`),
          '"Expired"',
          iff(
            and(sk, `${AS_OF}<${s}`),
            '"Not started"',
            iff(
              and(gk, `${AS_OF}<${g}`),
              iff(or(sk, ek), '"Mobilisation"', '""'),
              iff(and(ek, `${e}<=${AS_OF}+${settingNumber("exit_window_days")}`), '"Exit"', iff(or(sk, gk, ek), '"Delivery"', '""')),
            ),
          ),
        );
        return iff(inconsistent, '""', phase);
      };
      return iff(realEnd(end), phaseWhen(TRUE), phaseWhen(FALSE));
    }),
    spendVariance: column_((i) => spendVarianceOf(i)),
    rag: column_(() => {
      const { days, slippage, kpi } = rated;
      const known = (ref: string): string => (ref === '""' ? FALSE : `ISNUMBER(${ref})`);
      const variance = rated.spendVariance ?? thisRow("Spend variance");
      const ranks = [
        rankOf(days, known(days), "<=", "expiry_red_days", "expiry_amber_days"),
        rankOf(slippage, known(slippage), ">", "slippage_red_days", "slippage_amber_days"),
        rankOf(kpi, known(kpi), "<", "kpi_red_below", "kpi_amber_below"),
        rankOf(variance, rated.spend ? known(variance) : FALSE, ">", "spend_red_above", "spend_amber_above"),
        decideRank(days, rated.daysToDecide, rated.daysToNotice),
      ].filter((r) => r !== "3");
      return ranks.length === 0 ? '"Unrated"' : ragOfRanks(ranks, known(days));
    }),
    escalationLevel: column_((i) => {
      // core/rules/escalation with no days in status: Red 2 (3 on a Gold contract), Amber 1, else 0.
      const rag = rated.rag ?? thisRow("RAG");
      const tier = i.gold("tier");
      const red = "ref" in tier ? `IF(TRIM(${tier.ref})="Gold",3,2)` : tier.gold ? "3" : "2";
      return `IF(${rag}="Red",${red},IF(${rag}="Amber",1,0))`;
    }),
  };
}
