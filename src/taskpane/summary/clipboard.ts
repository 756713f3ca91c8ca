/** How a copy went: with formatting (text/html beside text/plain), or as plain text only. */
export type CopyResult = "formatted" | "plain";

/** The parts of the browser's Clipboard API the pane uses (so tests can hand in their own). */
export interface ClipboardLike {
  write?: (items: ClipboardItem[]) => Promise<void>;
  writeText: (text: string) => Promise<void>;
}

function browserClipboard(): ClipboardLike {
  const clipboard = typeof navigator === "undefined" ? undefined : navigator.clipboard;
  if (!clipboard || typeof clipboard.writeText !== "function") {
    throw new Error("This browser gives the add-in no clipboard");
  }
  return clipboard;
}

/** Puts plain text on the clipboard. */
export async function copyText(text: string, clipboard: ClipboardLike = browserClipboard()): Promise<CopyResult> {
  await clipboard.writeText(text);
  return "plain";
}

/**
 * Puts HTML on the clipboard with its plain-text twin, so an email keeps the table and a plain
 * editor gets the text. Where the browser cannot copy formatted text, the plain text is copied.
 */
export async function copyHtml(html: string, text: string, clipboard: ClipboardLike = browserClipboard()): Promise<CopyResult> {
  if (typeof clipboard.write === "function" && typeof ClipboardItem !== "undefined") {
    try {
      await clipboard.write([
        new ClipboardItem({
          "text/html": new Blob([html], { type: "text/html" }),
          "text/plain": new Blob([text], { type: "text/plain" }),
        }),
      ]);
      return "formatted";
    } catch {
      // Some hosts refuse rich clipboard items but allow text: fall through to it.
    }
  }
  await clipboard.writeText(text);
  return "plain";
}
