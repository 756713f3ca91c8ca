/**
 * Excel.RequestContext: a queue of actions that `sync()` sends as one request. Each sync is
 * recorded with its request and response sizes, and refused as Excel on the web refuses it when
 * either is over the 5 MB limit (nothing of a refused request runs).
 */
import { FakeOfficeError } from "./errors";
import type { WorkbookModel } from "./model";
import type { FakeAction } from "./proxy";
import { FakeWorkbook } from "./workbook";

/** One round trip as the fake saw it. */
export interface SyncRecord {
  /** 1-based number of the trip across every context of the workbook. */
  trip: number;
  actions: number;
  requestBytes: number;
  responseBytes: number;
  cellsRead: number;
  cellsWritten: number;
  /** Excel's error code when the sync failed. */
  error?: string;
}

/** What a context needs of the workbook it talks to. */
export interface FakeHost {
  readonly model: WorkbookModel;
  readonly payloadLimit: number;
  /** The newest ExcelApi requirement set the host supports, e.g. "1.18". */
  readonly apiVersion: string;
  record(sync: Omit<SyncRecord, "trip">): void;
}

/** The JSON envelope of a request (headers of the batch, ids), counted once per sync. */
const REQUEST_ENVELOPE_BYTES = 200;

export class FakeRequestContext {
  /** Successful syncs of this context. */
  syncs = 0;
  readonly workbook: FakeWorkbook;
  private queued: FakeAction[] = [];

  constructor(readonly host: FakeHost) {
    this.workbook = new FakeWorkbook(this);
  }

  get model(): WorkbookModel {
    return this.host.model;
  }

  enqueue(action: FakeAction): void {
    this.queued.push(action);
  }

  get pendingActions(): number {
    return this.queued.length;
  }

  async sync(): Promise<void> {
    const actions = this.queued;
    this.queued = [];
    await Promise.resolve();
    const record: Omit<SyncRecord, "trip"> = {
      actions: actions.length,
      requestBytes: REQUEST_ENVELOPE_BYTES + actions.reduce((n, a) => n + a.requestBytes, 0),
      responseBytes: REQUEST_ENVELOPE_BYTES,
      cellsRead: 0,
      cellsWritten: actions.reduce((n, a) => n + (a.cellsWritten ?? 0), 0),
    };
    const fail = (error: FakeOfficeError): never => {
      record.error = error.code;
      this.host.record(record);
      throw error;
    };
    if (record.requestBytes > this.host.payloadLimit) fail(new FakeOfficeError("RequestPayloadSizeLimitExceeded", "The request payload size has exceeded the limit."));
    const commits: (() => void)[] = [];
    for (const action of actions) {
      try {
        const result = action.run();
        if (result) {
          record.responseBytes += result.responseBytes ?? 0;
          record.cellsRead += result.cellsRead ?? 0;
          if (result.commit) commits.push(result.commit);
        }
      } catch (error) {
        if (error instanceof FakeOfficeError) fail(new FakeOfficeError(error.code, error.message, action.label));
        throw error;
      }
    }
    if (record.responseBytes > this.host.payloadLimit) fail(new FakeOfficeError("ResponsePayloadSizeLimitExceeded", "The response payload size has exceeded the limit."));
    for (const commit of commits) commit();
    this.syncs++;
    this.host.record(record);
  }
}
