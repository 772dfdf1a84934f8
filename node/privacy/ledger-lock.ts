/**
 * One writer per ledger (privacy.md §8, step 1): without it two processes
 * could both pass the budget check and together overspend. The lock is a
 * file created exclusively (`wx`) holding the owner's pid. A lock whose pid
 * is dead is stale (its owner crashed) and may be taken over; a pid that
 * merely looks alive (even if reused) keeps the ledger locked: fail closed.
 */
import { linkSync, readFileSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { privacyError } from '../../benchmark/privacy/privacy-errors.js';

/** Releases a held lock. */
export type ReleaseLock = () => void;

const locked = (): never => {
  throw privacyError('LEDGER_LOCKED', 'budget ledger is in use by another process');
};

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code !== 'ESRCH';
  }
}

function readPid(path: string): number | undefined {
  try {
    const pid = Number(readFileSync(path, 'utf8'));
    return Number.isSafeInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

function tryCreate(path: string): boolean {
  try {
    writeFileSync(path, String(process.pid), { flag: 'wx', mode: 0o600 });
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
}

/**
 * Takes over a stale lock. Renaming is atomic, so of two processes racing for
 * the same stale file only one moves it; if what we moved is not the stale
 * lock we inspected, someone else won the race, and we put theirs back.
 */
function takeOverStale(path: string, stalePid: number): void {
  const aside = `${path}.stale-${process.pid}`;
  try {
    renameSync(path, aside);
  } catch {
    return locked();
  }
  if (readPid(aside) !== stalePid) {
    linkSync(aside, path);
    unlinkSync(aside);
    return locked();
  }
  unlinkSync(aside);
}

/** Acquires the lock file at `path`, or throws `LEDGER_LOCKED`. */
export function acquireLedgerLock(path: string): ReleaseLock {
  if (!tryCreate(path)) {
    const pid = readPid(path);
    // Unreadable or live: someone may be mid-write or holding it. Refuse.
    if (pid === undefined || isAlive(pid)) locked();
    takeOverStale(path, pid as number);
    if (!tryCreate(path)) locked();
  }
  let held = true;
  return () => {
    if (!held) return;
    held = false;
    if (readPid(path) === process.pid) unlinkSync(path);
  };
}
