/**
 * What ribbon actions tell the user: each result or failure as a notice. The task pane shows them
 * (the ribbon has no surface of its own); a failure also opens the pane, so none goes unseen.
 * Held in memory: the ribbon and the pane share one runtime.
 */
export type NoticeKind = "success" | "error" | "info";

export interface Notice {
  id: number;
  kind: NoticeKind;
  /** e.g. "Escalation summary" */
  title: string;
  /** A plain sentence that says what happened, or what to do. */
  message: string;
  at: Date;
}

type Listener = (notices: readonly Notice[]) => void;

const MAX_NOTICES = 20;
let notices: Notice[] = [];
let nextId = 1;
const listeners = new Set<Listener>();

const publish = (): void => listeners.forEach((listener) => listener(notices));

/** Adds a notice (newest first) and returns it. */
export function postNotice(kind: NoticeKind, title: string, message: string, at = new Date()): Notice {
  const notice: Notice = { id: nextId++, kind, title, message, at };
  notices = [notice, ...notices].slice(0, MAX_NOTICES);
  publish();
  return notice;
}

export function dismissNotice(id: number): void {
  notices = notices.filter((n) => n.id !== id);
  publish();
}

export function currentNotices(): readonly Notice[] {
  return notices;
}

/** Calls `listener` now and on every change; returns the unsubscribe function. */
export function subscribeNotices(listener: Listener): () => void {
  listeners.add(listener);
  listener(notices);
  return () => listeners.delete(listener);
}

/** Empties the list (tests, or the pane's Clear all). */
export function clearNotices(): void {
  notices = [];
  publish();
}
