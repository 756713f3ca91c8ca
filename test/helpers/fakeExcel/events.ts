/**
 * Events as Office.js has them: `add(handler)` on an event of an object gives a handle, and the
 * handler counts only once the context that added it has synced; `remove` (on the handle, or on
 * the event with the same function) takes effect at that context's next sync, and only in that
 * context — removing through another context leaves the handler firing, as in Excel. Excel calls
 * handlers later, never inside the call that changed things: here on a timer after the change,
 * each handler with arguments of its own context. `delivered()` waits for every handler to finish.
 */
import type { FakeRequestContext } from "./context";
import { invalidArgument } from "./errors";
import { ACTION_BYTES } from "./proxy";

export type FakeHandler<Args> = (args: Args) => Promise<unknown>;

interface Registration<Args> {
  context: FakeRequestContext;
  handler: FakeHandler<Args>;
}

/**
 * One event of the workbook as Excel keeps it: the handlers registered, and deliveries under way.
 * `Detail` is what the change tells the event's arguments (which table changed, say).
 */
export class FakeEventSource<Args, Detail = void> {
  readonly registrations: Registration<Args>[] = [];
  /** What handlers threw or rejected with: Excel only logs it; tests can look. */
  readonly errors: unknown[] = [];
  private readonly pending = new Set<Promise<void>>();

  constructor(private readonly argsFor: (context: FakeRequestContext, detail: Detail) => Args) {}

  /** The event happened: each handler registered when it is delivered is called, after a timer. */
  fire(detail: Detail): void {
    if (this.registrations.length === 0) return;
    const delivery = new Promise<void>((resolve) => setTimeout(resolve, 0)).then(() =>
      Promise.all(
        [...this.registrations].map(async ({ context, handler }) => {
          try {
            await handler(this.argsFor(context, detail));
          } catch (error) {
            this.errors.push(error);
          }
        }),
      ).then(() => undefined),
    );
    this.pending.add(delivery);
    void delivery.finally(() => this.pending.delete(delivery));
  }

  /** Resolves once every delivery so far, and any a handler set off, has finished. */
  async delivered(): Promise<void> {
    while (this.pending.size > 0) await Promise.all([...this.pending]);
  }
}

/** OfficeExtension.EventHandlers: `workbook.onSelectionChanged` and the like. */
export class FakeEventHandlers<Args> {
  constructor(
    private readonly context: FakeRequestContext,
    // Handlers see only the arguments, whatever detail made them.
    private readonly source: () => FakeEventSource<Args, never>,
    private readonly name: string,
  ) {}

  add(handler: FakeHandler<Args>): FakeEventHandlerResult<Args> {
    if (typeof handler !== "function") throw invalidArgument(`${this.name}.add needs a function`);
    this.context.enqueue({
      label: `${this.name} add handler`,
      requestBytes: ACTION_BYTES,
      run: () => ({ commit: () => this.source().registrations.push({ context: this.context, handler }) }),
    });
    return new FakeEventHandlerResult(this.context, this, handler);
  }

  remove(handler: FakeHandler<Args>): void {
    if (typeof handler !== "function") throw invalidArgument(`${this.name}.remove needs a function`);
    this.context.enqueue({
      label: `${this.name} remove handler`,
      requestBytes: ACTION_BYTES,
      run: () => ({
        commit: () => {
          const list = this.source().registrations;
          const at = list.findIndex((r) => r.context === this.context && r.handler === handler);
          if (at >= 0) list.splice(at, 1);
        },
      }),
    });
  }
}

/** OfficeExtension.EventHandlerResult: the handle `add` gives, tied to the context that added it. */
export class FakeEventHandlerResult<Args> {
  constructor(
    readonly context: FakeRequestContext,
    private readonly handlers: FakeEventHandlers<Args>,
    private readonly handler: FakeHandler<Args>,
  ) {}

  remove(): void {
    this.handlers.remove(this.handler);
  }
}
