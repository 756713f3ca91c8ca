import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle } from "@fluentui/react-components";
import * as React from "react";
import { messageOf } from "./format";

export interface ErrorBarProps {
  /** What failed, e.g. "Could not read the register". */
  title: string;
  /** What went wrong: an Error (its message is shown) or a sentence. */
  error: unknown;
  /** What the user can do about it, as a sentence. */
  todo?: string;
  /** A retry button, when trying again can help. */
  retry?: { label: string; onClick: () => void };
}

/** Every failure in the pane: a red message saying what failed and what to do, the cause shown as text. */
export function ErrorBar({ title, error, todo, retry }: ErrorBarProps): React.JSX.Element {
  const cause = messageOf(error);
  return (
    <MessageBar intent="error" layout="multiline" role="alert">
      <MessageBarBody>
        <MessageBarTitle>{title}</MessageBarTitle>
        {cause}.{todo ? ` ${todo}` : ""}
      </MessageBarBody>
      {retry && (
        <MessageBarActions>
          <Button size="small" onClick={retry.onClick}>{retry.label}</Button>
        </MessageBarActions>
      )}
    </MessageBar>
  );
}
