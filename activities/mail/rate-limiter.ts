/** Spaces calls evenly at a rate per second within one worker process (SMTP relays throttle bursts). */
export class RateLimiter {
  private nextSlot = 0;

  constructor(private readonly perSecond: number) {}

  async take(): Promise<void> {
    const interval = 1000 / this.perSecond;
    const now = Date.now();
    const slot = Math.max(now, this.nextSlot);
    this.nextSlot = slot + interval;
    if (slot > now) await new Promise((resolve) => setTimeout(resolve, slot - now));
  }
}
