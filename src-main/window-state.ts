import fs from 'node:fs';
import { z } from 'zod';

/** Where the window was and how big, remembered across launches. */
export const WindowStateSchema = z.object({
  x: z.number().int(),
  y: z.number().int(),
  width: z.number().int().min(400).max(20000),
  height: z.number().int().min(300).max(20000),
  maximized: z.boolean(),
});
export type WindowState = z.infer<typeof WindowStateSchema>;

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export const DEFAULT_SIZE = { width: 1280, height: 820 };

/**
 * A remembered position is used only if enough of the window is still on a display (the
 * laptop may have been unplugged from the monitor it was on); otherwise the OS centres it.
 */
export function fitToDisplays(state: WindowState | null, workAreas: Rect[]): Partial<WindowState> {
  if (!state) return { ...DEFAULT_SIZE, maximized: false };
  const visible = workAreas.some((area) => {
    const overlapX = Math.min(state.x + state.width, area.x + area.width) - Math.max(state.x, area.x);
    const overlapY = Math.min(state.y + state.height, area.y + area.height) - Math.max(state.y, area.y);
    return overlapX >= 100 && overlapY >= 50;
  });
  if (!visible) return { width: state.width, height: state.height, maximized: state.maximized };
  return state;
}

export function readWindowState(file: string): WindowState | null {
  try {
    const parsed = WindowStateSchema.safeParse(JSON.parse(fs.readFileSync(file, 'utf8')));
    return parsed.success ? parsed.data : null;
  } catch {
    return null; // first launch, or a damaged file: fall back to the default size
  }
}

export function writeWindowState(file: string, state: WindowState): void {
  try {
    fs.writeFileSync(file, JSON.stringify(state));
  } catch {
    // Losing the window position is harmless; never let it interrupt quitting.
  }
}
