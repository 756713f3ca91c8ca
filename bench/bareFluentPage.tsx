// The yardstick of `npm run bench -- "pane load"`: the least a Fluent UI v9 pane can be — React 18,
// a FluentProvider, a heading and a Button — bundled by bench/paneLoad.bench.ts with the project's
// webpack and ts-loader in production mode. The task pane's first heading is timed against this one's.
import { Button, FluentProvider, Text, webLightTheme } from "@fluentui/react-components";
import { createRoot } from "react-dom/client";

const root = document.getElementById("root");
if (root) {
  createRoot(root).render(
    <FluentProvider theme={webLightTheme}>
      <Text as="h1" weight="semibold" size={500}>Contract Tracker</Text>
      <Button appearance="primary">Set up the tracker</Button>
    </FluentProvider>,
  );
}
