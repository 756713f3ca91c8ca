import { column, StandardLayout } from "./layoutColumns";

/**
 * The contract register English councils publish under the Local Government Transparency Code 2015.
 *
 * The Code (Department for Communities and Local Government, 27 February 2015), Part 2 "Information
 * which must be published", Procurement information (quarterly): for every contract, commissioned
 * activity, purchase order, framework agreement or other legally enforceable agreement over £5,000,
 * "the following details must be published": reference number; title of agreement; local authority
 * department responsible; description of the goods and/or services being provided; supplier name
 * and details; sum to be paid over the length of the contract or the estimated annual spending or
 * budget for the contract; Value Added Tax that cannot be recovered; start, end and review dates;
 * whether or not the contract was the result of an invitation to quote or a published invitation to
 * tender; whether or not the supplier is a small or medium sized enterprise and/or a voluntary or
 * community sector organisation and, where it is, the relevant registration number.
 *
 * The Code names the details, not the headers. Column titles beyond its own words are those of the
 * Local Government Association's contracts register template that councils follow (Organisation,
 * Effective date, Open Contracting ID, Service category / CPV / ProClass label and URI, Contract
 * start date, End date, Review date, Last extension date, Supplier registered company and charity
 * number, SME supplier, VCSE supplier, VCSE supplier type, Nominated contact point, Tender and
 * Contract document URL — as e.g. Norfolk County Council's published notes on its columns 4–38 list
 * them), plus the renamings councils commonly use for the same details.
 *
 * Not tracker fields, and never to be taken for one: the organisation (the council itself, the same
 * on every row), the effective date (when the register was published), the review and last extension
 * dates (the latter is a date, not the extension options), irrecoverable VAT, the supplier's address,
 * numbers and SME/VCSE flags, and how the contract was procured.
 */
export const LGTC_2015: StandardLayout = {
  name: "Local Government Transparency Code 2015 contract register",
  source:
    "Local Government Transparency Code 2015 (DCLG), Part 2, Procurement information: the details to publish for each contract over £5,000; column titles of the LGA contracts register template",
  dateOrder: "dmy",
  columns: [
    column(null, "organisation", ["Organisation name", "Organisation label", "Organisation", "Local authority", "Local authority name", "Council", "Council name", "Authority", "Authority name", "Body"], {
      telling: ["Organisation label"],
      constant: true,
    }),
    column(null, "url", ["Organisation URI", "Organisation code", "Organisation ID"], { telling: ["Organisation URI"], constant: true }),
    column(null, "date", ["Effective date", "Last updated", "Date published", "Publication date", "Data as at", "Extract date"], { telling: ["Effective date"], constant: true }),
    column("contractId", "code", ["Reference number", "Contract reference number", "Contract reference", "Reference", "Contract ref", "Ref", "Ref no", "Reference no", "Contract number", "Contract no", "Contract ID"]),
    column("contractId", "code", ["Open Contracting ID", "OCID"], { telling: ["Open Contracting ID"], preference: 2 }),
    column("title", "shortTitle", ["Title of agreement", "Title of the agreement", "Agreement title", "Title", "Contract title", "Contract name", "Name of contract"], {
      telling: ["Title of agreement", "Title of the agreement", "Agreement title"],
    }),
    column("contractType", "procurementCategory", ["Contract type", "Type of contract", "Agreement type", "Contract category"]),
    column(
      "title",
      "sentence",
      [
        "Description of the goods and/or services being provided",
        "Description of goods and/or services",
        "Description of goods and services",
        "Description of goods or services",
        "Goods and services description",
        "Description",
        "Contract description",
        "Description of contract",
      ],
      {
        telling: ["Description of the goods and/or services being provided", "Description of goods and/or services", "Description of goods and services", "Description of goods or services"],
        preference: 2,
      },
    ),
    column(null, "category", ["Service category label", "Service category"], { telling: ["Service category label"] }),
    column(null, "url", ["Service category URI"], { telling: "every" }),
    column(
      "department",
      "department",
      [
        "Local authority department responsible",
        "Department responsible",
        "Directorate / service responsible",
        "Directorate responsible",
        "Service responsible",
        "Council department responsible",
        "Department",
        "Directorate",
        "Service area",
        "Service",
        "Responsible department",
        "Directorate / service",
        "Department / service",
      ],
      {
        telling: ["Local authority department responsible", "Department responsible", "Directorate / service responsible", "Directorate responsible", "Service responsible", "Council department responsible"],
      },
    ),
    column("contractType", "category", ["CPV label", "CPV code", "CPV"], { telling: ["CPV label"], preference: 2 }),
    column(null, "url", ["CPV URI"], { telling: "every" }),
    column(null, "category", ["ProClass label", "ProClass", "ProClass category"], { telling: "every" }),
    column(null, "url", ["ProClass URI"], { telling: "every" }),
    column("startDate", "date", ["Contract start date", "Start date", "Start", "Commencement date", "Date of commencement"]),
    column("endDate", "date", ["Contract end date", "End date", "End", "Expiry date", "Contract expiry date"]),
    column(null, "date", ["Review date", "Contract review date", "Date of review"], { telling: "every" }),
    column(null, "date", ["Last extension date", "Latest extension date", "Date of last extension", "Extension end date", "End date including extensions", "Maximum end date"], {
      telling: ["Last extension date", "Latest extension date", "Date of last extension"],
    }),
    column("extensionOptions", "extensionText", ["Extension options", "Extension period", "Option to extend", "Options to extend", "Extensions", "Extension details"]),
    column(
      "totalValue",
      "money",
      ["Sum to be paid over the length of the contract", "Value of contract", "Contract value", "Total contract value", "Total value", "Total value of contract", "Whole life value", "Estimated total value", "Value"],
      { telling: ["Sum to be paid over the length of the contract"] },
    ),
    column("annualValue", "money", ["Estimated annual spending", "Estimated annual spend", "Estimated annual value", "Annual value", "Annual contract value", "Annual spend", "Value per annum"], {
      telling: ["Estimated annual spending"],
    }),
    column("budget", "money", ["Budget for the contract", "Budget", "Contract budget"], { telling: ["Budget for the contract"] }),
    column(
      null,
      "money",
      ["Value Added Tax that cannot be recovered", "VAT that cannot be recovered", "Irrecoverable VAT", "VAT not recoverable", "Non-recoverable VAT", "Unrecoverable VAT", "VAT irrecoverable"],
      { telling: "every" },
    ),
    column("supplier", "organisation", ["Supplier name", "Supplier name and details", "Supplier", "Contractor", "Contractor name", "Provider", "Provider name"], {
      telling: ["Supplier name and details"],
    }),
    column(null, "address", ["Supplier address", "Supplier details", "Supplier contact details"], { family: true }),
    column(null, "postcode", ["Supplier postcode", "Supplier post code"]),
    column(
      null,
      "code",
      ["Supplier registered company number", "Registered company number", "Company registration number", "Company number", "Companies House number", "Supplier company number", "Company reg no"],
      { telling: ["Supplier registered company number", "Registered company number"] },
    ),
    column(null, "code", ["Supplier registered charity number", "Registered charity number", "Charity registration number", "Charity number", "Supplier charity number"], {
      telling: ["Supplier registered charity number", "Registered charity number"],
    }),
    column(null, "yesNo", ["SME supplier", "Small or medium sized enterprise", "Small or medium enterprise", "SME", "Is SME", "Supplier is SME", "SME status", "SME flag"], {
      telling: ["SME supplier", "Small or medium sized enterprise", "Small or medium enterprise"],
    }),
    column(null, "yesNo", ["VCSE supplier", "Voluntary or community sector organisation", "VCSE", "Is VCSE", "Supplier is VCSE", "VCSE status", "VCSE flag"], {
      telling: ["VCSE supplier", "Voluntary or community sector organisation"],
    }),
    column(null, "category", ["VCSE supplier type", "VCSE type"], { telling: "every" }),
    column(
      null,
      "category",
      [
        "Result of an invitation to quote or tender",
        "Result of invitation to quote or published invitation to tender",
        "Invitation to quote or tender",
        "Invitation to tender or quote",
        "ITT / ITQ",
        "Procurement process",
        "Procurement route",
        "Procurement method",
        "Quote or tender",
      ],
      { telling: ["Result of an invitation to quote or tender", "Result of invitation to quote or published invitation to tender", "Invitation to quote or tender", "Invitation to tender or quote", "ITT / ITQ"] },
    ),
    column("contractManager", "personName", ["Nominated contact point name", "Contract manager", "Contract owner", "Contact name", "Responsible officer", "Lead officer", "Contact officer"], {
      telling: ["Nominated contact point name"],
    }),
    column(null, "email", ["Nominated contact point email", "Contact email", "Email"], { telling: ["Nominated contact point email"] }),
    column(null, "phone", ["Nominated contact point telephone", "Contact telephone", "Telephone"], { telling: ["Nominated contact point telephone"] }),
    column(null, "url", ["Nominated contact point URL", "Contact URL"], { telling: ["Nominated contact point URL"] }),
    column(null, "url", ["Tender document URL", "Tender documents"], { telling: ["Tender document URL"] }),
    column(null, "url", ["Contract document URL", "Contract documents"], { telling: ["Contract document URL"] }),
  ],
};
