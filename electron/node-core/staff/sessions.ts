/**
 * Staff sessions: a random token per unlock, held only in memory (a restart logs everyone out),
 * ending after 10 minutes without use, an hour after the unlock however busy (a panel left open
 * and kept awake is not open for ever), or when staff lock the panel.
 */
import { randomBytes } from 'node:crypto';
import { ApiError } from '../../common/api/errors.js';
import type { StaffRole } from '../../common/api/staff.js';

export const SESSION_IDLE_MS = 10 * 60 * 1000;
export const SESSION_MAX_MS = 60 * 60 * 1000;

export interface StaffSession {
  role: StaffRole;
  /** Epoch ms of the unlock. */
  openedAt: number;
  /** Epoch ms of the last call that used it. */
  lastUsed: number;
}

export class StaffSessions {
  readonly #sessions = new Map<string, StaffSession>();

  constructor(
    private readonly now: () => Date = () => new Date(),
    private readonly idleMs = SESSION_IDLE_MS,
    private readonly maxMs = SESSION_MAX_MS,
  ) {}

  open(role: StaffRole): string {
    this.#prune();
    const token = randomBytes(32).toString('base64url');
    const now = this.now().getTime();
    this.#sessions.set(token, { role, openedAt: now, lastUsed: now });
    return token;
  }

  /** The live session behind `token`, its idle time restarted; undefined when unknown or expired. */
  use(token: string): StaffSession | undefined {
    this.#prune();
    const session = this.#sessions.get(token);
    if (session) session.lastUsed = this.now().getTime();
    return session;
  }

  /** `use` plus `requireRole`: what every staff and admin method starts with. */
  authorize(token: string, needed: StaffRole): StaffSession {
    return requireRole(this.use(token), needed);
  }

  end(token: string): void {
    this.#sessions.delete(token);
  }

  #prune(): void {
    const now = this.now().getTime();
    for (const [token, session] of this.#sessions) {
      if (now - session.lastUsed >= this.idleMs || now - session.openedAt >= this.maxMs) this.#sessions.delete(token);
    }
  }
}

/** Admin may do all that staff may; staff may not do admin things. */
export function requireRole(session: StaffSession | undefined, needed: StaffRole): StaffSession {
  if (!session) throw new ApiError('unauthorized', 'the staff session has ended; enter the PIN again');
  if (needed === 'admin' && session.role !== 'admin') throw new ApiError('forbidden', 'this needs the admin PIN');
  return session;
}
