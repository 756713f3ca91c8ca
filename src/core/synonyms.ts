/**
 * What registers call each field. Councils, the NHS, central government, Contracts Finder / OCDS
 * exports and overseas registers each have their own words; matching is by words, so `Contract End
 * Date`, `contract_end_date` and `contractEndDate` all meet `contract end date`.
 */
export const SYNONYMS: Record<string, readonly string[]> = {
  contractId: [
    "contract id", "contract reference", "contract ref", "contract number", "contract no", "contract code", "reference",
    "ref", "ref no", "reference number", "id", "notice id", "ocid", "procurement reference", "agreement number",
    "po number", "purchase order", "document number", "project id", "pid", "number", "no", "code",
    "contract identifier", "identifier", "agreement id", "agreement number", "piid"],
  title: [
    "title", "contract title", "contract name", "name", "description", "contract description", "subject", "services",
    "service", "project name", "project title", "tender title", "award title", "notice title", "requirement", "scope",
    "goods services", "details",
    "agreement", "agreement name", "agreement title", "purpose", "product", "item", "contract", "short title", "what", "works package", "package"],
  supplier: [
    "supplier", "suppliers", "supplier name", "supplier names", "vendor", "vendor name", "contractor", "contractor name",
    "provider", "service provider", "awarded supplier", "successful supplier", "successful bidder", "awarded to",
    "company", "payee",
    "recipient", "recipient name", "counterparty", "supplier company"],
  contractManager: [
    "contract manager", "contract owner", "manager", "officer", "responsible officer", "lead officer", "contract lead",
    "owner", "contact name", "contact", "managed by", "buyer contact name",
    "contract administrator", "administrator", "lead", "contact point", "nominated contact", "name", "budget holder", "commissioner contact", "lead commissioner"],
  department: [
    "department", "directorate", "service area", "division", "business unit", "buyer", "buyer name", "organisation",
    "organisation name", "authority", "contracting authority", "managing agency", "agency", "council", "team",
    "cost centre", "client", "commissioner", "ministry", "portfolio",
    "service", "section", "unit", "faculty", "care group", "area", "department name", "function"],
  tier: ["tier", "contract tier", "priority", "criticality", "importance", "risk tier", "segmentation", "category tier", "tier level"],
  startDate: [
    "start date", "start", "contract start", "contract start date", "commencement date", "commencement", "effective date",
    "execution date", "date signed", "signed date", "from date", "begin date", "design start",
    "term start", "term begin", "begin", "begins", "commenced", "started", "starts", "commences"],
  goLiveDate: ["go live", "go live date", "service start", "service start date", "service commencement", "live date", "operational date"],
  endDate: [
    "end date", "end", "contract end", "contract end date", "expiry", "expiry date", "expiration date", "expires",
    "expiration", "finish date", "termination date", "completion date", "completion", "to date", "valid until", "until",
    "term end", "ends", "finish", "renewal date", "expires on", "end of term"],
  extensionOptions: ["extension options", "extension option", "extensions", "extension", "renewal", "renewal options", "option to extend", "extension period", "options", "option periods", "option period", "extension periods"],
  noticePeriod: ["notice period", "notice", "notice required", "termination notice", "notice days", "notice months"],
  annualValue: ["annual value", "annual contract value", "value per annum", "value pa", "annual cost", "yearly value", "estimated annual value", "annual spend", "cost per year", "per annum", "annual", "yearly cost", "annual amount", "annual estimated amount"],
  totalValue: [
    "total value", "contract value", "value", "total contract value", "whole life value", "award value", "awarded value",
    "amount", "contract amount", "award", "estimated value", "tender value", "value of contract", "price", "total cost",
    "contract sum", "sum", "total commitment", "commitment", "total"],
  budget: ["budget", "approved budget", "budget amount", "budget forecast", "allocated budget"],
  spendToDate: ["spend to date", "spend", "actual spend", "spent", "expenditure", "paid to date", "invoiced to date", "actuals", "expended to date", "expended", "spent to date", "paid", "amount paid", "total paid", "valuation to date", "invoiced ytd", "spend ytd"],
  contractType: [
    "contract type", "type of contract", "procurement category", "main procurement category", "contract category", "procurement type",
    "goods services works", "nature of contract", "category", "high level category", "cpv code", "cpv codes", "cpv", "classification code"],
  performanceRating: ["performance rating", "contract performance rating", "kpi rating", "supplier performance rating", "performance notice rating"],
  status: ["status", "contract status", "state", "current phase", "stage", "award status", "current status", "overall status", "project status"],

  milestone: ["milestone", "milestone name", "deliverable", "task", "activity", "milestone description"],
  baselineDate: ["baseline date", "baseline", "planned date", "original date", "due date", "target date", "baseline completion"],
  forecastDate: ["forecast date", "forecast", "expected date", "revised date", "forecast completion", "estimated completion"],
  actualDate: ["actual date", "actual", "completed date", "date completed", "actual completion", "achieved date"],
  kpi: ["kpi", "kpi name", "measure", "indicator", "metric", "performance indicator"],
  actual: ["actual", "actual value", "result", "achieved", "performance"],
  target: ["target", "target value", "goal", "threshold"],
  period: ["period", "month", "quarter", "reporting period"],
  higherIsBetter: ["higher is better", "higher better", "direction"],
  assessedOn: ["assessed on", "date assessed", "assessment date", "last assessed", "assessed", "review date", "last review"],
  risk: ["risk", "risk description", "risk title", "issue"],
  likelihood: ["likelihood", "probability"],
  impact: ["impact", "severity", "consequence"],
  mitigation: ["mitigation", "mitigating action", "action", "response"],
  changeId: ["change id", "change reference", "change ref", "variation id", "variation number", "change number"],
  valueImpact: ["value impact", "cost impact", "change value", "variation value"],
  requested: ["requested", "requested date", "date requested", "raised"],
  approvedBy: ["approved by", "approver", "authorised by"],
  approvedOn: ["approved on", "approved date", "date approved", "approval date"],
  newEndDate: ["new end date", "revised end date", "extended end date", "extended to", "new expiry date", "revised expiry"],
  escalationId: ["escalation id", "escalation reference", "escalation ref"],
  raisedAt: ["raised at", "raised", "date raised", "raised on"],
  raisedBy: ["raised by", "escalated by"],
  level: ["level", "escalation level"],
  rag: ["rag", "rag status", "status colour"],
  reason: ["reason", "why"],
  action: ["action", "next action", "recommended action"],
  resolvedOn: ["resolved on", "resolved date", "date resolved", "closed date"],
  resolution: ["resolution", "outcome"],
  description: ["description", "change description", "details", "summary"],
  owner: ["owner", "responsible", "assigned to", "lead", "action owner"],
  name: ["name", "setting"],
  value: ["value"],
};
