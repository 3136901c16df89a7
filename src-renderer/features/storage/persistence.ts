/**
 * The browser engine's storage protection and space, through navigator.storage. Without
 * "persistent" storage Chromium may clear an origin's data when the disk runs very low; the
 * app asks for it at every start (Chromium decides; it never prompts).
 */
export interface StorageState {
  /** true: protected from automatic clean-up; null: this system cannot say. */
  persisted: boolean | null;
  /** Bytes Stillpoint's records take, or null when unknown. */
  usage: number | null;
  /** Bytes the system lets Stillpoint use in all, or null when unknown. */
  quota: number | null;
}

type StorageManagerLike = Pick<StorageManager, 'persist' | 'persisted' | 'estimate'>;

function storageManager(): StorageManagerLike | undefined {
  return typeof navigator !== 'undefined' ? navigator.storage : undefined;
}

/** Asks for persistent storage unless already granted. Never throws; null when unsupported. */
export async function requestPersistentStorage(
  storage: StorageManagerLike | undefined = storageManager(),
): Promise<boolean | null> {
  if (!storage?.persist || !storage.persisted) return null;
  try {
    if (await storage.persisted()) return true;
    return await storage.persist();
  } catch {
    return null;
  }
}

export async function readStorageState(
  storage: StorageManagerLike | undefined = storageManager(),
): Promise<StorageState> {
  const [persisted, estimate] = await Promise.all([
    storage?.persisted ? storage.persisted().catch(() => null) : Promise.resolve(null),
    storage?.estimate ? storage.estimate().catch(() => null) : Promise.resolve(null),
  ]);
  return { persisted, usage: estimate?.usage ?? null, quota: estimate?.quota ?? null };
}
