import { StatusClass, readStatus } from "../../src/core/statusPhrases";

// Status phrases and what a contract manager reads in them. From the shared registers (ACT status,
// NYC capital projects' phase, OCDS award and tender status, Contracts Finder notice status) and
// written by hand as registers write them.
const PHRASES: [string, StatusClass][] = [
  // shared registers
  ["Current", "live"], ["Design", "live"], ["Construction Procurement", "live"], ["Construction", "live"], ["Scoping/Planning", "live"],
  ["Close-Out", "closed"], ["active", "live"], ["complete", "closed"], ["planning", "live"], ["planned", "live"], ["awarded", "live"],
  ["closed", "closed"], ["withdrawn", "closed"], ["open", "live"],
  // live, however written
  ["Live", "live"], ["LIVE", "live"], ["Active", "live"], ["In force", "live"], ["Ongoing", "live"], ["Running", "live"], ["Signed", "live"],
  ["Mobilising", "live"], ["Mobilisation", "live"], ["In delivery", "live"], ["Operational", "live"], ["In progress", "live"], ["Pending", "live"],
  // negation and what is to come: still live
  ["Not complete", "live"], ["Not completed", "live"], ["Mobilisation not yet completed", "live"], ["Live - to be replaced", "live"],
  ["Not ended", "live"], ["Not terminated", "live"], ["To be terminated", "live"], ["Due to be closed", "live"], ["Will expire 31/03/2027", "live"],
  ["Termination pending", "live"], ["Awaiting closure", "live"], ["Not yet awarded", "live"], ["Pending cancellation", "live"],
  ["Closure planned for March", "live"], ["Scheduled to end in 2027", "live"], ["Not yet expired", "live"], ["Never terminated", "live"],
  // closed
  ["Completed", "closed"], ["Terminated", "closed"], ["Terminated early", "closed"], ["Cancelled", "closed"], ["Canceled", "closed"],
  ["Archived", "closed"], ["Expired", "closed"], ["Ended", "closed"], ["Lapsed", "closed"], ["Inactive", "closed"], ["Superseded by C-104", "closed"],
  ["Replaced", "closed"], ["Expired and replaced", "closed"], ["Terminated - replacement awarded", "closed"], ["No longer live", "closed"],
  ["Not active", "closed"], ["No longer active", "closed"], ["Concluded", "closed"], ["Finished", "closed"], ["Void", "closed"], ["Discharged", "closed"],
  // a decision recorded
  ["Extended", "decided"], ["Contract extended to 31/03/2028", "decided"], ["Extension agreed", "decided"], ["Extension signed", "decided"],
  ["Extension exercised", "decided"], ["Option exercised", "decided"], ["Notice given", "decided"], ["Notice served on supplier", "decided"],
  ["Re-procurement under way", "decided"], ["Reprocurement in progress", "decided"], ["Re-tender underway", "decided"], ["Retendering", "decided"],
  ["Re-procurement started", "decided"], ["Renewed", "decided"], ["Renewal agreed", "decided"], ["Replacement in place", "decided"],
  ["Replacement awarded", "decided"], ["Exit plan agreed", "decided"], ["Expired - extension agreed", "decided"], ["Live - extension agreed", "decided"],
  ["Live (re-procurement under way)", "decided"],
  // a decision not (yet) taken: no decision recorded
  ["Not extended", "live"], ["No renewal", "live"], ["Re-procurement not started", "live"], ["Re-procurement not yet started", "live"],
  ["Extension pending", "live"], ["Extension required", "live"], ["Re-tender planned", "live"], ["Awaiting extension", "live"],
  ["To be extended", "live"], ["Extension option available", "live"], ["Notice not given", "live"], ["Renewal under consideration", "live"],
  ["Live (re-procurement not yet started)", "live"], ["Re-procurement required", "live"],
];

test("there are at least 80 phrases, each once", () => {
  expect(PHRASES.length).toBeGreaterThanOrEqual(80);
  expect(new Set(PHRASES.map(([p]) => p)).size).toBe(PHRASES.length);
});

test.each(PHRASES)("%p is %s", (phrase, expected) => {
  expect(readStatus(phrase).class).toBe(expected);
});

test("text with no term of a contract's life cycle counts as live, and is marked as not read", () => {
  for (const text of ["See notes", "Green", "Framework call-off", "TBC"]) expect(readStatus(text)).toEqual({ class: "live", known: false });
  expect(readStatus("Live").known).toBe(true);
});
