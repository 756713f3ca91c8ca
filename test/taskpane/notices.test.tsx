/** @jest-environment jsdom */
import "@testing-library/jest-dom";
import { act, fireEvent, render, screen } from "@testing-library/react";
import { axe, toHaveNoViolations } from "jest-axe";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { clearNotices, postNotice } from "../../src/features/notices";
import { Notices } from "../../src/taskpane/Notices";

expect.extend(toHaveNoViolations);

// What the ribbon reports appears in the pane as messages; cell text inside them stays text.

const view = () =>
  render(
    <FluentProvider theme={webLightTheme}>
      <Notices />
    </FluentProvider>,
  );

afterEach(() => act(() => clearNotices()));

test("a failure from the ribbon is shown with its title, hostile cell text as plain text", async () => {
  const { container } = view();
  act(() => {
    postNotice("error", "Escalation summary", 'A sheet named "<img src=x onerror=alert(1)>" already exists and was not written by the tracker: rename it and run again');
  });
  expect(screen.getByText("Escalation summary")).toBeInTheDocument();
  expect(screen.getByText(/<img src=x onerror=alert\(1\)>/)).toBeInTheDocument();
  expect(container.querySelector("img")).toBeNull();
  expect(await axe(container)).toHaveNoViolations();
});

test("notices can be dismissed, newest first", () => {
  view();
  act(() => {
    postNotice("success", "Refresh", "Recalculated.");
    postNotice("info", "Expiring soon", "Still working on the previous click: wait for it to finish.");
  });
  const titles = screen.getAllByText(/^(Refresh|Expiring soon)$/).map((e) => e.textContent);
  expect(titles).toEqual(["Expiring soon", "Refresh"]);
  fireEvent.click(screen.getByRole("button", { name: "Dismiss: Expiring soon" }));
  expect(screen.queryByText("Expiring soon")).toBeNull();
  expect(screen.getByText("Refresh")).toBeInTheDocument();
});
