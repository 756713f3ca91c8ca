import * as React from "react";
import { subscribeNotices } from "../features/notices";

// The notices' list (Fluent's MessageBar) is a chunk of its own, fetched when the ribbon first has
// something to say: most times the pane opens there is nothing, and its first paint goes without.
const Notices = React.lazy(() => import(/* webpackChunkName: "notices" */ "./Notices").then((m) => ({ default: m.Notices })));

/** What the ribbon's buttons reported (see Notices), once there is anything; nothing before. */
export function RibbonNotices(): React.JSX.Element | null {
  const [any, setAny] = React.useState(false);
  React.useEffect(() => subscribeNotices((notices) => setAny((before) => before || notices.length > 0)), []);
  if (!any) return null;
  return (
    <React.Suspense fallback={null}>
      <Notices />
    </React.Suspense>
  );
}
