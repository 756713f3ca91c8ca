import { column, StandardLayout } from "./layoutColumns";

/**
 * Contracts Finder's notices, as a search exports them.
 *
 * Contracts Finder (contractsfinder.service.gov.uk, run by the Crown Commercial Service for the
 * Public Contracts Regulations 2015, Part 4): the CSV a search downloads (`/Search/GetCsvFile`), one
 * row per notice, in this column order — Notice Identifier, Notice Type, Organisation Name, Status,
 * Published Date, Title, Description, Nationwide, Postcode, Region, Cpv Codes, Contact Name, Contact
 * Email, Contact Address 1–2, Contact Town, Contact Postcode, Contact Country, Contact Telephone,
 * Contact Website, Attachments, Links, Additional Text, Start Date, End Date, Closing Date, Closing
 * Time, Is sub-contract, Parent Reference, Suitable for SME, Suitable for VCO, Supply Chain, OJEU
 * Contract Type, Value Low, Value High, Awarded Date, Awarded Value, Supplier [Name|Address|Ref
 * type|Ref Number|Is SME|Is VCSE], Supplier's contact name, Contract start date, Contract end date,
 * OJEU Procedure Type, Accelerated Justification, Awarded to SME, Awarded to VCSE.
 *
 * The same details keep their words in the Contracts Finder API's notice search results
 * (`noticeIdentifier`, `organisationName`, `awardedValue`, `awardedSupplier`, `valueLow`,
 * `deadlineDate`, `isSuitableForSme` …) and on a published notice's page (Procurement reference,
 * Value of contract, Contract is suitable for SMEs?, Supplier is SME?), so those spellings are here too.
 *
 * The buyer (Organisation Name) is the department; the buyer's named contact stands as the contract
 * manager. Start Date / End Date are the dates the notice forecast, second to the awarded contract's
 * own; Value Low / High are the estimate at tender, never the contract's value.
 */
export const CONTRACTS_FINDER_NOTICES: StandardLayout = {
  name: "Contracts Finder notices export",
  source: "Contracts Finder (Crown Commercial Service): the search results CSV (Search/GetCsvFile), with the API's notice field names and a notice page's labels",
  dateOrder: "dmy",
  columns: [
    column("contractId", "code", ["Procurement reference"], { telling: "every" }),
    column("contractId", "code", ["Notice Identifier", "id"], { telling: ["Notice Identifier"], preference: 2 }),
    column(null, "category", ["Notice Type"], { telling: "every" }),
    column("department", "organisation", ["Organisation Name", "Buyer"]),
    column("status", "status", ["Status", "Notice Status"]),
    column(null, "date", ["Published Date", "Published"]),
    column("title", "shortTitle", ["Title"]),
    column("title", "sentence", ["Description"], { preference: 2 }),
    column(null, "yesNo", ["Nationwide"], { telling: "every" }),
    column(null, "postcode", ["Postcode"]),
    column(null, "place", ["Region", "Region Text", "Location of contract"], { telling: ["Location of contract"] }),
    column("contractType", "cpvCode", ["Cpv Codes", "Cpv Codes Extended"], { telling: "every", preference: 2 }),
    column(null, "category", ["Cpv Description", "Cpv Description Expanded", "Industry"], { telling: ["Cpv Description", "Cpv Description Expanded"] }),
    column("contractManager", "personName", ["Contact Name", "Buyer Contact name"]),
    column(null, "email", ["Contact Email", "Buyer Email"]),
    column(null, "address", ["Contact Address", "Buyer Address"], { family: true }),
    column(null, "place", ["Contact Town"]),
    column(null, "postcode", ["Contact Postcode"]),
    column(null, "place", ["Contact Country"]),
    column(null, "phone", ["Contact Telephone"]),
    column(null, "url", ["Contact Website", "Website"]),
    column(null, "url", ["Attachments"]),
    column(null, "url", ["Links"]),
    column(null, "sentence", ["Additional Text"], { telling: "every" }),
    column("startDate", "date", ["Start Date", "Start"], { preference: 2 }),
    column("endDate", "date", ["End Date", "End"], { preference: 2 }),
    column(null, "date", ["Closing Date", "Deadline Date"], { telling: ["Deadline Date"] }),
    column(null, "time", ["Closing Time"]),
    column(null, "yesNo", ["Is sub-contract", "Is Sub Notice"], { telling: "every" }),
    column(null, "code", ["Parent Reference"], { telling: "every" }),
    column(null, "yesNo", ["Suitable for SME", "Contract is suitable for SMEs?"], { telling: "every" }),
    column(null, "yesNo", ["Suitable for VCO", "Contract is suitable for VCSEs?"], { telling: "every" }),
    column(null, "sentence", ["Supply Chain"], { telling: "every" }),
    column("contractType", "procurementCategory", ["OJEU Contract Type", "Contract type"], { telling: ["OJEU Contract Type"] }),
    column(null, "money", ["Value Low"], { telling: "every" }),
    column(null, "money", ["Value High"], { telling: "every" }),
    column(null, "date", ["Awarded Date"], { telling: "every" }),
    column("totalValue", "money", ["Awarded Value", "Value of contract"], { telling: ["Awarded Value"] }),
    column("supplier", "organisation", ["Supplier [Name|Address|Ref type|Ref Number|Is SME|Is VCSE]", "Awarded Supplier", "Supplier"], {
      telling: ["Supplier [Name|Address|Ref type|Ref Number|Is SME|Is VCSE]", "Awarded Supplier"],
    }),
    column(null, "address", ["Supplier Address"], { family: true }),
    column(null, "personName", ["Supplier's contact name"], { telling: "every" }),
    column("startDate", "date", ["Contract start date"]),
    column("endDate", "date", ["Contract end date"]),
    column(null, "category", ["OJEU Procedure Type", "Procedure type"], { telling: ["OJEU Procedure Type"] }),
    column(null, "sentence", ["Accelerated Justification"], { telling: "every" }),
    column(null, "yesNo", ["Awarded to SME", "Supplier is SME?"], { telling: "every" }),
    column(null, "yesNo", ["Awarded to VCSE", "Supplier is VCSE?"], { telling: "every" }),
    column(null, "date", ["Approach Market Date"], { telling: "every" }),
  ],
};

/**
 * Award notices in the simple CSV template publishers fill for Contracts Finder and convert to the
 * Open Contracting Data Standard (spendnetwork/silvereye, built for the Government Digital Service's
 * Global Digital Marketplace Programme): `silvereye/data/csv_mappings/release_mappings.csv` maps each
 * header of the award template to its OCDS 1.1 path — Notice ID → id, Published Date → date, Buyer
 * Name → parties/0/name (buyer), Supplier Name → awards/0/suppliers/0/name, Date Contract Awarded →
 * awards/0/date, Contract (Award) Start / End Date → awards/0/contractPeriod, Award Title →
 * awards/0/title, Award Value → awards/0/value/amount, Award Value - currency, Classification
 * Scheme / Code / Description, and the buyer's and supplier's identifiers and address parts.
 */
export const OCDS_AWARD_TEMPLATE: StandardLayout = {
  name: "OCDS award notices, simple CSV template (Contracts Finder publishers)",
  source: "Silvereye OCDS award notice template (spendnetwork/silvereye, csv_mappings/release_mappings.csv: CSV header → OCDS 1.1 path)",
  dateOrder: "dmy",
  columns: [
    column("contractId", "code", ["Notice ID"], { telling: "every" }),
    column(null, "date", ["Published Date"]),
    column("department", "organisation", ["Buyer Name"]),
    column(null, "category", ["Buyer ID-scheme"], { telling: "every" }),
    column(null, "code", ["Buyer ID"]),
    column(null, "place", ["Buyer Locality"], { telling: "every" }),
    column("supplier", "organisation", ["Supplier Name"]),
    column(null, "category", ["Supplier ID-scheme"], { telling: "every" }),
    column(null, "code", ["Supplier ID"]),
    column(null, "address", ["Supplier Address"], { family: true }),
    column(null, "date", ["Date Contract Awarded"], { telling: "every" }),
    column("startDate", "date", ["Contract Start Date", "Award Start Date"], { telling: ["Award Start Date"] }),
    column("endDate", "date", ["Contract End Date", "Award End Date"], { telling: ["Award End Date"] }),
    column("title", "shortTitle", ["Award Title"], { telling: "every" }),
    column("title", "sentence", ["Award Description"], { telling: "every", preference: 2 }),
    column(null, "url", ["Award Documents URL"], { telling: "every" }),
    column(null, "category", ["Classification Scheme"], { telling: "every" }),
    column("contractType", "cpvCode", ["Classification Code"]),
    column(null, "category", ["Classification Description"]),
    column("totalValue", "money", ["Award Value"]),
    column(null, "currency", ["Award Value - currency"], { telling: "every" }),
  ],
};
