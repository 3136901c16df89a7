import type { z } from 'zod';

/** One line per failing field, e.g. "client.email: Enter an email address with an @". */
export function describeIssues(error: z.ZodError): string[] {
  return error.issues.map((issue) => {
    const path = issue.path.map(String).join('.');
    return path ? `${path}: ${issue.message}` : issue.message;
  });
}

/** Field path -> first message, for showing a message beside each form field. */
export function fieldErrors(error: z.ZodError): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) {
    const path = issue.path.map(String).join('.');
    if (!(path in out)) out[path] = issue.message;
  }
  return out;
}

export class ValidationError extends Error {
  constructor(
    readonly what: string,
    readonly issues: string[],
  ) {
    super(`${what} is not valid: ${issues.join('; ')}`);
    this.name = 'ValidationError';
  }
}

/**
 * Parse untrusted input at a boundary (IPC, a backup file, a form). Throws a ValidationError
 * listing every failing path, so a refusal always names the field.
 */
export function parseWith<S extends z.ZodType>(schema: S, input: unknown, what: string): z.output<S> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw new ValidationError(what, describeIssues(parsed.error));
  return parsed.data;
}

/**
 * Like parseWith, with `extra` problems found outside the schema (cross-field or date rules) named
 * in the same error: all of them, each field once.
 */
export function parseStrict<S extends z.ZodType>(
  schema: S,
  input: unknown,
  what: string,
  extra: string[] = [],
) {
  const parsed = schema.safeParse(input);
  // A field named in `extra` keeps that one message (the more specific), not the schema's too.
  const extraPaths = new Set(extra.map((line) => line.split(': ')[0]));
  const issues = (parsed.success ? [] : describeIssues(parsed.error)).filter(
    (line) => !extraPaths.has(line.split(': ')[0]),
  );
  const all = [...new Set([...extra, ...issues])];
  if (!parsed.success || all.length > 0) throw new ValidationError(what, all);
  return parsed.data as z.output<S>;
}
