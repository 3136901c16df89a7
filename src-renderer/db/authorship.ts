/**
 * Who writes on this computer: the therapist's name (Settings → Practice) and the computer's
 * name (Settings → Practice sync; the operating system's name for it until sync names it). Every
 * new audit entry, signed note and addendum records them (optional fields, so records written
 * before issue 18, or on a computer that knows no name, stay valid). Set once the app knows them
 * (`app/useAuthorship.ts`) and by tests; read only by the repositories that write such records.
 * Records arriving through a restore or sync keep the names they carry: nothing here touches them.
 */
export interface Authorship {
  author?: string;
  computer?: string;
}

let current: Authorship = {};

export function setAuthorship(next: Authorship): void {
  current = {
    ...(next.author?.trim() ? { author: next.author.trim().slice(0, 200) } : {}),
    ...(next.computer?.trim() ? { computer: next.computer.trim().slice(0, 100) } : {}),
  };
}

/** Who writes here now; `author` overrides the therapist's name (a note is signed by whoever signs it). */
export function writtenHere(author?: string): Authorship {
  const name = author?.trim() || current.author;
  return {
    ...(name ? { author: name.slice(0, 200) } : {}),
    ...(current.computer ? { computer: current.computer } : {}),
  };
}

export function thisComputer(): string | undefined {
  return current.computer;
}
