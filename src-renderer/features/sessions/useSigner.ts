import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { z } from 'zod';
import { repositories } from '../../app/repositories';

/** The name last used to sign a note, offered for the next signature and the next addendum. */
const SIGNER_KEY = 'sessions.signer';
const SignerSchema = z.string().max(500);

export function rememberSigner(name: string): Promise<unknown> {
  return repositories().settings.put(SIGNER_KEY, SignerSchema, name.trim());
}

export function useSigner(): [string, (value: string) => void] {
  const stored = useLiveQuery(() => repositories().settings.get(SIGNER_KEY, SignerSchema, ''), []);
  const [typed, setTyped] = useState<string | null>(null);
  return [typed ?? stored ?? '', setTyped];
}
