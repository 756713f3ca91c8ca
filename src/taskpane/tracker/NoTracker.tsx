import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle } from "@fluentui/react-components";
import * as React from "react";
import { usePane } from "../paneContext";

/** Said by a view that reads the tracker when there is none yet, with the way to set it up. */
export function NoTracker({ view, table }: { view: string; table: string }): React.JSX.Element {
  const { navigate } = usePane();
  return (
    <MessageBar intent="info" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>No tracker yet</MessageBarTitle>
        {`The ${view} reads the ${table} table, which set-up makes from your register. Set the tracker up first.`}
      </MessageBarBody>
      <MessageBarActions>
        <Button size="small" onClick={() => navigate("setup")}>Go to Set up</Button>
      </MessageBarActions>
    </MessageBar>
  );
}
