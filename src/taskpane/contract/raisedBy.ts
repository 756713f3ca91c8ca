/**
 * Who is raising escalations from this pane: the name last typed into Log escalation's "Raised
 * by", kept in the browser's storage for the add-in's origin. Office.js gives no user name in
 * Excel desktop (Office.context has none outside Outlook), so the pane remembers what the user
 * typed rather than guess; the field stays required and editable.
 */
const KEY = "contract-tracker.raisedBy";

/** The storage, or null where the page may not use it (privacy settings, a sandboxed frame). */
function storage(): Storage | null {
  try {
    return typeof localStorage === "undefined" ? null : localStorage;
  } catch {
    return null;
  }
}

/** The name last used to raise an escalation here; "" when none. @example rememberedRaiser() → "Priya Shah" */
export function rememberedRaiser(): string {
  try {
    return storage()?.getItem(KEY) ?? "";
  } catch {
    return "";
  }
}

/** Keeps the name an escalation was raised by, for the next one. Blank names are not kept. */
export function rememberRaiser(name: string): void {
  const trimmed = name.trim();
  if (trimmed === "") return;
  try {
    storage()?.setItem(KEY, trimmed);
  } catch {
    // Storage full or refused: the field is simply empty next time.
  }
}
