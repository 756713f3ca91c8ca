/** @jest-environment jsdom */
import "@testing-library/jest-dom";
import { configure, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { App } from "../../src/taskpane/App";
import { NOW, sampleTracker, statusOf } from "./viewsHarness";
import { startClockAt } from "../helpers/clock";

// The sample's dates are placed relative to the preview's day: the tests run on that day, whatever the real clock says.
beforeAll(() => startClockAt(NOW));
afterAll(() => jest.useRealTimers());

configure({ asyncUtilTimeout: 15_000 });

// The three views inside the pane: the dashboard opens the Contract tab on the contract pressed,
// and what a view saves the others read again.

test("a contract pressed on the dashboard opens on the Contract tab; a setting saved changes the dashboard", async () => {
  const { workbook } = await sampleTracker();
  render(<App host={{ inExcel: false, dark: false, locale: "en-GB" }} workbook={workbook} loadCatalogue={() => Promise.resolve({ functions: [] })} />);
  expect(NOW.getFullYear()).toBe(2026);
  fireEvent.click(await screen.findByRole("tab", { name: "Dashboard" }));
  // The pane is large: the other tabs are reached by id, which is quicker than by role.
  const tab = (id: string) => document.getElementById(`tab-${id}`) as HTMLElement;
  const dashboard = await screen.findByRole("tabpanel", { name: "Dashboard" });
  await within(dashboard).findByRole("img", { name: "Live contracts by RAG: Red 7, Amber 6, Green 10, Unrated 2" });
  fireEvent.click(within(within(dashboard).getByRole("list", { name: "KPIs below target, lowest attainment first" })).getByRole("button", { name: "NBC-C-0104 Home care framework (adults)" }));
  await waitFor(() => expect(tab("contract")).toHaveAttribute("aria-selected", "true"));
  const card = document.getElementById("panel-contract") as HTMLElement;
  await within(card).findByRole("heading", { name: "Home care framework (adults)" });

  fireEvent.click(tab("settings"));
  await waitFor(() => expect(document.getElementById("panel-settings")).not.toBeNull());
  const settings = document.getElementById("panel-settings") as HTMLElement;
  fireEvent.change(await within(settings).findByRole("textbox", { name: "KPI attainment: red below" }), { target: { value: "0.9" } });
  fireEvent.click(within(settings).getByRole("button", { name: "Save" }));
  await waitFor(() => expect(statusOf(settings)).toHaveTextContent("Settings saved"));

  // The home care KPI at 92% is amber now, not red: the dashboard and the card read the table again.
  fireEvent.click(tab("dashboard"));
  await within(dashboard).findByRole("img", { name: "Live contracts by RAG: Red 6, Amber 7, Green 10, Unrated 2" });
  fireEvent.click(tab("contract"));
  await waitFor(() => expect(within(card).getByRole("region", { name: "Status of NBC-C-0104" })).toHaveTextContent(/^Amber/));
});

test("the dashboard's probably-closed note opens the summary at its list of them, with the focus there", async () => {
  const { workbook } = await sampleTracker();
  render(<App host={{ inExcel: false, dark: false, locale: "en-GB" }} workbook={workbook} loadCatalogue={() => Promise.resolve({ functions: [] })} />);
  fireEvent.click(await screen.findByRole("tab", { name: "Dashboard" }));
  const dashboard = await screen.findByRole("tabpanel", { name: "Dashboard" });
  fireEvent.click(await within(dashboard).findByRole("button", { name: "Confirm in the summary" }));
  await waitFor(() => expect(document.getElementById("tab-summary")).toHaveAttribute("aria-selected", "true"));
  const heading = await within(document.getElementById("panel-summary") as HTMLElement).findByRole("heading", { name: "Probably closed — confirm (1)" });
  await waitFor(() => expect(document.activeElement).toBe(heading));
});
