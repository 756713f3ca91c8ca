/**
 * What a register's own status text says about a contract, read as a phrase rather than as single
 * words: `Not complete` is live, `Live - to be replaced` is live, `Re-procurement not started` is
 * no decision, `Expired - extension agreed` is a decision. The words are the life-cycle terms of
 * the OCDS contract and award status codelists (active, pending, terminated, cancelled) and of
 * UK contract management (the Government Commercial Function's Contract Management guidance:
 * notice, extension, re-procurement, exit).
 */

/** live: still running (the default for text we cannot read); closed: over, not rated or escalated; decided: a decision at notice time is recorded. */
export type StatusClass = "live" | "closed" | "decided";

export interface StatusReading {
  class: StatusClass;
  /** False when no term of a contract's life cycle was recognised: counted live and shown as written. */
  known: boolean;
}

// Terms that say a contract is over for good, whatever else the text says.
const FINAL = new Set([
  "closed", "closeout", "complete", "completed", "terminated", "cancelled", "canceled", "withdrawn", "archived",
  "superseded", "replaced", "discharged", "concluded", "void", "inactive", "novated away", "finished",
]);
// Terms that say the term has run out: over, unless a decision to go on is recorded beside them.
const RUN_OUT = new Set(["expired", "ended", "lapsed"]);
// Terms that say the contract is running.
const LIVE = new Set(["live", "active", "current", "open", "ongoing", "running", "awarded", "signed", "mobilising", "mobilisation", "mobilization", "operational", "in force", "in progress", "in delivery", "delivery", "design", "construction", "implementation", "planning", "planned", "pending"]);
// Live terms whose denial says the contract is over.
const RUNNING = ["live", "active", "current", "in force", "running"];
// Terms that record a decision taken at notice time.
const DECISIONS = [
  "notice given", "notice served", "notice issued", "extended", "extension agreed", "extension signed", "extension approved",
  "extension exercised", "extension taken", "option exercised", "reprocurement", "retender", "retendering", "reprocuring", "relet",
  "renewed", "renewal agreed", "renewal signed", "replacement in place", "replacement awarded", "replacement agreed",
  "replacement procured", "exit plan agreed", "decision made", "decommissioning agreed",
];
// Words before a term that turn it round: it has not happened (yet), or is only to come.
const NOT_BEFORE = ["not", "no", "never", "yet", "to be", "pending", "awaiting", "await", "due to", "due", "will", "will be", "planned", "scheduled to", "subject to"];
// Words after a term that say it has not happened: `re-procurement not started`, `extension pending`.
const NOT_AFTER = ["not", "pending", "required", "needed", "tbc", "tbd", "to follow", "to be agreed", "to be confirmed", "awaited", "due", "planned", "proposed", "requested", "under consideration", "being considered", "option", "options", "available", "possible"];
// Phrases that say a step is happening now, which makes a decision recorded: `re-procurement under way`.
const UNDER_WAY = ["under way", "underway", "in progress", "started", "live", "running", "awarded", "complete", "completed", "signed", "agreed", "approved"];

/** Lower case, words only, with `re-procurement`, `close-out` and `no-longer` run together as registers write them both ways. */
function words(text: string): string {
  return ` ${text
    .toLowerCase()
    .replace(/\b(re)[-\s]+(procure|procurement|procuring|tender|tendering|let)\b/g, "$1$2")
    .replace(/\bclose[-\s]+out\b/g, "closeout")
    .replace(/[^a-z]+/g, " ")
    .trim()} `;
}

/** Where a term stands in the text (word-bounded), or -1. */
const at = (t: string, term: string): number => t.indexOf(` ${term} `);

/** Whether the term, found at `index`, is turned round by the words just before or after it. */
function negated(t: string, index: number, term: string): boolean {
  const before = ` ${t.slice(0, index + 1).trim().split(" ").slice(-3).join(" ")} `;
  const after = `${t.slice(index + term.length + 2).trim()} `;
  return NOT_BEFORE.some((w) => before.includes(` ${w} `)) || NOT_AFTER.some((w) => after.startsWith(`${w} `));
}

/** The terms of a set the text holds and does not turn round. */
function holds(t: string, terms: Iterable<string>): string[] {
  const found: string[] = [];
  for (const term of terms) {
    const index = at(t, term);
    if (index >= 0 && !negated(t, index, term)) found.push(term);
  }
  return found;
}

/** A decision term said to be happening (`re-procurement under way`) or said plainly (`extended`). */
function decision(t: string): boolean {
  for (const term of DECISIONS) {
    const index = at(t, term);
    if (index < 0) continue;
    const after = t.slice(index + term.length + 2).trim();
    if (UNDER_WAY.some((w) => after === w || after.startsWith(`${w} `))) return true;
    if (!negated(t, index, term)) return true;
  }
  return false;
}

const cache = new Map<string, StatusReading>();

/**
 * What a status text says: closed (a final term, or a run-out term with no decision beside it),
 * decided (a decision recorded), or live (a live term, a negated closing term, or nothing we know:
 * then `known` is false). Negation, tense and common phrasings are read: `not`, `no`, `yet`,
 * `to be`, `pending`, `awaiting`, `due to`, `under way`, `not started`.
 * @example readStatus("Mobilisation not yet completed") → { class: "live", known: true }
 * @example readStatus("Re-procurement under way") → { class: "decided", known: true }
 * @example readStatus("Expired") → { class: "closed", known: true }
 */
export function readStatus(text: string): StatusReading {
  const cached = cache.get(text);
  if (cached) return cached;
  const t = words(text);
  let reading: StatusReading;
  const decided = decision(t);
  const final = holds(t, FINAL);
  const runOut = holds(t, RUN_OUT);
  // `no longer live`, `not active`: a running term turned round is over (`not yet awarded` is not).
  const liveDenied = RUNNING.some((term) => at(t, term) >= 0 && negated(t, at(t, term), term)) && holds(t, LIVE).length === 0;
  if (final.length > 0) reading = { class: "closed", known: true };
  else if (decided) reading = { class: "decided", known: true };
  else if (runOut.length > 0 || liveDenied) reading = { class: "closed", known: true };
  else {
    const known = holds(t, LIVE).length > 0 || [...FINAL, ...RUN_OUT, ...DECISIONS].some((term) => at(t, term) >= 0);
    reading = { class: "live", known };
  }
  if (cache.size > 10_000) cache.clear();
  cache.set(text, reading);
  return reading;
}

// A termination notice recorded beside the status: `Terminated – notice published`.
const terminationCache = new Map<string, Readonly<{ terminated: boolean; noticeRecorded: boolean }>>();
const TERMINATION_NOTICE_DONE = ["notice published", "notice issued", "notice given", "notice sent", "notice served", "termination notice published"];

/**
 * Whether a status says the contract was terminated (OCDS contractStatus `terminated`; `Early
 * termination`, `Terminated by agreement`), not merely that it may be (`termination pending`, `not
 * terminated`), and whether it also records the termination notice as published.
 * @example terminationStatus("Terminated early") → { terminated: true, noticeRecorded: false }
 * @example terminationStatus("Terminated - notice published") → { terminated: true, noticeRecorded: true }
 * @example terminationStatus("Termination under consideration") → { terminated: false, noticeRecorded: false }
 */
export function terminationStatus(text: string): { terminated: boolean; noticeRecorded: boolean } {
  // Read once per distinct text, as readStatus is: the calendar asks it of every contract of a register.
  const cached = terminationCache.get(text);
  if (cached) return cached;
  const t = words(text);
  const terminated = holds(t, ["terminated", "termination", "early termination"]).length > 0;
  const reading = { terminated, noticeRecorded: terminated && TERMINATION_NOTICE_DONE.some((p) => at(t, p) >= 0) };
  if (terminationCache.size > 10_000) terminationCache.clear();
  terminationCache.set(text, reading);
  return reading;
}
