/** @jest-environment jsdom */
import "@testing-library/jest-dom";
import { act, configure, screen } from "@testing-library/react";
import { ContractView } from "../../src/taskpane/contract/ContractView";
import { DashboardView } from "../../src/taskpane/dashboard/DashboardView";
import { SummaryView } from "../../src/taskpane/summary/SummaryView";
import { startClockAt } from "../helpers/clock";
import { DateStyle, dateStyles } from "../helpers/dateStyles";
import { renderInPane } from "./paneHarness";
import { NOW, sampleTracker } from "./viewsHarness";

// The issue a contract manager met: in en-US a card said "Ends 01/08/2027" beside "Expires
// 08/01/2027", the dashboard "Give notice by 12/28/2026" beside the summary's "28/12/2026". Each
// view, in each locale, must write every date it writes in one style, the locale's.

beforeAll(() => startClockAt(NOW));
afterAll(() => jest.useRealTimers());
configure({ asyncUtilTimeout: 10_000 });

const LOCALES: readonly [string, DateStyle][] = [
  ["en-GB", "day first"],
  ["en-US", "month first"],
];

/** The text a view shows, less the cells it quotes from the register as the register wrote them. */
function productText(root: HTMLElement): string {
  const copy = root.cloneNode(true) as HTMLElement;
  copy.querySelectorAll("[data-register-text]").forEach((n) => n.remove());
  return copy.textContent ?? "";
}

describe.each(LOCALES)("in %s", (locale, style) => {
  test("the contract card: key dates, reasons, the action and its records", async () => {
    const { workbook, book } = await sampleTracker();
    const { container } = renderInPane(<ContractView active />, workbook, { locale });
    await screen.findByText(/No contract chosen yet/);
    const rows = book.snapshot("Contracts").rows;
    // A contract whose notice date has passed: the card's dates and its action's date together.
    await act(() => book.selectTableCell("Contracts", rows.findIndex((r) => r[0] === "NBC-C-0103"), "Contract Ref"));
    await screen.findByRole("heading", { name: "Leisure centres management" });
    const found = dateStyles(productText(container));
    expect(found).toEqual({ [style]: found[style] });
    expect((found[style] ?? []).length).toBeGreaterThanOrEqual(3);
  });

  test("the dashboard: the as-of date, ends, notice dates", async () => {
    const { workbook } = await sampleTracker();
    const { container } = renderInPane(<DashboardView active />, workbook, { locale });
    await screen.findByRole("img", { name: /^Live contracts by RAG:/ });
    const found = dateStyles(productText(container));
    expect(found).toEqual({ [style]: found[style] });
    expect((found[style] ?? []).length).toBeGreaterThanOrEqual(3);
  });

  test("the summary: the as-of date, the lists, the reasons and actions", async () => {
    const { workbook } = await sampleTracker();
    const { container } = renderInPane(<SummaryView active />, workbook, { locale });
    await screen.findByText(/^As of .* contracts read$/);
    const found = dateStyles(productText(container));
    expect(found).toEqual({ [style]: found[style] });
    expect((found[style] ?? []).length).toBeGreaterThanOrEqual(3);
  });
});
