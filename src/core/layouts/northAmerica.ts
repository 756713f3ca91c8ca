import { column, LayoutValueKind, StandardLayout } from "./layoutColumns";

// A CKAN data portal's row number (Toronto's open data): no column of the register.
const portalRowNumber = column(null, "number", ["_id"]);

/**
 * City of Toronto, "Toronto Bids Awarded Contracts" (open.toronto.ca dataset
 * `tobids-awarded-contracts`, Purchasing & Materials Management): one row per awarded supplier of a
 * solicitation. The Division owns the contract; the Buyer Name is the City's named buyer for it.
 * The award authority date is when the award was approved, not a start date: the list has no
 * contract period outside the description's text.
 */
export const TORONTO_AWARDED: StandardLayout = {
  name: "City of Toronto awarded contracts",
  source: "City of Toronto Open Data, Toronto Bids Awarded Contracts (tobids-awarded-contracts), datastore columns",
  columns: [
    portalRowNumber,
    column("contractId", "code", ["Document Number"], { telling: "every" }),
    column(null, "category", ["RFx (Solicitation) Type"], { telling: "every" }),
    column("contractType", "procurementCategory", ["High Level Category"], { telling: "every" }),
    column("supplier", "organisation", ["Successful Supplier"], { telling: "every" }),
    column("totalValue", "money", ["Award"]),
    column(null, "date", ["Award Authority Obtained Date"], { telling: "every" }),
    column("department", "department", ["Division"]),
    column("contractManager", "personName", ["Buyer Name"]),
    column(null, "email", ["Buyer Email"]),
    column(null, "phone", ["Buyer Phone Number"]),
    column("title", "sentence", ["Solicitation Document Description"], { telling: "every" }),
    column(null, "address", ["Supplier Address"], { family: true }),
    column(null, "place", ["Wards"], { telling: "every" }),
  ],
};

/**
 * City of Toronto, "Toronto Bids Non-Competitive Contracts" (open.toronto.ca dataset
 * `tobids-non-competitive-contracts`): contracts made without competition, with the reason. The
 * contract date is when the contract was made, not the start of its term.
 */
export const TORONTO_NON_COMPETITIVE: StandardLayout = {
  name: "City of Toronto non-competitive contracts",
  source: "City of Toronto Open Data, Toronto Bids Non-Competitive Contracts (tobids-non-competitive-contracts), datastore columns",
  columns: [
    portalRowNumber,
    column("contractId", "code", ["Workspace Number"], { telling: "every" }),
    column(null, "category", ["Reason"]),
    column(null, "date", ["Contract Date"]),
    column("supplier", "organisation", ["Supplier Name"]),
    column("totalValue", "money", ["Contract Amount"]),
    column("department", "department", ["Division"]),
    column(null, "address", ["Supplier Address"], { family: true }),
    column(null, "place", ["Wards"], { telling: "every" }),
  ],
};

/**
 * City of Chicago Data Portal, "Contracts" (dataset rsxa-ify5, Department of Procurement Services):
 * contracts and modifications since 1993, one row per revision. Address, City, State and Zip are the
 * vendor's; the approval date is when the award was approved.
 */
export const CHICAGO_CONTRACTS: StandardLayout = {
  name: "City of Chicago contracts",
  source: "City of Chicago Data Portal, Contracts (rsxa-ify5), Department of Procurement Services",
  dateOrder: "mdy",
  columns: [
    column("title", "shortTitle", ["Purchase Order Description"], { telling: "every" }),
    column("contractId", "code", ["Purchase Order (Contract) Number"], { telling: "every" }),
    column(null, "number", ["Revision Number"]),
    column(null, "code", ["Specification Number"], { telling: "every" }),
    column("contractType", "procurementCategory", ["Contract Type"]),
    column("startDate", "date", ["Start Date"]),
    column("endDate", "date", ["End Date"]),
    column(null, "date", ["Approval Date"]),
    column("department", "department", ["Department"]),
    column("supplier", "organisation", ["Vendor Name"]),
    column(null, "code", ["Vendor ID"]),
    column(null, "address", ["Address"], { family: true }),
    column(null, "place", ["City"]),
    column(null, "place", ["State"]),
    column(null, "postcode", ["Zip"]),
    column("totalValue", "money", ["Award Amount"]),
    column(null, "category", ["Procurement Type"]),
    column(null, "url", ["Contract PDF"], { telling: "every" }),
  ],
};

// Checkbook NYC names every detail twice, for the prime contract and for each subcontract; only the prime's are the contract's.
const prime = (field: string | null, holds: LayoutValueKind, own: string, short: readonly string[] = []) =>
  column(field, holds, [own, ...short], { telling: [own] });

/**
 * New York City Comptroller, Checkbook NYC contracts data feed (checkbooknyc.com/data-feeds,
 * Contracts, all columns): one row per prime contract, or per subcontract of it. The contracting
 * agency owns the contract; the current amount is its value now, the original amount its value at
 * registration. The `Sub …` columns describe a subcontractor and are never the contract's own.
 */
export const NYC_CHECKBOOK_CONTRACTS: StandardLayout = {
  name: "Checkbook NYC contracts",
  source: "New York City Comptroller, Checkbook NYC data feeds, Contracts (prime and sub vendor columns)",
  dateOrder: "mdy",
  columns: [
    column(null, "code", ["Document Code"], { telling: "every" }),
    prime("contractId", "code", "Prime Contract ID", ["Contract ID"]),
    column(null, "yesNo", ["Contract Includes Sub Vendors"], { telling: "every" }),
    column(null, "category", ["Vendor Record Type"], { telling: "every" }),
    prime("supplier", "organisation", "Prime Vendor", ["Vendor"]),
    prime(null, "category", "Prime Vendor M/WBE Category", ["M/WBE Category"]),
    prime("title", "shortTitle", "Prime Contract Purpose", ["Purpose"]),
    prime("totalValue", "money", "Prime Contract Current Amount", ["Current Amount"]),
    prime(null, "money", "Prime Contract Original Amount", ["Original Amount"]),
    prime("spendToDate", "money", "Prime Vendor Spend to Date", ["Spent to Date"]),
    prime("startDate", "date", "Prime Contract Start Date", ["Start Date"]),
    prime("endDate", "date", "Prime Contract End Date", ["End Date"]),
    prime(null, "date", "Prime Contract Registration Date", ["Registration Date"]),
    prime("department", "department", "Prime Contracting Agency", ["Contracting Agency", "Agency"]),
    prime(null, "code", "Prime Contract Version", ["Version"]),
    column(null, "code", ["Parent Contract ID"], { telling: "every" }),
    prime(null, "category", "Prime Contract Type", ["Contract Type"]),
    prime(null, "category", "Prime Contract Award Method", ["Award Method"]),
    prime(null, "category", "Prime Contract Expense Category", ["Expense Category"]),
    prime(null, "category", "Prime Contract Industry", ["Industry"]),
    prime(null, "code", "Prime Contract PIN", ["PIN"]),
    prime(null, "code", "Prime Contract APT PIN", ["APT PIN"]),
    column(null, "yesNo", ["Prime Woman Owned Business"], { telling: "every" }),
    column(null, "yesNo", ["Prime Emerging Business"], { telling: "every" }),
    column(null, "organisation", ["Sub Vendor"], { telling: "every" }),
    column(null, "category", ["Sub Vendor M/WBE Category"], { telling: "every" }),
    column(null, "shortTitle", ["Sub Contract Purpose"], { telling: "every" }),
    column(null, "status", ["Sub Vendor Status in PIP"], { telling: "every" }),
    column(null, "category", ["Sub Contract Industry"], { telling: "every" }),
    column(null, "money", ["Sub Contract Current Amount"], { telling: "every" }),
    column(null, "money", ["Sub Contract Original Amount"], { telling: "every" }),
    column(null, "money", ["Sub Vendor Paid To Date"], { telling: "every" }),
    column(null, "date", ["Sub Contract Start Date"], { telling: "every" }),
    column(null, "date", ["Sub Contract End Date"], { telling: "every" }),
    column(null, "code", ["Sub Contract Reference ID"], { telling: "every" }),
    column(null, "yesNo", ["Sub Woman Owned Business"], { telling: "every" }),
    column(null, "yesNo", ["Sub Emerging Business"], { telling: "every" }),
  ],
};

// One of the disclosure's own fields, known by its datastore id only, that fills no tracker field.
const canadaOnly = (holds: LayoutValueKind, ...ids: string[]) => column(null, holds, ids, { telling: "every" });

/**
 * Government of Canada, Proactive Disclosure of Contracts over $10,000 (Treasury Board "Guidelines on
 * the Proactive Disclosure of Contracts"; open.canada.ca dataset d8f85d91-7dec-4fd1-8055-483b77225d8b).
 * The fields are the portal's datastore ids with their English labels, from its published schema
 * (open-data/ckanext-canada, `tables/contracts.yaml`), plus `owner_org` / `owner_org_title`, the
 * department that disclosed the row. `procurement_id` is the contract number (`reference_number`
 * only numbers the disclosure's line); `buyer_name` is the named buyer; `contract_date` is the award;
 * `delivery_date` ends the contract period; `contract_value` is the total with amendments.
 */
export const CANADA_CONTRACTS_OVER_10K: StandardLayout = {
  name: "Government of Canada proactive disclosure of contracts over $10,000",
  source: "Treasury Board of Canada, Guidelines on the Proactive Disclosure of Contracts; open.canada.ca Contracts over $10,000 (ckanext-canada tables/contracts.yaml)",
  columns: [
    column("contractId", "code", ["reference_number", "Reference Number"], { preference: 2 }),
    column("contractId", "code", ["procurement_id", "Procurement Identification Number"], { telling: ["Procurement Identification Number"] }),
    column("supplier", "organisation", ["vendor_name", "Vendor Name"]),
    column(null, "postcode", ["vendor_postal_code", "Vendor Postal Code"], { telling: "every" }),
    column("contractManager", "personName", ["buyer_name", "Buyer Name"]),
    column(null, "date", ["contract_date", "Contract Date"]),
    column(null, "code", ["economic_object_code", "Economic Object Code"], { telling: "every" }),
    column("title", "shortTitle", ["description_en", "Description of Work English"], { telling: "every" }),
    column(null, "shortTitle", ["description_fr", "Description of Work French"], { telling: "every" }),
    column("startDate", "date", ["contract_period_start", "Contract Period Start Date"], { telling: "every" }),
    column("endDate", "date", ["delivery_date", "Contract Period End Date or Delivery Date"], { telling: ["Contract Period End Date or Delivery Date"] }),
    column("totalValue", "money", ["contract_value", "Total Contract Value"]),
    column(null, "money", ["original_value", "Original Contract Value"]),
    column(null, "money", ["amendment_value", "Contract Amendment Value"], { telling: "every" }),
    column("title", "sentence", ["comments_en", "Comments English"], { telling: "every", preference: 2 }),
    column(null, "sentence", ["comments_fr", "Comments French"], { telling: "every" }),
    column(null, "sentence", ["additional_comments_en", "Additional Comments English"], { telling: "every" }),
    column(null, "sentence", ["additional_comments_fr", "Additional Comments French"], { telling: "every" }),
    column(null, "code", ["agreement_type_code", "Agreement Type"], { telling: ["agreement_type_code"] }),
    canadaOnly("code", "trade_agreement"),
    canadaOnly("code", "land_claims"),
    canadaOnly("code", "commodity_type"),
    canadaOnly("code", "commodity_code"),
    canadaOnly("code", "country_of_vendor", "country_of_origin"),
    canadaOnly("code", "solicitation_procedure"),
    canadaOnly("code", "limited_tendering_reason"),
    canadaOnly("code", "trade_agreement_exceptions"),
    canadaOnly("code", "indigenous_business", "aboriginal_business"),
    canadaOnly("yesNo", "indigenous_business_excluding_psib", "aboriginal_business_incidental"),
    canadaOnly("code", "intellectual_property"),
    canadaOnly("yesNo", "potential_commercial_exploitation"),
    canadaOnly("yesNo", "former_public_servant"),
    canadaOnly("code", "contracting_entity"),
    canadaOnly("code", "standing_offer_number"),
    canadaOnly("code", "instrument_type"),
    canadaOnly("yesNo", "ministers_office"),
    canadaOnly("number", "number_of_bids"),
    canadaOnly("code", "article_6_exceptions", "section_6_exceptions"),
    canadaOnly("code", "award_criteria"),
    canadaOnly("code", "socioeconomic_indicator"),
    canadaOnly("code", "reporting_period"),
    canadaOnly("code", "owner_org"),
    column("department", "organisation", ["owner_org_title"], { telling: "every" }),
  ],
};
