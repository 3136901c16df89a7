import type { Page } from '@playwright/test';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

/**
 * A CPU profile of one bench tab while `work` runs (Chromium's profiler through CDP), summed by
 * function: where the time goes, for deciding what to fix (BENCH_SYNC_PROFILE=1).
 */
export async function profiled<T>(page: Page, work: () => Promise<T>): Promise<{ result: T; top: string[] }> {
  const session = await page.context().newCDPSession(page);
  await session.send('Profiler.enable');
  await session.send('Profiler.setSamplingInterval', { interval: 1000 });
  await session.send('Profiler.start');
  const result = await work();
  const { profile } = (await session.send('Profiler.stop')) as unknown as {
    profile: { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] };
  };
  await session.detach();
  const byNode = new Map<number, ProfileNode>(profile.nodes.map((node) => [node.id, node]));
  const self = new Map<string, number>();
  let total = 0;
  for (const [i, id] of profile.samples.entries()) {
    const node = byNode.get(id);
    if (!node) continue;
    const ms = (profile.timeDeltas[i] ?? 0) / 1000;
    total += ms;
    const { functionName, url, lineNumber } = node.callFrame;
    const name = `${functionName || '(anonymous)'} ${url.split('/').pop() ?? ''}:${lineNumber}`;
    self.set(name, (self.get(name) ?? 0) + ms);
  }
  const top = [...self.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 30)
    .map(([name, ms]) => `${((ms / total) * 100).toFixed(1).padStart(5)}%  ${Math.round(ms)} ms  ${name}`);
  return { result, top };
}
