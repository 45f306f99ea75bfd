// How far a read of a workbook file has come, for a progress bar (the CLI's on a terminal, the
// standalone pane's): in stored (compressed) bytes of the parts the read inflates, which is what the
// time goes on. Told at the start of each read (done 0), as the bytes are taken, and at its end
// (done = total); at most about 200 times a read, so a listener may draw on every call.

export interface ReadProgress {
  /** stored bytes of this read's parts inflated so far */
  readonly done: number;
  /** stored bytes of all the parts this read inflates */
  readonly total: number;
}

export type ProgressListener = (progress: ReadProgress) => void;

/** Reports one read's progress to `listener`, throttled to steps of 1/200 of the total. */
export class ProgressMeter {
  private done = 0;
  private told = -1;
  private readonly step: number;

  constructor(
    private readonly listener: ProgressListener | undefined,
    private readonly total: number,
  ) {
    this.step = Math.max(1, Math.floor(total / 200));
    this.tell();
  }

  /** `bytes` more stored bytes were taken by the inflater. */
  add(bytes: number): void {
    this.done = Math.min(this.total, this.done + bytes);
    if (this.done - this.told >= this.step) this.tell();
  }

  /** The read is over (whatever was left unread of a part counts as read). */
  end(): void {
    this.done = this.total;
    if (this.told !== this.total) this.tell();
  }

  private tell(): void {
    this.told = this.done;
    this.listener?.({ done: this.done, total: this.total });
  }
}
