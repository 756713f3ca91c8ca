import * as React from "react";

interface Line {
  text: string;
  /** The state of the data the line describes; null until the read that follows the action has landed. */
  about: string | null;
  /** The data's state when the line was said, for a line about an action whose own change is still being read. */
  before: string | null;
}

/**
 * A status line ("Copied…", "The sheet now holds 13 contracts") that lasts only while the data it
 * speaks of is unchanged. `basis` is a short fingerprint of that data as the view shows it now
 * (null while nothing is read); once it differs from the one the line was said about, the line is
 * gone, so a refresh, a new set-up or another view's change never leaves an old number on screen.
 *
 * `say(text, about)` ties the line to `about` (the data it describes, by the same fingerprint).
 * `say(text)` is for an action that itself changes the data (a record saved, rows marked closed):
 * the line holds through the read that shows the action's own change, and goes at the next one.
 * @example const copied = useStatusLine(summaryKey); copied.say("Copied the summary as text.", summaryKey);
 */
export function useStatusLine(basis: string | null): { text: string; say: (text: string, about?: string | null) => void; clear: () => void } {
  const [line, setLine] = React.useState<Line | null>(null);
  const now = React.useRef(basis);
  now.current = basis;

  React.useEffect(() => {
    if (!line) return;
    if (line.about === null) {
      if (basis !== line.before) setLine({ ...line, about: basis });
    } else if (basis !== line.about) {
      setLine(null);
    }
  }, [basis, line]);

  const say = React.useCallback((text: string, about?: string | null) => {
    setLine(about === undefined ? { text, about: null, before: now.current } : { text, about, before: null });
  }, []);
  const clear = React.useCallback(() => setLine(null), []);
  // Checked while drawing too, so not even one frame shows a line about data that has changed.
  const holds = line !== null && (line.about === null ? true : line.about === basis);
  return { text: holds && line ? line.text : "", say, clear };
}
