import { FluentProvider, webDarkTheme, webLightTheme } from "@fluentui/react-components";
import * as React from "react";
import { createRoot } from "react-dom/client";
import type { HostInfo } from "../office/host";
import { FunctionGuide } from "./FunctionGuide";
import { Notices } from "./Notices";

/** What the composition root hands the UI. */
export interface AppProps {
  host: HostInfo;
  loadCatalogue: () => Promise<unknown>;
}

export function App({ host, loadCatalogue }: AppProps): React.JSX.Element {
  return (
    <FluentProvider theme={host.dark ? webDarkTheme : webLightTheme} style={{ minHeight: "100%" }}>
      <Notices />
      <FunctionGuide inExcel={host.inExcel} loadCatalogue={loadCatalogue} />
    </FluentProvider>
  );
}

/** Renders the pane into `root`. */
export function mountApp(root: HTMLElement, props: AppProps): void {
  createRoot(root).render(<App {...props} />);
}
