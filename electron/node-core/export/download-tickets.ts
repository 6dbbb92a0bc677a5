/**
 * One-time download links for the browser shell. A ticket is 32 random bytes: whoever holds the
 * link may fetch that one file, once, within 5 minutes. No API token is needed, because the
 * ticket is the permission, and it only ever names a file the core just wrote.
 *
 * The staged file is feedback at rest, so it lives no longer than its ticket: the download route
 * deletes it once sent, and an expired ticket takes its file with it.
 *
 * `onSent` runs when the route has sent the file's last byte, never for an unused, expired or
 * aborted download: that is when an export's rows count as exported.
 */
import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';

export const DOWNLOAD_PREFIX = '/downloads/';
export const TICKET_LIFETIME_MS = 5 * 60 * 1000;

export interface DownloadGrant {
  /** Absolute path of the file. */
  file: string;
  fileName: string;
  onSent?: () => void;
}

export class DownloadTickets {
  readonly #tickets = new Map<string, DownloadGrant & { expiresAt: number }>();

  constructor(
    private readonly now: () => Date = () => new Date(),
    private readonly lifetimeMs = TICKET_LIFETIME_MS,
  ) {}

  /** Returns the same-origin URL path that downloads `file` as `fileName`. */
  issue(file: string, fileName: string, onSent?: () => void): string {
    this.#prune();
    const ticket = randomBytes(32).toString('base64url');
    this.#tickets.set(ticket, { file, fileName, onSent, expiresAt: this.now().getTime() + this.lifetimeMs });
    return `${DOWNLOAD_PREFIX}${ticket}/${encodeURIComponent(fileName)}`;
  }

  /** The file behind a live ticket whose name matches; the ticket is spent. Null otherwise. */
  redeem(ticket: string, fileName: string): DownloadGrant | null {
    this.#prune();
    const grant = this.#tickets.get(ticket);
    if (!grant || grant.fileName !== fileName) return null;
    this.#tickets.delete(ticket);
    return { file: grant.file, fileName: grant.fileName, onSent: grant.onSent };
  }

  #prune(): void {
    const now = this.now().getTime();
    for (const [ticket, grant] of this.#tickets) {
      if (grant.expiresAt > now) continue;
      this.#tickets.delete(ticket);
      rmSync(grant.file, { force: true });
    }
  }
}
