import { Button, Spinner, Text, makeStyles, tokens } from "@fluentui/react-components";
import * as React from "react";
import { messageOf } from "./format";

export interface ViewBoundaryProps {
  /** The view's name in the user's words, e.g. "the dashboard". */
  name: string;
  /** What the spinner says while the view's code arrives, e.g. "Opening the dashboard…". */
  loading: string;
  /** What shows instead while the code arrives, when not a spinner saying `loading`. */
  fallback?: React.ReactNode;
  children: React.ReactNode;
}

const useStyles = makeStyles({
  // Drawn like the pane's other failures (ErrorBar, a red MessageBar) from the shell's own parts:
  // when a chunk did not arrive, a failure message in another chunk might not either.
  failure: {
    display: "flex", flexDirection: "column", alignItems: "flex-start", gap: tokens.spacingVerticalS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    backgroundColor: tokens.colorPaletteRedBackground1, color: tokens.colorNeutralForeground1,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorPaletteRedBorder1}`, borderRadius: tokens.borderRadiusMedium,
  },
});

/** A view that could not be opened: what failed, why, and the way out. */
function ViewFailure({ name, error }: { name: string; error: unknown }): React.JSX.Element {
  const styles = useStyles();
  return (
    <div role="alert" className={styles.failure}>
      <Text weight="semibold">Could not open {name}</Text>
      <Text>{messageOf(error)}. Reload the pane to try again; if it keeps failing, close the pane and open it again from the ribbon.</Text>
      <Button size="small" onClick={() => location.reload()}>Reload the pane</Button>
    </div>
  );
}

/**
 * Where a view's code arrives (its chunk is fetched the first time its tab opens): a spinner
 * saying which view is opening, and, should the chunk not arrive (the add-in's server out of
 * reach, say) or the view fail to draw, a red message in its place, while the rest of the pane
 * (the tabs, the other views) goes on working. React catches render errors only in a class
 * component (react.dev, "Catching rendering errors with an error boundary").
 */
export class ViewBoundary extends React.Component<ViewBoundaryProps, { failure: { error: unknown } | null }> {
  override state: { failure: { error: unknown } | null } = { failure: null };

  static getDerivedStateFromError(error: unknown): { failure: { error: unknown } } {
    return { failure: { error } };
  }

  override render(): React.ReactNode {
    const { name, loading, fallback = <Spinner size="small" label={loading} />, children } = this.props;
    if (this.state.failure) return <ViewFailure name={name} error={this.state.failure.error} />;
    return <React.Suspense fallback={fallback}>{children}</React.Suspense>;
  }
}
