/**
 * Proxy objects as Office.js has them: calls queue actions on the request context; `load` queues a
 * read whose values become readable only after `context.sync()`; reading anything else throws
 * PropertyNotLoaded; setting a property or calling a method takes effect when the sync runs it,
 * in queue order. `*OrNullObject` lookups give a proxy whose `isNullObject` is known after a sync,
 * and anything reached through a null object is a null object too.
 */
import type { FakeRequestContext } from "./context";
import { jsonBytes } from "./cells";
import { FakeOfficeError, notModelled, propertyNotLoaded } from "./errors";

/** What running an action found: bytes and cells for the response, and state to apply if the sync succeeds. */
export interface ActionResult {
  responseBytes?: number;
  cellsRead?: number;
  commit?: () => void;
}

export interface FakeAction {
  label: string;
  requestBytes: number;
  cellsWritten?: number;
  run: () => ActionResult | void;
}

/** Values captured by loads during one sync, applied to the proxies only if the sync succeeds. */
export interface Capture {
  bytes: number;
  cells: number;
  commits: (() => void)[];
}

/** How a proxy finds its object: by an action queued when it was made ("eager"), on each use ("lazy": navigation properties), or already known (collection items). */
export type Binding<T> = "eager" | "lazy" | { bound: T };

/** Bytes of the request envelope of one action (object path, ids), roughly what Office.js sends. */
export const ACTION_BYTES = 60;

export function cellsIn(value: unknown): number {
  if (Array.isArray(value) && value.every(Array.isArray)) return value.reduce((n: number, row: unknown[]) => n + row.length, 0);
  return 0;
}

export function parseLoad(option: string | string[] | undefined): string[][] {
  if (option === undefined) throw notModelled("load() with no properties: list them (lint: office-addins/no-empty-load)");
  const list = Array.isArray(option) ? option : option.split(",");
  return list
    .map((p) => p.trim())
    .filter((p) => p !== "")
    .map((p) => p.split("/"));
}

export abstract class FakeProxy<T> {
  private target: T | null = null;
  private bound = false;
  private nullKnown: boolean | undefined;
  private readonly createdAt: number;
  protected readonly loaded = new Map<string, unknown>();

  protected constructor(
    readonly context: FakeRequestContext,
    private readonly locate: () => T | null,
    private readonly binding: Binding<T>,
    readonly kind: string,
  ) {
    this.createdAt = context.syncs;
    if (typeof binding === "object") {
      this.target = binding.bound;
      this.bound = true;
      this.nullKnown = false;
    } else if (binding === "eager") {
      context.enqueue({
        label: `get ${kind}`,
        requestBytes: ACTION_BYTES,
        run: () => {
          const found = this.locate();
          this.target = found;
          this.bound = true;
          return { commit: () => (this.nullKnown = found === null) };
        },
      });
    }
  }

  /** The object behind the proxy while an action runs; null for a null object. */
  resolve(): T | null {
    if (this.binding === "lazy") return this.locate();
    if (!this.bound) throw new Error(`fake Excel: ${this.kind} was used before the call that made it ran`);
    return this.target;
  }

  /** The object for an action that changes it: a null object has nothing to change. */
  protected live(): T {
    const target = this.resolve();
    if (target === null) throw new FakeOfficeError("InvalidOperation", `The ${this.kind} is a null object: check isNullObject before using it.`);
    return target;
  }

  get isNullObject(): boolean {
    if (this.binding === "lazy") {
      if (this.context.syncs <= this.createdAt) throw propertyNotLoaded("isNullObject");
      return this.locate() === null;
    }
    if (this.nullKnown === undefined) throw propertyNotLoaded("isNullObject");
    return this.nullKnown;
  }

  load(option?: string | string[]): this {
    const paths = parseLoad(option);
    this.context.enqueue({
      label: `load ${this.kind} ${paths.map((p) => p.join("/")).join(",")}`,
      requestBytes: ACTION_BYTES + jsonBytes(option),
      run: () => {
        const capture: Capture = { bytes: 0, cells: 0, commits: [] };
        this.captureAll(paths, capture);
        return { responseBytes: capture.bytes, cellsRead: capture.cells, commit: () => capture.commits.forEach((apply) => apply()) };
      },
    });
    return this;
  }

  /** Reads the loaded paths from the object as it is at this point of the queue. */
  captureAll(paths: string[][], out: Capture): void {
    const target = this.resolve();
    if (target === null) return;
    const groups = new Map<string, string[][]>();
    for (const [first, ...rest] of paths) groups.set(first, [...(groups.get(first) ?? []), rest]);
    for (const [name, rests] of groups) {
      if (rests.some((r) => r.length === 0)) {
        const value = this.scalar(name, target);
        out.bytes += jsonBytes(value) + name.length + 4;
        out.cells += cellsIn(value);
        out.commits.push(() => this.loaded.set(name, value));
      }
      const deeper = rests.filter((r) => r.length > 0);
      if (deeper.length > 0) this.navigate(name).captureAll(deeper, out);
    }
  }

  /** A scalar property's current value (for loads). */
  protected abstract scalar(name: string, target: T): unknown;

  /** A navigation property's proxy (for load paths such as `worksheet/name`). */
  protected navigate(name: string): FakeProxy<unknown> {
    throw notModelled(`the load path ${this.kind}.${name}/…`);
  }

  /** A loaded property: throws, as Office.js does, unless loaded and synced. */
  protected read<V>(name: string): V {
    if (!this.loaded.has(name)) throw propertyNotLoaded(name);
    return this.loaded.get(name) as V;
  }

  /** Queues a change to the object, applied when the sync runs it. */
  protected queue(label: string, payload: unknown, apply: (target: T) => void, cellsWritten = 0): void {
    this.context.enqueue({ label: `${this.kind} ${label}`, requestBytes: ACTION_BYTES + jsonBytes(payload), cellsWritten, run: () => apply(this.live()) });
  }
}

/** A collection proxy: `items` after `load("items/…")`, and `getCount()`. */
export abstract class FakeCollection<Host, Item, P extends FakeProxy<Item>> extends FakeProxy<Host> {
  protected abstract itemsOf(host: Host): Item[];
  protected abstract wrap(item: Item): P;

  get items(): P[] {
    return this.read<P[]>("items");
  }

  getCount(): FakeClientResult<number> {
    const result = new FakeClientResult<number>();
    this.context.enqueue({
      label: `${this.kind} getCount`,
      requestBytes: ACTION_BYTES,
      run: () => {
        const count = this.itemsOf(this.live()).length;
        return { responseBytes: 8, commit: () => result.set(count) };
      },
    });
    return result;
  }

  override captureAll(paths: string[][], out: Capture): void {
    const host = this.resolve();
    if (host === null) return;
    const itemPaths = paths.filter((p) => p[0] === "items").map((p) => p.slice(1));
    if (itemPaths.some((p) => p.length === 0)) throw notModelled(`load("items") of ${this.kind}: name the item properties, e.g. "items/name"`);
    if (itemPaths.length > 0) {
      const items = this.itemsOf(host).map((item) => this.wrap(item));
      out.commits.push(() => this.loaded.set("items", items));
      for (const item of items) item.captureAll(itemPaths, out);
    }
    const others = paths.filter((p) => p[0] !== "items");
    if (others.length > 0) super.captureAll(others, out);
  }

  protected scalar(name: string): unknown {
    throw notModelled(`${this.kind}.${name}`);
  }
}

/** OfficeExtension.ClientResult: its value is there after the sync. */
export class FakeClientResult<V> {
  private ready = false;
  private held: V | undefined;

  set(value: V): void {
    this.held = value;
    this.ready = true;
  }

  get value(): V {
    if (!this.ready) throw propertyNotLoaded("value");
    return this.held as V;
  }
}
