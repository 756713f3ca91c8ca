import { Button, Link, MessageBar, MessageBarActions, MessageBarBody, makeStyles, tokens } from "@fluentui/react-components";
import { DismissRegular } from "@fluentui/react-icons/svg/dismiss";
import * as React from "react";

/** Where a dismissal is remembered: for this browser tab's session, so a new visit shows the note again. */
export const PREVIEW_NOTE_KEY = "contractTracker.previewNoteDismissed";

const useStyles = makeStyles({
  details: { margin: `${tokens.spacingVerticalXS} 0 0` },
});

/** Whether the note was dismissed this session; storage a browser refuses counts as not dismissed. */
function dismissedBefore(): boolean {
  try {
    return sessionStorage.getItem(PREVIEW_NOTE_KEY) === "1";
  } catch {
    return false;
  }
}

/**
 * The preview's note, on one line: "Sample data", with a "What is this?" disclosure that says the
 * rest (made-up register, nothing saved, sideload to use your own), and a Dismiss button remembered
 * for the session. Dismissed, the Preview badge beside the title still says it is the preview.
 */
export function PreviewNote(): React.JSX.Element | null {
  const styles = useStyles();
  const [dismissed, setDismissed] = React.useState(dismissedBefore);
  const [open, setOpen] = React.useState(false);
  if (dismissed) return null;
  const dismiss = (): void => {
    try {
      sessionStorage.setItem(PREVIEW_NOTE_KEY, "1");
    } catch {
      // Not remembered where storage is refused; dismissed all the same until the page reloads.
    }
    setDismissed(true);
  };
  return (
    // "auto": one line where it fits, wrapped where a pane is too narrow for it (never wider than the pane).
    <MessageBar intent="info" layout={open ? "multiline" : "auto"} aria-label="About the preview">
      <MessageBarBody>
        <span>Sample data</span>{" · "}
        <Link as="button" inline aria-expanded={open} aria-controls="preview-note-details" onClick={() => setOpen(!open)}>
          {open ? "Hide" : "What is this?"}
        </Link>
        {open && (
          <p id="preview-note-details" className={styles.details}>
            This is the pane outside Excel, working on a made-up register held in this page: nothing is saved, and reloading starts again.
            Sideload the add-in into Excel to use it on your own workbook.
          </p>
        )}
      </MessageBarBody>
      <MessageBarActions
        containerAction={<Button aria-label="Dismiss the preview note" title="Dismiss the preview note" appearance="transparent" size="small" icon={<DismissRegular />} onClick={dismiss} />}
      />
    </MessageBar>
  );
}
