// The summary's formats and groupings on their own, so the command line checks `--format` and
// `--group-by` without loading the summary itself (its start-up stays Node's own).

/** The formats the summary is rendered in (CLI `--format`, task pane copy buttons). */
export type SummaryFormat = "text" | "markdown" | "html" | "json";
export const SUMMARY_FORMATS: readonly SummaryFormat[] = ["text", "markdown", "html", "json"];
/** What each level's contracts may be listed under. */
export type SummaryGrouping = "department" | "manager";
export const SUMMARY_GROUPINGS: readonly SummaryGrouping[] = ["department", "manager"];
