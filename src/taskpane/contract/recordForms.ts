/**
 * The contract card's four forms as data: each field with its label and hint, and what Save does
 * (features/forms.ts checks every field and appends the row) and says afterwards.
 */
import type { DateOrder } from "../../core/dates";
import type { LadderNames, SummaryContract } from "../../core/summaryTypes";
import { CHANGE_STATUSES, RISK_STATUSES } from "../../core/schema";
import { exampleDate } from "../../features/formInput";
import type { FormResult } from "../../features/formInput";
import { addMilestone, addRisk, logEscalation, recordChangeFor } from "../../features/forms";
import type { WorkbookPort } from "../../workbook/port";
import { lateness } from "../tracker/when";

export type RecordKind = "milestone" | "risk" | "change" | "escalation";

export interface FormField {
  /** The key features/forms.ts names the field by, in its input and its errors. */
  key: string;
  label: string;
  kind: "text" | "multiline" | "date" | "choice";
  required?: boolean;
  hint?: string;
  placeholder?: string;
  /** For a choice: value and text; a blank first choice is added where the field may be left blank. */
  choices?: readonly { value: string; text: string }[];
  /** What the field starts with. */
  initial?: string;
  /** A caution under the field for a value that may be meant but deserves a second look (not an error: Save still saves). */
  warn?: (values: Readonly<Record<string, string>>) => string | null;
}

export interface RecordForm {
  kind: RecordKind;
  /** The button that opens it and the dialog's title, e.g. "Add milestone". */
  title: string;
  intro: string;
  fields: readonly FormField[];
  /** Checks and appends; resolves with the errors by field, or the sentence saying what was done. */
  save(port: WorkbookPort, values: Readonly<Record<string, string>>): Promise<FormResult<{ done: string }>>;
}

/** What the forms need to know of the contract the card shows. */
export interface FormContract {
  contractId: string;
  /** The contract's 1-based sheet row: which contract records go to where other rows share its ID. */
  contractRow: number;
  /** What its records say in Which contract where other rows share its ID; null when the ID is its own. */
  whichContract: string | null;
  dateOrder: DateOrder;
  locale: string;
  ladder: LadderNames;
  assessment: Pick<SummaryContract, "level" | "action">;
  /** The name Raised by starts with: the one last used in this pane (contract/raisedBy), else blank. */
  raisedBy?: string;
  /** Told the name an escalation was raised by, once it is logged, to remember it. */
  onRaised?: (name: string) => void;
}

/** "Below the recommended level 3 (Senior responsible owner / board) for this contract", or null when the level is at or above it. */
function belowRecommended(level: number, c: FormContract): string | null {
  const recommended = c.assessment.level;
  if (!Number.isInteger(level) || level < 1 || recommended < 1 || level >= recommended) return null;
  return `Below the recommended level ${recommended} (${c.ladder[recommended as 1 | 2 | 3]}) for this contract`;
}

const numbered = (names: readonly string[]): { value: string; text: string }[] => names.map((name, i) => ({ value: String(i + 1), text: `${i + 1} — ${name}` }));
const listed = (values: readonly string[]): { value: string; text: string }[] => values.map((value) => ({ value, text: value }));

/** A result of features/forms.ts with its success turned into a sentence. */
async function saying<T extends object>(result: Promise<FormResult<T>>, done: (r: T) => string): Promise<FormResult<{ done: string }>> {
  const r = await result;
  return r.ok ? { ok: true, done: done(r) } : r;
}

/** The four forms for one contract. */
export function recordForms(c: FormContract): Record<RecordKind, RecordForm> {
  const example = exampleDate(c.dateOrder);
  const id = c.contractId;
  const row = c.contractRow;
  // The contract as the forms' sentences name it: its ID, and where rows share it, which one.
  const named = (r: { contractId: string; whichContract?: string }): string => (r.whichContract ? `${r.contractId} (${r.whichContract})` : r.contractId);
  const intro = c.whichContract ? `${id} (row ${row}, “${c.whichContract}”)` : id;
  return {
    milestone: {
      kind: "milestone",
      title: "Add milestone",
      intro: `A milestone of ${intro}, added to the Milestones table. Dates like ${example}.`,
      fields: [
        { key: "milestone", label: "Milestone", kind: "text", required: true, hint: "What is to be achieved, e.g. Service go-live" },
        { key: "baselineDate", label: "Baseline date", kind: "date", required: true, hint: `The date first agreed, e.g. ${example}` },
        { key: "forecastDate", label: "Forecast date", kind: "date", hint: "When it is now expected; blank when not known" },
        { key: "actualDate", label: "Actual date", kind: "date", hint: "When it was met; blank until then" },
        { key: "owner", label: "Owner", kind: "text" },
      ],
      save: (port, v) =>
        saying(addMilestone(port, { contractId: id, contractRow: row, milestone: v.milestone, baselineDate: v.baselineDate, forecastDate: v.forecastDate, actualDate: v.actualDate, owner: v.owner }), (r) =>
          `Milestone “${v.milestone.trim()}” added to the ${r.table} table for ${named(r)}${r.slippageDays !== null && r.slippageDays > 0 ? `: ${lateness(r.slippageDays, c.locale)} (${r.rag ?? "unrated"})` : ""}.`,
        ),
    },
    risk: {
      kind: "risk",
      title: "Add risk",
      intro: `A risk to ${intro}, added to the Risks table. Its score is likelihood × impact: red at 15 or more, amber at 8.`,
      fields: [
        { key: "risk", label: "Risk", kind: "multiline", required: true, hint: "What might happen" },
        { key: "likelihood", label: "Likelihood", kind: "choice", required: true, choices: numbered(["rare", "unlikely", "possible", "likely", "almost certain"]) },
        { key: "impact", label: "Impact", kind: "choice", required: true, choices: numbered(["minor", "moderate", "significant", "major", "severe"]) },
        { key: "owner", label: "Owner", kind: "text" },
        { key: "mitigation", label: "Mitigation", kind: "multiline", hint: "What is being done about it" },
        { key: "status", label: "Status", kind: "choice", choices: listed(RISK_STATUSES), initial: "Open" },
      ],
      save: (port, v) =>
        saying(addRisk(port, { contractId: id, contractRow: row, risk: v.risk, likelihood: v.likelihood, impact: v.impact, owner: v.owner, mitigation: v.mitigation, status: v.status }), (r) =>
          `Risk added to the ${r.table} table for ${named(r)}: score ${r.score} (${r.rag}).`,
        ),
    },
    change: {
      kind: "change",
      title: "Record change",
      intro: `A change to ${intro}, recorded in the Changes table under a new Change ID.`,
      fields: [
        { key: "description", label: "Description", kind: "multiline", required: true, hint: "What changes" },
        { key: "valueImpact", label: "Value impact", kind: "text", hint: "Change in the contract's value, e.g. 12,000, or -500 for a saving; blank when none" },
        { key: "status", label: "Status", kind: "choice", choices: listed(CHANGE_STATUSES), initial: "Proposed" },
        { key: "requested", label: "Requested", kind: "date", hint: `When it was asked for, e.g. ${example}; blank for the as-of date` },
        { key: "approvedBy", label: "Approved by", kind: "text" },
        { key: "approvedOn", label: "Approved on", kind: "date" },
        { key: "newEndDate", label: "New end date", kind: "date", hint: "Where the change extends or shortens the term: the end date it sets (a change notice is likely needed past 10% of the maximum term)" },
      ],
      save: (port, v) =>
        saying(recordChangeFor(port, { contractId: id, contractRow: row, description: v.description, valueImpact: v.valueImpact, status: v.status, requested: v.requested, approvedBy: v.approvedBy, approvedOn: v.approvedOn, newEndDate: v.newEndDate }), (r) =>
          `Change ${r.changeId} recorded in the ${r.table} table for ${named(r)}.`,
        ),
    },
    escalation: {
      kind: "escalation",
      title: "Log escalation",
      intro: `An escalation of ${intro}, logged Open in the Escalations log at the as-of date with its RAG now.`,
      fields: [
        {
          key: "level", label: "Level", kind: "choice", required: true, choices: numbered([c.ladder[1], c.ladder[2], c.ladder[3]]), initial: String(Math.min(3, Math.max(1, c.assessment.level))),
          warn: (v) => belowRecommended(Number(v.level), c),
        },
        { key: "reason", label: "Reason", kind: "multiline", required: true, hint: "Why it is being escalated" },
        { key: "action", label: "Action", kind: "multiline", hint: c.assessment.action ? `Blank for the recommended action: ${c.assessment.action}` : "What is to be done" },
        { key: "owner", label: "Owner", kind: "text", hint: "Who acts; blank for whom the level goes to" },
        { key: "raisedBy", label: "Raised by", kind: "text", required: true, hint: "Your name, as the log should show who raised it", initial: c.raisedBy },
      ],
      save: async (port, v) => {
        const result = await saying(logEscalation(port, { contractId: id, contractRow: row, level: v.level, reason: v.reason, action: v.action, owner: v.owner, raisedBy: v.raisedBy }), (r) => {
          const below = belowRecommended(r.level, c);
          return `Escalation ${r.escalationId} logged in the ${r.table} log for ${named(r)}: level ${r.level}, to ${r.owner}${below ? ` (${below.charAt(0).toLowerCase()}${below.slice(1)})` : ""}.`;
        });
        if (result.ok) c.onRaised?.(v.raisedBy);
        return result;
      },
    },
  };
}
