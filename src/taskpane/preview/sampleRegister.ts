import { formatSerial } from "../../core/dates";
import type { CellValue } from "../../workbook/port";

/**
 * The preview's sample: the contract register of a fictional council as its contract managers keep
 * it, with every date placed relative to today so the red/amber/green mix is the same whenever the
 * preview is opened. Names, suppliers and figures are invented.
 */
export const SAMPLE_COUNCIL = "Northbridge Borough Council";
export const SAMPLE_SHEET = "Contract register";

/** The register's own headers: not the tracker's names, so the wizard has something to map. */
export const SAMPLE_HEADERS = [
  "Contract Ref", "Contract Title", "Supplier", "Lead Officer", "Directorate", "Service Area", "Tier", "Start Date",
  "Service Go-Live", "Expiry Date", "Extension Options", "Notice Period", "Annual Value (£)", "Total Contract Value (£)",
  "Budget (£)", "Spend to Date (£)", "Status", "Notes",
] as const;

/** A date: days from today (a serial is worked out when the register is built), or text as typed. */
type When = number | { text: string } | { daysAsText: number } | null;

interface SampleContract {
  ref: string;
  title: string;
  supplier: string;
  officer: string;
  directorate: string;
  serviceArea: string;
  tier: "Gold" | "Silver" | "Bronze";
  start: When;
  goLive?: When;
  end: When;
  extension: string;
  notice: string;
  annual: number | string | null;
  total: number | null;
  /** The whole-life budget. */
  budget: number | null;
  /** Spend to date as a share of the budget profiled to date (1.1: 10% over), or text as typed. */
  spend: { ofPlan: number } | string | null;
  /** Blank where nobody recorded one. */
  status: string;
  notes?: string;
}

const YEAR = 365;

// Seven red, six amber, ten green, two unrated, one probably closed and one completed, as of any
// day the preview opens.
const CONTRACTS: readonly SampleContract[] = [
  // Red: ends within 90 days; Gold, so straight to the board (already logged). Re-procurement is under way.
  { ref: "NBC-C-0101", title: "Household waste and recycling collection", supplier: "Veridian Environmental Services Ltd", officer: "Priya Shah", directorate: "Environment & Neighbourhoods", serviceArea: "Waste Services", tier: "Gold", start: 75 - 8 * YEAR, end: 75, extension: "none", notice: "2 months", annual: 6_850_000, total: 54_800_000, budget: 54_800_000, spend: { ofPlan: 0.97 }, status: "Re-procurement under way", notes: "Replacement tender closes in January" },
  // Red: 10% over budget on a Gold contract.
  { ref: "NBC-C-0102", title: "Highways term maintenance", supplier: "Castlegate Infrastructure plc", officer: "Tom Okafor", directorate: "Place", serviceArea: "Highways", tier: "Gold", start: 690 - 7 * YEAR, end: 690, extension: "5+2", notice: "12 months", annual: 4_200_000, total: 29_400_000, budget: 29_400_000, spend: { ofPlan: 1.1 }, status: "Live", notes: "Storm repairs in the spring" },
  // Red: ends in 40 days and the three-month notice date has passed.
  { ref: "NBC-C-0103", title: "Leisure centres management", supplier: "Active Northbridge Trust", officer: "Helen Marsh", directorate: "Communities", serviceArea: "Leisure & Culture", tier: "Silver", start: 40 - 10 * YEAR, end: 40, extension: "none", notice: "3 months", annual: 1_150_000, total: 11_500_000, budget: 11_500_000, spend: { ofPlan: 0.9 }, status: "Live" },
  // Red: a KPI at 92% of target (KPIs below); two suppliers share the cell.
  { ref: "NBC-C-0104", title: "Home care framework (adults)", supplier: "CareWell Partnership; Brightside Homecare", officer: "Daniel Reyes", directorate: "Adults & Health", serviceArea: "Adult Social Care", tier: "Gold", start: 520 - 4 * YEAR, end: 520, extension: "4+1+1", notice: "6 months", annual: 9_400_000, total: 37_600_000, budget: 37_600_000, spend: { ofPlan: 0.92 }, status: "Live" },
  // Red: in mobilisation, the service transition milestone 60 days late.
  { ref: "NBC-C-0105", title: "ICT service desk and end-user support", supplier: "Northpoint Digital Ltd", officer: "Aisha Khan", directorate: "Resources", serviceArea: "Digital & ICT", tier: "Silver", start: -90, goLive: 10, end: 3 * YEAR - 90, extension: "3+1+1", notice: "3 months", annual: 780_000, total: 2_340_000, budget: 2_340_000, spend: { ofPlan: 0.95 }, status: "Mobilising" },
  // Red: ends in 60 days; one month's notice, due in 30.
  { ref: "NBC-C-0106", title: "School meals catering", supplier: "Harvest Table Catering Ltd", officer: "Gemma Lewis", directorate: "Children's Services", serviceArea: "Education", tier: "Silver", start: 60 - 5 * YEAR, end: 60, extension: "none", notice: "1 month", annual: 2_300_000, total: 11_500_000, budget: 11_500_000, spend: { ofPlan: 0.93 }, status: "Live" },
  // Red: ended three weeks ago with nothing in its place.
  { ref: "NBC-C-0107", title: "Pest control services", supplier: "Sentinel Pest Solutions", officer: "Mark Davies", directorate: "Environment & Neighbourhoods", serviceArea: "Environmental Health", tier: "Bronze", start: -21 - 3 * YEAR, end: -21, extension: "none", notice: "1 month", annual: 48_000, total: 144_000, budget: 144_000, spend: { ofPlan: 0.99 }, status: "Live", notes: "Still invoicing month to month" },
  // Amber: ends in about five months.
  { ref: "NBC-C-0108", title: "Civil parking enforcement", supplier: "ParkSure UK Ltd", officer: "Oliver Grant", directorate: "Place", serviceArea: "Parking Services", tier: "Silver", start: 150 - 5 * YEAR, end: 150, extension: "5+1", notice: "3 months", annual: 1_320_000, total: 6_600_000, budget: 6_600_000, spend: { ofPlan: 0.96 }, status: "Live" },
  { ref: "NBC-C-0109", title: "Parks and grounds maintenance", supplier: "Greenway Landscapes Ltd", officer: "Sophie Turner", directorate: "Environment & Neighbourhoods", serviceArea: "Parks & Open Spaces", tier: "Silver", start: 170 - 6 * YEAR, end: 170, extension: "none", notice: "3 months", annual: 890_000, total: 5_340_000, budget: 5_340_000, spend: { ofPlan: 0.94 }, status: "Live" },
  // Amber: 3% over budget.
  { ref: "NBC-C-0110", title: "Street lighting energy and maintenance", supplier: "Lumen Street Services Ltd", officer: "Tom Okafor", directorate: "Place", serviceArea: "Highways", tier: "Bronze", start: 1800 - 10 * YEAR, end: 1800, extension: "none", notice: "6 months", annual: 640_000, total: 6_400_000, budget: 6_400_000, spend: { ofPlan: 1.03 }, status: "Live" },
  // Amber: a milestone 15 days late.
  { ref: "NBC-C-0111", title: "Council tax and benefits print and post", supplier: "Printwise Document Services", officer: "Rachel Moore", directorate: "Resources", serviceArea: "Revenues & Benefits", tier: "Bronze", start: 600 - 3 * YEAR, end: 600, extension: "3+1", notice: "90 days", annual: 210_000, total: 630_000, budget: 630_000, spend: { ofPlan: 0.95 }, status: "Live" },
  // Amber for 40 days already (Escalations log), so it has stepped up to level 2.
  { ref: "NBC-C-0112", title: "Temporary accommodation (nightly paid)", supplier: "Harbour Lettings Group", officer: "Nadia Hussain", directorate: "Communities", serviceArea: "Housing Options", tier: "Silver", start: 120 - 2 * YEAR, end: 120, extension: "2+1", notice: "2 months", annual: 3_100_000, total: 6_200_000, budget: 6_200_000, spend: { ofPlan: 0.98 }, status: "Live", notes: "Demand up 18% this year" },
  // Amber: calls answered at 97.5% of target. Spend typed as "n/k": a data-quality problem.
  { ref: "NBC-C-0113", title: "Customer contact centre overflow", supplier: "Connectiv Contact Ltd", officer: "Rachel Moore", directorate: "Resources", serviceArea: "Customer Services", tier: "Bronze", start: 700 - 3 * YEAR, end: 700, extension: "3+1+1", notice: "3 months", annual: 360_000, total: 1_080_000, budget: 1_080_000, spend: "n/k", status: "Live" },
  // Green.
  { ref: "NBC-C-0114", title: "Library management system", supplier: "Bibliotech Software Ltd", officer: "Helen Marsh", directorate: "Communities", serviceArea: "Libraries", tier: "Bronze", start: 900 - 5 * YEAR, end: 900, extension: "2 x 12 months", notice: "6 months", annual: 95_000, total: 475_000, budget: 475_000, spend: { ofPlan: 0.9 }, status: "Live" },
  { ref: "NBC-C-0115", title: "Corporate cleaning and janitorial services", supplier: "BrightStar Facilities Ltd", officer: "Kevin Walsh", directorate: "Resources", serviceArea: "Facilities", tier: "Silver", start: { daysAsText: 1100 - 4 * YEAR }, end: 1100, extension: "4+1+1", notice: "3 months", annual: 1_050_000, total: 4_200_000, budget: 4_200_000, spend: { ofPlan: 0.93 }, status: "Live", notes: "Start date typed as text" },
  { ref: "NBC-C-0116", title: "Agency staff (neutral vendor)", supplier: "Matrix Workforce Solutions", officer: "Laura Chen", directorate: "Resources", serviceArea: "Human Resources", tier: "Gold", start: 800 - 4 * YEAR, end: 800, extension: "4+1", notice: "6 months", annual: 5_600_000, total: 22_400_000, budget: 22_400_000, spend: { ofPlan: 0.95 }, status: "Live" },
  { ref: "NBC-C-0117", title: "Domestic abuse support service", supplier: "Safe Haven Northbridge", officer: "Nadia Hussain", directorate: "Communities", serviceArea: "Community Safety", tier: "Silver", start: 400 - 3 * YEAR, end: 400, extension: "3+1", notice: "3 months", annual: 420_000, total: 1_260_000, budget: 1_260_000, spend: { ofPlan: 0.97 }, status: "Live" },
  { ref: "NBC-C-0118", title: "CCTV monitoring and maintenance", supplier: "Watchtower Security Systems Ltd", officer: "Oliver Grant", directorate: "Place", serviceArea: "Community Safety", tier: "Bronze", start: 1400 - 5 * YEAR, end: 1400, extension: "none", notice: "3 months", annual: 185_000, total: 925_000, budget: 925_000, spend: { ofPlan: 0.88 }, status: "Live" },
  { ref: "NBC-C-0119", title: "Fleet vehicle leasing", supplier: "Northern Fleet Leasing Ltd", officer: "Mark Davies", directorate: "Environment & Neighbourhoods", serviceArea: "Fleet", tier: "Silver", start: 1600 - 7 * YEAR, end: 1600, extension: "2 x 12 months", notice: "6 months", annual: 1_480_000, total: 10_360_000, budget: 10_360_000, spend: { ofPlan: 0.96 }, status: "Live" },
  { ref: "NBC-C-0120", title: "Insurance brokerage", supplier: "Albion Insurance Brokers", officer: "Laura Chen", directorate: "Resources", serviceArea: "Finance", tier: "Bronze", start: 330 - 3 * YEAR, end: 330, extension: "none", notice: "3 months", annual: 65_000, total: 195_000, budget: 195_000, spend: { ofPlan: 0.99 }, status: "Live" },
  // Money typed as text, as registers often hold it.
  { ref: "NBC-C-0121", title: "Occupational health service", supplier: "Vitality Workplace Health", officer: "Laura Chen", directorate: "Resources", serviceArea: "Human Resources", tier: "Bronze", start: 950 - 4 * YEAR, end: 950, extension: "4+1", notice: "3 months", annual: "£48,500", total: 194_000, budget: 194_000, spend: { ofPlan: 0.92 }, status: "Live" },
  { ref: "NBC-C-0122", title: "Winter gritting salt supply", supplier: "Saltmarsh Minerals Ltd", officer: "Tom Okafor", directorate: "Place", serviceArea: "Highways", tier: "Bronze", start: 260 - 2 * YEAR, end: 260, extension: "2+1", notice: "3 months", annual: 310_000, total: 620_000, budget: 620_000, spend: { ofPlan: 0.9 }, status: "Live" },
  // Typed with the gritting contract's reference by mistake: a duplicate ID.
  { ref: "NBC-C-0122", title: "Bereavement services cremator relining", supplier: "Phoenix Cremation Engineering", officer: "Sophie Turner", directorate: "Environment & Neighbourhoods", serviceArea: "Bereavement Services", tier: "Bronze", start: -200, goLive: -30, end: 2 * YEAR - 200, extension: "none", notice: "1 month", annual: 170_000, total: 340_000, budget: 340_000, spend: { ofPlan: 0.85 }, status: "Live" },
  // No end date yet, and a stand-in date for a rolling licence: both unrated, neither Green nor Red.
  { ref: "NBC-C-0124", title: "Legal services panel", supplier: "Ashworth & Pike LLP; Draycott Legal; Marlow Solicitors", officer: "Amelia Brooks", directorate: "Resources", serviceArea: "Legal Services", tier: "Silver", start: -300, end: { text: "TBC" }, extension: "", notice: "", annual: null, total: 1_200_000, budget: null, spend: null, status: "Live", notes: "End date to follow from the framework" },
  { ref: "NBC-C-0125", title: "Payroll software licence", supplier: "Paycore Systems Ltd", officer: "Rachel Moore", directorate: "Resources", serviceArea: "Human Resources", tier: "Bronze", start: -4 * YEAR, end: { text: "31/12/2099" }, extension: "", notice: "3 months", annual: 72_000, total: null, budget: null, spend: null, status: "Live", notes: "Rolling annual licence" },
  // Completed last winter: left out of the ratings.
  { ref: "NBC-C-0126", title: "Festive lighting installation", supplier: "Festive Illuminations Ltd", officer: "Sophie Turner", directorate: "Place", serviceArea: "Town Centre", tier: "Bronze", start: -400, end: -300, extension: "none", notice: "1 month", annual: 58_000, total: 58_000, budget: 58_000, spend: { ofPlan: 0.96 }, status: "Completed" },
  // Ended two years ago and nobody closed the record: probably closed, to confirm, never escalated.
  { ref: "NBC-C-0127", title: "Town hall boiler replacement", supplier: "Thermaflow Building Services Ltd", officer: "Kevin Walsh", directorate: "Resources", serviceArea: "Property Services", tier: "Bronze", start: -3 * YEAR, end: -2 * YEAR, extension: "none", notice: "1 month", annual: 96_000, total: 96_000, budget: 100_000, spend: { ofPlan: 0.97 }, status: "", notes: "Works signed off; the record was never closed" },
];

/** Field key → value rows of the tracker's other tables, for the preview to fill the tables set-up creates. */
export type SampleRows = Record<"Milestones" | "KPIs" | "Risks" | "Changes" | "Escalations", Record<string, CellValue>[]>;

/** A date from days relative to today. */
function dateCell(when: When, today: number): CellValue {
  if (when === null) return null;
  if (typeof when === "number") return today + when;
  if ("text" in when) return when.text;
  return formatSerial(today + when.daysAsText, "dmy");
}

/** Days from today of a date given as days (typed as a date or as text); null for anything else. */
const daysOf = (when: When): number | null => (typeof when === "number" ? when : when !== null && "daysAsText" in when ? when.daysAsText : null);

/**
 * Spend to date: the whole-life budget profiled to date (the share of the term gone), times how far
 * the contract runs off plan. Days are relative to today, so the figure is the same whatever the day.
 */
function spendCell(c: SampleContract): CellValue {
  if (c.spend === null || typeof c.spend === "string") return c.spend;
  const start = daysOf(c.start);
  const end = daysOf(c.end);
  if (c.budget === null || start === null || end === null || end <= start) return null;
  const gone = Math.min(1, Math.max(0, -start / (end - start)));
  return Math.round((c.budget * gone * c.spend.ofPlan) / 100) * 100;
}

/** The register sheet as of `today` (a serial): a title block, the header row, one row a contract. */
export function sampleRegister(today: number): CellValue[][] {
  const rows = CONTRACTS.map((c): CellValue[] => [
    c.ref, c.title, c.supplier, c.officer, c.directorate, c.serviceArea, c.tier,
    dateCell(c.start, today), dateCell(c.goLive ?? null, today), dateCell(c.end, today),
    c.extension, c.notice, c.annual, c.total, c.budget, spendCell(c), c.status || null, c.notes ?? null,
  ]);
  return [
    [`${SAMPLE_COUNCIL} — contract register (fictional sample)`],
    [`Extract for the contract management board, ${formatSerial(today, "dmy")}`],
    [],
    [...SAMPLE_HEADERS],
    ...rows,
  ];
}

/** The contracts in the register. */
export const SAMPLE_CONTRACT_COUNT = CONTRACTS.length;

/** The milestones, KPIs, risks, changes and escalations the council keeps beside the register. */
export function sampleRelatedRows(today: number): SampleRows {
  const d = (days: number): number => today + days;
  const escalationId = (days: number, n: number): string => `ESC-${formatSerial(d(days), "iso").replace(/-/g, "")}-${String(n).padStart(3, "0")}`;
  return {
    Milestones: [
      { contractId: "NBC-C-0105", milestone: "Staff transfer (TUPE) complete", baselineDate: d(-80), forecastDate: d(-78), actualDate: d(-78), owner: "Aisha Khan" },
      { contractId: "NBC-C-0105", milestone: "Service transition complete", baselineDate: d(-50), forecastDate: d(10), actualDate: null, owner: "Northpoint Digital Ltd" },
      { contractId: "NBC-C-0111", milestone: "New bill template live", baselineDate: d(-12), forecastDate: d(3), actualDate: null, owner: "Rachel Moore" },
      { contractId: "NBC-C-0104", milestone: "Electronic call monitoring in every branch", baselineDate: d(30), forecastDate: d(30), actualDate: null, owner: "Daniel Reyes" },
      { contractId: "NBC-C-0102", milestone: "Winter resilience plan agreed", baselineDate: d(-60), forecastDate: d(-65), actualDate: d(-65), owner: "Tom Okafor" },
    ],
    KPIs: [
      { contractId: "NBC-C-0104", kpi: "Visits within 30 minutes of the planned time", target: "95%", actual: "87.4%", period: "Last quarter", higherIsBetter: true },
      { contractId: "NBC-C-0113", kpi: "Calls answered within 60 seconds", target: "80%", actual: "78%", period: "Last month", higherIsBetter: true },
      { contractId: "NBC-C-0101", kpi: "Missed bins per 100,000 collections", target: 50, actual: 42, period: "Last month", higherIsBetter: false },
      { contractId: "NBC-C-0115", kpi: "Cleaning audit score", target: "90%", actual: "93%", period: "Last quarter", higherIsBetter: true },
    ],
    Risks: [
      { contractId: "NBC-C-0101", risk: "New collection fleet not delivered before the replacement contract starts", likelihood: 4, impact: 5, owner: "Priya Shah", mitigation: "Short extension with the current supplier negotiated as a fallback", status: "Open" },
      { contractId: "NBC-C-0104", risk: "Home care workforce shortages in the rural wards", likelihood: 4, impact: 4, owner: "Daniel Reyes", mitigation: "Recruitment incentive agreed with both providers", status: "Mitigating" },
      { contractId: "NBC-C-0105", risk: "Ticket history not fully migrated from the old service desk tool", likelihood: 3, impact: 3, owner: "Aisha Khan", mitigation: "Read-only access to the old tool kept for six months", status: "Open" },
    ],
    Changes: [
      { changeId: "CHG-0001", contractId: "NBC-C-0102", description: "Additional pothole repair gang for the winter", valueImpact: 180_000, requested: d(-45), status: "Approved", approvedBy: "Director of Place", approvedOn: d(-30) },
      { changeId: "CHG-0002", contractId: "NBC-C-0112", description: "Raise the nightly rate cap for family rooms", valueImpact: 95_000, requested: d(-7), status: "Proposed", approvedBy: null, approvedOn: null },
      { changeId: "CHG-0003", contractId: "NBC-C-0115", description: "Reduced cleaning frequency in the closed office floors", valueImpact: -40_000, requested: d(-120), status: "Implemented", approvedBy: "Head of Facilities", approvedOn: d(-110) },
      // 12.8% of a services contract let under the Procurement Act 2023: a contract change notice is likely needed.
      { changeId: "CHG-0004", contractId: "NBC-C-0105", description: "Out-of-hours cover for the new social care system", valueImpact: 300_000, requested: d(-20), status: "Approved", approvedBy: "Director of Resources", approvedOn: d(-14) },
    ],
    Escalations: [
      { escalationId: escalationId(-200, 1), contractId: "NBC-C-0115", raisedAt: d(-200), raisedBy: "Kevin Walsh", level: 1, rag: "Amber", reason: "Cleaning audit score below target", action: "Agree an improvement plan", owner: "Contract manager", status: "Resolved", resolvedOn: d(-150), resolution: "Improvement plan delivered; scores above target since" },
      { escalationId: escalationId(-40, 1), contractId: "NBC-C-0112", raisedAt: d(-40), raisedBy: "Nadia Hussain", level: 1, rag: "Amber", reason: "Expires in 160 days; demand up 18%", action: "Decide extend or re-procure", owner: "Contract manager", status: "Open", resolvedOn: null, resolution: null },
      { escalationId: escalationId(-10, 1), contractId: "NBC-C-0101", raisedAt: d(-10), raisedBy: "Priya Shah", level: 3, rag: "Red", reason: "Expires in 85 days; replacement tender still open", action: "Board to approve a short extension as a fallback", owner: "Senior responsible owner / board", status: "In progress", resolvedOn: null, resolution: null },
    ],
  };
}
