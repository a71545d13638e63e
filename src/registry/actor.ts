import { userInfo } from 'node:os';

/** The operating-system user name, recorded as who moved an alias when nobody says otherwise. */
export function defaultActor(): string {
  try {
    return userInfo().username;
  } catch {
    // userInfo throws when the uid has no passwd entry (common in containers).
    return process.env.USER ?? process.env.USERNAME ?? 'unknown';
  }
}
