import { z } from 'zod';
import { AppInfoSchema } from './domain/app-info';
import type { Result } from './result';

/**
 * The channel table: the one place a renderer-to-main call is declared. The preload builds
 * `window.stillpoint` from it and main registers a handler for every entry, so a channel
 * cannot exist on one side only. Main validates every request with `request` before its
 * handler runs, and every answer with `response` before it leaves.
 */
function channel<Req extends z.ZodType, Res extends z.ZodType>(name: string, request: Req, response: Res) {
  return { name, request, response } as const;
}

const NoRequest = z.undefined();

export const channels = {
  appInfo: channel('app:info', NoRequest, AppInfoSchema),
} as const;

export type Channels = typeof channels;
export type ChannelMethod = keyof Channels;
export type ChannelRequest<M extends ChannelMethod> = z.input<Channels[M]['request']>;
export type ChannelResponse<M extends ChannelMethod> = z.output<Channels[M]['response']>;

/** `window.stillpoint`: one method per channel, each answering a Result, never throwing. */
export type StillpointBridge = {
  [M in ChannelMethod]: undefined extends ChannelRequest<M>
    ? (request?: ChannelRequest<M>) => Promise<Result<ChannelResponse<M>>>
    : (request: ChannelRequest<M>) => Promise<Result<ChannelResponse<M>>>;
};

export const channelMethods = Object.keys(channels) as ChannelMethod[];

export function channelByName(name: string): ChannelMethod | undefined {
  return channelMethods.find((method) => channels[method].name === name);
}

/**
 * Builds the bridge object from the table around one transport function. The preload passes
 * `ipcRenderer.invoke`; the e2e harness passes a Playwright binding. Same shape either way.
 */
export function buildBridge(invoke: (channelName: string, request: unknown) => Promise<unknown>) {
  const bridge: Record<string, (request?: unknown) => Promise<unknown>> = {};
  for (const method of channelMethods) {
    const name = channels[method].name;
    bridge[method] = (request?: unknown) => invoke(name, request);
  }
  return Object.freeze(bridge) as unknown as StillpointBridge;
}
