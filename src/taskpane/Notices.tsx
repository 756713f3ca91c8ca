import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle, makeStyles, tokens } from "@fluentui/react-components";
import * as React from "react";
import { Notice, dismissNotice, subscribeNotices } from "../features/notices";

const useStyles = makeStyles({
  list: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM} 0` },
});

const INTENT = { success: "success", error: "error", info: "info" } as const;

/** What the ribbon's buttons reported, newest first; cell text in a message is shown as text. */
export function Notices(): React.JSX.Element | null {
  const styles = useStyles();
  const [notices, setNotices] = React.useState<readonly Notice[]>([]);
  React.useEffect(() => subscribeNotices(setNotices), []);
  if (notices.length === 0) return null;
  return (
    <section className={styles.list} aria-label="Ribbon results" aria-live="polite">
      {notices.slice(0, 5).map((n) => (
        <MessageBar key={n.id} intent={INTENT[n.kind]} layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{n.title}</MessageBarTitle>
            {n.message}
          </MessageBarBody>
          <MessageBarActions containerAction={<Button aria-label={`Dismiss: ${n.title}`} appearance="transparent" size="small" onClick={() => dismissNotice(n.id)}>Dismiss</Button>} />
        </MessageBar>
      ))}
    </section>
  );
}
