// Each contract's part of its calendar events' UIDs (RFC 5545 §3.8.4.7): what makes re-importing a
// newer file update the events already added instead of adding them again, so it must not change
// when anything but the contract's ID changes.
import { contractName } from "./contractNames";
import type { NormalisedRow } from "./normalise";

// Why the ID is lower-cased: contracts are matched case-blind across the tracker (core/contractNames
// contractKey), and calendar servers are not all case-sensitive about UIDs. The first files made UIDs
// from that key alone, counting a second contract of the same key `-2` in row order. That stays for
// every ID whose spelling is unique, so the events users already have keep updating in place, and for
// an ID written twice exactly alike, where nothing but the row tells the two apart.
//
// IDs that differ only in case (`T-1`, `t-1`) are different contracts whose spellings do tell them
// apart, so their UIDs come from the spelling, not the row order (sorting the table must not swap
// their events): the spelling first in code-point order keeps the plain UID (upper case sorts first,
// and registers write IDs in upper case, so that is most likely the contract whose events were
// already exported), and each other one adds `+case-` and its letters' case, `u` or `l` each
// (`t-1` → `+case-l`). `+` is what encodeURIComponent never leaves in a key, so no ID can spell the
// marker, and the UID stays safe in a URL (CalDAV stores an event under it).

/** The marker of a spelling among others of its key: each cased character's case, in order. */
function caseMarker(spelling: string): string {
  let pattern = "";
  for (const ch of spelling) if (ch.toLowerCase() !== ch.toUpperCase()) pattern += ch === ch.toLowerCase() ? "l" : "u";
  return `+case-${pattern}`;
}

/** For each spelling of a key several spellings share, what it adds to the key: "" for the one that keeps the plain UID. */
function spellingMarkers(spellings: ReadonlySet<string>): Map<string, string> {
  const sorted = [...spellings].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const markers = new Map<string, string>();
  const used = new Set<string>();
  sorted.forEach((spelling, i) => {
    let marker = i === 0 ? "" : caseMarker(spelling);
    // Two spellings whose letters' cases match yet differ (the Kelvin sign and K): told apart by their place in the sorted order, which no row order moves.
    if (used.has(marker)) marker = `${marker}.${i}`;
    used.add(marker);
    markers.set(spelling, marker);
  });
  return markers;
}

/**
 * Each contract's part of its events' UIDs, in the contracts' order: its ID lower-cased and
 * URI-encoded (its row, `row%2014`, where it has none); `+case-…` after an ID that differs from
 * another only in case (not the first of them in code-point order); and `-2`, `-3` … after the
 * second and later contracts whose ID is written exactly alike (`+2` … where that would spell
 * another contract's ID), in row order.
 * @example contractUidParts([{ row: 2, fields: { contractId: "t-1" } }, { row: 3, fields: { contractId: "T-1" } }, { row: 4, fields: { contractId: "C 9" } }]) → ["t-1+case-l", "t-1", "c%209"]
 */
export function contractUidParts(contracts: readonly Pick<NormalisedRow, "row" | "fields">[]): string[] {
  const names = contracts.map((c) => contractName(c));
  const spellingsOf = new Map<string, Set<string>>();
  for (const name of names) {
    const key = name.toLowerCase();
    const spellings = spellingsOf.get(key);
    if (spellings) spellings.add(name);
    else spellingsOf.set(key, new Set([name]));
  }
  const markersOf = new Map<string, Map<string, string>>();
  for (const [key, spellings] of spellingsOf) if (spellings.size > 1) markersOf.set(key, spellingMarkers(spellings));
  const seen = new Map<string, number>();
  return names.map((name) => {
    const key = name.toLowerCase();
    const base = `${encodeURIComponent(key)}${markersOf.get(key)?.get(name) ?? ""}`;
    const nth = (seen.get(name) ?? 0) + 1;
    seen.set(name, nth);
    if (nth === 1) return base;
    return spellingsOf.has(`${key}-${nth}`) ? `${base}+${nth}` : `${base}-${nth}`;
  });
}
