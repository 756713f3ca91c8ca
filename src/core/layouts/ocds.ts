import { column, LayoutValueKind, StandardLayout } from "./layoutColumns";

// A release's JSON path, also as flatten-tool writes it inside a package (`releases/0/…`, as in
// Contracts Finder's daily CSV).
const paths = (...jsonPaths: readonly string[]): string[] => jsonPaths.flatMap((p) => [p, `releases/0/${p}`]);
// A path is OCDS's own once it has an array index, three steps or a joined camelCase name:
// `buyer/name` reads as anyone's `Buyer name`, `id` and `date` alone are anyone's.
const isOwnPath = (p: string): boolean => /\/\d+(\/|$)|[a-z][A-Z]/.test(p) || p.split("/").length >= 3;

/**
 * One OCDS column: its JSON path spellings, then the `object_field` names hand flattenings use, of
 * which only those no home-made register would use are telling.
 */
function ocdsColumn(
  field: string | null,
  holds: LayoutValueKind,
  jsonPaths: readonly string[],
  flatNames: readonly string[],
  options: { tellingFlat?: readonly string[]; preference?: number } = {},
) {
  const pathSpellings = paths(...jsonPaths);
  return column(field, holds, [...pathSpellings, ...flatNames], { telling: [...pathSpellings.filter(isOwnPath), ...(options.tellingFlat ?? [])], preference: options.preference });
}

/**
 * Releases of the Open Contracting Data Standard flattened to one row per release (or per award).
 *
 * OCDS 1.1 release schema (standard.open-contracting.org/1.1/en/schema/release/): ocid, id, date,
 * tag, initiationType, buyer, tender (id, title, description, status, value, procurementMethod,
 * contractPeriod, and the Lots, Options and Renewals extensions' lots/options/renewal), awards (id,
 * title, status, date, value, suppliers, contractPeriod) and contracts (id, awardID, title, status,
 * period, value, dateSigned). Flattened by flatten-tool / the OCDS Data Review Tool, the headers are
 * the JSON paths (`tender/title`, `awards/0/value/amount`, `contracts/0/period/endDate`); hand
 * flattenings use `object_field` names (`tender_title`, `award_value`, `contract_end`).
 *
 * Which column fills a field follows the process: the ocid is the contract's ID; the award's value
 * and contract period come first, the signed contract's next, the tender's estimate last (a
 * flattened file often carries all three, some of them empty); the renewal text of the lot gives the
 * extension options, its options text second.
 */
export const OCDS_RELEASES: StandardLayout = {
  name: "OCDS releases, flattened",
  source: "Open Contracting Data Standard 1.1 release schema (with the Lots, Options and Renewals extensions), flattened to one row per release or award",
  columns: [
    column("contractId", "code", ["ocid", "Open Contracting ID", "Open contracting process identifier", "releases/0/ocid"], { telling: "every" }),
    ocdsColumn(null, "code", ["id"], ["release_id"], { tellingFlat: ["release_id"] }),
    ocdsColumn(null, "date", ["date"], ["release_date"], { tellingFlat: ["release_date"] }),
    ocdsColumn(null, "category", ["tag", "tag/0"], []),
    ocdsColumn(null, "category", ["initiationType"], ["initiation_type"], { tellingFlat: ["initiation_type"] }),
    ocdsColumn("department", "organisation", ["buyer/name"], ["buyer_name"]),
    ocdsColumn(null, "code", ["buyer/id"], ["buyer_id"]),
    ocdsColumn("contractId", "code", ["tender/id"], ["tender_id"], { preference: 4 }),
    ocdsColumn("title", "shortTitle", ["tender/title"], ["tender_title"]),
    ocdsColumn("title", "sentence", ["tender/description"], ["tender_description"], { preference: 4 }),
    ocdsColumn(null, "status", ["tender/status"], ["tender_status"]),
    ocdsColumn("totalValue", "money", ["tender/value/amount"], ["tender_value"], { preference: 3 }),
    ocdsColumn(null, "currency", ["tender/value/currency"], ["tender_currency"], { tellingFlat: ["tender_currency"] }),
    ocdsColumn(null, "category", ["tender/procurementMethod"], ["procurement_method"]),
    // OCDS's own goods / services / works (the mainProcurementCategory codelist).
    ocdsColumn("contractType", "procurementCategory", ["tender/mainProcurementCategory"], ["main_procurement_category"], { tellingFlat: ["main_procurement_category"] }),
    ocdsColumn(null, "category", ["tender/procurementMethodDetails"], ["procurement_method_details"], { tellingFlat: ["procurement_method_details"] }),
    ocdsColumn("startDate", "date", ["tender/contractPeriod/startDate"], ["tender_contract_start"], { tellingFlat: ["tender_contract_start"], preference: 3 }),
    ocdsColumn("endDate", "date", ["tender/contractPeriod/endDate"], ["tender_contract_end"], { tellingFlat: ["tender_contract_end"], preference: 3 }),
    ocdsColumn(null, "number", ["tender/contractPeriod/durationInDays"], ["tender_contract_duration_days"], { tellingFlat: ["tender_contract_duration_days"] }),
    ocdsColumn(null, "number", ["tender/lots/0/contractPeriod/durationInDays"], ["lot_duration_days"], { tellingFlat: ["lot_duration_days"] }),
    ocdsColumn(null, "yesNo", ["tender/lots/0/hasRenewal"], ["lot_has_renewal"], { tellingFlat: ["lot_has_renewal"] }),
    ocdsColumn("extensionOptions", "extensionText", ["tender/lots/0/renewal/description"], ["lot_renewal"], { tellingFlat: ["lot_renewal"] }),
    ocdsColumn(null, "yesNo", ["tender/lots/0/hasOptions"], ["lot_has_options"], { tellingFlat: ["lot_has_options"] }),
    ocdsColumn("extensionOptions", "extensionText", ["tender/lots/0/options/description"], ["lot_options"], { tellingFlat: ["lot_options"], preference: 2 }),
    ocdsColumn("contractId", "code", ["awards/0/id"], ["award_id"], { preference: 3 }),
    ocdsColumn("title", "shortTitle", ["awards/0/title"], ["award_title"], { preference: 2 }),
    ocdsColumn("status", "status", ["awards/0/status"], ["award_status"], { preference: 2 }),
    ocdsColumn(null, "date", ["awards/0/date"], ["award_date"]),
    ocdsColumn("totalValue", "money", ["awards/0/value/amount"], ["award_value"]),
    ocdsColumn(null, "currency", ["awards/0/value/currency"], ["award_currency"], { tellingFlat: ["award_currency"] }),
    ocdsColumn("startDate", "date", ["awards/0/contractPeriod/startDate"], ["award_contract_start"], { tellingFlat: ["award_contract_start"] }),
    ocdsColumn("endDate", "date", ["awards/0/contractPeriod/endDate"], ["award_contract_end"], { tellingFlat: ["award_contract_end"] }),
    ocdsColumn("supplier", "organisation", ["awards/0/suppliers/0/name"], ["supplier_names", "supplier_name"]),
    ocdsColumn(null, "code", ["awards/0/suppliers/0/id"], ["supplier_id"]),
    ocdsColumn("contractId", "code", ["contracts/0/id"], ["contract_id"], { preference: 2 }),
    ocdsColumn(null, "code", ["contracts/0/awardID"], ["contract_award_id"]),
    ocdsColumn("title", "shortTitle", ["contracts/0/title"], ["contract_title"], { preference: 3 }),
    ocdsColumn("status", "status", ["contracts/0/status"], ["contract_status"]),
    ocdsColumn(null, "date", ["contracts/0/dateSigned"], ["contract_date_signed"], { tellingFlat: ["contract_date_signed"] }),
    ocdsColumn("startDate", "date", ["contracts/0/period/startDate"], ["contract_start"], { preference: 2 }),
    ocdsColumn("endDate", "date", ["contracts/0/period/endDate"], ["contract_end"], { preference: 2 }),
    ocdsColumn("totalValue", "money", ["contracts/0/value/amount"], ["contract_value"], { preference: 2 }),
    ocdsColumn(null, "currency", ["contracts/0/value/currency"], ["contract_currency"]),
  ],
};
