import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { z } from 'zod';
import { PracticeSettingsSchema, SETTINGS_KEYS } from '../../../src-shared/domain/settings';
import { repositories } from '../../app/repositories';

/** The name last used to sign a note, offered for the next signature and the next addendum. */
const SIGNER_KEY = 'sessions.signer';
const SignerSchema = z.string().max(500);

export function rememberSigner(name: string): Promise<unknown> {
  return repositories().settings.put(SIGNER_KEY, SignerSchema, name.trim());
}

export function useSigner(): [string, (value: string) => void] {
  // The last name used to sign, else "Your name" from Settings → Practice details.
  const stored = useLiveQuery(async () => {
    const { settings } = repositories();
    const last = await settings.get(SIGNER_KEY, SignerSchema, '');
    if (last) return last;
    const practice = await settings.get(SETTINGS_KEYS.practice, PracticeSettingsSchema.nullable(), null);
    return practice?.therapistName ?? '';
  }, []);
  const [typed, setTyped] = useState<string | null>(null);
  return [typed ?? stored ?? '', setTyped];
}
