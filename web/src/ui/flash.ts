// A one-time message for the next screen ("client saved"), read once.
import type { MessageKey } from '../i18n';

let pending: { key: MessageKey; path: string } | null = null;

export function setFlash(key: MessageKey, path: string): void {
  pending = { key, path };
}

export function takeFlash(path: string): MessageKey | null {
  if (!pending || pending.path !== path) return null;
  const key = pending.key;
  pending = null;
  return key;
}
