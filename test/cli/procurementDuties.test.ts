import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import { cli } from "../helpers/cli";

// `contract-tracker summary` over a tracker workbook with Changes and KPIs tables built here: the
// Procurement Act 2023 section lists the change notice, KPI, assessment and termination duties
// with their figures, in every format, and Settings switch it off.
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ct-duties-"));

async function tracker(settings: [string, string | number][] = []): Promise<string> {
  const file = path.join(dir, `tracker-${settings.length}.xlsx`);
  const book = new ExcelJS.Workbook();
  book.addWorksheet("Contracts").addRows([
    ["Contract ID", "Title", "Supplier", "Start date", "End date", "Extension options", "Total value", "Contract type", "Status"],
    ["C-1", "Highways maintenance", "Roadway Ltd", "01/04/2025", "31/03/2029", "1+1", 2_000_000, "Works", "Live"],
    ["C-2", "Cleaning <b>services</b>", "Shine Ltd", "01/04/2025", "31/03/2028", "", 1_000_000, "Services", "Live"],
    ["C-3", "Adult social care", "Carewell", "01/06/2025", "31/05/2030", "", 12_000_000, "Services", "Live"],
    ["C-4", "Printing", "Inky plc", "01/03/2025", "15/11/2026", "", 80_000, "Goods", "Terminated"],
  ]);
  book.addWorksheet("Changes").addRows([
    ["Change ID", "Contract ID", "Description", "Value impact", "Requested", "Status", "Approved by", "Approved on", "New end date"],
    ["CH-1", "C-1", "Extra gritting routes", 250_000, "01/09/2025", "Approved", "Head of Highways", "10/09/2025", ""],
    ["CH-2", "C-2", "Two more schools", 70_000, "01/06/2025", "Implemented", "Head of Property", "05/06/2025", ""],
    ["CH-3", "C-2", "Weekend cover", 50_000, "01/10/2026", "Approved", "Head of Property", "05/10/2026", ""],
    ["CH-4", "C-2", "Deep clean", 900_000, "01/10/2026", "Rejected", "", "", ""],
  ]);
  book.addWorksheet("KPIs").addRows([
    ["Contract ID", "KPI", "Target", "Actual", "Period", "Higher is better", "Assessed on"],
    ["C-3", "Visits on time", 0.98, 0.9, "Q2 2025", true, "30/09/2025"],
    ["C-3", "Complaints resolved in 20 days", 0.95, 0.95, "Q2 2025", true, "30/09/2025"],
  ]);
  book.addWorksheet("Settings").addRows([["Name", "Value"], ...settings]);
  await book.xlsx.writeFile(file);
  return file;
}

test("the JSON lists each duty with its figures, most urgent first", async () => {
  const result = await cli("summary", await tracker(), "--as-of", "2026-11-25", "--format", "json");
  expect(result).toMatchObject({ code: 0, err: "" });
  const duties = JSON.parse(result.out).procurementAct as { kind: string; id: string; what: string; urgent: boolean; dueDate: string | null; suggestedRating?: string }[];
  expect(duties.map((d) => [d.kind, d.id, d.urgent])).toEqual([
    ["assessment", "C-3", true],
    ["termination", "C-4", true],
    ["changeNotice", "C-2", true],
    ["kpis", "C-3", true],
  ]);
  // 12.5% of £2,000,000 is within the 15% for works: C-1 needs no notice.
  expect(duties.find((d) => d.kind === "changeNotice")?.what).toBe("Changes approved add £120,000: 12% of £1,000,000 (limit 10% for services)");
  expect(duties.find((d) => d.kind === "kpis")?.what).toBe("2 KPIs recorded for a contract worth £12,000,000: at least 3 are needed over £5,000,000");
  expect(duties.find((d) => d.kind === "assessment")).toMatchObject({ dueDate: "2026-09-30", suggestedRating: "Requires improvement" });
  expect(duties.find((d) => d.kind === "termination")).toMatchObject({ dueDate: "2026-12-15", what: "Terminated on 15 Nov 2026: termination notice due by 15 Dec 2026 (in 20 days)" });
});

test("text, Markdown and HTML have a Procurement Act section; cell text stays text", async () => {
  const file = await tracker();
  const text = (await cli("summary", file, "--as-of", "2026-11-25")).out;
  expect(text).toContain("Procurement Act 2023: 4 duties, 4 needing action now:\n  - [s.71] C-3 Adult social care: Performance assessment overdue: by 30 Sept 2026");
  const markdown = (await cli("summary", file, "--as-of", "2026-11-25", "--format", "markdown")).out;
  expect(markdown).toContain("## Procurement Act 2023: 4 duties, 4 needing action now");
  expect(markdown).toContain("- \\[s.75\\] C-2 Cleaning &lt;b&gt;services&lt;/b&gt;: Changes approved add £120,000");
  const html = (await cli("summary", file, "--as-of", "2026-11-25", "--format", "html")).out;
  expect(html).toContain("Cleaning &lt;b&gt;services&lt;/b&gt;");
  expect(html).not.toContain("<b>services");
});

test("Settings switch the duties off, or change their thresholds", async () => {
  const off = JSON.parse((await cli("summary", await tracker([["procurement_act_duties", "off"]]), "--as-of", "2026-11-25", "--format", "json")).out);
  expect(off.procurementAct).toBeUndefined();
  const strict = JSON.parse((await cli("summary", await tracker([["change_value_works_above", 0.1], ["kpi_duty_value_above", 20_000_000]]), "--as-of", "2026-11-25", "--format", "json")).out);
  expect(strict.procurementAct.map((d: { kind: string; id: string }) => `${d.kind} ${d.id}`)).toEqual(["termination C-4", "changeNotice C-1", "changeNotice C-2"]);
});
